using Alliance.Shared.Contracts;

namespace Alliance.Members.Contracts;

[EventName("members.organization-created")]
public sealed record OrganizationCreated(OrganizationSummary Organization) : IntegrationEvent;

[EventName("members.organization-changed")]
public sealed record OrganizationChanged(OrganizationSummary Organization) : IntegrationEvent;

[EventName("members.person-created")]
public sealed record PersonCreated(PersonSummary Person) : IntegrationEvent;

[EventName("members.person-changed")]
public sealed record PersonChanged(PersonSummary Person) : IntegrationEvent;

/// <summary>
/// Staff erased a person. Every module that stores something about the person handles this event and removes
/// or anonymises it (name, e-mail, free text), keeping counts so reports stay right.
/// </summary>
[EventName("members.person-erased")]
public sealed record PersonErased(Guid PersonId) : IntegrationEvent;
