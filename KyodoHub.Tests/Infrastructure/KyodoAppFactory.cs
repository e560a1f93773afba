using System.Net;
using System.Net.Sockets;
using KyodoHub.Web;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace KyodoHub.Tests.Infrastructure;

/// <summary>
/// The real app on Kestrel, on a free loopback port, with its own database (SQLite, or PostgreSQL
/// in the suite's PostgreSQL run: see <see cref="TestDatabase"/>) and demo data, so that HTTP
/// clients and Chromium can talk to it exactly as users do.
/// </summary>
public sealed class KyodoAppFactory : WebApplicationFactory<WebEntryPoint>
{
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly bool _ownsDatabase;

    /// <param name="database">The database to use, left to the caller to drop; a new one of this run's kind, dropped with the app, when null.</param>
    /// <param name="settings">Configuration the test wants different, e.g. <c>Pdf:FontPath</c>.</param>
    public KyodoAppFactory(TestDatabase? database = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        _settings = settings ?? new Dictionary<string, string>();
        _ownsDatabase = database is null;
        Database = database ?? TestDatabase.Create();
        Port = FreePort();
        UseKestrel(options => options.Listen(IPAddress.Loopback, Port));
    }

    public TestDatabase Database { get; }
    public int Port { get; }
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    /// <summary>Starts the server (migrating and seeding the database) if it is not running yet.</summary>
    public KyodoAppFactory Start()
    {
        StartServer();
        return this;
    }

    /// <summary>A client with its own cookie jar that does not follow redirects, so tests can see them.</summary>
    public HttpClient NewClient(bool followRedirects = false) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = followRedirects, UseCookies = true })
        {
            BaseAddress = BaseAddress,
        };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Not Development: tests see what users see (no developer error pages); the static
        // assets are wired explicitly, as Development would.
        builder.UseEnvironment("Testing");
        builder.UseStaticWebAssets();
        builder.UseSetting("Database:Provider", Database.Provider);
        builder.UseSetting("Database:ConnectionString", Database.ConnectionString);
        builder.UseSetting("Database:SeedDemoData", "true");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase)
        {
            await Database.DisposeAsync();
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>One running app shared by the tests of a collection: starting and seeding takes seconds.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    public KyodoAppFactory App { get; } = new();

    public Task InitializeAsync()
    {
        App.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app";
}
