using Alliance.Members.Contracts;

namespace Alliance.Members.Domain;

/// <summary>A person of a member organisation (Vertreter:in). A user account is optional.</summary>
internal sealed class Person
{
    public Guid Id { get; set; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Function { get; set; }
    public Guid? OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    public string PreferredLanguage { get; set; } = "de";

    /// <summary>Consent to be contacted by e-mail, and when it was given.</summary>
    public bool ConsentContactByEmail { get; set; }
    public DateTimeOffset? ConsentContactByEmailAt { get; set; }

    /// <summary>Consent that other members may see the name, and when it was given.</summary>
    public bool ConsentNameVisible { get; set; }
    public DateTimeOffset? ConsentNameVisibleAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? ErasedAt { get; set; }
    public uint Version { get; set; }

    /// <summary>Counts every change (<see cref="Touch"/>); snapshot events carry it as their source version.</summary>
    public long Revision { get; private set; }

    /// <summary>Records a change: the time and the next <see cref="Revision"/>. Every write to a person calls it.</summary>
    public void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Revision++;
    }

    public string DisplayName => ErasedAt is null ? $"{FirstName} {LastName}".Trim() : ErasedName;

    public const string ErasedName = "—";

    public PersonSummary ToSummary(bool hasAccount) => new(
        Id, DisplayName, ErasedAt is null ? Email : null, PreferredLanguage, OrganizationId,
        ConsentContactByEmail && ErasedAt is null, ConsentNameVisible && ErasedAt is null, ErasedAt is not null, hasAccount);

    /// <summary>The snapshot event after a change, versioned by <see cref="Revision"/>.</summary>
    public PersonChanged ChangedEvent(bool hasAccount) => new(ToSummary(hasAccount)) { SourceVersion = Revision };
}
