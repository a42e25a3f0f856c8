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
/// People by id, each with their organisation, in one batch and one statement — for a caller that needs both (a
/// registration copies the person's name, address and consent and her organisation's name and partner group). The
/// person is exactly what <see cref="GetPeopleByIds"/> answers (erased people anonymised, consent applied); the
/// organisation is what <see cref="GetOrganizationsByIds"/> answers for her organisation (also an inactive one), null
/// when she has none. Unknown ids are left out.
/// </summary>
[AllowedFor(Who.Internal)]
public sealed record GetPeopleWithOrganizations(IReadOnlyCollection<Guid> Ids) : IRequest<IReadOnlyList<PersonWithOrganization>>;

/// <summary>
/// The active people of active member organisations, e.g. to invite them to a meeting.
/// <paramref name="OrganizationIds"/> null means all member organisations; otherwise only those.
/// </summary>
[AllowedFor(Who.Internal)]
public sealed record GetMemberContacts(IReadOnlyCollection<Guid>? OrganizationIds) : IRequest<IReadOnlyList<PersonSummary>>;

/// <summary>All active organisations (id, name, group), ordered by name — for pickers and statistics.</summary>
[AllowedFor(Who.Internal)]
public sealed record GetActiveOrganizations : IRequest<IReadOnlyList<OrganizationSummary>>;

/// <summary>
/// The sectors active organisations name, each once (spellings differing only in case merged), in German order — for
/// filters and audience choices, without loading the organisations.
/// </summary>
[AllowedFor(Who.Internal)]
public sealed record GetSectorsInUse : IRequest<IReadOnlyList<string>>;

/// <summary>
/// Ids of the active organisations that match every given attribute (an empty list matches any value; sectors compare
/// case-insensitively), filtered in the database — e.g. a survey's audience by partner group, sector and size class.
/// </summary>
[AllowedFor(Who.Internal)]
public sealed record FindOrganizationsByAttributes(
    IReadOnlyCollection<PartnerGroup> PartnerGroups,
    IReadOnlyCollection<string> Sectors,
    IReadOnlyCollection<SizeClass> SizeClasses) : IRequest<IReadOnlyList<Guid>>;
