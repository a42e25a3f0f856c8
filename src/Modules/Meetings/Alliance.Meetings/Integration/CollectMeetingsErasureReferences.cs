using Alliance.Meetings.Domain;
using Alliance.Members.Contracts;
using Alliance.Meetings.Persistence;
using Alliance.Meetings.Resources;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Meetings.Integration;

/// <summary>
/// Meetings' part of the erase preview: free text people typed that names the person — an agenda item's presenter,
/// title or notes, a decision, an action item's title, a minutes addendum's text. Erasure blanks only the copies
/// Meetings keeps by id (registrations, owners, authors), so staff see these fields and clear them by hand.
/// </summary>
internal sealed class CollectMeetingsErasureReferences(MeetingsDbContext db, IStringLocalizer<MeetingsText> text)
    : INotificationHandler<CollectErasureReferences>
{
    public async Task Handle(CollectErasureReferences notification, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(notification.FullName))
        {
            return;
        }

        var name = Contains(notification.FullName);
        // Without an address the name pattern stands in, so the queries keep one shape.
        var email = string.IsNullOrWhiteSpace(notification.Email) ? name : Contains(notification.Email);
        var meetings = db.Meetings.AsNoTracking();

        var agenda = await db.AgendaItems.AsNoTracking()
            .Where(a => EF.Functions.ILike(a.Presenter ?? "", name, "\\") || EF.Functions.ILike(a.Presenter ?? "", email, "\\")
                || EF.Functions.ILike(a.Title, name, "\\") || EF.Functions.ILike(a.Notes ?? "", name, "\\") || EF.Functions.ILike(a.Notes ?? "", email, "\\"))
            .Join(meetings, a => a.MeetingId, m => m.Id, (a, m) => new
            {
                ItemId = a.Id, a.Title, a.Presenter, a.Notes, m.Id, m.Number, MeetingTitle = m.Title, m.StartsAt, m.MinutesStatus,
            })
            .OrderBy(a => a.StartsAt).ToListAsync(cancellationToken);
        foreach (var item in agenda)
        {
            var fields = new[] { item.Presenter, item.Title, item.Notes }.Where(t => !string.IsNullOrEmpty(t));
            // Presenter and title are cleared on the item's edit page (while the minutes are open), notes in the minutes.
            var inItem = Names(item.Presenter, notification) || Names(item.Title, notification);
            var link = inItem && item.MinutesStatus != MinutesStatus.Approved ? $"/meetings/{item.Id}/agenda/{item.ItemId}/edit"
                : Names(item.Notes, notification) ? $"/meetings/{item.Id}/minutes" : $"/meetings/{item.Id}";
            notification.Collector.Add(new ErasureReference("meetings", text["Erase_Reference_Agenda", item.Title, Title(item.Number, item.MeetingTitle)],
                string.Join(" · ", fields), link));
        }

        var decisions = await db.Decisions.AsNoTracking()
            .Where(d => EF.Functions.ILike(d.Text, name, "\\") || EF.Functions.ILike(d.Text, email, "\\"))
            .Join(meetings, d => d.MeetingId, m => m.Id, (d, m) => new { d.Text, m.Id, m.Number, m.Title, m.StartsAt })
            .OrderBy(d => d.StartsAt).ToListAsync(cancellationToken);
        foreach (var decision in decisions)
        {
            notification.Collector.Add(new ErasureReference("meetings", text["Erase_Reference_Decision", Title(decision.Number, decision.Title)], decision.Text,
                $"/meetings/{decision.Id}/minutes"));
        }

        var actions = await db.ActionItems.AsNoTracking()
            .Where(a => EF.Functions.ILike(a.Title, name, "\\") || EF.Functions.ILike(a.Title, email, "\\"))
            .Join(meetings, a => a.MeetingId, m => m.Id, (a, m) => new { a.Title, m.Id, m.Number, MeetingTitle = m.Title, m.StartsAt })
            .OrderBy(a => a.StartsAt).ToListAsync(cancellationToken);
        foreach (var action in actions)
        {
            notification.Collector.Add(new ErasureReference("meetings", text["Erase_Reference_ActionItem", Title(action.Number, action.MeetingTitle)], action.Title,
                $"/meetings/{action.Id}/minutes"));
        }

        var addenda = await db.Addenda.AsNoTracking()
            .Where(a => EF.Functions.ILike(a.Text, name, "\\") || EF.Functions.ILike(a.Text, email, "\\"))
            .Join(meetings, a => a.MeetingId, m => m.Id, (a, m) => new { a.Text, m.Id, m.Number, m.Title, m.StartsAt })
            .OrderBy(a => a.StartsAt).ToListAsync(cancellationToken);
        foreach (var addendum in addenda)
        {
            notification.Collector.Add(new ErasureReference("meetings", text["Erase_Reference_Addendum", Title(addendum.Number, addendum.Title)], addendum.Text,
                $"/meetings/{addendum.Id}/minutes"));
        }
    }

    /// <summary>Whether <paramref name="field"/> contains the person's name or address, as the ILIKE queries match it.</summary>
    private static bool Names(string? field, CollectErasureReferences notification) =>
        !string.IsNullOrEmpty(field) && (field.Contains(notification.FullName.Trim(), StringComparison.OrdinalIgnoreCase)
            || (!string.IsNullOrWhiteSpace(notification.Email) && field.Contains(notification.Email.Trim(), StringComparison.OrdinalIgnoreCase)));

    private static string Title(int? number, string title) => number is { } n ? $"{n}. {title}" : title;

    private static string Contains(string value) =>
        "%" + value.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
