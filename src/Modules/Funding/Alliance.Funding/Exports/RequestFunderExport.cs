using Alliance.Funding.Common;
using Alliance.Funding.Domain;
using Alliance.Funding.Persistence;
using Alliance.Funding.Resources;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using Alliance.Shared.Localization;
using FluentValidation;
using Hangfire;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Funding.Exports;

/// <summary>
/// Starts an export for the funder (administrators only): records who asked, when, for which file — the audit record —
/// and queues the Hangfire job that writes it. The narrative report (DOCX, PDF) is made of one drafted report
/// (<see cref="ReportId"/>, the reporting period's id; 404 when the application has no such report); the numerical
/// proof covers the whole project and takes none. While the same export is still queued or running, asking again
/// returns that one instead of a second job. Returns the export's id.
/// </summary>
[AllowedFor(Who.Administrator)]
internal sealed record RequestFunderExport(Guid ApplicationId, ExportKind Kind, string Language = Cultures.German, Guid? ReportId = null) : IRequest<Guid>
{
    /// <summary>Whether the kind is a narrative report, made of one report.</summary>
    public static bool IsNarrative(ExportKind kind) => kind is ExportKind.NarrativeDocx or ExportKind.NarrativePdf;
}

internal sealed class RequestFunderExportValidator : AbstractValidator<RequestFunderExport>
{
    public RequestFunderExportValidator(IStringLocalizer<FundingText> text)
    {
        RuleFor(r => r.Kind).IsInEnum().WithMessage(_ => text["Export_KindInvalid"]);
        RuleFor(r => r.Language).Must(l => Cultures.Supported.Contains(l)).WithMessage(_ => text["Export_LanguageInvalid"]);
        RuleFor(r => r.ReportId).NotNull().When(r => RequestFunderExport.IsNarrative(r.Kind)).WithMessage(_ => text["Export_ReportRequired"]);
    }
}

internal sealed class RequestFunderExportHandler(FundingDbContext db, FundingPermissions permissions, IBackgroundJobClient jobs, TimeProvider clock)
    : IRequestHandler<RequestFunderExport, Guid>
{
    public async Task<Guid> Handle(RequestFunderExport request, CancellationToken cancellationToken)
    {
        var application = await permissions.ApplicationAsync(request.ApplicationId, cancellationToken);
        var reportId = RequestFunderExport.IsNarrative(request.Kind) ? request.ReportId : null;
        if (reportId is { } report && !await db.Reports.AnyAsync(r => r.ReportingPeriodId == report && r.ApplicationId == application.Id, cancellationToken))
        {
            throw NotFoundException.For("Report", report);
        }

        var pending = await db.Exports.AsNoTracking()
            .Where(e => e.ApplicationId == application.Id && e.Kind == request.Kind && e.Language == request.Language && e.ReportId == reportId
                && (e.State == ExportState.Queued || e.State == ExportState.Running))
            .Select(e => (Guid?)e.Id).FirstOrDefaultAsync(cancellationToken);
        if (pending is { } running)
        {
            return running;
        }

        var export = new FunderExport
        {
            Id = Guid.NewGuid(),
            ApplicationId = application.Id,
            Kind = request.Kind,
            ReportId = reportId,
            Language = request.Language,
            State = ExportState.Queued,
            RequestedByPersonId = permissions.User.PersonId,
            RequestedByName = permissions.User.DisplayName ?? "",
            RequestedAt = clock.GetUtcNow(),
        };
        db.Exports.Add(export);

        // Committed before the job is queued, so the job always finds its row.
        await db.SaveChangesAsync(cancellationToken);
        jobs.Enqueue<FundingJobs>(j => j.RunExportAsync(export.Id, CancellationToken.None));
        return export.Id;
    }
}
