using Alliance.Shared.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Shared.Persistence;

/// <summary>Paging of EF queries.</summary>
public static class PagingExtensions
{
    /// <summary>
    /// Counts and fetches one page in SQL. The query must already be ordered. The page is clamped to the pages there
    /// are (<see cref="Paging"/>): page 0, -5 or 2147483647 answer the first or the last page, never a negative offset.
    /// </summary>
    public static async Task<PagedResult<T>> ToPagedResultAsync<T>(this IQueryable<T> query, int page, int pageSize, CancellationToken cancellationToken)
    {
        pageSize = Paging.NormalizePageSize(pageSize);
        var total = await query.CountAsync(cancellationToken);
        page = Paging.NormalizePage(page, pageSize, total);
        var items = await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new PagedResult<T>(items, page, pageSize, total);
    }
}
