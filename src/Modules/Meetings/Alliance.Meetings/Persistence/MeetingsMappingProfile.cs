using AutoMapper;

namespace Alliance.Meetings.Persistence;

/// <summary>
/// Meetings' AutoMapper profile, deliberately without maps: every read projection of this module is written by hand in
/// its query, because none of them is a plain entity → DTO copy. The meeting list counts registrations in correlated
/// subqueries and adds the caller's own status (a per-request parameter); the registration list and exports apply
/// <see cref="Meetings.MeetingPermissions.SeesName"/> per row after reading; a meeting's page is composed from seven
/// queries (agenda, decisions, polls with SQL vote counts, documents, topics, addenda, attendance). Expressed as maps,
/// each would need parameterised <c>ProjectTo</c> plus <c>MapFrom</c> expressions per member — the same code, harder to
/// read and to check for N+1 queries. The module therefore uses hand-written projections only (no half-and-half).
/// </summary>
internal sealed class MeetingsMappingProfile : Profile
{
}
