using Alliance.Labs.Contracts;
using Alliance.Members.Contracts;

namespace Alliance.Labs.Domain;

/// <summary>An action field (Handlungsfeld) groups labs and proposals.</summary>
internal sealed class ActionField
{
    public Guid Id { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A working lab (Reallabor) or a programme, with its lifecycle.</summary>
internal sealed class Lab
{
    public Guid Id { get; set; }
    public required string Title { get; set; }
    public Guid ActionFieldId { get; set; }
    public ActionField? ActionField { get; set; }
    public string? Description { get; set; }
    public string? Goals { get; set; }
    public LabKind Kind { get; set; }
    public LabStatus Status { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }

    /// <summary>Partner groups the lab should have (warning on the lab page when one is missing).</summary>
    public List<PartnerGroup> RequiredPartnerGroups { get; set; } = [];

    public List<LabCoordinator> Coordinators { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public uint Version { get; set; }
}

internal sealed class LabCoordinator
{
    public Guid LabId { get; set; }
    public Guid PersonId { get; set; }
}

/// <summary>One step of a lab's lifecycle: who changed it to what, when.</summary>
internal sealed class LabStatusChange
{
    public Guid Id { get; set; }
    public Guid LabId { get; set; }
    public LabStatus Status { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
    public Guid? ChangedByPersonId { get; set; }
}

/// <summary>Read copy of a member organisation (name and partner group), kept from Members' events.</summary>
internal sealed class OrganizationCopy
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public PartnerGroup PartnerGroup { get; set; }

    /// <summary>The Members row version this copy was last updated from; older or equal snapshots are ignored.</summary>
    public long SourceVersion { get; set; }
}
