using Alliance.Notifications.Contracts;
using Alliance.Notifications.Delivery;
using Alliance.Notifications.Domain;
using Alliance.Notifications.Persistence;
using Alliance.Notifications.Resources;
using Alliance.Shared.Contracts;
using Alliance.Shared.Input;
using Alliance.Shared.Security;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Notifications.Preferences;

/// <summary>One choice: <paramref name="Mail"/> true is "in-app and by e-mail", false "in-app only".</summary>
internal sealed record NotificationPreferenceChoice(NotificationKind Kind, bool Mail);

/// <summary>Sets the caller's choices for the kinds given; kinds left out keep their choice.</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record UpdateMyNotificationPreferences(IReadOnlyList<NotificationPreferenceChoice> Choices) : IRequest<Unit>;

internal sealed class UpdateMyNotificationPreferencesValidator : AbstractValidator<UpdateMyNotificationPreferences>
{
    public UpdateMyNotificationPreferencesValidator(IStringLocalizer<NotificationsText> text)
    {
        RuleFor(c => c.Choices).MaxItems(Enum.GetValues<NotificationKind>().Length)
            .Must(c => c is null || c.Select(x => x.Kind).Distinct().Count() == c.Count).WithMessage(_ => text["Preferences_KindTwice"]);
        RuleForEach(c => c.Choices).Must(c => Enum.IsDefined(c.Kind)).WithMessage(_ => text["Preferences_KindUnknown"]);
    }
}

internal sealed class UpdateMyNotificationPreferencesHandler(NotificationsDbContext db, ICurrentUser user)
    : IRequestHandler<UpdateMyNotificationPreferences, Unit>
{
    public async Task<Unit> Handle(UpdateMyNotificationPreferences request, CancellationToken cancellationToken)
    {
        var person = Me.PersonOf(user);
        var stored = await db.Preferences.Where(p => p.PersonId == person).ToDictionaryAsync(p => p.Kind, cancellationToken);
        foreach (var choice in request.Choices)
        {
            if (stored.TryGetValue(choice.Kind, out var preference))
            {
                preference.Mail = choice.Mail;
            }
            else
            {
                db.Preferences.Add(new NotificationPreference { PersonId = person, Kind = choice.Kind, Mail = choice.Mail });
            }
        }

        return Unit.Value;
    }
}
