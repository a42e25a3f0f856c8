using Alliance.Shared.Contracts;
using System.Globalization;
using Alliance.Meetings.Meetings;
using Alliance.Meetings.Resources;
using Alliance.Meetings.Scheduling;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MediatR;
using Microsoft.Extensions.Localization;

namespace Alliance.Meetings.Minutes;

/// <summary>
/// The minutes as a Word document (DOCX) in the caller's language: title, date and time in the meeting's time zone,
/// place, attendance, and per agenda item notes, poll results, decisions and action items (owner, due date), then addenda.
/// User text goes into text runs only, so it never becomes markup.
/// </summary>
[AllowedFor(Who.SignedIn)]
internal sealed record ExportMinutesDocx(Guid MeetingId) : IRequest<byte[]>;

internal sealed class ExportMinutesDocxHandler(IMediator mediator, IStringLocalizer<MeetingsText> text) : IRequestHandler<ExportMinutesDocx, byte[]>
{
    public async Task<byte[]> Handle(ExportMinutesDocx request, CancellationToken cancellationToken)
    {
        var meeting = await mediator.Send(new GetMeeting(request.MeetingId), cancellationToken);
        var culture = CultureInfo.CurrentUICulture;
        var start = Recurrence.ToLocal(meeting.StartsAt, meeting.TimeZone);
        var end = Recurrence.ToLocal(meeting.EndsAt, meeting.TimeZone);

        var body = new Body();
        body.Append(Paragraph($"{text["Minutes_Title"]}: {meeting.DisplayTitle}", "Title"));
        body.Append(Paragraph($"{start.ToString("D", culture)}, {start.ToString("HH:mm", culture)}–{end.ToString("HH:mm", culture)} ({meeting.TimeZone})"));
        body.Append(Paragraph($"{text["Meeting_Place"]}: {string.Join(" · ", new[] { meeting.Place, meeting.OnlineLink }.Where(p => !string.IsNullOrWhiteSpace(p)))}"));
        body.Append(Paragraph($"{text["Minutes_Status"]}: {text["MinutesStatus_" + meeting.MinutesStatus]}"));

        body.Append(Paragraph(text["Minutes_Attendance"], "Heading1"));
        body.Append(Paragraph(string.Format(culture, text["Minutes_AttendanceCount"], meeting.CheckedIn, meeting.AttendingOrganizations.Count)));
        foreach (var organization in meeting.AttendingOrganizations)
        {
            body.Append(Paragraph($"• {organization}"));
        }

        foreach (var item in meeting.Agenda)
        {
            body.Append(Paragraph($"{item.Position}. {item.Title}", "Heading1"));
            if (item.Presenter is not null)
            {
                body.Append(Paragraph($"{text["Agenda_Presenter"]}: {item.Presenter} · {item.PlannedMinutes} min", italic: true));
            }

            foreach (var line in (item.Notes ?? "").Split('\n', StringSplitOptions.TrimEntries).Where(l => l.Length > 0))
            {
                body.Append(Paragraph(line));
            }

            foreach (var poll in meeting.Polls.Where(p => p.AgendaItemId == item.Id && p.IsClosed))
            {
                body.Append(Paragraph($"{text["Poll_Title"]}: {poll.Question}", "Heading2"));
                foreach (var result in poll.Results)
                {
                    body.Append(Paragraph($"• {result.Option}: {result.Votes}"));
                }
            }

            foreach (var decision in item.Decisions)
            {
                body.Append(Paragraph($"{text["Decision_Title"]}: {decision.Text}", "Heading2"));
                foreach (var action in decision.ActionItems)
                {
                    var due = action.DueDate?.ToString("d", culture) ?? "—";
                    body.Append(Paragraph($"• {text["ActionItem_Title"]}: {action.Title} — {text["ActionItem_Owner"]}: {action.OwnerName ?? "—"} — {text["ActionItem_Due"]} {due}"));
                }
            }
        }

        // Polls not tied to an agenda item would otherwise be lost.
        var loosePolls = meeting.Polls.Where(p => p.IsClosed && (p.AgendaItemId is null || meeting.Agenda.All(a => a.Id != p.AgendaItemId))).ToList();
        if (loosePolls.Count > 0)
        {
            body.Append(Paragraph(text["Minutes_Polls"], "Heading1"));
            foreach (var poll in loosePolls)
            {
                body.Append(Paragraph(poll.Question, "Heading2"));
                foreach (var result in poll.Results)
                {
                    body.Append(Paragraph($"• {result.Option}: {result.Votes}"));
                }
            }
        }

        if (meeting.Addenda.Count > 0)
        {
            body.Append(Paragraph(text["Minutes_Addenda"], "Heading1"));
            foreach (var addendum in meeting.Addenda)
            {
                body.Append(Paragraph($"{addendum.AddedAt.ToString("g", culture)} · {addendum.AuthorName}: {addendum.Text}"));
            }
        }

        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(body);
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = Styles();
            document.PackageProperties.Title = meeting.DisplayTitle;
            document.PackageProperties.Language = culture.Name;
        }

        return stream.ToArray();
    }

    private static Paragraph Paragraph(string content, string? style = null, bool italic = false)
    {
        var runProperties = italic ? new RunProperties(new Italic()) : null;
        var run = new Run();
        if (runProperties is not null)
        {
            run.Append(runProperties);
        }

        run.Append(new Text(Clean(content)) { Space = SpaceProcessingModeValues.Preserve });
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        paragraph.Append(run);
        return paragraph;
    }

    /// <summary>XML 1.0 forbids most control characters; a stray one in user text must not break the document.</summary>
    private static string Clean(string value) =>
        string.Concat(value.Where(c => c is '\t' or '\n' or '\r' || (c >= ' ' && c != '\uFFFE' && c != '\uFFFF')));

    private static Styles Styles() => new(
        new DocDefaults(new RunPropertiesDefault(new RunPropertiesBaseStyle(
            new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri" }, new FontSize { Val = "22" }))),
        Style("Normal", "Normal", null, null, isDefault: true),
        Style("Title", "Title", "48", "1F3864"),
        Style("Heading1", "heading 1", "32", "2F5496"),
        Style("Heading2", "heading 2", "26", "2F5496"));

    private static Style Style(string id, string name, string? size, string? color, bool isDefault = false)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id, Default = isDefault ? true : null };
        style.Append(new StyleName { Val = name });
        if (!isDefault)
        {
            style.Append(new BasedOn { Val = "Normal" });
            style.Append(new NextParagraphStyle { Val = "Normal" });
            style.Append(new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" }));
            style.Append(new StyleRunProperties(new Bold(), new Color { Val = color }, new FontSize { Val = size }));
        }

        return style;
    }
}
