using Alliance.Shared.Contracts;
using System.Globalization;
using System.Text;
using Alliance.Meetings.Meetings;
using Alliance.Meetings.Resources;
using Alliance.Meetings.Scheduling;
using MediatR;
using Microsoft.Extensions.Localization;

namespace Alliance.Meetings.Minutes;

/// <summary>The minutes as a Markdown document in the caller's language: agenda, attendance, notes, decisions, action items, polls, addenda.</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record ExportMinutes(Guid MeetingId) : IRequest<string>;

internal sealed class ExportMinutesHandler(IMediator mediator, IStringLocalizer<MeetingsText> text) : IRequestHandler<ExportMinutes, string>
{
    public async Task<string> Handle(ExportMinutes request, CancellationToken cancellationToken)
    {
        var meeting = await mediator.Send(new GetMeeting(request.MeetingId), cancellationToken);
        var culture = CultureInfo.CurrentUICulture;
        var start = Recurrence.ToLocal(meeting.StartsAt, meeting.TimeZone);
        var end = Recurrence.ToLocal(meeting.EndsAt, meeting.TimeZone);
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# {text["Minutes_Title"]}: {Escape(meeting.DisplayTitle)}").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"{start.ToString("D", culture)}, {start:HH:mm}–{end:HH:mm} ({meeting.TimeZone}) · {Escape(meeting.Place ?? meeting.OnlineLink ?? "")}");
        md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"{text["Minutes_Status"]}: {text["MinutesStatus_" + meeting.MinutesStatus]}").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"## {text["Minutes_Attendance"]}").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"{string.Format(culture, text["Minutes_AttendanceCount"], meeting.CheckedIn, meeting.AttendingOrganizations.Count)}").AppendLine();
        foreach (var organization in meeting.AttendingOrganizations)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- {Escape(organization)}");
        }

        foreach (var item in meeting.Agenda)
        {
            md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## {item.Position}. {Escape(item.Title)}").AppendLine();
            if (item.Presenter is not null)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"*{text["Agenda_Presenter"]}: {Escape(item.Presenter)} · {item.PlannedMinutes} min*").AppendLine();
            }

            if (!string.IsNullOrWhiteSpace(item.Notes))
            {
                md.AppendLine(Escape(item.Notes)).AppendLine();
            }

            foreach (var poll in meeting.Polls.Where(p => p.AgendaItemId == item.Id && p.IsClosed))
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"**{text["Poll_Title"]}: {Escape(poll.Question)}**").AppendLine();
                foreach (var result in poll.Results)
                {
                    md.AppendLine(CultureInfo.InvariantCulture, $"- {Escape(result.Option)}: {result.Votes}");
                }

                md.AppendLine();
            }

            foreach (var decision in item.Decisions)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"**{text["Decision_Title"]}:** {Escape(decision.Text)}").AppendLine();
                foreach (var action in decision.ActionItems)
                {
                    var due = action.DueDate?.ToString("d", culture) ?? "—";
                    md.AppendLine(CultureInfo.InvariantCulture, $"- {text["ActionItem_Title"]}: {Escape(action.Title)} — {Escape(action.OwnerName ?? "—")} — {text["ActionItem_Due"]} {due}");
                }

                md.AppendLine();
            }
        }

        if (meeting.Addenda.Count > 0)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"## {text["Minutes_Addenda"]}").AppendLine();
            foreach (var addendum in meeting.Addenda)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- {addendum.AddedAt.ToString("g", culture)} · {Escape(addendum.AuthorName)}: {Escape(addendum.Text)}");
            }
        }

        return md.ToString();
    }

    /// <summary>User text stays text: Markdown control characters are escaped.</summary>
    private static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if ("\\`*_{}[]<>#|".Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
