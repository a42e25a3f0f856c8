using Alliance.Meetings.Contracts;
using Alliance.Notifications.Contracts;
using Alliance.Notifications.Delivery;
using Alliance.Shared.Localization;
using MediatR;

namespace Alliance.Notifications.Integration;

/// <summary>
/// Registrants of a meeting were told something by Meetings' own mail (with the calendar entry): here it is shown
/// in-app only, so nobody gets two mails. Meetings leaves the mail out for people who chose "in-app only".
/// </summary>
internal sealed class RegistrantsToldHandler(NotificationDelivery delivery) : INotificationHandler<RegistrantsTold>
{
    public Task Handle(RegistrantsTold notification, CancellationToken cancellationToken)
    {
        var (kind, key) = notification.Notice switch
        {
            RegistrantNotice.Registered => (NotificationKind.RegistrationConfirmed, "RegistrationConfirmed"),
            RegistrantNotice.Waitlisted => (NotificationKind.RegistrationWaitlisted, "RegistrationWaitlisted"),
            RegistrantNotice.MovedUp => (NotificationKind.RegistrationMovedUp, "RegistrationMovedUp"),
            RegistrantNotice.Cancelled => (NotificationKind.MeetingCancelled, "MeetingCancelled"),
            _ => (NotificationKind.MeetingChanged, "MeetingChanged"),
        };
        var day = DateOnly.FromDateTime(AllianceTime.Local(notification.StartsAt).DateTime);
        return delivery.DeliverAsync(new NotificationMessage(kind, key, [notification.MeetingTitle, day], $"/meetings/{notification.MeetingId}"),
            notification.PersonIds, mail: false, cancellationToken);
    }
}
