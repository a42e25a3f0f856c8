using System.Globalization;
using System.Text.Json.Serialization;
using Alliance.Host;
using Alliance.Host.Components;
using Alliance.Host.Startup;
using Alliance.Shared.Errors;
using Alliance.Shared.Input;
using Alliance.Shared.Localization;
using Alliance.Shared.Modules;
using Alliance.Shared.Web;
using Hangfire;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

// Pages show instants in the alliance's time zone, whatever zone the server's clock is set to.
AllianceTime.Zone = TimeZoneInfo.FindSystemTimeZoneById(builder.Configuration["App:TimeZone"] ?? AllianceTime.DefaultZone);

builder.Services.AddAllianceModules(builder.Configuration, AllianceModules.All);
builder.Services.AddAuthorizationBuilder().AddAlliancePolicies();
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddRazorComponents();
builder.Services.AddLocalization();
builder.Services.AddProblemDetails();
builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
{
    document.Info.Title = "Alliance API";
    document.Info.Description = "Members, labs, meetings, surveys and funding of the economic alliance.";
    return Task.CompletedTask;
}));
builder.Services.AddAbuseLimits(builder.Configuration);
builder.AddAllianceTelemetry();
builder.Services.AddReverseProxySupport(builder.Configuration);
builder.Services.AddHealthChecks()
    .AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);

var app = builder.Build();
// The queue gauges exist from the start, not only once the first outbox or mail job has run.
app.Services.GetRequiredService<Alliance.Shared.Telemetry.MessagingMetrics>();

await DatabaseStartup.PrepareAsync(app.Services, app.Configuration, app.Lifetime.ApplicationStopping);
StartupLog.LogWhenStarted(app);

// First: behind a reverse proxy, the client's address and scheme (https) come from its X-Forwarded-* headers.
app.UseForwardedHeaders();
app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment())
{
    // Only on HTTPS requests (directly or through the proxy), never for localhost.
    app.UseHsts();
}

// API requests get problem details from the kernel's exception handler; pages get the error page with the mapped status.
app.UseExceptionHandler(new ExceptionHandlerOptions
{
    ExceptionHandlingPath = "/error",
    CreateScopeForErrors = true,
    StatusCodeSelector = ProblemDetailsExceptionHandler.StatusOf,
    // What a client sent wrong (a body over the limit, a missing page) is no server error: no "fail:" entry for it.
    SuppressDiagnosticsCallback = context => ProblemDetailsExceptionHandler.StatusOf(context.Exception) < 500,
});
// Errors without a body: the API answers with problem details, pages with the localized status page.
app.UseWhen(context => IsApi(context.Request.Path),
    api => api.UseStatusCodePages());
// Not for HEAD: its answer has no body to show a page in, and the status page (GET and POST only) would turn a 404 into
// a 405 — link checkers and calendar apps ask feeds with HEAD.
app.UseWhen(context => !IsApi(context.Request.Path) && !HttpMethods.IsHead(context.Request.Method),
    pages => pages.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true));
app.UseRequestLocalization(options =>
{
    options.SetDefaultCulture(Cultures.German).AddSupportedCultures(Cultures.Supported).AddSupportedUICultures(Cultures.Supported);
    // German unless the person chose otherwise (cookie, set by the switch or at sign-in from their profile).
    options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
});
// Texts follow the UI language ("de"/"en"); dates and numbers follow its regional convention (de-DE/en-GB).
app.Use((context, next) =>
{
    CultureInfo.CurrentCulture = Cultures.Formatting(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
    return next(context);
});
app.UseStaticFiles();
// Explicit, after the error middlewares: their re-executed requests (/error, /status/404) must be routed again.
app.UseRouting();
// NUL, non-characters and lone surrogates never reach a use case (API: 400 problem; pages: dropped). After routing,
// so a form is read with its endpoint's body limit: a page marked [UploadLimit] takes files above 1 MiB.
app.UseRequestInputFilter();
app.UseRateLimiter();
app.UseTokenGuessThrottle();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.UseFriendlyFormTokenFailures(IsApi);

app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
// The API description is for the office (and programs it writes), not for every signed-in member.
app.MapOpenApi().RequireAuthorization(Policies.Staff);
app.MapScalarApiReference("/api/docs", options => options.WithTitle("Alliance API").WithOpenApiRoutePattern("/openapi/{documentName}.json"))
    .RequireAuthorization(Policies.Staff);
app.UseHangfireStatsGuard("/jobs");
app.UseHangfireDashboard("/jobs", new DashboardOptions
{
    Authorization = [new AdministratorDashboardFilter()],
    DashboardTitle = "Alliance jobs",
    AppPath = "/",
});
app.MapCultureSwitch();
app.MapKernelEndpoints();

// The registered modules: AllianceModules.All, plus any a composition on top of the host added.
foreach (var module in app.Services.GetServices<IModule>())
{
    module.MapEndpoints(app);
}

app.MapRazorComponents<App>()
    .AddAdditionalAssemblies(AllianceModules.PageAssemblies.ToArray());

app.Run();

static bool IsApi(PathString path) => path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi");

/// <summary>Entry point; public so the tests' WebApplicationFactory can start the real host.</summary>
public partial class Program;
