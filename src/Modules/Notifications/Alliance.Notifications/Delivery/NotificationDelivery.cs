using Alliance.Members.Contracts;
using Alliance.Notifications.Contracts;
using Alliance.Notifications.Domain;
using Alliance.Notifications.Persistence;
using Alliance.Notifications.Resources;
using Alliance.Shared.Mail;
using Alliance.Shared.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Notifications.Delivery;

/// <summary>What one notification says and where it leads, before it is addressed.</summary>
/// <param name="Kind">What it is about; people choose per kind whether it comes by mail.</param>
/// <param name="TextKey">The text: <c>Notification_{TextKey}</c> in-app, <c>Mail_{TextKey}_Subject/_Body</c> by mail.</param>
/// <param name="Arguments">Texts and dates for the placeholders; the mail gets the absolute link as the last one.</param>
/// <param name="Link">A path inside Alliance.</param>
internal sealed record NotificationMessage(NotificationKind Kind, string TextKey, IReadOnlyList<object> Arguments, string Link);

/// <summary>
/// Tells people something: one in-app notification per person, and a mail in the person's language where they
/// agreed to be contacted by e-mail (Members' consent) and did not choose "in-app only" for the kind. Everything is
/// added to this module's unit of work, so notifications and queued mails commit together (the dispatcher saves).
/// </summary>
internal sealed class NotificationDelivery(
    NotificationsDbContext db, IMediator mediator, EmailComposer composer, IStringLocalizer<NotificationsText> text, TimeProvider clock)
{
    /// <summary>Delivers <paramref name="message"/> to <paramref name="personIds"/>; <paramref name="mail"/> false means in-app only.</summary>
    public async Task DeliverAsync(NotificationMessage message, IReadOnlyCollection<Guid> personIds, bool mail, CancellationToken ct)
    {
        var ids = personIds.Where(id => id != Guid.Empty).Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var people = (await mediator.Send(new GetPeopleByIds(ids), ct)).Where(p => !p.IsErased).ToList();
        await DeliverAsync(message, people, mail, ct);
    }

    /// <summary>Delivers <paramref name="message"/> to people already looked up in Members.</summary>
    public async Task DeliverAsync(NotificationMessage message, IReadOnlyCollection<PersonSummary> people, bool mail, CancellationToken ct)
    {
        var ids = people.Select(p => p.Id).Distinct().ToList();
        var inAppOnly = await db.Preferences.Where(p => p.Kind == message.Kind && !p.Mail && ids.Contains(p.PersonId))
            .Select(p => p.PersonId).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var arguments = NotificationArguments.Encode(message.Arguments);
        foreach (var person in people.DistinctBy(p => p.Id))
        {
            db.Notifications.Add(new Notification
            {
                Id = Guid.NewGuid(), PersonId = person.Id, Kind = message.Kind, TextKey = message.TextKey, Arguments = arguments,
                Link = message.Link, CreatedAt = now,
            });

            if (mail && person.MayContactByEmail && !string.IsNullOrEmpty(person.Email) && !inAppOnly.Contains(person.Id))
            {
                db.AddIntegrationEvent(composer.Compose(text, person.PreferredLanguage, person.Email, person.DisplayName,
                    $"Mail_{message.TextKey}_Subject", $"Mail_{message.TextKey}_Body", [.. message.Arguments, composer.Link(message.Link)],
                    "notifications", person.Id), now);
            }
        }
    }

    /// <summary>
    /// Who is meant by an owner: the person if there is one, else the organisation's contacts (its active people).
    /// </summary>
    public async Task<IReadOnlyList<PersonSummary>> OwnersAsync(Guid? personId, Guid? organizationId, CancellationToken ct)
    {
        if (personId is { } person)
        {
            var found = (await mediator.Send(new GetPeopleByIds([person]), ct)).Where(p => !p.IsErased).ToList();
            if (found.Count > 0 || organizationId is null)
            {
                return found;
            }
        }

        return organizationId is { } organization ? await mediator.Send(new GetMemberContacts([organization]), ct) : [];
    }
}
