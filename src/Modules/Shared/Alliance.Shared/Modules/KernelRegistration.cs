using Alliance.Shared.Errors;
using Alliance.Shared.Input;
using Alliance.Shared.Mail;
using Alliance.Shared.Mediator;
using Alliance.Shared.Jobs;
using Alliance.Shared.Messaging;
using Alliance.Shared.Messaging.FailedMessages;
using Alliance.Shared.Persistence;
using Alliance.Shared.Security;
using Alliance.Shared.Telemetry;
using Alliance.Shared.Web;
using AutoMapper;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Alliance.Shared.Modules;

public static class KernelRegistration
{
    /// <summary>
    /// Registers the shared kernel and every module: MediatR with its behaviours, each module's handlers and
    /// services, the outbox, the mail queue, AutoMapper profiles of all modules, and Hangfire.
    /// </summary>
    public static ModuleCatalog AddAllianceModules(this IServiceCollection services, IConfiguration configuration, IReadOnlyList<IModule> modules)
    {
        var catalog = new ModuleCatalog();
        services.AddSingleton(catalog);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(typeof(Alliance.Shared.Concurrency.KeyedGate<>));
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        services.AddScoped<Web.FlashMessages>();
        services.AddSingleton<WakeUpJobs>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxInterceptor>();
        services.AddScoped<OutboxDispatcher>();
        services.AddMetrics();
        services.AddSingleton<MessagingMetrics>();
        services.Configure<MessagingOptions>(configuration.GetSection(MessagingOptions.Section));
        services.AddScoped<FailedMessageRows>();
        services.AddScoped<RetentionJob>();
        services.AddSingleton<ProblemMapper>();
        services.AddScoped<PageCommands>();
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        // Unreadable input (an unknown enum name, malformed JSON) throws, so it becomes a 400 problem from the one
        // mapper instead of an empty 400.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        // Input rules for every JSON body, and one size limit for every body (README "Limits").
        services.ConfigureHttpJsonOptions(json => JsonInputRules.Apply(json.SerializerOptions));
        services.Configure<ProblemDetailsOptions>(options =>
        {
            var previous = options.CustomizeProblemDetails;
            options.CustomizeProblemDetails = context =>
            {
                previous?.Invoke(context);
                RequestLanguage.Localize(context);
            };
        });
        services.Configure<KestrelServerOptions>(options => options.Limits.MaxRequestBodySize = RequestLimits.MaxBodyBytes);
        services.Configure<FormOptions>(options =>
        {
            options.MultipartBodyLengthLimit = RequestLimits.MaxBodyBytes;
            options.ValueCountLimit = RequestLimits.MaxItems;
        });
        services.AddAllianceMediator();

        // The kernel's own part: the mail queue, a subscriber like any module.
        catalog.Add(MailDbContext.Schema, typeof(MailDbContext), typeof(KernelRegistration).Assembly);
        services.AddHandlersFrom(typeof(KernelRegistration).Assembly, catalog);
        services.AddModuleDbContext<MailDbContext>(configuration, MailDbContext.Schema);
        services.Configure<MailOptions>(configuration.GetSection(MailOptions.Section));
        services.AddDatabaseKeyRing();
        services.AddScoped<EmailSender>();
        services.Configure<AppOptions>(configuration.GetSection(AppOptions.Section));
        services.AddScoped<EmailComposer>();
        services.AddSingleton<MailSignal>();
        services.AddSingleton<IEmailTransport>(sp =>
            string.IsNullOrWhiteSpace(configuration[$"{MailOptions.Section}:SmtpHost"])
                ? ActivatorUtilities.CreateInstance<PickupDirectoryEmailTransport>(sp)
                : ActivatorUtilities.CreateInstance<SmtpEmailTransport>(sp));

        foreach (var module in modules)
        {
            services.AddAllianceModule(configuration, module, catalog);
        }

        services.AddSingleton<IMapper>(sp => new MapperConfiguration(cfg =>
        {
            cfg.LicenseKey = configuration["AutoMapper:LicenseKey"];
            // Every registered module's profiles, including modules added after this call.
            cfg.AddMaps(sp.GetServices<IModule>().Select(m => m.Assembly).Distinct());
        }, sp.GetRequiredService<ILoggerFactory>()).CreateMapper());
        services.AddSingleton(sp => sp.GetRequiredService<IMapper>().ConfigurationProvider);

        services.AddHangfire(hangfire => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(
                storage => storage.UseNpgsqlConnection(configuration.GetAllianceConnectionString()),
                new PostgreSqlStorageOptions
                {
                    SchemaName = "hangfire",
                    PrepareSchemaIfNecessary = true,
                    QueuePollInterval = TimeSpan.FromSeconds(1),
                    // A lock row older than this belongs to a dead process and is taken over (Hangfire's default,
                    // 10 minutes, kept a killed host's per-minute jobs and restarts waiting that long). Live holders
                    // keep their locks for seconds: job bookkeeping, never a whole job.
                    DistributedLockTimeout = configuration.GetValue("Jobs:StaleLockTimeout", TimeSpan.FromMinutes(1)),
                }));

        if (configuration.GetValue("Jobs:RunServer", true))
        {
            services.AddHangfireServer(server =>
            {
                server.WorkerCount = configuration.GetValue("Jobs:Workers", 4);
                server.SchedulePollingInterval = TimeSpan.FromSeconds(1);
            });
        }

        return catalog;
    }

    /// <summary>The kernel's own endpoints (the administrators' failed-messages API); modules map theirs in <see cref="IModule.MapEndpoints"/>.</summary>
    public static IEndpointRouteBuilder MapKernelEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapFailedMessagesApi();

    /// <summary>
    /// Adds one module after <see cref="AddAllianceModules"/>: it joins the catalog (its requests get its unit of
    /// work, its subscribers get events), its handlers and services are registered, and the host maps its
    /// endpoints and applies its migrations (the host reads the modules back as <see cref="IModule"/> services).
    /// The host itself lists its modules in one place; this is the extension point for compositions built on
    /// top of it, such as a test host with a test-only module.
    /// </summary>
    public static IServiceCollection AddAllianceModule(this IServiceCollection services, IConfiguration configuration, IModule module)
    {
        var catalog = services.Select(d => d.ImplementationInstance).OfType<ModuleCatalog>().SingleOrDefault()
            ?? throw new InvalidOperationException("Call AddAllianceModules before adding a module.");
        return services.AddAllianceModule(configuration, module, catalog);
    }

    private static IServiceCollection AddAllianceModule(this IServiceCollection services, IConfiguration configuration, IModule module, ModuleCatalog catalog)
    {
        if (catalog.Modules.Any(m => m.Name == module.Name))
        {
            throw new InvalidOperationException($"A module named '{module.Name}' is already registered.");
        }

        catalog.Add(module.Name, module.DbContextType, module.Assembly);
        services.AddHandlersFrom(module.Assembly, catalog);
        services.AddSingleton(module);
        module.AddServices(services, configuration);
        return services;
    }
}
