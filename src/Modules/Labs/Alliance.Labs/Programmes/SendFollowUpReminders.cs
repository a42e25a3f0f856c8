using Alliance.Shared.Localization;
using Alliance.Labs.Contracts;
using Alliance.Labs.Domain;
using Alliance.Labs.Persistence;
using Alliance.Labs.Resources;
using Alliance.Members.Contracts;
using Alliance.Shared.Mail;
using Alliance.Shared.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Alliance.Shared.Contracts;

namespace Alliance.Labs.Programmes;

/// <summary>
/// Daily: reminds each programme's coordinators (the office people running it) of participants due for a
/// follow-up — one mail per programme and coordinator listing them. A reminder row per participant and last
/// contact makes it once: after the next recorded contact the clock starts again.
/// </summary>
[AllowedFor(Who.Internal)]
internal sealed record SendFollowUpReminders : IRequest<int>;

internal sealed class SendFollowUpRemindersHandler(
    LabsDbContext db, IMediator mediator, EmailComposer composer, IStringLocalizer<LabsText> text, IOptions<LabsOptions> options, TimeProvider clock)
    : IRequestHandler<SendFollowUpReminders, int>
{
    public async Task<int> Handle(SendFollowUpReminders request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = AllianceTime.Today(clock);
        var threshold = today.AddDays(-options.Value.FollowUpDays);
        var due = await db.Participants.AsNoTracking()
            .Where(p => db.Labs.Any(l => l.Id == p.LabId && l.Kind == LabKind.Programme && l.Status != LabStatus.Concluded))
            .Where(FollowUp.Due(threshold, today))
            .Where(p => !db.FollowUpReminders.Any(r => r.ParticipantId == p.Id && r.LastContactOn == p.LastContactOn))
            .OrderBy(p => p.LabId).ThenBy(p => p.Name).Take(500)
            .Select(p => new { p.Id, p.LabId, p.Name, p.LastContactOn })
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var labIds = due.Select(d => d.LabId).Distinct().ToList();
        var labs = await db.Labs.AsNoTracking().Include(l => l.Coordinators).Where(l => labIds.Contains(l.Id)).ToListAsync(cancellationToken);
        var people = (await mediator.Send(new GetPeopleByIds(labs.SelectMany(l => l.Coordinators).Select(c => c.PersonId).Distinct().ToList()), cancellationToken))
            .ToDictionary(p => p.Id);

        foreach (var lab in labs)
        {
            var participants = due.Where(d => d.LabId == lab.Id).ToList();
            foreach (var coordinator in lab.Coordinators.Select(c => people.GetValueOrDefault(c.PersonId)).OfType<PersonSummary>()
                         .Where(p => !p.IsErased && !string.IsNullOrEmpty(p.Email)))
            {
                // Dates in the coordinator's language; "1 participant" / "3 participants".
                var culture = Cultures.Formatting(coordinator.PreferredLanguage);
                var list = string.Join("\n", participants.Select(p => $"- {p.Name} ({p.LastContactOn.ToString("d", culture)})"));
                db.AddIntegrationEvent(composer.Compose(text, coordinator.PreferredLanguage, coordinator.Email!, coordinator.DisplayName,
                    "Mail_FollowUp_Subject", Plural.Key("Mail_FollowUp_Body", participants.Count),
                    [lab.Title, participants.Count, options.Value.FollowUpDays, list, composer.Link($"/labs/{lab.Id}/programme?dueOnly=true")],
                    "labs-follow-up", coordinator.Id), now);
            }

            db.FollowUpReminders.AddRange(participants.Select(p => new FollowUpReminder { ParticipantId = p.Id, LastContactOn = p.LastContactOn, SentAt = now }));
        }

        return due.Count;
    }
}
