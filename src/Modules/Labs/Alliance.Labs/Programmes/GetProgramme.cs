using Alliance.Shared.Localization;
using Alliance.Labs.Common;
using Alliance.Labs.Contracts;
using Alliance.Labs.Domain;
using Alliance.Labs.Persistence;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using Alliance.Shared.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Alliance.Labs.Programmes;

/// <summary>A programme's funnel (participants per status, counted in SQL) and its participants, paged, filterable.</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record GetProgramme(Guid LabId, ParticipantStatus? Status = null, bool DueOnly = false, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IRequest<ProgrammeView>;

internal sealed record ProgrammeView(
    Guid LabId, string Title, LabStatus LabStatus, IReadOnlyDictionary<ParticipantStatus, int> Funnel, int Total, int DueForFollowUp, int FollowUpDays,
    PagedResult<ParticipantItem> Participants);

internal sealed record ParticipantItem(
    Guid Id, string Name, string? Email, ParticipantStatus Status, DateOnly LastContactOn, DateOnly? FollowUpOn, bool DueForFollowUp, uint Version,
    IReadOnlyList<ParticipantHistoryItem> History);

internal sealed record ParticipantHistoryItem(ParticipantStatus Status, DateOnly On, string? Note);

internal sealed class GetProgrammeHandler(LabsDbContext db, LabPermissions permissions, IOptions<LabsOptions> options, TimeProvider clock) : IRequestHandler<GetProgramme, ProgrammeView>
{
    public async Task<ProgrammeView> Handle(GetProgramme request, CancellationToken cancellationToken)
    {
        var lab = await permissions.LabAsync(request.LabId, cancellationToken);
        if (lab.Kind != LabKind.Programme)
        {
            throw NotFoundException.For("Programme", request.LabId);
        }

        // Participants are private people, not members: only the office and the programme's coordinators see them.
        await permissions.RequireManagerAsync(lab.Id, cancellationToken);
        var days = options.Value.FollowUpDays;
        var today = AllianceTime.Today(clock);
        var threshold = today.AddDays(-days);
        var funnel = await db.Participants.Where(p => p.LabId == lab.Id).GroupBy(p => p.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var due = await db.Participants.Where(p => p.LabId == lab.Id).Where(FollowUp.Due(threshold, today)).CountAsync(cancellationToken);

        var query = db.Participants.AsNoTracking().Where(p => p.LabId == lab.Id);
        if (request.Status is { } status)
        {
            query = query.Where(p => p.Status == status);
        }

        if (request.DueOnly)
        {
            query = query.Where(FollowUp.Due(threshold, today));
        }

        var page = await query.OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new ParticipantItem(p.Id, p.Name, p.Email, p.Status, p.LastContactOn, p.FollowUpOn,
                p.Status != ParticipantStatus.GaveUp && (p.LastContactOn <= threshold || (p.FollowUpOn != null && p.FollowUpOn <= today)), p.Version,
                p.History.OrderByDescending(h => h.On).ThenByDescending(h => h.RecordedAt).Take(10).Select(h => new ParticipantHistoryItem(h.Status, h.On, h.Note)).ToList()))
            .ToPagedResultAsync(request.Page, request.PageSize, cancellationToken);
        return new ProgrammeView(lab.Id, lab.Title, lab.Status, funnel, funnel.Values.Sum(), due, days, page);
    }
}

internal static class FollowUp
{
    /// <summary>
    /// Worth a follow-up: not given up, and either not heard from for the configured days or past the agreed
    /// follow-up date. An expression, so the database decides.
    /// </summary>
    public static System.Linq.Expressions.Expression<Func<Participant, bool>> Due(DateOnly threshold, DateOnly today) =>
        p => p.Status != ParticipantStatus.GaveUp && (p.LastContactOn <= threshold || (p.FollowUpOn != null && p.FollowUpOn <= today));
}
