using Alliance.Meetings.Contracts;
using Alliance.Meetings.Domain;
using Alliance.Meetings.Meetings;
using Alliance.Meetings.Persistence;
using Alliance.Meetings.Scheduling;
using Alliance.Meetings.Series;
using Alliance.Members.Contracts;
using Alliance.Shared.Mail;
using Alliance.Shared.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Meetings.Demo;

/// <summary>
/// The plenary series "Allianztreffen" (third Thursday of the quarter, 18:00–20:30, Lokschuppen, 60 seats): seven past
/// meetings with attendance and approved minutes — the 7th with the straw poll on four cooperation models and the decision
/// to continue as a network with an office — and the upcoming eighth with registrations.
/// </summary>
internal sealed class MeetingsDemoSeeder(MeetingsDbContext db, IMediator mediator, OccurrenceScheduler scheduler, EmailComposer composer, TimeProvider clock)
{
    public const string SeriesTitle = "Allianztreffen";
    public const string Rule = "FREQ=MONTHLY;INTERVAL=3;BYDAY=TH;BYSETPOS=3";
    public const string FinalDecision = "Die Allianz wird als Verbund mit Geschäftsstelle fortgeführt";

    private static readonly string[] Models =
    [
        "Loser Stammtisch ohne feste Struktur",
        "Verbund mit Geschäftsstelle",
        "Eingetragener Verein",
        "Projektgesellschaft (GmbH)",
    ];

    private static readonly (string Title, string Presenter, int Minutes)[] StandingAgenda =
    [
        ("Begrüßung und Rückblick", "Amt für Wirtschaftsförderung", 15),
        ("Berichte aus den Reallaboren", "Koordination der Reallabore", 45),
        ("Fachimpuls", "Gastreferent:in", 30),
        ("Verschiedenes und Ausblick", "Amt für Wirtschaftsförderung", 20),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Series.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var zone = Recurrence.FindZone(Recurrence.DefaultTimeZone)!;
        var eighth = NextThirdThursdayMonth(now);
        var first = eighth.AddMonths(-21);
        var series = new MeetingSeries
        {
            Id = Guid.NewGuid(), Title = SeriesTitle, Kind = MeetingKind.Plenary, RecurrenceRule = Rule, FirstDate = first,
            StartTime = new TimeOnly(18, 0), DurationMinutes = 150, TimeZone = Recurrence.DefaultTimeZone, Place = "Lokschuppen",
            Capacity = 60, Audience = AudienceKind.AllMembers, ReminderDaysBefore = [7, 1], FeedToken = CreateSeriesHandler.NewToken(),
            CreatedAt = now.AddYears(-2), UpdatedAt = now.AddYears(-2),
        };
        db.Series.Add(series);

        var people = (await mediator.Send(new GetMemberContacts(null), cancellationToken)).Where(p => !p.IsErased).ToList();
        var organizations = (await mediator.Send(new GetActiveOrganizations(), cancellationToken)).ToDictionary(o => o.Id);
        var office = organizations.Values.FirstOrDefault(o => o.Name == "Amt für Wirtschaftsförderung");
        var number = 0;
        foreach (var local in Recurrence.LocalStarts(Rule, first, series.StartTime, DateOnly.FromDateTime(now.UtcDateTime)))
        {
            var start = Recurrence.ToInstant(local, zone);
            if (start >= now)
            {
                break;
            }

            number++;
            var meeting = new Meeting
            {
                Id = Guid.NewGuid(), SeriesId = series.Id, OccurrenceStart = start, Number = number, Title = SeriesTitle, Kind = MeetingKind.Plenary,
                StartsAt = start, EndsAt = Recurrence.ToInstant(local.PlusMinutes(150), zone), TimeZone = series.TimeZone, Place = series.Place,
                Capacity = 60, Audience = AudienceKind.AllMembers, ReminderDaysBefore = [7, 1], InvitedAt = start.AddDays(-60),
                MinutesStatus = MinutesStatus.Approved, MinutesApprovedAt = start.AddDays(10), CreatedAt = start.AddDays(-60), ChangedAt = start.AddDays(-60),
            };
            db.Meetings.Add(meeting);

            // A believable, varying attendance: 30 to 48 of the members, everyone present was registered.
            var attending = people.Where((_, index) => (index * 7 + number * 3) % 10 < 6).Take(30 + number * 3 % 19).ToList();
            foreach (var person in attending)
            {
                var organization = person.OrganizationId is { } id ? organizations.GetValueOrDefault(id) : null;
                var registration = Invitations.NewRegistration(meeting.Id, person, organization, RegistrationStatus.Registered, meeting.CreatedAt);
                registration.RespondedAt = start.AddDays(-14);
                registration.CheckedInAt = start.AddMinutes(-5);
                db.Registrations.Add(registration);
            }

            var items = StandingAgenda.Select((a, index) => new AgendaItem
            {
                Id = Guid.NewGuid(), MeetingId = meeting.Id, Position = index + 1, Title = a.Title, Presenter = a.Presenter, PlannedMinutes = a.Minutes,
                Notes = index == 1 ? $"Die Reallabore berichten über den Stand ihrer Vorhaben ({number}. Treffen)." : null,
            }).ToList();
            db.AgendaItems.AddRange(items);

            if (number == 7)
            {
                var item = new AgendaItem
                {
                    Id = Guid.NewGuid(), MeetingId = meeting.Id, Position = 5, Title = "Wie geht es mit der Allianz weiter? Modelle der Zusammenarbeit",
                    Presenter = "Amt für Wirtschaftsförderung", PlannedMinutes = 40,
                    Notes = "Vier Modelle der weiteren Zusammenarbeit wurden vorgestellt und diskutiert; Stimmungsbild je Organisation.",
                };
                db.AgendaItems.Add(item);
                var organizationsPresent = attending.Where(p => p.OrganizationId is not null).Select(p => p.OrganizationId!.Value).Distinct().ToList();
                var poll = new Poll
                {
                    Id = Guid.NewGuid(), MeetingId = meeting.Id, AgendaItemId = item.Id, Question = "Welches Modell der Zusammenarbeit bevorzugt Ihre Organisation?",
                    Options = [.. Models], IsClosed = true, OpenedAt = start.AddMinutes(90), ClosedAt = start.AddMinutes(100),
                };
                var votes = organizationsPresent.Select((organizationId, index) => new PollVote
                {
                    Id = Guid.NewGuid(), PollId = poll.Id, OrganizationId = organizationId, PersonId = attending.First(p => p.OrganizationId == organizationId).Id,
                    OptionIndexes = [index % 5 < 3 ? 1 : index % 5 == 3 ? 2 : index % 2 == 0 ? 0 : 3], CastAt = start.AddMinutes(95),
                }).ToList();
                poll.ResultSummary = string.Join("\n", Models.Select((model, index) => $"{model}: {votes.Count(v => v.OptionIndexes[0] == index)}"));
                db.Polls.Add(poll);
                db.PollVotes.AddRange(votes);

                var decision = new Decision { Id = Guid.NewGuid(), MeetingId = meeting.Id, AgendaItemId = item.Id, Text = FinalDecision, RecordedAt = start.AddMinutes(110) };
                db.Decisions.Add(decision);
                var local7 = Recurrence.ToLocal(start, series.TimeZone);
                var due = new DateOnly(local7.Month > 9 ? local7.Year + 1 : local7.Year, 9, 30);
                var action = new ActionItem
                {
                    Id = Guid.NewGuid(), DecisionId = decision.Id, MeetingId = meeting.Id, Title = "Konzept für die weitere Zusammenarbeit vorlegen",
                    OwnerOrganizationId = office?.Id, OwnerName = office?.Name, DueDate = due,
                };
                db.ActionItems.Add(action);
                db.AddIntegrationEvent(new ActionItemDecided(meeting.Id, decision.Id, null, action.Title, null, office?.Id, due, $"7. {SeriesTitle}",
                    composer.Link($"/meetings/{meeting.Id}/minutes")), now);
            }
            else
            {
                var decision = new Decision
                {
                    Id = Guid.NewGuid(), MeetingId = meeting.Id, AgendaItemId = items[1].Id, RecordedAt = start.AddMinutes(80),
                    Text = $"Die Berichte der Reallabore werden zur Kenntnis genommen; das nächste Treffen findet wie geplant statt ({number}. Treffen).",
                };
                db.Decisions.Add(decision);
            }
        }

        // The series, its history and its upcoming occurrences are written together, as CreateSeries does.
        await scheduler.AddOccurrencesAsync(series, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        // Some members have already registered for the upcoming eighth meeting.
        var upcoming = await db.Meetings.Where(m => m.SeriesId == series.Id && m.StartsAt > now).OrderBy(m => m.StartsAt).FirstOrDefaultAsync(cancellationToken);
        if (upcoming is not null)
        {
            db.AgendaItems.AddRange(StandingAgenda.Select((a, index) => new AgendaItem
            {
                Id = Guid.NewGuid(), MeetingId = upcoming.Id, Position = index + 1, Title = a.Title, Presenter = a.Presenter, PlannedMinutes = a.Minutes,
            }));
            var invited = await db.Registrations.Where(r => r.MeetingId == upcoming.Id && r.Status == RegistrationStatus.Invited && r.Email != "vertretung@allianz.example")
                .OrderBy(r => r.OrganizationName).ThenBy(r => r.PersonName).Take(24).ToListAsync(cancellationToken);
            foreach (var registration in invited)
            {
                registration.Status = RegistrationStatus.Registered;
                registration.RespondedAt = now;
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>The first month (this one or a later one) whose third Thursday at 18:00 lies ahead.</summary>
    private static DateOnly NextThirdThursdayMonth(DateTimeOffset now)
    {
        var month = new DateOnly(now.Year, now.Month, 1);
        while (true)
        {
            var firstThursday = month.AddDays(((int)DayOfWeek.Thursday - (int)month.DayOfWeek + 7) % 7);
            var third = firstThursday.AddDays(14);
            if (Recurrence.ToInstant(third, new TimeOnly(18, 0), Recurrence.DefaultTimeZone) > now)
            {
                return month;
            }

            month = month.AddMonths(1);
        }
    }
}
