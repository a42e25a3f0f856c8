using Alliance.Shared.Contracts;
using MediatR;

namespace Alliance.Members.Contracts;

/// <summary>Organisations by id, in one batch. Unknown ids are left out.</summary>
[AllowedFor(Who.Internal)]
public sealed record GetOrganizationsByIds(IReadOnlyCollection<Guid> Ids) : IRequest<IReadOnlyList<OrganizationSummary>>;

/// <summary>People by id, in one batch. Unknown ids are left out; erased people come back anonymised.</summary>
[AllowedFor(Who.Internal)]
public sealed record GetPeopleByIds(IReadOnlyCollection<Guid> Ids) : IRequest<IReadOnlyList<PersonSummary>>;

/// <summary>
/// The active people of active member organisations, e.g. to invite them to a meeting.
/// <paramref name="OrganizationIds"/> null means all member organisations; otherwise only those.
/// </summary>
[AllowedFor(Who.Internal)]
public sealed record GetMemberContacts(IReadOnlyCollection<Guid>? OrganizationIds) : IRequest<IReadOnlyList<PersonSummary>>;

/// <summary>All active organisations (id, name, group), ordered by name — for pickers and statistics.</summary>
[AllowedFor(Who.Internal)]
public sealed record GetActiveOrganizations : IRequest<IReadOnlyList<OrganizationSummary>>;
