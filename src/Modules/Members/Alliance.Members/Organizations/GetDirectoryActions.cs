using Alliance.Shared.Contracts;
using MediatR;

namespace Alliance.Members.Organizations;

/// <summary>What the directory's list pages offer the caller, decided by <see cref="MemberPermissions"/>.</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record GetDirectoryActions : IRequest<DirectoryActions>;

/// <summary>
/// The list pages' actions: new organisation / person, CSV export, former members, the account column.
/// Pages show these only from the flags, never by checking roles themselves.
/// </summary>
internal sealed record DirectoryActions(bool CanCreateOrganizations, bool CanExportOrganizations, bool CanSeeInactiveOrganizations, bool CanCreatePeople, bool CanSeeAccounts);

internal sealed class GetDirectoryActionsHandler(MemberPermissions permissions) : IRequestHandler<GetDirectoryActions, DirectoryActions>
{
    public Task<DirectoryActions> Handle(GetDirectoryActions request, CancellationToken cancellationToken) =>
        Task.FromResult(new DirectoryActions(
            CanCreateOrganizations: permissions.ManagesDirectory,
            CanExportOrganizations: permissions.ManagesDirectory,
            CanSeeInactiveOrganizations: permissions.SeesInactiveOrganizations,
            CanCreatePeople: permissions.ManagesDirectory,
            CanSeeAccounts: permissions.ManagesDirectory));
}
