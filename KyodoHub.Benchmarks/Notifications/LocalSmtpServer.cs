using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace KyodoHub.Benchmarks.Notifications;

/// <summary>
/// The SMTP server of the tests (<c>KyodoHub.Tests/Infrastructure/smtp_maildir.py</c>, Debian's
/// python3-aiosmtpd, which <c>./test.sh</c> installs) on a free loopback port, writing to a
/// temporary Maildir that is deleted with it.
/// </summary>
internal sealed class LocalSmtpServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _maildir;

    private LocalSmtpServer(Process process, int port, string maildir) => (_process, Port, _maildir) = (process, port, maildir);

    public int Port { get; }

    public static async Task<LocalSmtpServer> StartAsync()
    {
        var script = Path.Combine(LocalApp.RepositoryRoot(), "KyodoHub.Tests", "Infrastructure", "smtp_maildir.py");
        var maildir = Path.Combine(Path.GetTempPath(), $"kyodohub-bench-maildir-{Guid.NewGuid():N}");
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        var start = new ProcessStartInfo("/usr/bin/python3", [script, "127.0.0.1", port.ToString(System.Globalization.CultureInfo.InvariantCulture), maildir])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the SMTP server.");
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(15) && !process.HasExited)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return new LocalSmtpServer(process, port, maildir);
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        var errors = process.HasExited ? await process.StandardError.ReadToEndAsync() : "it did not listen within 15 s";
        throw new InvalidOperationException($"The SMTP server did not start (is python3-aiosmtpd installed? ./test.sh installs it): {errors}");
    }

    /// <summary>How many messages the server has accepted.</summary>
    public int Count() =>
        new[] { "new", "cur" }.Select(sub => Path.Combine(_maildir, sub)).Where(Directory.Exists).Sum(dir => Directory.EnumerateFiles(dir).Count());

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        if (Directory.Exists(_maildir))
        {
            Directory.Delete(_maildir, recursive: true);
        }
    }
}
