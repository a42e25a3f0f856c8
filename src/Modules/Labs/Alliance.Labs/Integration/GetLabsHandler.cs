using Alliance.Labs.Contracts;
using Alliance.Labs.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Labs.Integration;

internal sealed class GetLabsHandler(LabsDbContext db) : IRequestHandler<GetLabs, IReadOnlyList<LabSummary>>
{
    public async Task<IReadOnlyList<LabSummary>> Handle(GetLabs request, CancellationToken cancellationToken) =>
        await db.Labs.AsNoTracking().OrderBy(l => l.Title)
            .Select(l => new LabSummary(l.Id, l.Title, l.ActionField!.Title, l.Kind, l.Status))
            .ToListAsync(cancellationToken);
}
