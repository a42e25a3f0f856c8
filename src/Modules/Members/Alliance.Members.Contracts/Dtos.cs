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
