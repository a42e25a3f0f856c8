using Alliance.Funding;
using Alliance.Labs;
using Alliance.Meetings;
using Alliance.Members;
using Alliance.Notifications;
using Alliance.Shared.Modules;
using Alliance.Surveys;

namespace Alliance.Host;

/// <summary>The one place the host lists its modules. Order matters for demo data: members first.</summary>
public static class AllianceModules
{
    public static IReadOnlyList<IModule> All { get; } =
    [
        new MembersModule(),
        new LabsModule(),
        new MeetingsModule(),
        new SurveysModule(),
        new FundingModule(),
        new NotificationsModule(),
    ];

    /// <summary>Where the router finds pages: the kernel's own (administration) and every module's.</summary>
    public static IReadOnlyList<System.Reflection.Assembly> PageAssemblies { get; } =
        All.Select(m => m.Assembly).Prepend(typeof(KernelRegistration).Assembly).Distinct().ToArray();
}
