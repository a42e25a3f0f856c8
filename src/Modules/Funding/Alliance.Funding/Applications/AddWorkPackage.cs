using Alliance.Funding.Common;
using Alliance.Funding.Domain;
using Alliance.Funding.Persistence;
using Alliance.Funding.Resources;
using Alliance.Shared.Contracts;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Funding.Applications;

/// <summary>Staff add a work package (numbered in order) with an optional responsible person.</summary>
[AllowedFor(Who.Staff)]
internal sealed record AddWorkPackage(Guid ApplicationId, string? Title, Guid? ResponsiblePersonId) : IRequest<Guid>;

internal sealed class AddWorkPackageValidator : AbstractValidator<AddWorkPackage>
{
    public AddWorkPackageValidator(IStringLocalizer<FundingText> text) =>
        RuleFor(w => w.Title).NotEmpty().WithMessage(_ => text["Field_Required"]).MaximumLength(TextLimits.Title);
}

internal sealed class AddWorkPackageHandler(FundingDbContext db, FundingPermissions permissions) : IRequestHandler<AddWorkPackage, Guid>
{
    public async Task<Guid> Handle(AddWorkPackage request, CancellationToken cancellationToken)
    {
        var application = await permissions.EditableApplicationAsync(request.ApplicationId, cancellationToken);
        var number = await db.WorkPackages.Where(w => w.ApplicationId == application.Id).Select(w => (int?)w.Number).MaxAsync(cancellationToken) ?? 0;
        var package = new WorkPackage
        {
            Id = Guid.NewGuid(), ApplicationId = application.Id, Number = number + 1, Title = request.Title!.Trim(), ResponsiblePersonId = request.ResponsiblePersonId,
        };
        db.WorkPackages.Add(package);
        return package.Id;
    }
}
