using Alliance.Notifications.Contracts;
using Alliance.Notifications.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Notifications.Integration;

/// <summary>Answers <see cref="GetMailOptOutsOfKinds"/>: who of these people chose "in-app only" for which of the kinds, in one statement.</summary>
internal sealed class GetMailOptOutsOfKindsHandler(NotificationsDbContext db) : IRequestHandler<GetMailOptOutsOfKinds, IReadOnlyCollection<MailOptOut>>
{
    public async Task<IReadOnlyCollection<MailOptOut>> Handle(GetMailOptOutsOfKinds request, CancellationToken cancellationToken)
    {
        var kinds = request.Kinds.Distinct().ToList();
        var ids = request.PersonIds.Distinct().ToList();
        return kinds.Count == 0 || ids.Count == 0
            ? []
            : await db.Preferences.AsNoTracking().Where(p => kinds.Contains(p.Kind) && !p.Mail && ids.Contains(p.PersonId))
                .Select(p => new MailOptOut(p.PersonId, p.Kind)).ToListAsync(cancellationToken);
    }
}
