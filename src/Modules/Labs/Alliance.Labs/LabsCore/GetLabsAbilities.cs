using Alliance.Labs.Common;
using Alliance.Shared.Contracts;
using MediatR;

namespace Alliance.Labs.LabsCore;

/// <summary>What the user may start on the labs' list pages (new lab, new action field, post a proposal, need or offer).</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record GetLabsAbilities : IRequest<LabsAbilities>;

/// <summary>Flags from <see cref="LabPermissions"/> for pages without a resource of their own.</summary>
internal sealed record LabsAbilities(bool CanCreateLab, bool CanCreateActionField, bool CanPostForOrganization);

internal sealed class GetLabsAbilitiesHandler(LabPermissions permissions) : IRequestHandler<GetLabsAbilities, LabsAbilities>
{
    public Task<LabsAbilities> Handle(GetLabsAbilities request, CancellationToken cancellationToken) =>
        Task.FromResult(new LabsAbilities(permissions.CanCreateLabs, permissions.CanCreateLabs, permissions.ActsForOrganization));
}
