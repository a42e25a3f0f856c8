using Alliance.Funding.Common;
using Alliance.Funding.Persistence;
using Alliance.Funding.Resources;
using Alliance.Shared.Contracts;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Funding.Applications;

/// <summary>
/// Staff change an application's basics while it is a draft or in internal review (409 afterwards or when stale).
/// The period must keep every budget line's year and every milestone.
/// </summary>
[AllowedFor(Who.Staff)]
internal sealed record UpdateApplication(Guid ApplicationId, string? Title, string? Summary, Guid? ApplicantOrganizationId, DateOnly? ProjectStart,
    DateOnly? ProjectEnd, uint Version) : IRequest<Unit>, IApplicationFields;

internal sealed class UpdateApplicationValidator : AbstractValidator<UpdateApplication>
{
    public UpdateApplicationValidator(IStringLocalizer<FundingText> text) => Include(new ApplicationFieldsValidator(text));
}

internal sealed class UpdateApplicationHandler(FundingDbContext db, FundingPermissions permissions, IStringLocalizer<FundingText> text)
    : IRequestHandler<UpdateApplication, Unit>
{
    public async Task<Unit> Handle(UpdateApplication request, CancellationToken cancellationToken)
    {
        var application = await permissions.EditableApplicationAsync(request.ApplicationId, cancellationToken);
        db.Entry(application).Property(a => a.Version).OriginalValue = request.Version;
        var start = request.ProjectStart!.Value;
        var end = request.ProjectEnd!.Value;
        if (await db.BudgetLines.AnyAsync(b => b.ApplicationId == application.Id && (b.Year < start.Year || b.Year > end.Year), cancellationToken)
            || await db.Milestones.AnyAsync(m => m.ApplicationId == application.Id && (m.Due < start || m.Due > end), cancellationToken))
        {
            throw Invalid.Field(nameof(UpdateApplication.ProjectEnd), text["Application_PeriodExcludesPlan"]);
        }

        application.Title = request.Title!.Trim();
        application.Summary = string.IsNullOrWhiteSpace(request.Summary) ? null : request.Summary.Trim();
        application.ApplicantOrganizationId = request.ApplicantOrganizationId!.Value;
        application.ProjectStart = start;
        application.ProjectEnd = end;
        return Unit.Value;
    }
}
