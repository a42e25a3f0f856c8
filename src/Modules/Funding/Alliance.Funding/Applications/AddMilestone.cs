using Alliance.Funding.Common;
using Alliance.Funding.Domain;
using Alliance.Funding.Persistence;
using Alliance.Funding.Resources;
using Alliance.Shared.Contracts;
using Alliance.Shared.Input;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Funding.Applications;

/// <summary>Staff add a milestone due within the project period, optionally to a work package and with a responsible person.</summary>
[AllowedFor(Who.Staff)]
internal sealed record AddMilestone(Guid ApplicationId, string? Title, DateOnly? Due, Guid? WorkPackageId, Guid? ResponsiblePersonId) : IRequest<Guid>;

internal sealed class AddMilestoneValidator : AbstractValidator<AddMilestone>
{
    public AddMilestoneValidator(IStringLocalizer<FundingText> text)
    {
        RuleFor(m => m.Title).NotEmpty().WithMessage(_ => text["Field_Required"]).MaximumLength(TextLimits.Title);
        RuleFor(m => m.Due).NotNull().WithMessage(_ => text["Field_Required"]).InAllianceRange();
    }
}

internal sealed class AddMilestoneHandler(FundingDbContext db, FundingPermissions permissions, IStringLocalizer<FundingText> text) : IRequestHandler<AddMilestone, Guid>
{
    public async Task<Guid> Handle(AddMilestone request, CancellationToken cancellationToken)
    {
        var application = await permissions.EditableApplicationAsync(request.ApplicationId, cancellationToken);
        var due = request.Due!.Value;
        if (due < application.ProjectStart || due > application.ProjectEnd)
        {
            throw Invalid.Field(nameof(AddMilestone.Due), text["Date_OutsidePeriod"]);
        }

        if (request.WorkPackageId is { } package && !await db.WorkPackages.AnyAsync(w => w.Id == package && w.ApplicationId == application.Id, cancellationToken))
        {
            throw Invalid.Field(nameof(AddMilestone.WorkPackageId), text["WorkPackage_Unknown"]);
        }

        var milestone = new Milestone
        {
            Id = Guid.NewGuid(), ApplicationId = application.Id, Title = request.Title!.Trim(), Due = due,
            WorkPackageId = request.WorkPackageId, ResponsiblePersonId = request.ResponsiblePersonId,
        };
        db.Milestones.Add(milestone);
        return milestone.Id;
    }
}
