using Alliance.Shared.Contracts;

namespace Alliance.Labs.Contracts;

public sealed record LabMembershipApproved(Guid LabId, Guid OrganizationId, Guid? RequestedByPersonId) : IntegrationEvent;

public sealed record LabMembershipEnded(Guid LabId, Guid OrganizationId) : IntegrationEvent;

public sealed record LabStatusChanged(Guid LabId, LabStatus Status) : IntegrationEvent;
