using Alliance.Labs.ActionItems;
using Alliance.Labs.Common;
using Alliance.Labs.Contracts;
using Alliance.Labs.Domain;
using Alliance.Labs.Persistence;
using Alliance.Meetings.Contracts;
using Alliance.Members.Contracts;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using Alliance.Shared.Localization;
using Alliance.Shared.Modules;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Labs.LabsCore;

/// <summary>
/// Everything the lab page shows: members and their mix, requests, proposals, outcomes, open action items, history,
/// the lab's upcoming meetings (when Meetings is installed), and what the user may do there.
/// </summary>
[AllowedFor(Who.SignedIn)]
internal sealed record GetLabPage(Guid LabId) : IRequest<LabPage>;

/// <summary>The lab page. The <c>Can…</c> flags come from <see cref="LabPermissions"/>; the page shows actions only by them.</summary>
internal sealed record LabPage(
    Guid Id,
    string Title,
    Guid ActionFieldId,
    string ActionField,
    string? Description,
    string? Goals,
    LabKind Kind,
    LabStatus Status,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    uint Version,
    IReadOnlyList<PartnerGroup> RequiredPartnerGroups,
    IReadOnlyList<NamedPerson> Coordinators,
    IReadOnlyList<LabMemberItem> Members,
    IReadOnlyDictionary<PartnerGroup, int> PartnerGroupMix,
    IReadOnlyList<PartnerGroup> MissingPartnerGroups,
    IReadOnlyList<MembershipRequestItem> PendingRequests,
    IReadOnlyList<LabProposalItem> Proposals,
    IReadOnlyList<LabOutcomeItem> Outcomes,
    IReadOnlyList<LabActionItem> OpenActionItems,
    IReadOnlyList<LabHistoryItem> History,
    IReadOnlyList<MeetingSummary>? UpcomingMeetings,
    bool CanManage,
    bool CanEdit,
    bool CanSeeProgramme,
    bool CanJoin,
    LabOwnMembership Own);

/// <summary>A person by id and the name the user may read.</summary>
internal sealed record NamedPerson(Guid Id, string Name);

/// <summary>A current member; <see cref="CanEnd"/>: the user may end the membership (leave, or remove it).</summary>
internal sealed record LabMemberItem(
    Guid MembershipId, Guid OrganizationId, string Organization, PartnerGroup PartnerGroup, MembershipRole Role, DateTimeOffset JoinedAt, bool IsOwn, bool CanEnd);

/// <summary>A pending membership request (shown to the lab's managers).</summary>
internal sealed record MembershipRequestItem(Guid Id, Guid OrganizationId, string Organization, PartnerGroup PartnerGroup, string RequestedBy, string? Motivation, DateTimeOffset RequestedAt, uint Version);

/// <summary>A proposal taken into the lab.</summary>
internal sealed record LabProposalItem(Guid Id, string Title, int Supports);

/// <summary>An outcome of the lab.</summary>
internal sealed record LabOutcomeItem(Guid Id, string Title, OutcomeKind Kind, OutcomeStatus Status, int Percent);

/// <summary>An open action item; the owner's person and organisation are read apart and joined for display only.</summary>
internal sealed record LabActionItem(Guid Id, string Title, string Owner, DateOnly? DueDate, bool IsOverdue, ActionItemSource Source, string? SourceLink, string? MeetingTitle);

/// <summary>One lifecycle step.</summary>
internal sealed record LabHistoryItem(LabStatus Status, DateTimeOffset ChangedAt, string ChangedBy);

/// <summary>Where the signed-in user's organisation stands: member (with id), request pending, last decline reason.</summary>
internal sealed record LabOwnMembership(Guid? OrganizationId, Guid? MembershipId, bool RequestPending, string? LastDeclineReason);

internal sealed class GetLabPageHandler(
    LabsDbContext db, LabPermissions permissions, PeopleNames people, IMediator mediator, ModuleCatalog catalog, TimeProvider clock)
    : IRequestHandler<GetLabPage, LabPage>
{
    /// <summary>At most this many current members are listed (a lab has tens).</summary>
    private const int MemberLimit = 500;

    public async Task<LabPage> Handle(GetLabPage request, CancellationToken ct)
    {
        var lab = await db.Labs.AsNoTracking().Include(l => l.ActionField).Include(l => l.Coordinators)
            .FirstOrDefaultAsync(l => l.Id == request.LabId, ct) ?? throw NotFoundException.For("Lab", request.LabId);
        var canManage = await permissions.CanManageAsync(lab.Id, ct);
        var open = lab.Status != LabStatus.Concluded;
        var today = AllianceTime.Today(clock);
        var own = permissions.OwnOrganization;

        var members = (await db.Memberships.AsNoTracking().Where(m => m.LabId == lab.Id && m.LeftAt == null)
                .OrderBy(m => m.Role).ThenBy(m => m.Organization!.Name)
                .Select(m => new { m.Id, m.OrganizationId, m.Organization!.Name, m.Organization.PartnerGroup, m.Role, m.JoinedAt })
                .Take(MemberLimit).ToListAsync(ct))
            .Select(m => new LabMemberItem(m.Id, m.OrganizationId, m.Name, m.PartnerGroup, m.Role, m.JoinedAt, m.OrganizationId == own,
                permissions.CanEndMembership(m.OrganizationId, canManage)))
            .ToList();
        // The mix is counted from the member list when that list is complete (no second statement), by the database otherwise.
        var mix = members.Count < MemberLimit
            ? members.GroupBy(m => m.PartnerGroup).ToDictionary(g => g.Key, g => g.Count())
            : await db.Memberships.Where(m => m.LabId == lab.Id && m.LeftAt == null)
                .GroupBy(m => m.Organization!.PartnerGroup).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var missing = lab.RequiredPartnerGroups.Where(g => !mix.ContainsKey(g)).ToList();

        var pending = canManage
            ? await db.MembershipRequests.AsNoTracking().Where(r => r.LabId == lab.Id && r.Status == MembershipRequestStatus.Pending)
                .OrderBy(r => r.RequestedAt).Take(100)
                .Join(db.Organizations, r => r.OrganizationId, o => o.Id, (r, o) => new { r, o.Name, o.PartnerGroup })
                .ToListAsync(ct)
            : [];

        var proposals = await db.Proposals.AsNoTracking().Where(p => p.LabId == lab.Id && p.Status == ProposalStatus.TakenIntoLab)
            .OrderByDescending(p => p.AnsweredAt).Take(50)
            .Select(p => new LabProposalItem(p.Id, p.Title, p.Supports.Count)).ToListAsync(ct);
        var outcomes = await db.Outcomes.AsNoTracking().Where(o => o.LabId == lab.Id).OrderBy(o => o.CreatedAt).Take(100)
            .Select(o => new LabOutcomeItem(o.Id, o.Title, o.Kind, o.Status, o.Percent)).ToListAsync(ct);
        var actionItems = await db.ActionItems.AsNoTracking().Where(a => a.LabId == lab.Id && a.Status == ActionItemStatus.Open)
            .OrderBy(a => a.DueDate == null).ThenBy(a => a.DueDate).Take(50).ToListAsync(ct);
        var history = await db.StatusChanges.AsNoTracking().Where(s => s.LabId == lab.Id).OrderBy(s => s.ChangedAt).Take(100).ToListAsync(ct);

        LabOwnMembership ownState = new(own, null, false, null);
        if (own is { } organization)
        {
            var membership = members.FirstOrDefault(m => m.OrganizationId == organization);
            var lastRequest = await db.MembershipRequests.AsNoTracking().Where(r => r.LabId == lab.Id && r.OrganizationId == organization)
                .OrderByDescending(r => r.RequestedAt).FirstOrDefaultAsync(ct);
            ownState = new(organization, membership?.MembershipId, lastRequest?.Status == MembershipRequestStatus.Pending,
                lastRequest?.Status == MembershipRequestStatus.Declined ? lastRequest.DeclineReason : null);
        }

        var ownerOrganizations = actionItems.Select(a => a.OwnerOrganizationId).OfType<Guid>().Distinct().ToList();
        var organizationNames = ownerOrganizations.Count == 0 ? [] : await db.Organizations.AsNoTracking()
            .Where(o => ownerOrganizations.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var names = await people.NamesAsync(
            lab.Coordinators.Select(c => (Guid?)c.PersonId)
                .Concat(pending.Select(p => p.r.RequestedByPersonId))
                .Concat(actionItems.Select(a => a.OwnerPersonId))
                .Concat(history.Select(h => h.ChangedByPersonId)), ct);

        string Name(Guid? id) => id is { } value && names.TryGetValue(value, out var name) ? name : PeopleNames.Unknown;

        var meetings = catalog.Handles(typeof(GetUpcomingMeetingsForLab)) ? await mediator.Send(new GetUpcomingMeetingsForLab(lab.Id), ct) : null;

        return new LabPage(
            lab.Id, lab.Title, lab.ActionFieldId, lab.ActionField!.Title, lab.Description, lab.Goals, lab.Kind, lab.Status, lab.StartsOn, lab.EndsOn, lab.Version,
            lab.RequiredPartnerGroups,
            lab.Coordinators.Select(c => new NamedPerson(c.PersonId, Name(c.PersonId))).OrderBy(p => p.Name, GermanOrder.Comparer).ToList(),
            members, mix, missing,
            pending.Select(p => new MembershipRequestItem(p.r.Id, p.r.OrganizationId, p.Name, p.PartnerGroup, Name(p.r.RequestedByPersonId), p.r.Motivation, p.r.RequestedAt, p.r.Version)).ToList(),
            proposals, outcomes,
            actionItems.Select(a => new LabActionItem(a.Id, a.Title, ActionItemOwner.Display(a.OwnerPersonId is null ? null : Name(a.OwnerPersonId),
                a.OwnerOrganizationId is { } org && organizationNames.TryGetValue(org, out var orgName) ? orgName : null), a.DueDate, a.DueDate < today, a.Source, a.SourceLink, a.MeetingTitle)).ToList(),
            history.Select(h => new LabHistoryItem(h.Status, h.ChangedAt, Name(h.ChangedByPersonId))).ToList(),
            meetings,
            CanManage: canManage && open,
            CanEdit: permissions.CanEditLab(lab),
            CanSeeProgramme: canManage && lab.Kind == LabKind.Programme,
            CanJoin: own is not null && ownState.MembershipId is null && !ownState.RequestPending && open,
            ownState);
    }
}
