using Alliance.Shared.Contracts;

namespace Alliance.Labs.Contracts;

[EventName("labs.membership-approved")]
public sealed record LabMembershipApproved(Guid LabId, Guid OrganizationId, Guid? RequestedByPersonId) : IntegrationEvent;

[EventName("labs.membership-ended")]
public sealed record LabMembershipEnded(Guid LabId, Guid OrganizationId) : IntegrationEvent;

[EventName("labs.status-changed")]
public sealed record LabStatusChanged(Guid LabId, LabStatus Status) : IntegrationEvent;
