using Alliance.Shared.Contracts;

namespace Alliance.Members.Contracts;

/// <summary>A snapshot of the row after the change; see <see cref="SourceVersion"/>.</summary>
[EventName("members.organization-created")]
public sealed record OrganizationCreated(OrganizationSummary Organization) : IntegrationEvent, ISnapshotEvent
{
    /// <inheritdoc />
    public long SourceVersion { get; init; }
}

/// <summary>A snapshot of the row after the change; see <see cref="SourceVersion"/>.</summary>
[EventName("members.organization-changed")]
public sealed record OrganizationChanged(OrganizationSummary Organization) : IntegrationEvent, ISnapshotEvent
{
    /// <inheritdoc />
    public long SourceVersion { get; init; }
}

/// <summary>A snapshot of the row after the change; see <see cref="SourceVersion"/>.</summary>
[EventName("members.person-changed")]
public sealed record PersonChanged(PersonSummary Person) : IntegrationEvent, ISnapshotEvent
{
    /// <inheritdoc />
    public long SourceVersion { get; init; }
}

/// <summary>
/// Staff erased a person. Every module that stores something about the person handles this event and removes
/// or anonymises it (name, e-mail, free text), keeping counts so reports stay right.
/// </summary>
[EventName("members.person-erased")]
public sealed record PersonErased(Guid PersonId) : IntegrationEvent;
