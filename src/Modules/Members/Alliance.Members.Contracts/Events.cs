using Alliance.Shared.Contracts;

namespace Alliance.Members.Contracts;

public sealed record OrganizationCreated(OrganizationSummary Organization) : IntegrationEvent;

public sealed record OrganizationChanged(OrganizationSummary Organization) : IntegrationEvent;

public sealed record PersonCreated(PersonSummary Person) : IntegrationEvent;

public sealed record PersonChanged(PersonSummary Person) : IntegrationEvent;

/// <summary>
/// Staff erased a person. Every module that stores something about the person handles this event and removes
/// or anonymises it (name, e-mail, free text), keeping counts so reports stay right.
/// </summary>
public sealed record PersonErased(Guid PersonId) : IntegrationEvent;
