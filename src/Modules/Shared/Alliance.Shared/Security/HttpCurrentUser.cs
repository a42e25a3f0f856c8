using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Alliance.Shared.Security;

/// <summary>The signed-in person of the current HTTP request, or the office inside a <see cref="SystemActor"/> scope.</summary>
internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public bool IsAuthenticated => SystemActor.IsActive || Principal?.Identity?.IsAuthenticated == true;

    public Guid? UserId => Read(ClaimTypes.NameIdentifier);

    public Guid? PersonId => Read(AllianceClaimTypes.PersonId);

    public Guid? OrganizationId => Read(AllianceClaimTypes.OrganizationId);

    public string? DisplayName => Principal?.FindFirstValue(AllianceClaimTypes.DisplayName) ?? Principal?.Identity?.Name;

    public CultureInfo Culture => CultureInfo.CurrentUICulture;

    public bool IsInRole(string role) =>
        SystemActor.IsActive ? role is Contracts.Roles.Staff or Contracts.Roles.Administrator : Principal?.IsInRole(role) == true;

    private Guid? Read(string claimType) =>
        Guid.TryParse(Principal?.FindFirstValue(claimType), out var id) ? id : null;
}
