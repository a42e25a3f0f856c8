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

/// <summary>
/// One page of the contacts of the given organisations — the people <see cref="GetMemberContacts"/> returns for them: not
/// erased, with an e-mail address, of organisations that are active — in the order of last name, first name, id; for a
/// picker over a bounded set of organisations (a lab's action-item owners: its member organisations' contacts) and for
/// checking such a choice. <paramref name="Term"/>: only people whose "first last" name contains each of its words, in
/// any order (case-insensitive, <c>%</c> and <c>_</c> matched as themselves, of more than
/// five words the five longest, as every picker search); null for any. <paramref name="Ids"/>: only these people; null for any.
/// <paramref name="Names"/>: only people whose name the asking module lets its caller read; null for everyone.
/// <paramref name="PageSize"/> is clamped to 1–20, <paramref name="Page"/> to the pages there are.
/// </summary>
[AllowedFor(Who.Internal)]
public sealed record FindMemberContacts(
    IReadOnlyCollection<Guid> OrganizationIds,
    string? Term,
    IReadOnlyCollection<Guid>? Ids,
    NameReader? Names,
    int Page = 1,
    int PageSize = 20) : IRequest<PagedResult<ContactMatch>>;

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
