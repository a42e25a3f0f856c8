using Alliance.Labs;
using Alliance.Meetings;
using Alliance.Members;
using Alliance.Shared.Modules;

namespace Alliance.Host;

/// <summary>The one place the host lists its modules. Order matters for demo data: members first.</summary>
public static class AllianceModules
{
    public static IReadOnlyList<IModule> All { get; } =
    [
        new MembersModule(),
        new LabsModule(),
        new MeetingsModule(),
    ];
}
