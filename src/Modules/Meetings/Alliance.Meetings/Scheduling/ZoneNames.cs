using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Alliance.Meetings.Scheduling;

/// <summary>
/// Localized names of IANA time zones from the CLDR data in ICU (the library .NET itself uses for culture data on
/// Linux): the zone's city ("Wien" / "Vienna") and its generic name ("Mitteleuropäische Zeit" / "Central European
/// Time"). .NET's <see cref="TimeZoneInfo.DisplayName"/> comes from the same data but is fixed to the UI language of
/// the first lookup in the process, so the names are read from ICU's public C API (<c>udat</c> with the CLDR patterns
/// <c>VVV</c>, <c>vvvv</c>, <c>zzzz</c>). Without ICU (invariant globalization) the city is taken from the id.
/// </summary>
internal static class ZoneNames
{
    /// <summary>A zone's names in one language. <see cref="Generic"/> is null when ICU gave none.</summary>
    internal sealed record Names(string City, string? Generic);

    private static readonly ConcurrentDictionary<(string Language, string Id), Names> Cache = new();
    private static readonly ConcurrentDictionary<string, string?> UnknownCity = new();
    private static readonly Lazy<Icu?> Library = new(Icu.Load);

    /// <summary>Whether names come from ICU (false: the place of the id, in English).</summary>
    public static bool Localized => Library.Value is not null;

    /// <summary>The names of <paramref name="id"/> in <paramref name="culture"/>'s language.</summary>
    public static Names For(string id, CultureInfo culture) =>
        Cache.GetOrAdd((culture.TwoLetterISOLanguageName, id), key => Read(key.Id, key.Language));

    /// <summary>"Mitteleuropäische Zeit (Wien)": how a chosen zone is named on a page.</summary>
    public static string Describe(string id, CultureInfo culture)
    {
        var names = For(id, culture);
        return names.Generic is null || names.Generic == names.City ? names.City : $"{names.Generic} ({names.City})";
    }

    private static Names Read(string id, string language)
    {
        var fallback = id[(id.IndexOf('/', StringComparison.Ordinal) + 1)..].Replace('_', ' ').Replace("/", " / ", StringComparison.Ordinal);
        if (Library.Value?.Format(id, language, "VVV'|'vvvv'|'zzzz") is not { } text || text.Split('|') is not [var city, var generic, var specific])
        {
            return new Names(fallback, null);
        }

        // Zones without a city (UTC, Etc/GMT+5) get ICU's "unknown city" text; their generic name is "GMT…", their
        // specific one says more ("Koordinierte Weltzeit").
        var icu = Library.Value;
        var place = city == UnknownCity.GetOrAdd(language, l => icu.Format("Etc/Unknown", l, "VVV")) ? null : city;
        var name = generic.StartsWith("GMT", StringComparison.Ordinal) ? specific : generic;
        return new Names(place ?? name, place is null ? null : name);
    }

    /// <summary>The three ICU date-format functions, found in the system's ICU whatever its version suffix.</summary>
    private sealed class Icu
    {
        [UnmanagedFunctionPointer(CallingConvention.Cdecl, CharSet = CharSet.Unicode)]
        private delegate IntPtr OpenFormat(int timeStyle, int dateStyle, [MarshalAs(UnmanagedType.LPStr)] string locale,
            string zoneId, int zoneIdLength, string pattern, int patternLength, ref int status);

        [UnmanagedFunctionPointer(CallingConvention.Cdecl, CharSet = CharSet.Unicode)]
        private delegate int FormatDate(IntPtr format, double date, [Out] char[] result, int resultLength, IntPtr position, ref int status);

        [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
        private delegate void CloseFormat(IntPtr format);

        /// <summary>UDAT_PATTERN: the pattern argument decides the output.</summary>
        private const int PatternStyle = -2;

        /// <summary>Any instant: the names asked for (city, generic, standard) do not change with the date.</summary>
        private const double January2025 = 1_735_689_600_000d;

        private readonly OpenFormat _open;
        private readonly FormatDate _format;
        private readonly CloseFormat _close;

        private Icu(OpenFormat open, FormatDate format, CloseFormat close) => (_open, _format, _close) = (open, format, close);

        public static Icu? Load()
        {
            // Debian 12 ships ICU 72, Debian 13 ICU 76: each library's symbols carry its version as a suffix.
            foreach (var name in new[] { "libicui18n.so", "libicui18n.dylib" })
            {
                for (var version = 99; version >= 50; version--)
                {
                    if (NativeLibrary.TryLoad($"{name}.{version}", out var library))
                    {
                        return Bind(library, $"_{version}") ?? Bind(library, "");
                    }
                }
            }

            return null;
        }

        private static Icu? Bind(IntPtr library, string suffix) =>
            NativeLibrary.TryGetExport(library, "udat_open" + suffix, out var open)
            && NativeLibrary.TryGetExport(library, "udat_format" + suffix, out var format)
            && NativeLibrary.TryGetExport(library, "udat_close" + suffix, out var close)
                ? new Icu(Marshal.GetDelegateForFunctionPointer<OpenFormat>(open), Marshal.GetDelegateForFunctionPointer<FormatDate>(format),
                    Marshal.GetDelegateForFunctionPointer<CloseFormat>(close))
                : null;

        /// <summary>The instant formatted with <paramref name="pattern"/> in the zone and language; null on an ICU error.</summary>
        public string? Format(string zoneId, string language, string pattern)
        {
            var status = 0;
            var handle = _open(PatternStyle, PatternStyle, language, zoneId, zoneId.Length, pattern, pattern.Length, ref status);
            if (status > 0 || handle == IntPtr.Zero)
            {
                return null;
            }

            try
            {
                var buffer = new char[256];
                status = 0;
                var length = _format(handle, January2025, buffer, buffer.Length, IntPtr.Zero, ref status);
                return status > 0 ? null : new string(buffer, 0, Math.Min(length, buffer.Length));
            }
            finally
            {
                _close(handle);
            }
        }
    }
}
