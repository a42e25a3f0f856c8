using Alliance.Meetings.Domain;
using Alliance.Meetings.Meetings;
using Alliance.Meetings.Persistence;
using Alliance.Members.Contracts;
using Alliance.Shared.Contracts;
using Alliance.Shared.Localization;
using Alliance.Shared.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Meetings.Registrations;

/// <summary>
/// The registration list for staff, the lab's coordinator and check-in: search by name or organisation, filter by status
/// and partner group. Names follow <see cref="MeetingPermissions.SeesName"/>: a hidden name comes back as null with
/// <see cref="RegistrationListItem.NameShared"/> false, and a search never matches it.
/// </summary>
[AllowedFor(Who.SignedIn)]
internal sealed record ListRegistrations(
    Guid MeetingId, string? Search = null, RegistrationStatus? Status = null, PartnerGroup? PartnerGroup = null,
    int Page = 1, int PageSize = 50) : IRequest<PagedResult<RegistrationListItem>>;

/// <param name="WaitlistPlace">A waitlisted person's place in the queue now (1: next to get a seat) — not the stored
/// position, which keeps its gaps after people moved up or left.</param>
internal sealed record RegistrationListItem(
    Guid Id, Guid PersonId, string? PersonName, bool NameShared, string? OrganizationName, PartnerGroup? PartnerGroup, RegistrationStatus Status,
    int? WaitlistPlace, DateTimeOffset? RespondedAt, DateTimeOffset? CheckedInAt, bool IsWalkIn);

internal sealed class ListRegistrationsHandler(MeetingsDbContext db, MeetingPermissions permissions) : IRequestHandler<ListRegistrations, PagedResult<RegistrationListItem>>
{
    public async Task<PagedResult<RegistrationListItem>> Handle(ListRegistrations request, CancellationToken cancellationToken)
    {
        await permissions.ManagedMeetingAsync(request.MeetingId, cancellationToken);
        var page = await Query(db, permissions, request)
            .OrderBy(r => r.Status == RegistrationStatus.Registered ? 0 : r.Status == RegistrationStatus.Waitlisted ? 1 : 2).ThenBy(r => r.WaitlistPosition)
            .ThenBy(r => EF.Functions.Collate(r.OrganizationName!, GermanSort.Collation)).ThenBy(r => r.Id)
            .ToPagedResultAsync(request.Page, request.PageSize, cancellationToken);
        var places = await WaitlistPlacesAsync(page.Items, request.MeetingId, cancellationToken);
        return new PagedResult<RegistrationListItem>(
            [.. page.Items.Select(r => new RegistrationListItem(r.Id, r.PersonId, permissions.SeesName(r.OrganizationId, r.NameVisibleToMembers) ? r.PersonName : null,
                permissions.SeesName(r.OrganizationId, r.NameVisibleToMembers), r.OrganizationName, r.PartnerGroup, r.Status,
                r.WaitlistPosition is { } position && places.TryGetValue(position, out var place) ? place : null, r.RespondedAt, r.CheckedInAt, r.IsWalkIn))],
            page.Page, page.PageSize, page.TotalCount);
    }

    /// <summary>Place in the queue (1-based) of each waitlisted position on the page: the positions up to the page's last, in one query.</summary>
    private async Task<Dictionary<long, int>> WaitlistPlacesAsync(IReadOnlyList<Registration> page, Guid meetingId, CancellationToken ct)
    {
        var last = page.Where(r => r.Status == RegistrationStatus.Waitlisted).Max(r => r.WaitlistPosition);
        if (last is null)
        {
            return [];
        }

        var ahead = await db.Registrations.AsNoTracking()
            .Where(r => r.MeetingId == meetingId && r.Status == RegistrationStatus.Waitlisted && r.WaitlistPosition <= last)
            .OrderBy(r => r.WaitlistPosition).Select(r => r.WaitlistPosition!.Value).ToListAsync(ct);
        return ahead.Select((position, index) => (position, index)).ToDictionary(x => x.position, x => x.index + 1);
    }

    /// <summary>The meeting's registrations by the request's filters; the name search only reaches names the caller may see.</summary>
    public static IQueryable<Registration> Query(MeetingsDbContext db, MeetingPermissions permissions, ListRegistrations request)
    {
        var query = db.Registrations.AsNoTracking().Where(r => r.MeetingId == request.MeetingId);
        if (request.Status is { } status)
        {
            query = query.Where(r => r.Status == status);
        }

        if (request.PartnerGroup is { } group)
        {
            query = query.Where(r => r.PartnerGroup == group);
        }

        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            var pattern = $"%{request.Search.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_")}%";
            query = permissions.SearchByNameOrOrganization(query, pattern);
        }

        return query;
    }
}
