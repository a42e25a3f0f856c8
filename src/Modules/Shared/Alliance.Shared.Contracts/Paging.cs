namespace Alliance.Shared.Contracts;

/// <summary>One page of a list. Every list in Alliance is paged.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public int PageCount => PageSize == 0 ? 0 : (int)Math.Ceiling(TotalCount / (double)PageSize);
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < PageCount;
}

/// <summary>
/// The paging rules of every list: a page size outside 1 … <see cref="MaxPageSize"/> becomes the default or the
/// maximum; a page below 1 is the first page, a page after the last is the last page (so any int is a valid page and
/// the offset never overflows).
/// </summary>
public static class Paging
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 200;

    /// <summary>The highest page number a request may name before the count is known: its offset still fits an int.</summary>
    public const int MaxPage = int.MaxValue / MaxPageSize;

    /// <summary>The page clamped to 1 … <see cref="MaxPage"/>.</summary>
    public static int NormalizePage(int page) => Math.Clamp(page, 1, MaxPage);

    /// <summary>The page clamped to the pages there are (at least 1).</summary>
    public static int NormalizePage(int page, int pageSize, int totalCount) =>
        Math.Clamp(page, 1, Math.Max(1, (int)Math.Ceiling(totalCount / (double)NormalizePageSize(pageSize))));

    /// <summary>The page size clamped: below 1 the default, above the maximum the maximum.</summary>
    public static int NormalizePageSize(int pageSize) =>
        pageSize < 1 ? DefaultPageSize : Math.Min(pageSize, MaxPageSize);
}
