namespace Alliance.Members.Contracts;

/// <summary>An organisation as other modules see it.</summary>
public sealed record OrganizationSummary(
    Guid Id,
    string Name,
    PartnerGroup PartnerGroup,
    string? Sector,
    SizeClass SizeClass,
    int? EmployeeCount,
    string? District,
    bool IsActive);

/// <summary>
/// A person as other modules see it. <see cref="NameVisibleToMembers"/> tells whether representatives of other
/// organisations may see the name; staff always may. An erased person has no name or e-mail any more.
/// </summary>
public sealed record PersonSummary(
    Guid Id,
    string DisplayName,
    string? Email,
    string PreferredLanguage,
    Guid? OrganizationId,
    bool MayContactByEmail,
    bool NameVisibleToMembers,
    bool IsErased,
    bool HasAccount);

/// <summary>A person with her organisation (null without one): the answer of <see cref="GetPeopleWithOrganizations"/>.</summary>
public sealed record PersonWithOrganization(PersonSummary Person, OrganizationSummary? Organization);

/// <summary>
/// Whose names a caller may read, as the asking module's rule has it (Labs: <c>LabPermissions.MaySeeName</c>), so that
/// Members can filter by it in SQL: every name when <see cref="SeesEveryName"/> (the office); otherwise the names of people
/// who agreed to be shown to members, the caller's own (<see cref="PersonId"/>) and those of her organisation's people
/// (<see cref="OrganizationId"/>).
/// </summary>
public sealed record NameReader(bool SeesEveryName, Guid? PersonId, Guid? OrganizationId);

/// <summary>A contact found by <see cref="FindMemberContacts"/>: the person, her name and her organisation (id and name).</summary>
public sealed record ContactMatch(Guid Id, string DisplayName, Guid OrganizationId, string Organization);
