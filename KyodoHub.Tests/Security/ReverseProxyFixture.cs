using System.Security.Cryptography.X509Certificates;
using KyodoHub.Tests.Infrastructure;

namespace KyodoHub.Tests.Security;

/// <summary>
/// The app behind a real nginx that terminates TLS for kyodohub.example, with 127.0.0.1 (where
/// nginx connects from) as its only known proxy and a sign-in limit of three a minute, low enough
/// for a test to reach. Clients connect from addresses of their own choosing, through nginx or
/// straight to the app.
/// </summary>
public sealed class ReverseProxyFixture : IAsyncLifetime
{
    public const string HostName = "kyodohub.example";
    public const int SignInLimit = 3;

    public ReverseProxyFixture()
    {
        App = new KyodoAppFactory(settings: new Dictionary<string, string>
        {
            ["Proxy:KnownProxies"] = "127.0.0.1",
            ["RateLimits:SignInPerMinute"] = $"{SignInLimit}",
            ["AllowedHosts"] = $"{HostName};127.0.0.1",
            ["PublicOrigins"] = PublicOrigin,
        });
    }

    public KyodoAppFactory App { get; }

    public NginxProxy Nginx { get; } = new();

    public X509Certificate2 Certificate { get; } = TestCertificates.SelfSigned();

    /// <summary>Where users reach the app: nginx, under the city's host name.</summary>
    public string PublicOrigin => $"https://{HostName}:{Nginx.Port}";

    /// <summary>A client on <paramref name="from"/> that goes through nginx, over HTTPS.</summary>
    public HttpClient ThroughProxy(string from) => LoopbackClient.Create(from, new Uri(PublicOrigin + "/"), Certificate);

    /// <summary>A client on <paramref name="from"/> that goes straight to the app, past nginx.</summary>
    public HttpClient Direct(string from) => LoopbackClient.Create(from, App.BaseAddress);

    public async Task InitializeAsync()
    {
        App.Start();
        await Nginx.StartAsync(App.Port, Certificate);
    }

    public async Task DisposeAsync()
    {
        try
        {
            await Nginx.DisposeAsync();
        }
        finally
        {
            await App.DisposeAsync();
            Certificate.Dispose();
        }
    }
}
