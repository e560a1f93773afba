using System.Diagnostics;
using KyodoHub.Tests.Infrastructure;

namespace KyodoHub.Tests.ScaleOut;

/// <summary>
/// A redis-server of the test's own, on a free loopback port, that the test can stop and start
/// again on the same port. The binary is the one <c>./test.sh</c> names, or <c>redis-server</c>
/// on the PATH; a missing one fails the test.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    public const string ServerVariable = "KYODO_TEST_REDIS_SERVER";

    private readonly string _folder = Directory.CreateTempSubdirectory("kyodohub-redis-").FullName;
    private Process? _process;

    public int Port { get; } = KyodoAppFactory.FreePort();

    public string ConnectionString => $"127.0.0.1:{Port}";

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } path ? path : "redis-server")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--port", $"{Port}", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", _folder })
        {
            start.ArgumentList.Add(argument);
        }
        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        if (!await ServerProcess.ListensAsync(_process, Port, TimeSpan.FromSeconds(10)))
        {
            throw new InvalidOperationException($"redis-server did not listen on port {Port}.");
        }
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
