using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Alliance.Tests.Support;

/// <summary>
/// The real host as a child process (<c>dotnet Alliance.Host.dll</c>, as built next to its sources in the tests'
/// configuration) on a free port, with settings given as environment variables — a second machine's host, which
/// shares nothing with the test process but the database and the folders it is told about. <see cref="Kill"/> ends
/// it as a crash does (SIGKILL).
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly List<string> _log = [];
    private readonly Process _process;

    private HostProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>http://127.0.0.1:{port}</summary>
    public Uri BaseAddress { get; }

    /// <summary>From process start to the first 200 of <c>/health/ready</c>.</summary>
    public TimeSpan Startup { get; private set; }

    /// <summary>The operating system's process id.</summary>
    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the host and returns once <c>/health/ready</c> answers 200 (two minutes at most).</summary>
    /// <param name="settings">Configuration as environment variables (<c>Section__Key</c>).</param>
    public static async Task<HostProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var hostDll = HostAssemblyPath();
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(hostDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(hostDll);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // As in the test processes (Directory.Build.props): a host that lives seconds to a minute spends more CPU on
        // Tiered PGO's instrumentation and re-compilations than it gains.
        start.Environment["DOTNET_TieredPGO"] = "0";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var host = new HostProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => host.Remember(e.Data);
        process.ErrorDataReceived += (_, e) => host.Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        while (clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with {process.ExitCode} during start:\n{host.Tail()}");
            }

            try
            {
                if ((await http.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode == HttpStatusCode.OK)
                {
                    host.Startup = clock.Elapsed;
                    return host;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }

            await Task.Delay(100);
        }

        process.Kill();
        throw new TimeoutException($"The host was not ready after two minutes:\n{host.Tail()}");
    }

    /// <summary>Kills the process at once (SIGKILL, nothing flushed or released) and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>The last lines the host wrote (its log level is Warning unless the settings say otherwise).</summary>
    public string Tail(int lines = 40)
    {
        lock (_log)
        {
            return string.Join('\n', _log.TakeLast(lines));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.Add(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The host as built next to its sources (same configuration and framework as the running tests).</summary>
    private static string HostAssemblyPath()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var root = Artifacts.RepositoryRoot() ?? throw new InvalidOperationException("Alliance.sln not found");
        var path = Path.Combine(root.FullName, "src", "Host", "Alliance.Host", "bin", testBin.Parent!.Name, testBin.Name, "Alliance.Host.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the host first", path);
    }
}
