using Alliance.Members.Contracts;

namespace Alliance.Members.Pages.Organizations;

/// <summary>
/// The organisation form's model; property names equal the request's so server errors land on the right field. The
/// number and the dates are kept as typed and read with <see cref="Alliance.Shared.Web.FormFields"/> (docs/modules.md
/// "Forms: typed values are text").
/// </summary>
public sealed class OrganizationInput
{
    public string? Name { get; set; }
    public PartnerGroup PartnerGroup { get; set; } = PartnerGroup.Company;
    public string? Sector { get; set; }
    /// <summary>A whole number as typed; empty is "not known".</summary>
    public string? EmployeeCount { get; set; }
    public string? District { get; set; }
    public string? Street { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
    public string? Website { get; set; }
    /// <summary>A day (<c>yyyy-MM-dd</c> as the date input sends it); empty is none.</summary>
    public string? MemberSince { get; set; }
    /// <summary>A day (<c>yyyy-MM-dd</c>); empty is none.</summary>
    public string? MemberUntil { get; set; }
    public uint Version { get; set; }
}
