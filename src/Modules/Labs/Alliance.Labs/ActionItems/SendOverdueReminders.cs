using Alliance.Shared.Localization;
using Alliance.Labs.Domain;
using Alliance.Labs.Persistence;
using Alliance.Labs.Resources;
using Alliance.Members.Contracts;
using Alliance.Shared.Mail;
using Alliance.Shared.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Alliance.Shared.Contracts;

namespace Alliance.Labs.ActionItems;

/// <summary>
/// Daily: one reminder e-mail per overdue open item and due date. The reminder row (primary key item + due date)
/// is written in the same transaction as the queued mail, so a second run finds it and sends nothing.
/// Owners: the owner person, else the organisation's contacts.
/// </summary>
[AllowedFor(Who.Internal)]
internal sealed record SendOverdueReminders : IRequest<int>;

internal sealed class SendOverdueRemindersHandler(
    LabsDbContext db, IMediator mediator, EmailComposer composer, IStringLocalizer<LabsText> text, TimeProvider clock)
    : IRequestHandler<SendOverdueReminders, int>
{
    private const int Batch = 200;

    public async Task<int> Handle(SendOverdueReminders request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = AllianceTime.Today(clock);
        var due = await db.ActionItems.AsNoTracking()
            .Where(a => a.Status == ActionItemStatus.Open && a.DueDate < today
                && !db.ActionItemReminders.Any(r => r.ActionItemId == a.Id && r.DueDate == a.DueDate))
            .OrderBy(a => a.DueDate).Take(Batch).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var people = (await mediator.Send(new GetPeopleByIds(due.Where(a => a.OwnerPersonId != null).Select(a => a.OwnerPersonId!.Value).Distinct().ToList()), cancellationToken))
            .ToDictionary(p => p.Id);
        var organizationIds = due.Where(a => a.OwnerPersonId == null && a.OwnerOrganizationId != null).Select(a => a.OwnerOrganizationId!.Value).Distinct().ToList();
        IReadOnlyList<PersonSummary> organizationContacts = organizationIds.Count == 0 ? [] : await mediator.Send(new GetMemberContacts(organizationIds), cancellationToken);
        var contacts = organizationContacts.ToLookup(p => p.OrganizationId);

        foreach (var item in due)
        {
            var recipients = item.OwnerPersonId is { } owner
                ? people.TryGetValue(owner, out var person) ? new[] { person } : []
                : contacts[item.OwnerOrganizationId].ToArray();
            foreach (var recipient in recipients.Where(r => r.MayContactByEmail && !string.IsNullOrEmpty(r.Email)))
            {
                var mail = composer.Compose(text, recipient.PreferredLanguage, recipient.Email!, recipient.DisplayName,
                    "Mail_Overdue_Subject", "Mail_Overdue_Body",
                    // The date as an argument, not text: the composer formats it in the recipient's language (30.09.2026 / 30 Sep 2026).
                    [item.Title, item.DueDate!.Value, composer.Link("/labs/my-action-items")],
                    "labs-overdue");
                db.AddIntegrationEvent(mail, now);
            }

            db.ActionItemReminders.Add(new ActionItemReminder { ActionItemId = item.Id, DueDate = item.DueDate!.Value, SentAt = now });
        }

        return due.Count;
    }
}
