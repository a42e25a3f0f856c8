using Alliance.Members.Accounts;
using Alliance.Members.Demo;
using Alliance.Members.Domain;
using Alliance.Members.Organizations;
using Alliance.Members.People;
using Alliance.Members.Persistence;
using Alliance.Members.Resources;
using Alliance.Shared.Components;
using Alliance.Shared.Contracts;
using Alliance.Shared.Modules;
using Alliance.Shared.Persistence;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alliance.Members;

/// <summary>Directory (organisations, people) and access (accounts, invitations, roles, privacy).</summary>
public sealed class MembersModule : IModule
{
    public string Name => MembersDbContext.Schema;

    public Type DbContextType => typeof(MembersDbContext);

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<MembersDbContext>(configuration, MembersDbContext.Schema);
        services.AddScoped<MembersDemoSeeder>();
        services.AddScoped<AccountClaimsFactory>();
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<MemberPermissions>();
        services.AddPickerSource<Pickers.PeoplePickerSource>();
        services.AddPickerSource<Pickers.OrganizationPickerSource>();

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddIdentityCore<UserAccount>(identity =>
            {
                identity.User.RequireUniqueEmail = true;
                identity.Password.RequiredLength = 10;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Password.RequireUppercase = false;
                // No hard lockout (a stranger could shut anyone out with it): SignInThrottle makes failing
                // addresses wait instead, known or not.
                identity.Lockout.AllowedForNewUsers = false;
                identity.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<MembersDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<AccountClaimsFactory>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrors>();

        // Signed-in browsers pick up changed roles, and lose an erased or deleted account, within a minute.
        services.Configure<SecurityStampValidatorOptions>(stamp => stamp.ValidationInterval = TimeSpan.FromMinutes(1));

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/login";
            cookie.LogoutPath = "/account/logout";
            cookie.AccessDeniedPath = "/forbidden";
            cookie.Cookie.Name = "alliance.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            // Secure whenever the request is HTTPS (directly or, through forwarded headers, at the proxy).
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // The stamp is checked on every request, so sign-out and password or role changes end sessions at once.
            cookie.Events.OnValidatePrincipal = SessionValidation.ValidatePrincipalAsync;
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
            // The API answers 401/403 as problem details instead of redirecting to the login page.
            cookie.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
        });
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/openapi"))
        {
            context.Response.StatusCode = status;
            return Results.Problem(statusCode: status).ExecuteAsync(context.HttpContext);
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        OrganizationEndpoints.Map(endpoints);
        PeopleEndpoints.Map(endpoints);
        Pickers.PickerEndpoints.Map(endpoints);
        AccessEndpoints.Map(endpoints);
    }

    public IReadOnlyList<NavigationItem> Navigation =>
    [
        new("/organizations", "Nav_Organizations", typeof(MembersText), 10),
        new("/people", "Nav_People", typeof(MembersText), 11),
        new("/admin/accounts", "Nav_Accounts", typeof(MembersText), 90, Roles.Administrator),
    ];

    public IReadOnlyList<DashboardCard> DashboardCards =>
    [
        new(typeof(Pages.MembersDashboardCard), 10),
    ];

    public Task SeedDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<MembersDemoSeeder>().SeedAsync(cancellationToken);
}
