using Alliance.Meetings.Domain;
using Alliance.Meetings.Meetings;
using Alliance.Meetings.Persistence;
using Alliance.Members.Contracts;
using Alliance.Shared.Contracts;
using Alliance.Shared.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Meetings.Registrations;

/// <summary>The registration list for staff and check-in: search by name or organisation, filter by status and partner group.</summary>
internal sealed record ListRegistrations(
    Guid MeetingId, string? Search = null, RegistrationStatus? Status = null, PartnerGroup? PartnerGroup = null,
    int Page = 1, int PageSize = 50) : IRequest<PagedResult<RegistrationListItem>>;

internal sealed record RegistrationListItem(
    Guid Id, Guid PersonId, string PersonName, string? OrganizationName, PartnerGroup? PartnerGroup, RegistrationStatus Status,
    long? WaitlistPosition, DateTimeOffset? RespondedAt, DateTimeOffset? CheckedInAt, bool IsWalkIn);

internal sealed class ListRegistrationsHandler(MeetingsDbContext db, MeetingAccess access) : IRequestHandler<ListRegistrations, PagedResult<RegistrationListItem>>
{
    public async Task<PagedResult<RegistrationListItem>> Handle(ListRegistrations request, CancellationToken cancellationToken)
    {
        await access.ManagedMeetingAsync(request.MeetingId, cancellationToken);
        return await Query(db, request)
            .OrderBy(r => r.Status == RegistrationStatus.Registered ? 0 : r.Status == RegistrationStatus.Waitlisted ? 1 : 2).ThenBy(r => r.WaitlistPosition).ThenBy(r => r.OrganizationName).ThenBy(r => r.PersonName)
            .Select(r => new RegistrationListItem(r.Id, r.PersonId, r.PersonName, r.OrganizationName, r.PartnerGroup, r.Status, r.WaitlistPosition,
                r.RespondedAt, r.CheckedInAt, r.IsWalkIn))
            .ToPagedResultAsync(request.Page, request.PageSize, cancellationToken);
    }

    public static IQueryable<Registration> Query(MeetingsDbContext db, ListRegistrations request)
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
            query = query.Where(r => EF.Functions.ILike(r.PersonName, pattern, "\\") || EF.Functions.ILike(r.OrganizationName ?? "", pattern, "\\"));
        }

        return query;
    }
}
