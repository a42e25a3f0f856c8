using Alliance.Members.Contracts;
using Alliance.Notifications.Contracts;
using Alliance.Notifications.Delivery;
using Alliance.Notifications.Persistence;
using Alliance.Notifications.Resources;
using Alliance.Shared.Contracts;
using Alliance.Shared.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Notifications.Preferences;

/// <summary>One kind and whether it also comes by e-mail (false: in-app only).</summary>
internal sealed record NotificationPreferenceItem(NotificationKind Kind, string Label, bool Mail);

/// <summary>
/// The caller's choices, every kind listed. <see cref="MailConsent"/> false: no mail arrives whatever is chosen,
/// because the person has not agreed to be contacted by e-mail (given on the profile page).
/// </summary>
internal sealed record NotificationPreferences(bool MailConsent, IReadOnlyList<NotificationPreferenceItem> Kinds);

/// <summary>The caller's notification choices per kind.</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record GetMyNotificationPreferences : IRequest<NotificationPreferences>;

internal sealed class GetMyNotificationPreferencesHandler(NotificationsDbContext db, ICurrentUser user, IMediator mediator, IStringLocalizer<NotificationsText> text)
    : IRequestHandler<GetMyNotificationPreferences, NotificationPreferences>
{
    public async Task<NotificationPreferences> Handle(GetMyNotificationPreferences request, CancellationToken cancellationToken)
    {
        var person = Me.PersonOf(user);
        var stored = await db.Preferences.AsNoTracking().Where(p => p.PersonId == person).ToDictionaryAsync(p => p.Kind, p => p.Mail, cancellationToken);
        var me = (await mediator.Send(new GetPeopleByIds([person]), cancellationToken)).FirstOrDefault();
        var kinds = Enum.GetValues<NotificationKind>()
            .Select(k => new NotificationPreferenceItem(k, NotificationTexts.KindLabel(text, k), stored.GetValueOrDefault(k, true)))
            .ToList();
        return new NotificationPreferences(me is { MayContactByEmail: true, Email: not null and not "" }, kinds);
    }
}
