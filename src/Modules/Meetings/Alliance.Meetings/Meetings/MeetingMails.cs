using Alliance.Meetings.Calendar;
using Alliance.Meetings.Contracts;
using Alliance.Meetings.Domain;
using Alliance.Meetings.Persistence;
using Alliance.Meetings.Resources;
using Alliance.Meetings.Scheduling;
using Alliance.Meetings.Series;
using Alliance.Shared.Contracts;
using Alliance.Shared.Localization;
using Alliance.Shared.Mail;
using Alliance.Members.Contracts;
using Alliance.Notifications.Contracts;
using Alliance.Shared.Messaging;
using Alliance.Shared.Modules;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Meetings.Meetings;

/// <summary>
/// Meeting e-mails in the recipient's language, always with date, local time (meeting's zone), place or link,
/// the page link and the calendar (.ics) link. Arguments: {0} title, {1} date, {2} time, {3} place, {4} page, {5} .ics,
/// {6} the kind's extra (reason, agenda, waitlist place). Each kind of mail is composed by its own method here, so its
/// text, attachment and recipients' language are decided in one place.
/// Address, consent and language are read from Members at send time (<see cref="RefreshContactsAsync"/>), so a changed
/// address or a withdrawn consent counts at once, not only once Members' PersonChanged has arrived.
/// </summary>
internal sealed class MeetingMails(
    EmailComposer composer, IStringLocalizer<MeetingsText> texts, IMediator mediator, IcsWriter ics, ModuleCatalog catalog, MeetingsDbContext db, TimeProvider clock)
{
    /// <summary>Personal calendar feed tokens of the people mailed in this scope (<see cref="PrepareFeedsAsync"/>).</summary>
    private readonly Dictionary<Guid, string> _feeds = [];

    /// <summary>
    /// Tells the people of these registrations in-app (Notifications, through <see cref="RegistrantsTold"/> in this
    /// module's outbox) and answers who of them chose "in-app only" for the kind: their mail is left out, so nobody
    /// gets two mails and the choice counts. Without the Notifications module everyone is mailed as before.
    /// </summary>
    public async Task<IReadOnlySet<Guid>> TellAsync(
        MeetingsDbContext db, Meeting meeting, RegistrantNotice notice, IReadOnlyCollection<Registration> registrations, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var people = registrations.Where(r => !r.IsErased).Select(r => r.PersonId).Distinct().ToList();
        var optOuts = await MailOptOutsAsync(notice, people, cancellationToken);
        RecordTold(db, meeting, notice, people, now);
        return optOuts;
    }

    /// <summary>Who of <paramref name="people"/> chose "in-app only" for the notice's kind (Notifications' answer; empty without it).</summary>
    public async Task<IReadOnlySet<Guid>> MailOptOutsAsync(RegistrantNotice notice, IReadOnlyCollection<Guid> people, CancellationToken cancellationToken)
    {
        if (people.Count == 0 || !catalog.Handles(typeof(GetMailOptOutsOfKinds)))
        {
            return new HashSet<Guid>();
        }

        return (await mediator.Send(new GetMailOptOutsOfKinds([KindOf(notice)], [.. people]), cancellationToken)).Select(o => o.PersonId).ToHashSet();
    }

    /// <summary>
    /// Before a registration's turn, when it is not known yet whether she gets a seat or a waitlist place: did the
    /// person choose "in-app only" for the confirmation of a seat, and for that of a waitlist place? One ask of
    /// Notifications for both (neither without it).
    /// </summary>
    public async Task<(bool Registered, bool Waitlisted)> RegistrationMailOptOutsAsync(Guid personId, CancellationToken cancellationToken)
    {
        if (!catalog.Handles(typeof(GetMailOptOutsOfKinds)))
        {
            return (false, false);
        }

        var (registered, waitlisted) = (KindOf(RegistrantNotice.Registered), KindOf(RegistrantNotice.Waitlisted));
        var optOuts = await mediator.Send(new GetMailOptOutsOfKinds([registered, waitlisted], [personId]), cancellationToken);
        return (optOuts.Any(o => o.PersonId == personId && o.Kind == registered), optOuts.Any(o => o.PersonId == personId && o.Kind == waitlisted));
    }

    /// <summary>The kind of notification a notice to registrants is (people choose "in-app only" per kind).</summary>
    private static NotificationKind KindOf(RegistrantNotice notice) => notice switch
    {
        RegistrantNotice.Registered => NotificationKind.RegistrationConfirmed,
        RegistrantNotice.Waitlisted => NotificationKind.RegistrationWaitlisted,
        RegistrantNotice.MovedUp => NotificationKind.RegistrationMovedUp,
        RegistrantNotice.Cancelled => NotificationKind.MeetingCancelled,
        _ => NotificationKind.MeetingChanged,
    };

    /// <summary>The in-app side of a notice: <see cref="RegistrantsTold"/> into this module's outbox (with the change's commit).</summary>
    public void RecordTold(MeetingsDbContext db, Meeting meeting, RegistrantNotice notice, IReadOnlyCollection<Guid> people, DateTimeOffset now)
    {
        if (people.Count > 0 && catalog.Handles(typeof(GetMailOptOutsOfKinds)))
        {
            db.AddIntegrationEvent(new RegistrantsTold(meeting.Id, meeting.DisplayTitle, meeting.StartsAt, notice, [.. people]), now);
        }
    }

    /// <summary>Brings the registrations' contact copies (address only with consent, language, name, name consent) up to date from Members, in one batch.</summary>
    public async Task RefreshContactsAsync(IReadOnlyCollection<Registration> registrations, CancellationToken cancellationToken)
    {
        if (registrations.Count == 0)
        {
            return;
        }

        var people = (await mediator.Send(new GetPeopleByIds([.. registrations.Select(r => r.PersonId).Distinct()]), cancellationToken)).ToDictionary(p => p.Id);
        foreach (var registration in registrations)
        {
            if (people.TryGetValue(registration.PersonId, out var person))
            {
                Apply(registration, person);
            }
        }

        await PrepareFeedsAsync(registrations, cancellationToken);
    }

    /// <summary>
    /// Makes sure each of these people has a personal calendar feed (the token link that works without a sign-in, as the
    /// meeting list offers it) and keeps the tokens for the mails composed next: a mail's "always up to date" calendar link
    /// is that feed, since a calendar program subscribing to it sends no login cookie.
    /// </summary>
    public async Task PrepareFeedsAsync(IReadOnlyCollection<Registration> registrations, CancellationToken cancellationToken)
    {
        var missing = registrations.Where(r => !r.IsErased && r.Email is not null).Select(r => r.PersonId)
            .Where(p => !_feeds.ContainsKey(p)).Distinct().ToList();
        if (missing.Count == 0)
        {
            return;
        }

        foreach (var (personId, token) in await PersonalFeeds.EnsureAsync(db, missing, clock.GetUtcNow(), cancellationToken))
        {
            _feeds[personId] = token;
        }
    }

    /// <summary>
    /// Forgets the feed tokens prepared so far in this scope: after a rolled-back transaction the feeds it made are gone,
    /// so the next attempt must make them again (else its mails would link feeds that do not exist).
    /// </summary>
    public void ForgetPreparedFeeds() => _feeds.Clear();

    /// <summary>Copies what Meetings keeps of a person onto a registration; an erased person keeps the erased placeholder.</summary>
    public static void Apply(Registration registration, PersonSummary person)
    {
        if (person.IsErased || registration.IsErased)
        {
            registration.Email = null;
            return;
        }

        registration.Email = person.MayContactByEmail ? person.Email : null;
        registration.Language = person.PreferredLanguage;
        registration.PersonName = person.DisplayName;
        registration.NameVisibleToMembers = person.NameVisibleToMembers;
    }

    /// <summary>Invitation to an invited person (no calendar entry yet: they have not registered).</summary>
    public EmailRequested? Invitation(Registration registration, Meeting meeting) =>
        Compose(registration, meeting, "Mail_Invitation_Subject", "Mail_Invitation_Body", personalCalendar: false);

    /// <summary>Confirmation of a registration with a seat, with the calendar entry (METHOD:REQUEST).</summary>
    public EmailRequested? Registered(Registration registration, Meeting meeting) =>
        WithCalendarEntry(Compose(registration, meeting, "Mail_Registered_Subject", "Mail_Registered_Body"), registration, meeting);

    /// <summary>Confirmation of a place on the waitlist (<paramref name="place"/>); no calendar entry until a seat is free.</summary>
    public EmailRequested? Waitlisted(Registration registration, Meeting meeting, int place) =>
        Compose(registration, meeting, "Mail_Waitlisted_Subject", "Mail_Waitlisted_Body", place.ToString(Cultures.Formatting(Cultures.Normalize(registration.Language))));

    /// <summary>"You moved up" from the waitlist, with the calendar entry (METHOD:REQUEST).</summary>
    public EmailRequested? Promoted(Registration registration, Meeting meeting) =>
        WithCalendarEntry(Compose(registration, meeting, "Mail_Promoted_Subject", "Mail_Promoted_Body"), registration, meeting);

    /// <summary>Reminder before the start, with the agenda.</summary>
    public EmailRequested? Reminder(Registration registration, Meeting meeting, string agenda) =>
        Compose(registration, meeting, "Mail_Reminder_Subject", "Mail_Reminder_Body", agenda);

    /// <summary>The meeting moved or its place changed; registrants get the updated entry (METHOD:REQUEST, raised SEQUENCE).</summary>
    public EmailRequested? Changed(Registration registration, Meeting meeting) =>
        WithCalendarEntry(Compose(registration, meeting, "Mail_Moved_Subject", "Mail_Moved_Body"), registration, meeting);

    /// <summary>The meeting is cancelled (with the reason, if given); registrants get METHOD:CANCEL.</summary>
    public EmailRequested? Cancelled(Registration registration, Meeting meeting, string? reason) =>
        WithCalendarEntry(Compose(registration, meeting, "Mail_Cancelled_Subject",
            string.IsNullOrWhiteSpace(reason) ? "Mail_Cancelled_Body" : "Mail_CancelledWithReason_Body", reason?.Trim()), registration, meeting);

    /// <summary>
    /// Confirms that the person's own registration is cancelled; who had a seat gets METHOD:CANCEL for the entry in
    /// their calendar (the meeting itself goes on), who was waiting has no entry to remove.
    /// </summary>
    public EmailRequested? RegistrationCancelled(Registration registration, Meeting meeting, bool hadSeat, DateTimeOffset now)
    {
        var mail = Compose(registration, meeting, "Mail_RegistrationCancelled_Subject", "Mail_RegistrationCancelled_Body");
        return mail is not null && hadSeat ? mail.WithAttachment(ics.Withdrawal(meeting, mail.ToAddress, mail.ToName, CalendarSequence.Next(registration, meeting), now)) : mail;
    }

    /// <summary>A cancelled meeting takes place after all; registrants get the entry again (METHOD:REQUEST, raised SEQUENCE).</summary>
    public EmailRequested? Reinstated(Registration registration, Meeting meeting) =>
        WithCalendarEntry(Compose(registration, meeting, "Mail_Reinstated_Subject", "Mail_Reinstated_Body"), registration, meeting);

    /// <summary>Only people with a seat have (or get) the meeting in their calendar: only their mails carry the .ics.</summary>
    private EmailRequested? WithCalendarEntry(EmailRequested? mail, Registration registration, Meeting meeting) =>
        mail is not null && registration.Status == RegistrationStatus.Registered
            ? mail.WithAttachment(ics.Invitation(meeting, mail.ToAddress, mail.ToName, CalendarSequence.Next(registration, meeting), clock.GetUtcNow()))
            : mail;

    /// <summary>
    /// The mail with the meeting's details. Its calendar link ({5}) is the registrant's personal feed, which opens without a
    /// sign-in; an invitation (not registered yet, so not in that feed) links the meeting's own .ics instead.
    /// </summary>
    private EmailRequested? Compose(Registration registration, Meeting meeting, string subjectKey, string bodyKey, string? extra = null, bool personalCalendar = true)
    {
        if (string.IsNullOrWhiteSpace(registration.Email) || registration.IsErased)
        {
            return null;
        }

        var language = Cultures.Normalize(registration.Language);
        var culture = Cultures.Formatting(language);
        var start = Recurrence.ToLocal(meeting.StartsAt, meeting.TimeZone);
        var end = Recurrence.ToLocal(meeting.EndsAt, meeting.TimeZone);
        string place;
        string date;
        using (Cultures.Use(language))
        {
            place = string.Join(" · ", new[] { meeting.Place, meeting.OnlineLink }.Where(p => !string.IsNullOrWhiteSpace(p)));
            if (place.Length == 0)
            {
                place = texts["Place_None"];
            }

            date = start.ToString(texts["Mail_DateFormat"], culture);
        }

        object[] arguments =
        [
            meeting.DisplayTitle,
            date,
            $"{start.ToString("HH:mm", culture)}–{end.ToString("HH:mm", culture)} ({meeting.TimeZone})",
            place,
            composer.Link($"/meetings/{meeting.Id}"),
            personalCalendar && _feeds.TryGetValue(registration.PersonId, out var feed)
                ? composer.Link($"/calendar/{feed}.ics")
                : composer.Link($"/api/meetings/{meeting.Id}/ics"),
            extra ?? "",
        ];
        return composer.Compose(texts, language, registration.Email, registration.PersonName, subjectKey, bodyKey, arguments, "meetings", registration.PersonId);
    }
}
