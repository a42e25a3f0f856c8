using Alliance.Notifications.Contracts;
using Alliance.Notifications.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Notifications.Integration;

/// <summary>Answers <see cref="GetMailOptOuts"/>: who of these people chose "in-app only" for the kind.</summary>
internal sealed class GetMailOptOutsHandler(NotificationsDbContext db) : IRequestHandler<GetMailOptOuts, IReadOnlyCollection<Guid>>
{
    public async Task<IReadOnlyCollection<Guid>> Handle(GetMailOptOuts request, CancellationToken cancellationToken)
    {
        var ids = request.PersonIds.Distinct().ToList();
        return ids.Count == 0
            ? []
            : await db.Preferences.AsNoTracking().Where(p => p.Kind == request.Kind && !p.Mail && ids.Contains(p.PersonId))
                .Select(p => p.PersonId).ToListAsync(cancellationToken);
    }
}
