using Alliance.Meetings.Reminders;
using Alliance.Meetings.Series;
using MediatR;

namespace Alliance.Meetings;

/// <summary>The module's recurring jobs: thin, each sends one request; the requests are idempotent.</summary>
internal sealed class MeetingsJobs(IMediator mediator)
{
    /// <summary>Hangfire passes its own cancellation token for <see cref="CancellationToken.None"/> in the job expression.</summary>
    public Task MaterializeAsync(CancellationToken cancellationToken) => mediator.Send(new MaterializeOccurrences(), cancellationToken);

    /// <summary>Sends due reminders; see <see cref="SendReminders"/>.</summary>
    public Task RemindAsync(CancellationToken cancellationToken) => mediator.Send(new SendReminders(), cancellationToken);
}
