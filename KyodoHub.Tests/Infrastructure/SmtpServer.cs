using System.Diagnostics;
using MimeKit;

namespace KyodoHub.Tests.Infrastructure;

/// <summary>
/// A real SMTP server (aiosmtpd, from Debian's packages) writing every message it accepts into a
/// Maildir: either the one <c>./test.sh</c> runs for the whole suite (<see cref="Shared"/>), or one
/// of the test's own that it can stop and start again on the same port. A missing server fails
/// the test. An address starting with <c>refuse</c> is refused with 550.
/// </summary>
public sealed class SmtpServer : IAsyncDisposable
{
    public const string AddressVariable = "KYODO_TEST_SMTP";
    public const string MaildirVariable = "KYODO_TEST_MAILDIR";
    public const string ScriptVariable = "KYODO_TEST_SMTP_SCRIPT";

    private readonly bool _own;
    private Process? _process;

    private SmtpServer(int port, string maildir, bool own)
    {
        Port = port;
        Maildir = maildir;
        _own = own;
    }

    public int Port { get; }
    public string Maildir { get; }

    /// <summary>The suite's server, as <c>./test.sh</c> exported it.</summary>
    public static SmtpServer Shared =>
        Environment.GetEnvironmentVariable(AddressVariable) is { Length: > 0 } address && Environment.GetEnvironmentVariable(MaildirVariable) is { Length: > 0 } maildir
            ? new SmtpServer(int.Parse(address[(address.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture), maildir, own: false)
            : throw new InvalidOperationException($"{AddressVariable} and {MaildirVariable} are not set: run ./test.sh, which starts an SMTP server for the tests.");

    /// <summary>A server of the test's own on a free port, started.</summary>
    public static async Task<SmtpServer> StartOwnAsync()
    {
        var server = new SmtpServer(KyodoAppFactory.FreePort(), Directory.CreateTempSubdirectory("kyodohub-maildir-").FullName, own: true);
        await server.StartAsync();
        return server;
    }

    /// <summary>The app's settings to send through this server, with retries quick enough for a test.</summary>
    public Dictionary<string, string> AppSettings() => new()
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "None",
        ["Smtp:From"] = "市民活動センターたちかわ <noreply@kyodohub.example>",
        ["Smtp:TimeoutSeconds"] = "5",
        ["Notifications:FirstRetrySeconds"] = "0.2",
        ["Notifications:MaxRetrySeconds"] = "1",
        ["Notifications:MaxAttempts"] = "1000",
        ["Notifications:PollSeconds"] = "1",
    };

    public async Task StartAsync()
    {
        var script = Environment.GetEnvironmentVariable(ScriptVariable) is { Length: > 0 } path
            ? path
            : throw new InvalidOperationException($"{ScriptVariable} is not set: run ./test.sh, which installs aiosmtpd and names the server's script.");
        // Debian's python3, where the package installs aiosmtpd; another one may come first on PATH.
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { script, "127.0.0.1", $"{Port}", Maildir })
        {
            start.ArgumentList.Add(argument);
        }
        _process = Process.Start(start) ?? throw new InvalidOperationException("The SMTP server did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        if (!await ServerProcess.ListensAsync(_process, Port, TimeSpan.FromSeconds(15)))
        {
            throw new InvalidOperationException($"The SMTP server did not listen on port {Port} (is python3-aiosmtpd installed?).");
        }
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
        _process?.Dispose();
        _process = null;
    }

    /// <summary>Every message the server has accepted so far.</summary>
    public IReadOnlyList<MimeMessage> Messages() => Files().Select(file => MimeMessage.Load(file)).ToList();

    /// <summary>How many messages the server has accepted so far, without reading them.</summary>
    public int Count() => Files().Count();

    private IEnumerable<string> Files() =>
        new[] { "new", "cur" }.Select(sub => Path.Combine(Maildir, sub)).Where(Directory.Exists).SelectMany(Directory.EnumerateFiles);

    /// <summary>Waits until <paramref name="done"/> holds for the messages so far, or <paramref name="patience"/> runs out; returns them.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(Func<IReadOnlyList<MimeMessage>, bool> done, TimeSpan patience)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var messages = Messages();
            if (done(messages) || clock.Elapsed > patience)
            {
                return messages;
            }
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_own && Directory.Exists(Maildir))
        {
            Directory.Delete(Maildir, recursive: true);
        }
    }
}
