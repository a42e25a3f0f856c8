using Alliance.Shared.Contracts;
using Hangfire.Dashboard;

namespace Alliance.Host.Startup;

/// <summary>The Hangfire dashboard at /jobs is for administrators only.</summary>
internal sealed class AdministratorDashboardFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) =>
        context.GetHttpContext().User.IsInRole(Roles.Administrator);
}
