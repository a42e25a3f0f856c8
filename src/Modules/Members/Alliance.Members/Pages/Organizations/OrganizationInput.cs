using Alliance.Members.Contracts;

namespace Alliance.Members.Pages.Organizations;

/// <summary>The organisation form's model; property names equal the request's so server errors land on the right field.</summary>
public sealed class OrganizationInput
{
    public string? Name { get; set; }
    public PartnerGroup PartnerGroup { get; set; } = PartnerGroup.Company;
    public string? Sector { get; set; }
    public int? EmployeeCount { get; set; }
    public string? District { get; set; }
    public string? Street { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
    public string? Website { get; set; }
    public DateOnly? MemberSince { get; set; }
    public DateOnly? MemberUntil { get; set; }
    public uint Version { get; set; }
}
