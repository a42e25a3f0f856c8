namespace Alliance.Members.Pages.People;

/// <summary>The person form's model; property names equal the request's so server errors land on the right field.</summary>
public sealed class PersonInput
{
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Function { get; set; }
    /// <summary>The chosen organisation's id as text, empty for none (see <see cref="SelectValues"/>).</summary>
    public string? OrganizationId { get; set; }
    public string PreferredLanguage { get; set; } = "de";
    public bool ConsentContactByEmail { get; set; }
    public bool ConsentNameVisible { get; set; }
    public uint Version { get; set; }
}
