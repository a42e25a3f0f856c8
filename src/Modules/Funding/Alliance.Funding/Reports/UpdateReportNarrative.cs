using Alliance.Funding.Common;
using Alliance.Funding.Domain;
using Alliance.Funding.Persistence;
using Alliance.Funding.Resources;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using Alliance.Shared.Input;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Funding.Reports;

/// <summary>
/// Staff write a drafted report's narrative: goals, work done per work package, results, deviations, outlook (empty
/// text clears a section; a work package left out keeps its text). 404 for an unknown report, 409 once submitted or
/// when <see cref="Version"/> is stale (someone else saved, or a refresh replaced the figures, since it was read).
/// </summary>
[AllowedFor(Who.Staff)]
internal sealed record UpdateReportNarrative(Guid ReportId, string? Goals, IReadOnlyList<WorkPackageText>? WorkDone, string? Results, string? Deviations, string? Outlook,
    uint Version) : IRequest<Unit>;

/// <summary>The text of what was done in one work package.</summary>
internal sealed record WorkPackageText(Guid WorkPackageId, string? Text);

internal sealed class UpdateReportNarrativeValidator : AbstractValidator<UpdateReportNarrative>
{
    public UpdateReportNarrativeValidator()
    {
        RuleFor(r => r.Goals).MaximumLength(TextLimits.Narrative);
        RuleFor(r => r.Results).MaximumLength(TextLimits.Narrative);
        RuleFor(r => r.Deviations).MaximumLength(TextLimits.Narrative);
        RuleFor(r => r.Outlook).MaximumLength(TextLimits.Narrative);
        RuleFor(r => r.WorkDone).MaxItems(RequestCaps.WorkPackages);
        RuleForEach(r => r.WorkDone).ChildRules(w => w.RuleFor(x => x.Text).MaximumLength(TextLimits.Narrative));
    }
}

internal sealed class UpdateReportNarrativeHandler(FundingDbContext db, IStringLocalizer<FundingText> text) : IRequestHandler<UpdateReportNarrative, Unit>
{
    public async Task<Unit> Handle(UpdateReportNarrative request, CancellationToken cancellationToken)
    {
        var report = await db.Reports.FirstOrDefaultAsync(r => r.ReportingPeriodId == request.ReportId, cancellationToken)
            ?? throw NotFoundException.For("Report", request.ReportId);
        if (report.SubmittedAt is not null)
        {
            throw new ConflictException(text["Report_Submitted"]);
        }

        db.Entry(report).Property(r => r.Version).OriginalValue = request.Version;
        var packages = WorkPackageNarrative.FromJson(report.WorkDone);
        var texts = (request.WorkDone ?? []).GroupBy(w => w.WorkPackageId).ToDictionary(g => g.Key, g => Clean(g.Last().Text));
        if (texts.Keys.Any(id => packages.All(p => p.WorkPackageId != id)))
        {
            throw Invalid.Field(nameof(UpdateReportNarrative.WorkDone), text["Report_UnknownWorkPackage"]);
        }

        report.Goals = Clean(request.Goals);
        report.Results = Clean(request.Results);
        report.Deviations = Clean(request.Deviations);
        report.Outlook = Clean(request.Outlook);
        report.WorkDone = WorkPackageNarrative.ToJson([.. packages.Select(p => texts.TryGetValue(p.WorkPackageId, out var t) ? p with { Text = t } : p)]);
        return Unit.Value;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
