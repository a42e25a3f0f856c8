using Alliance.Notifications.Delivery;
using Alliance.Notifications.Inbox;
using Alliance.Notifications.Persistence;
using Alliance.Notifications.Preferences;
using Alliance.Shared.Modules;
using Alliance.Shared.Persistence;
using Alliance.Shared.Web;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alliance.Notifications;

/// <summary>
/// Benachrichtigungen: tells people what concerns them — in-app (the bell, the list) and, where they agreed to be
/// contacted by e-mail and chose so for the kind, by mail in their language. Other modules announce what happened
/// through their events; this module decides who hears of it and how.
/// </summary>
public sealed class NotificationsModule : IModule
{
    public string Name => NotificationsDbContext.Schema;

    public Type DbContextType => typeof(NotificationsDbContext);

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<NotificationsDbContext>(configuration, NotificationsDbContext.Schema);
        services.AddScoped<NotificationDelivery>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapModuleApi("notifications", "Notifications");
        InboxEndpoints.Map(api);
        PreferenceEndpoints.Map(api);
    }

    public IReadOnlyList<Type> HeaderItems => [typeof(Pages.NotificationBell)];
}
