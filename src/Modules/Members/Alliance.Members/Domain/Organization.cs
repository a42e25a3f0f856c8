using Alliance.Members.Contracts;

namespace Alliance.Members.Domain;

/// <summary>A member organisation of the alliance (Mitgliedsorganisation).</summary>
internal sealed class Organization
{
    public Guid Id { get; set; }
    public string Name
    {
        get => _name;
        set
        {
            _name = value.Trim();
            NormalizedName = Normalize(_name);
        }
    }

    private string _name = string.Empty;

    /// <summary>Upper-case name: names are unique regardless of case and surrounding blanks.</summary>
    public string NormalizedName { get; private set; } = string.Empty;

    public static string Normalize(string name) => name.Trim().ToUpperInvariant();
    public PartnerGroup PartnerGroup { get; set; }
    public string? Sector { get; set; }
    public SizeClass SizeClass { get; set; }
    public int? EmployeeCount { get; set; }
    public string? District { get; set; }
    public string? Street { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
    public string? Website { get; set; }
    public DateOnly? MemberSince { get; set; }
    public DateOnly? MemberUntil { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>PostgreSQL xmin: optimistic concurrency for edits by several people.</summary>
    public uint Version { get; set; }

    /// <summary>
    /// Counts every change (<see cref="Touch"/>). Snapshot events carry it as their source version, so a subscriber
    /// that receives an older snapshot after a newer one keeps the newer. xmin cannot serve: it is not monotonic.
    /// </summary>
    public long Revision { get; private set; }

    /// <summary>Records a change: the time and the next <see cref="Revision"/>. Every write to an organisation calls it.</summary>
    public void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Revision++;
    }

    public OrganizationSummary ToSummary() =>
        new(Id, Name, PartnerGroup, Sector, SizeClass, EmployeeCount, District, IsActive);

    /// <summary>The snapshot event after creation, versioned by <see cref="Revision"/>.</summary>
    public OrganizationCreated CreatedEvent() => new(ToSummary()) { SourceVersion = Revision };

    /// <summary>The snapshot event after a change, versioned by <see cref="Revision"/>.</summary>
    public OrganizationChanged ChangedEvent() => new(ToSummary()) { SourceVersion = Revision };

    /// <summary>The size class follows the head count when it is known (EU thresholds).</summary>
    public static SizeClass ClassifySize(int? employees) => employees switch
    {
        null => SizeClass.Unknown,
        < 10 => SizeClass.Micro,
        < 50 => SizeClass.Small,
        < 250 => SizeClass.Medium,
        _ => SizeClass.Large,
    };
}
