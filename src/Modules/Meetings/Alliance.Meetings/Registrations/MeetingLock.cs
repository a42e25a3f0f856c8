using Alliance.Meetings.Domain;
using Alliance.Meetings.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Meetings.Registrations;

internal static class MeetingLock
{
    /// <summary>
    /// Locks the meeting row for the rest of the transaction (SELECT … FOR UPDATE): registrations, cancellations and
    /// promotions of one meeting happen one after the other, so the seat count read under the lock is the truth.
    /// </summary>
    public static Task<Meeting?> LockAsync(this MeetingsDbContext db, Guid meetingId, CancellationToken cancellationToken) =>
        db.Meetings.FromSql($"SELECT *, xmin FROM meetings.meetings WHERE \"Id\" = {meetingId} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
}
