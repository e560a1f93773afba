using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using KyodoHub.Web.Data.Demo;

namespace KyodoHub.Benchmarks;

/// <summary>The web app in a child process on a free loopback port, with its own demo database or a given one.</summary>
internal sealed class LocalApp : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string? _database;

    private LocalApp(Process process, string baseUrl, string? database) => (_process, BaseUrl, _database) = (process, baseUrl, database);

    public string BaseUrl { get; }

    /// <summary>The process that serves the app (<c>dotnet run</c> starts it as a child), for reading its memory.</summary>
    public int AppProcessId => Descendants(_process.Id).FirstOrDefault(IsTheApp, _process.Id);

    /// <summary>Starts the app and returns once it answers <c>/health/ready</c> (or <c>/health</c> where there is none).</summary>
    /// <param name="database">A SQLite file to serve, left in place when the app stops; a new demo database, deleted then, when null.</param>
    public static async Task<LocalApp> StartAsync(string? database = null)
    {
        var root = RepositoryRoot();
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}/";
        var owned = database is null;
        database ??= Path.Combine(Path.GetTempPath(), $"kyodohub-bench-{Guid.NewGuid():N}.db");
        var start = new ProcessStartInfo("dotnet", ["run", "-c", "Release", "--project", Path.Combine(root, "KyodoHub.Web"), "--no-launch-profile"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = root,
        };
        start.Environment["ASPNETCORE_URLS"] = baseUrl;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = DemoDataGuard.TestingEnvironment;
        start.Environment["Database__ConnectionString"] = $"Data Source={database}";
        start.Environment["Database__SeedDemoData"] = "true";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the app.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromMinutes(5))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {process.ExitCode}.");
            }
            try
            {
                using var ready = await http.GetAsync("health/ready");
                if (ready.IsSuccessStatusCode
                    || (ready.StatusCode == HttpStatusCode.NotFound && (await http.GetAsync("health")).IsSuccessStatusCode))
                {
                    return new LocalApp(process, baseUrl, owned ? database : null);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(500);
        }
        process.Kill(entireProcessTree: true);
        throw new TimeoutException("The app did not answer /health within 5 minutes.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        if (_database is not null)
        {
            DeleteDatabase(_database);
        }
    }

    public static void DeleteDatabase(string database)
    {
        foreach (var file in new[] { database, database + "-wal", database + "-shm" })
        {
            File.Delete(file);
        }
    }

    private static bool IsTheApp(int pid)
    {
        var commandLine = File.ReadAllText($"/proc/{pid}/cmdline");
        return commandLine.Contains("KyodoHub.Web", StringComparison.Ordinal) && commandLine.Contains("/bin/", StringComparison.Ordinal);
    }

    private static IEnumerable<int> Descendants(int pid)
    {
        var children = $"/proc/{pid}/task/{pid}/children";
        if (!File.Exists(children))
        {
            yield break;
        }
        foreach (var child in File.ReadAllText(children).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse))
        {
            yield return child;
            foreach (var grandchild in Descendants(child))
            {
                yield return grandchild;
            }
        }
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KyodoHub.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Run from inside the repository.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
