using Alliance.Meetings.Contracts;
using Alliance.Meetings.Domain;
using Alliance.Meetings.Meetings;
using Alliance.Meetings.Persistence;
using Alliance.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Meetings.Registrations;

/// <summary>
/// Decides the seats of a batch of registrations for one meeting (<see cref="RegistrationLanes"/>) in ONE transaction
/// under the meeting's row lock (<see cref="MeetingLock"/>): the lock, the batch's existing registrations, the seat
/// and waitlist counts in one statement (and the delegates per organisation when the meeting limits them), then every
/// decision in memory in order of arrival, then the new calendar feeds, then the rows and their outbox events in one
/// save (without a savepoint). Nothing inside asks another module: what a registration needs from Members and
/// Notifications was read before its turn. The database work runs without the leader's cancellation token, so a
/// leader whose own request ends cannot cancel the others' registrations.
/// </summary>
internal sealed class SeatDecisions(MeetingsDbContext db, MeetingMails mails, TimeProvider clock)
{
    /// <summary>
    /// Sets the <see cref="RegistrationTicket.Outcome"/> of every ticket. When the batch's transaction fails, each
    /// registration is decided again in a transaction of its own, so one that cannot be stored fails alone.
    /// </summary>
    public async Task DecideAsync(Guid meetingId, IReadOnlyList<RegistrationTicket> tickets)
    {
        try
        {
            await DecideTogetherAsync(meetingId, tickets);
        }
        catch (Exception) when (tickets.Count > 1)
        {
            foreach (var ticket in tickets)
            {
                try
                {
                    await DecideTogetherAsync(meetingId, [ticket]);
                }
                catch (Exception failure)
                {
                    ticket.Outcome = RegistrationOutcome.Failed(failure);
                }
            }
        }
        catch (Exception failure)
        {
            tickets[0].Outcome = RegistrationOutcome.Failed(failure);
        }
    }

    private async Task DecideTogetherAsync(Guid meetingId, IReadOnlyList<RegistrationTicket> tickets)
    {
        var none = CancellationToken.None;
        db.ChangeTracker.Clear();
        // Feeds made by an earlier, rolled-back attempt of this scope no longer exist.
        mails.ForgetPreparedFeeds();
        // A batch that fails is rolled back whole and decided again: a savepoint around its one save would only cost two
        // more round trips (SAVEPOINT, RELEASE) inside the turn.
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            var outcomes = await DecideInTransactionAsync(meetingId, tickets, none);
            for (var i = 0; i < tickets.Count; i++)
            {
                tickets[i].Outcome = outcomes[i];
            }
        }
        finally
        {
            // Nothing of a failed batch may be saved later by the request's unit of work.
            db.ChangeTracker.Clear();
            db.Database.AutoSavepointsEnabled = true;
        }
    }

    private async Task<RegistrationOutcome[]> DecideInTransactionAsync(Guid meetingId, IReadOnlyList<RegistrationTicket> tickets, CancellationToken none)
    {
        var outcomes = new RegistrationOutcome[tickets.Count];
        await using var transaction = await db.Database.BeginTransactionAsync(none);
        var meeting = await db.LockAsync(meetingId, none);
        var now = clock.GetUtcNow();
        var refusal = meeting is null ? RegistrationRefusal.MeetingNotFound
            : meeting.IsCancelled ? RegistrationRefusal.MeetingCancelled
            : meeting.StartsAt <= now ? RegistrationRefusal.MeetingPast
            : RegistrationRefusal.None;
        if (meeting is null || refusal != RegistrationRefusal.None)
        {
            Array.Fill(outcomes, RegistrationOutcome.Refused(refusal));
            return outcomes;
        }

        var people = tickets.Select(t => t.Person.Id).Distinct().ToList();
        var byPerson = await db.Registrations.Where(r => r.MeetingId == meetingId && people.Contains(r.PersonId)).ToDictionaryAsync(r => r.PersonId, none);
        var seats = await db.Registrations.Where(r => r.MeetingId == meetingId).GroupBy(r => r.MeetingId)
            .Select(g => new
            {
                Confirmed = g.Count(r => r.Status == RegistrationStatus.Registered),
                Waiting = g.Count(r => r.Status == RegistrationStatus.Waitlisted),
                LastPosition = g.Max(r => r.WaitlistPosition),
            })
            .FirstOrDefaultAsync(none);
        var confirmed = seats?.Confirmed ?? 0;
        var waiting = seats?.Waiting ?? 0;
        var lastPosition = seats?.LastPosition ?? 0;
        var delegates = await DelegatesAsync(meeting, tickets, none);

        var decided = new List<(RegistrationTicket Ticket, Registration Registration, int? Place)>(tickets.Count);
        var placeOf = new Dictionary<Guid, int?>();
        for (var i = 0; i < tickets.Count; i++)
        {
            var person = tickets[i].Person;
            byPerson.TryGetValue(person.Id, out var registration);
            if (registration is { Status: RegistrationStatus.Registered or RegistrationStatus.Waitlisted })
            {
                // Registering again (a second click, a retry — also twice in one batch) answers with the current state.
                var place = placeOf.TryGetValue(registration.Id, out var known) ? known
                    : registration.Status == RegistrationStatus.Waitlisted
                        ? await db.Registrations.CountAsync(r => r.MeetingId == meetingId && r.Status == RegistrationStatus.Waitlisted
                            && r.WaitlistPosition <= registration.WaitlistPosition, none)
                        : null;
                outcomes[i] = new RegistrationOutcome(new RegistrationResult(registration.Id, registration.Status.ToString(), place));
                continue;
            }

            if (meeting.DelegateLimit is { } limit && person.OrganizationId is { } organization)
            {
                if (delegates.GetValueOrDefault(organization) >= limit)
                {
                    outcomes[i] = RegistrationOutcome.Refused(RegistrationRefusal.DelegateLimitReached, limit);
                    continue;
                }

                delegates[organization] = delegates.GetValueOrDefault(organization) + 1;
            }

            if (registration is null)
            {
                registration = Invitations.NewRegistration(meetingId, person, tickets[i].Organization, RegistrationStatus.Invited, now);
                db.Registrations.Add(registration);
                byPerson[person.Id] = registration;
            }

            registration.RespondedAt = now;
            int? waitlistPlace = null;
            if (confirmed < meeting.Capacity)
            {
                registration.Status = RegistrationStatus.Registered;
                registration.WaitlistPosition = null;
                confirmed++;
            }
            else
            {
                registration.Status = RegistrationStatus.Waitlisted;
                registration.WaitlistPosition = ++lastPosition;
                waitlistPlace = ++waiting;
            }

            // Contact details as Members has them now (an invitation's copy may be older).
            MeetingMails.Apply(registration, person);
            placeOf[registration.Id] = waitlistPlace;
            decided.Add((tickets[i], registration, waitlistPlace));
            outcomes[i] = new RegistrationOutcome(new RegistrationResult(registration.Id, registration.Status.ToString(), waitlistPlace));
        }

        if (decided.Count == 0)
        {
            return outcomes;
        }

        await mails.PrepareFeedsAsync([.. decided.Select(d => d.Registration)], none);
        foreach (var (ticket, registration, place) in decided)
        {
            var confirmation = place is { } waitlistPlace ? mails.Waitlisted(registration, meeting, waitlistPlace) : mails.Registered(registration, meeting);
            if (confirmation is not null && (place is null ? ticket.MailIfRegistered : ticket.MailIfWaitlisted))
            {
                db.AddIntegrationEvent(confirmation, now);
            }
        }

        // The in-app side: one event per kind of notice for the whole batch (each person is told once).
        mails.RecordTold(db, meeting, RegistrantNotice.Registered, [.. decided.Where(d => d.Place is null).Select(d => d.Registration.PersonId)], now);
        mails.RecordTold(db, meeting, RegistrantNotice.Waitlisted, [.. decided.Where(d => d.Place is not null).Select(d => d.Registration.PersonId)], now);
        await db.SaveChangesAsync(none);
        await transaction.CommitAsync(none);
        return outcomes;
    }

    /// <summary>Registrations (confirmed or waiting) per organisation of the batch, when the meeting limits delegates.</summary>
    private async Task<Dictionary<Guid, int>> DelegatesAsync(Meeting meeting, IReadOnlyList<RegistrationTicket> tickets, CancellationToken none)
    {
        var organizations = tickets.Select(t => t.Person.OrganizationId).OfType<Guid>().Distinct().ToList();
        if (meeting.DelegateLimit is null || organizations.Count == 0)
        {
            return [];
        }

        return await db.Registrations
            .Where(r => r.MeetingId == meeting.Id && r.OrganizationId != null && organizations.Contains(r.OrganizationId.Value)
                && (r.Status == RegistrationStatus.Registered || r.Status == RegistrationStatus.Waitlisted))
            .GroupBy(r => r.OrganizationId!.Value)
            .Select(g => new { Organization = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Organization, g => g.Count, none);
    }
}
