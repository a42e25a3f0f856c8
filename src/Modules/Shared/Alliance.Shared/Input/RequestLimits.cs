namespace Alliance.Shared.Input;

/// <summary>
/// The limits every request meets before a use case sees it (README "Limits"). Modules set smaller caps with the
/// shared validator rules (<c>.MaxItems(n)</c>, <c>.InAllianceRange()</c>).
/// </summary>
public static class RequestLimits
{
    /// <summary>The largest request body the host reads: 1 MiB (JSON and form posts), except where a file is uploaded.</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    /// <summary>
    /// The largest body of an endpoint or page marked <see cref="UploadLimitAttribute"/>: 8 MiB, room for a 5 MiB file
    /// sent as base64 in JSON (6.7 MiB) or as a multipart form.
    /// </summary>
    public const long MaxUploadBodyBytes = 8 * 1024 * 1024;

    /// <summary>The most elements any collection in a JSON body may have.</summary>
    public const int MaxItems = 1000;

    /// <summary>How deeply a JSON body may nest.</summary>
    public const int MaxJsonDepth = 32;

    /// <summary>The earliest date any input may name (dates and instants).</summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);

    /// <summary>The latest date any input may name (dates and instants).</summary>
    public static readonly DateOnly LatestDate = new(2100, 12, 31);

    /// <summary>True when the date lies in the range the alliance works in.</summary>
    public static bool InRange(DateOnly date) => date >= EarliestDate && date <= LatestDate;

    /// <summary>True when the instant lies in the range the alliance works in (judged by its UTC date).</summary>
    public static bool InRange(DateTimeOffset instant) =>
        instant.UtcDateTime >= EarliestDate.ToDateTime(TimeOnly.MinValue) && instant.UtcDateTime < LatestDate.AddDays(1).ToDateTime(TimeOnly.MinValue);

    /// <summary>True when the date and time lies in the range the alliance works in.</summary>
    public static bool InRange(DateTime value) => InRange(DateOnly.FromDateTime(value));
}
