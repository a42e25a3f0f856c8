using Alliance.Shared.Localization;

namespace Alliance.Tests.Support;

/// <summary>
/// "Today" and "now" as the product sees them: wall-clock time in the alliance's zone (Europe/Berlin), whatever zone
/// the test machine runs in. CI runs in UTC, where <c>DateTime.Today</c> is still yesterday in Berlin between
/// 00:00 and 01:00/02:00 local time, and a meeting series starting "today" is refused as starting in the past.
/// </summary>
public static class AllianceClock
{
    /// <summary>Today's date in the alliance's zone, as a local midnight (<see cref="DateTimeKind.Unspecified"/>) like <c>DateTime.Today</c>.</summary>
    public static DateTime Today => AllianceTime.Today(TimeProvider.System).ToDateTime(TimeOnly.MinValue);

    /// <summary>The current wall-clock time in the alliance's zone (<see cref="DateTimeKind.Unspecified"/>).</summary>
    public static DateTime Now => AllianceTime.Now(TimeProvider.System).DateTime;
}
