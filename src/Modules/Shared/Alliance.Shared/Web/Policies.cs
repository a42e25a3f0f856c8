using Alliance.Shared.Contracts;
using Microsoft.AspNetCore.Authorization;

namespace Alliance.Shared.Web;

public static class Policies
{
    /// <summary>Staff or administrators (the office).</summary>
    public const string Staff = "staff";

    /// <summary>Administrators only.</summary>
    public const string Administrator = "administrator";

    public static AuthorizationBuilder AddAlliancePolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Staff, policy => policy.RequireRole(Roles.Staff, Roles.Administrator))
        .AddPolicy(Administrator, policy => policy.RequireRole(Roles.Administrator));
}
