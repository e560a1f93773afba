using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;

namespace KyodoHub.Tests.Infrastructure;

/// <summary>
/// A real nginx in front of a test app, configured with the README's nginx configuration: only the
/// upstream servers, the listening address and the certificate files are the test's own. It
/// terminates TLS on a free loopback port, keeps its pid, logs and temporary files in a folder of
/// its own and runs in the foreground, so the test can stop it. The binary is the one
/// <c>./test.sh</c> names, or <c>nginx</c> on the PATH; a missing one fails the test.
/// </summary>
public sealed partial class NginxProxy : IAsyncDisposable
{
    public const string NginxVariable = "KYODO_TEST_NGINX";

    private readonly string _folder = Directory.CreateTempSubdirectory("kyodohub-nginx-").FullName;
    private readonly StringWriter _output = new();
    private Process? _process;

    public int Port { get; } = KyodoAppFactory.FreePort();

    public async Task StartAsync(int appPort, X509Certificate2 certificate)
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "cert.pem"), certificate.ExportCertificatePem());
        await File.WriteAllTextAsync(Path.Combine(_folder, "key.pem"), certificate.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());
        await File.WriteAllTextAsync(Path.Combine(_folder, "nginx.conf"), Configuration(await ReadmeConfigurationAsync(), appPort));
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable(NginxVariable) is { Length: > 0 } path ? path : "nginx")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-p", _folder + "/", "-c", "nginx.conf", "-e", "error.log" })
        {
            start.ArgumentList.Add(argument);
        }
        _process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start.");
        _process.OutputDataReceived += (_, e) => Log(e.Data);
        _process.ErrorDataReceived += (_, e) => Log(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        if (!await ServerProcess.ListensAsync(_process, Port, TimeSpan.FromSeconds(30)))
        {
            var log = Path.Combine(_folder, "error.log");
            var errors = File.Exists(log) ? await File.ReadAllTextAsync(log) : "";
            await StopAsync();
            throw new InvalidOperationException($"nginx did not listen on port {Port}: {_output}{errors}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        _process = null;
    }

    private void Log(string? line)
    {
        lock (_output)
        {
            _output.WriteLine(line);
        }
    }

    /// <summary>The README's configuration, inside the few lines that make a whole nginx.conf of it.</summary>
    private string Configuration(string readme, int appPort)
    {
        var site = Replace(UpstreamServers(), readme, $"server 127.0.0.1:{appPort};\n");
        site = Replace(Listen(), site, $"listen 127.0.0.1:{Port} ssl;");
        site = Replace(CertificateFile(), site, $"ssl_certificate {_folder}/cert.pem;");
        site = Replace(KeyFile(), site, $"ssl_certificate_key {_folder}/key.pem;");
        // As root, nginx would hand its workers to "nobody", who may not enter this folder.
        var user = Environment.IsPrivilegedProcess ? "user root;" : "";
        return $$"""
            daemon off;
            {{user}}
            worker_processes 1;
            pid {{_folder}}/nginx.pid;
            error_log {{_folder}}/error.log warn;
            events { worker_connections 256; }
            http {
                access_log off;
                client_body_temp_path {{_folder}}/client_body;
                proxy_temp_path {{_folder}}/proxy;
                fastcgi_temp_path {{_folder}}/fastcgi;
                uwsgi_temp_path {{_folder}}/uwsgi;
                scgi_temp_path {{_folder}}/scgi;
            {{site}}
            }
            """;
    }

    private static string Replace(Regex pattern, string text, string replacement)
    {
        Assert.True(pattern.IsMatch(text), $"the README's nginx configuration has {pattern}");
        var first = true;
        return pattern.Replace(text, _ =>
        {
            var result = first ? replacement : "";
            first = false;
            return result;
        });
    }

    private static async Task<string> ReadmeConfigurationAsync()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "README.md")))
        {
            folder = folder.Parent;
        }
        Assert.NotNull(folder);
        var block = NginxBlock().Match(await File.ReadAllTextAsync(Path.Combine(folder.FullName, "README.md")));
        Assert.True(block.Success, "the README shows an nginx configuration");
        return block.Groups[1].Value;
    }

    [GeneratedRegex(@"```nginx\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex NginxBlock();

    [GeneratedRegex(@"server \S+:\d+;[^\n]*\n")]
    private static partial Regex UpstreamServers();

    [GeneratedRegex(@"listen [^;]*;")]
    private static partial Regex Listen();

    [GeneratedRegex(@"ssl_certificate\s+[^;]*;")]
    private static partial Regex CertificateFile();

    [GeneratedRegex(@"ssl_certificate_key\s+[^;]*;")]
    private static partial Regex KeyFile();
}
