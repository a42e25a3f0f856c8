using System.Diagnostics;

namespace Alliance.Meetings.Tests;

/// <summary>
/// Reads an .ics with ical.js (the parser of Thunderbird's and Nextcloud's calendars), which places times only by the
/// file's own VTIMEZONE. ical.js is installed from tests/tools/package.json (npm ci) on first use.
/// </summary>
internal static class IcalJs
{
    private static readonly SemaphoreSlim Install = new(1, 1);

    /// <summary>UID → (UTC start, UTC end) of every VEVENT as ical.js reads it.</summary>
    public static async Task<Dictionary<string, (DateTimeOffset Start, DateTimeOffset End)>> ReadAsync(string ics) =>
        (await ReadEventsAsync(ics)).ToDictionary(e => e.Uid, e => (e.Start, e.End));

    /// <summary>Every VEVENT as ical.js reads it, with the calendar's METHOD (iTIP) and the event's SEQUENCE and STATUS.</summary>
    public static async Task<List<IcalEvent>> ReadEventsAsync(string ics)
    {
        var tools = ToolsFolder();
        await EnsureInstalledAsync(tools);
        var file = Path.Combine(Path.GetTempPath(), $"alliance-{Guid.NewGuid():N}.ics");
        await File.WriteAllTextAsync(file, ics);
        try
        {
            var (code, output, error) = await RunAsync("node", tools, Path.Combine(tools, "ics-utc.mjs"), file);
            Assert.True(code == 0, error);
            var invariant = System.Globalization.CultureInfo.InvariantCulture;
            return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => line.Split('\t'))
                .Select(p => new IcalEvent(p[0], DateTimeOffset.Parse(p[1], invariant), DateTimeOffset.Parse(p[2], invariant), int.Parse(p[3], invariant), p[4], p[5],
                    p.Length > 6 && p[6].Length > 0 ? DateTimeOffset.Parse(p[6], invariant) : null))
                .ToList();
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string ToolsFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "tools");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/tools/package.json not found above " + AppContext.BaseDirectory);
    }

    private static async Task EnsureInstalledAsync(string tools)
    {
        await Install.WaitAsync();
        try
        {
            if (!File.Exists(Path.Combine(tools, "node_modules", "ical.js", "package.json")))
            {
                var (code, _, error) = await RunAsync("npm", tools, "ci", "--no-audit", "--no-fund");
                Assert.True(code == 0, "npm ci in tests/tools failed: " + error);
            }
        }
        finally
        {
            Install.Release();
        }
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(string program, string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}

/// <summary>One VEVENT as ical.js read it: UTC instants, SEQUENCE, the file's METHOD, the event's STATUS and DTSTAMP.</summary>
internal sealed record IcalEvent(string Uid, DateTimeOffset Start, DateTimeOffset End, int Sequence, string Method, string Status, DateTimeOffset? Stamp = null);
