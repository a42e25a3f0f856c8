using Alliance.Members.Contracts;
using MediatR;
using Alliance.Shared.Contracts;

namespace Alliance.Labs.Contracts;

public enum LabKind
{
    WorkingLab = 0,
    Programme = 1,
}

public enum LabStatus
{
    Proposed = 0,
    Active = 1,
    Paused = 2,
    Concluded = 3,
}

/// <summary>A lab as other modules see it (meetings' audience picker, funding reports).</summary>
public sealed record LabSummary(Guid Id, string Title, string ActionField, LabKind Kind, LabStatus Status);

/// <summary>A lab with its member organisations and coordinators.</summary>
public sealed record LabDetails(
    Guid Id,
    string Title,
    string ActionField,
    LabKind Kind,
    LabStatus Status,
    IReadOnlyList<Guid> CoordinatorPersonIds,
    IReadOnlyList<Guid> MemberOrganizationIds);

/// <summary>
/// Labs of any status, ordered by title: those with the given <paramref name="Ids"/> (at most 1,000; unknown ids are
/// left out), or without ids all of them — only for reports over every lab; a page names its chosen labs by id and
/// lets people choose through the lab picker (<c>PickerSources.Labs</c>).
/// </summary>
[AllowedFor(Who.Internal)]
public sealed record GetLabs(IReadOnlyList<Guid>? Ids = null) : IRequest<IReadOnlyList<LabSummary>>;

/// <summary>One lab with members and coordinators; null when unknown.</summary>
[AllowedFor(Who.Internal)]
public sealed record GetLabDetails(Guid LabId) : IRequest<LabDetails?>;

/// <summary>Whether the person coordinates the lab (coordinators manage their lab's meetings).</summary>
[AllowedFor(Who.Internal)]
public sealed record IsLabCoordinator(Guid LabId, Guid PersonId) : IRequest<bool>;
