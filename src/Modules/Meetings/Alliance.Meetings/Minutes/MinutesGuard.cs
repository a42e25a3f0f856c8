using Alliance.Meetings.Domain;
using Alliance.Shared.Errors;

namespace Alliance.Meetings.Minutes;

internal static class MinutesGuard
{
    /// <summary>Approved minutes are locked: later corrections only as a logged addendum.</summary>
    public static void EnsureEditable(Meeting meeting)
    {
        if (meeting.MinutesStatus == MinutesStatus.Approved)
        {
            throw new ConflictException("The minutes are approved and locked; add an addendum instead.");
        }
    }
}
