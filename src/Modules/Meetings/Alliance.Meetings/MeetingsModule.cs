using Alliance.Meetings.Persistence;
using Alliance.Shared.Modules;
using Alliance.Shared.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alliance.Meetings;

/// <summary>Meetings: series and occurrences, agenda, invitations and registration, reminders, check-in, minutes, polls, iCalendar.</summary>
public sealed class MeetingsModule : IModule
{
    public string Name => MeetingsDbContext.Schema;

    public Type DbContextType => typeof(MeetingsDbContext);

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<MeetingsDbContext>(configuration, MeetingsDbContext.Schema);
    }
}
