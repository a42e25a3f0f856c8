using System.Text;
using Alliance.Meetings.Meetings;
using Alliance.Shared.Contracts;
using Alliance.Shared.Exports;
using MediatR;

namespace Alliance.Meetings.Calendar;

/// <summary>One meeting the caller may see as an iCalendar file with VTIMEZONE (404 otherwise).</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record GetMeetingIcs(Guid MeetingId) : IRequest<ExportFile>;

internal sealed class GetMeetingIcsHandler(MeetingPermissions permissions, IcsWriter writer) : IRequestHandler<GetMeetingIcs, ExportFile>
{
    public async Task<ExportFile> Handle(GetMeetingIcs request, CancellationToken cancellationToken)
    {
        var meeting = await permissions.VisibleMeetingAsync(request.MeetingId, cancellationToken);
        return new ExportFile($"meeting-{meeting.Id:N}.ics", IcsWriter.ContentType, Encoding.UTF8.GetBytes(writer.Write(meeting.DisplayTitle, [meeting])));
    }
}
