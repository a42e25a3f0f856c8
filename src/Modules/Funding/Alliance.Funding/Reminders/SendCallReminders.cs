using Alliance.Funding.Common;
using Alliance.Funding.Domain;
using Alliance.Funding.Persistence;
using Alliance.Funding.Resources;
using Alliance.Members.Contracts;
using Alliance.Shared.Contracts;
using Alliance.Shared.Localization;
using Alliance.Shared.Mail;
using Alliance.Shared.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Alliance.Funding.Reminders;

/// <summary>
/// Daily: reminds the person responsible for a call (staff) of its submission deadline when it is at most one of the
/// configured numbers of days away (<see cref="FundingOptions.ReminderDays"/>, e.g. 30 and 7). One reminder per call
/// and threshold: the row in <c>call_reminders</c> (primary key call + threshold) is stored in the same transaction
/// as the queued mail, so a second run or a second host sends nothing twice. A call first seen inside several
/// thresholds gets one mail. Returns the number of mails queued.
/// </summary>
[AllowedFor(Who.Internal)]
internal sealed record SendCallReminders : IRequest<int>;

internal sealed class SendCallRemindersHandler(
    FundingDbContext db, IMediator mediator, EmailComposer composer, IStringLocalizer<FundingText> text,
    IOptions<FundingOptions> options, TimeProvider clock) : IRequestHandler<SendCallReminders, int>
{
    public async Task<int> Handle(SendCallReminders request, CancellationToken cancellationToken)
    {
        var thresholds = options.Value.ReminderDays.Where(d => d >= 0).Distinct().Order().ToArray();
        if (thresholds.Length == 0)
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        var today = AllianceTime.Today(clock);
        var last = today.AddDays(thresholds[^1]);
        var calls = await db.Calls.AsNoTracking()
            .Where(c => c.SubmissionDeadline >= today && c.SubmissionDeadline <= last)
            .ToListAsync(cancellationToken);
        var ids = calls.Select(c => c.Id).ToList();
        var sent = (await db.CallReminders.AsNoTracking().Where(r => ids.Contains(r.CallId)).ToListAsync(cancellationToken))
            .ToLookup(r => r.CallId, r => r.DaysBefore);
        var people = calls.Where(c => c.ResponsiblePersonId is not null).Select(c => c.ResponsiblePersonId!.Value).Distinct().ToList();
        var recipients = people.Count == 0 ? new Dictionary<Guid, PersonSummary>()
            : (await mediator.Send(new GetPeopleByIds(people), cancellationToken)).ToDictionary(p => p.Id);

        var mails = 0;
        foreach (var call in calls)
        {
            var daysLeft = call.SubmissionDeadline.DayNumber - today.DayNumber;
            var due = thresholds.Where(t => daysLeft <= t).Except(sent[call.Id]).ToList();
            if (due.Count == 0)
            {
                continue;
            }

            db.CallReminders.AddRange(due.Select(t => new CallReminder { CallId = call.Id, DaysBefore = t, SentAt = now }));
            if (call.ResponsiblePersonId is { } personId && recipients.TryGetValue(personId, out var person)
                && !person.IsErased && !string.IsNullOrWhiteSpace(person.Email))
            {
                db.AddIntegrationEvent(composer.Compose(text, person.PreferredLanguage, person.Email, person.DisplayName,
                    "Mail_CallReminder_Subject", "Mail_CallReminder_Body",
                    [call.Title, call.SubmissionDeadline, call.Funder, call.Programme, composer.Link($"/funding/calls/{call.Id}/edit"), call.Link ?? "–"],
                    "funding"), now);
                mails++;
            }
        }

        return mails;
    }
}
