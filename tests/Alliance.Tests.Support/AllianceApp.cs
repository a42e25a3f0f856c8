using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Alliance.Members.Domain;
using Alliance.Shared.Mail;
using Alliance.Shared.Messaging;
using Alliance.Shared.Modules;
using Microsoft.AspNetCore.Identity;
using MediatR;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Alliance.Tests.Support;

/// <summary>
/// The real host on a real Kestrel port, on a fresh PostgreSQL database with the demo data, Hangfire running.
/// One per test class (IClassFixture). Tests talk to it through HTTP, through MediatR as a given user,
/// or through a browser.
/// </summary>
public class AllianceApp : IAsyncLifetime
{
    private WebApplicationFactory<Program>? _factory;

    public string ConnectionString { get; private set; } = "";
    public string MailFolder { get; } = Path.Combine(Path.GetTempPath(), "alliance-mail-" + Guid.NewGuid().ToString("N"));
    public Uri BaseAddress { get; private set; } = default!;
    public IServiceProvider Services => _factory!.Services;

    /// <summary>Settings a test class may change before the host starts (e.g. Jobs:RunServer=false).</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>
    /// Services a test class adds or replaces after the host registered its own: a test-only module
    /// (<c>services.AddAllianceModule(configuration, module)</c>), a failing mail transport, a clock.
    /// <paramref name="configuration"/> holds the fixture's settings (connection string included).
    /// </summary>
    protected virtual void ConfigureTestServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    public virtual async Task InitializeAsync()
    {
        ConnectionString = await CreateDemoDatabaseAsync();
        await StartHostAsync(Settings);
    }

    /// <summary>A new database with the migrated schemas and the demo alliance (a copy of this build's template).</summary>
    public static Task<string> CreateDemoDatabaseAsync() => TestDatabase.CreateFromTemplateAsync(PrepareTemplateAsync);

    /// <summary>Migrates and seeds the template database once: a plain host without job server, then stopped.</summary>
    private static async Task PrepareTemplateAsync(string connectionString)
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Testing");
            host.UseSetting("ConnectionStrings:Alliance", connectionString);
            host.UseSetting("Demo:Seed", "true");
            host.UseSetting("Jobs:RunServer", "false");
            host.UseSetting("Mail:PickupDirectory", Path.Combine(Path.GetTempPath(), "alliance-mail-template"));
            host.UseSetting("Logging:LogLevel:Default", "Warning");
            host.UseUrls("http://127.0.0.1:0");
        });
        factory.UseKestrel(0);
        factory.StartServer();
        await DeliverSeededMessagesAsync(factory.Services);
    }

    /// <summary>
    /// Delivers the events the demo seeding published (134 rows: invitations, survey and funding events) and sends the
    /// mails they queue, once in the template, as the job server would: before, every test host started by working
    /// off the same backlog, seconds of CPU per test class.
    /// </summary>
    private static async Task DeliverSeededMessagesAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var catalog = scope.ServiceProvider.GetRequiredService<ModuleCatalog>();
        var dispatcher = scope.ServiceProvider.GetRequiredService<OutboxDispatcher>();
        int delivered;
        do
        {
            // A delivered event may publish in another module's outbox: go round until a round delivers nothing.
            delivered = 0;
            foreach (var module in catalog.Modules)
            {
                delivered += await dispatcher.DispatchAsync(module.Name);
            }
        }
        while (delivered > 0);

        var sender = scope.ServiceProvider.GetRequiredService<EmailSender>();
        while (await sender.SendDueAsync() > 0)
        {
        }
    }

    /// <summary>Starts (or restarts) the host on the same database, as after a crash or a deploy.</summary>
    public async Task StartHostAsync(IDictionary<string, string?> settings)
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Testing");
            host.UseSetting("ConnectionStrings:Alliance", ConnectionString);
            host.UseSetting("Demo:Seed", "true");
            host.UseSetting("Mail:PickupDirectory", MailFolder);
            host.UseSetting("Jobs:Workers", "2");
            host.UseSetting("Logging:LogLevel:Default", "Warning");
            // A free port of our own: without it Kestrel falls back to localhost:5000, which collides with any
            // other test run on the machine (the factory's UseKestrel(0) does not reach a WithWebHostBuilder host).
            host.UseUrls("http://127.0.0.1:0");
            // Every test client comes from 127.0.0.1, so the per-IP abuse limits would treat a whole test class as
            // one stranger. Tests of the limits set their own (and tell clients apart with X-Forwarded-For).
            foreach (var limit in new[] { "SignIn", "PasswordReset", "TokenLink", "CalendarFeed", "TokenGuess" })
            {
                host.UseSetting($"Security:RateLimits:{limit}:PermitLimit", "1000000");
            }

            host.UseSetting("Security:PasswordReset:MailsPerHour", "1000");
            foreach (var (key, value) in settings)
            {
                host.UseSetting(key, value);
            }

            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Alliance"] = ConnectionString })
                .AddInMemoryCollection(settings)
                .Build();
            host.ConfigureTestServices(services => ConfigureTestServices(services, configuration));
        });
        _factory.UseKestrel(0);
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
    }

    public virtual async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await TestDatabase.DropDatabaseAsync(ConnectionString);
    }

    /// <summary>An HTTP client with its own cookie jar, not signed in.</summary>
    public HttpClient Anonymous()
    {
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        return new HttpClient(handler) { BaseAddress = BaseAddress };
    }

    /// <summary>An HTTP client signed in through the real sign-in endpoint.</summary>
    public async Task<HttpClient> SignedInAsync(string email, string password = DemoUsers.Password)
    {
        var client = Anonymous();
        var response = await client.PostAsJsonAsync("/api/members/account/login", new { email, password });
        if (response.StatusCode != HttpStatusCode.NoContent)
        {
            throw new InvalidOperationException($"Sign-in of {email} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return client;
    }

    /// <summary>Sends a MediatR request inside a scope in which <paramref name="user"/> is the signed-in user (null: nobody).</summary>
    public async Task<TResponse> SendAsync<TResponse>(IRequest<TResponse> request, ClaimsPrincipal? user = null)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext =
            new DefaultHttpContext { User = user ?? new ClaimsPrincipal(new ClaimsIdentity()), RequestServices = scope.ServiceProvider };
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    /// <summary>Runs code against a module's DbContext (or any service) in its own scope.</summary>
    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>The claims principal the real sign-in would give this user (cookie contents).</summary>
    public Task<ClaimsPrincipal> PrincipalAsync(string email) =>
        WithScopeAsync(async sp =>
        {
            var signIn = sp.GetRequiredService<SignInManager<UserAccount>>();
            var account = await signIn.UserManager.FindByEmailAsync(email)
                ?? throw new InvalidOperationException($"No account for {email}.");
            return await signIn.CreateUserPrincipalAsync(account);
        });

    /// <summary>Mails queued for an address (newest first), as the mail queue stores them.</summary>
    public Task<List<EmailMessage>> MailsToAsync(string address) =>
        WithScopeAsync(sp => sp.GetRequiredService<MailDbContext>().Messages.AsNoTracking()
            .Where(m => m.ToAddress == address).OrderByDescending(m => m.QueuedAt).ToListAsync());

    /// <summary>Waits until a mail to the address whose subject contains the text is queued.</summary>
    public Task<EmailMessage> WaitForMailAsync(string address, string subjectContains) =>
        Eventually.Until(async () => (await MailsToAsync(address)).FirstOrDefault(m => m.Subject.Contains(subjectContains, StringComparison.OrdinalIgnoreCase)),
            mail => mail is not null, what: $"a mail to {address} about '{subjectContains}'")!;
}
