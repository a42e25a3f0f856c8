using Alliance.Meetings.Persistence;
using Alliance.Shared.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Meetings.Series;

/// <summary>
/// The recurring job's work: creates each series' occurrences up to the horizon through <see cref="OccurrenceScheduler"/>.
/// Idempotent: the series row is locked while its occurrences are created and (series, occurrence start) is unique, so two
/// runs or two hosts create nothing twice.
/// </summary>
[AllowedFor(Who.Internal)]
internal sealed record MaterializeOccurrences(Guid? SeriesId = null) : IRequest<int>;

internal sealed class MaterializeOccurrencesHandler(MeetingsDbContext db, OccurrenceScheduler scheduler) : IRequestHandler<MaterializeOccurrences, int>
{
    public async Task<int> Handle(MaterializeOccurrences request, CancellationToken cancellationToken)
    {
        var seriesIds = await db.Series.AsNoTracking()
            .Where(s => request.SeriesId == null || s.Id == request.SeriesId)
            .Select(s => s.Id).ToListAsync(cancellationToken);
        var created = 0;
        foreach (var seriesId in seriesIds)
        {
            created += await MaterializeAsync(seriesId, cancellationToken);
        }

        return created;
    }

    private async Task<int> MaterializeAsync(Guid seriesId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var series = await db.Series.FromSql($"SELECT *, xmin FROM meetings.series WHERE \"Id\" = {seriesId} FOR UPDATE").SingleAsync(cancellationToken);
        var created = await scheduler.AddOccurrencesAsync(series, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return created;
    }
}
