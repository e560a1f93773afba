using System.Diagnostics;

namespace KyodoHub.Tests.Infrastructure;

/// <summary>
/// The app as a process of its own (<c>dotnet exec KyodoHub.Web.dll</c>, in the suite's own
/// environment, which accepts the demo data), on a test database, for what only a real process shows: being killed with SIGKILL and started again.
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task<string> _output;
    private readonly Task<string> _errors;

    private AppProcess(Process process)
    {
        _process = process;
        _output = process.StandardOutput.ReadToEndAsync();
        _errors = process.StandardError.ReadToEndAsync();
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the app on <paramref name="database"/> with <paramref name="settings"/> (configuration keys as in appsettings) and waits until it listens.</summary>
    public static async Task<AppProcess> StartAsync(TestDatabase database, IReadOnlyDictionary<string, string> settings)
    {
        var port = KyodoAppFactory.FreePort();
        var start = new ProcessStartInfo("dotnet", ["exec", Path.Combine(AppContext.BaseDirectory, "KyodoHub.Web.dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = Web.Data.Demo.DemoDataGuard.TestingEnvironment;
        start.Environment["Database__SeedDemoData"] = "false";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Database__Provider"] = database.Provider;
        start.Environment["Database__ConnectionString"] = database.ConnectionString;
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        var app = new AppProcess(Process.Start(start)!);
        if (!await ServerProcess.ListensAsync(app._process, port, TimeSpan.FromSeconds(60)))
        {
            await app.DisposeAsync();
            throw new InvalidOperationException($"The app did not start: {await app._output}\n{await app._errors}");
        }
        return app;
    }

    /// <summary>SIGKILL: no shutdown, no flush, as a power cut or the OOM killer would do.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}
