using Alliance.Meetings.Reminders;
using Alliance.Meetings.Series;
using MediatR;

namespace Alliance.Meetings;

/// <summary>The module's recurring jobs: thin, each sends one request; the requests are idempotent.</summary>
internal sealed class MeetingsJobs(IMediator mediator)
{
    public Task MaterializeAsync() => mediator.Send(new MaterializeOccurrences());

    public Task RemindAsync() => mediator.Send(new SendReminders());
}
