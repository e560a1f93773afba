using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using KyodoHub.Web;
using KyodoHub.Web.Data;
using KyodoHub.Web.Data.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using KyodoHub.Web.Features.Matching;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
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

    /// <param name="database">The database to use, left to the caller to drop unless <paramref name="dropWithApp"/>; a new one of this run's kind, dropped with the app, when null.</param>
    /// <param name="settings">Configuration the test wants different, e.g. <c>Pdf:FontPath</c>.</param>
    /// <param name="dropWithApp">Whether disposing the app drops a database the caller gave.</param>
    public KyodoAppFactory(TestDatabase? database = null, IReadOnlyDictionary<string, string>? settings = null, bool dropWithApp = false)
    {
        _settings = settings ?? new Dictionary<string, string>();
        _ownsDatabase = database is null || dropWithApp;
        Database = database ?? TestDatabase.Create();
        Port = FreePort();
        UseKestrel(options => options.Listen(IPAddress.Loopback, Port, listen =>
        {
            if (HttpsCertificate is { } certificate)
            {
                listen.UseHttps(certificate);
            }
        }));
    }

    /// <summary>The hosting environment; <c>Production</c> to see what a live server does.</summary>
    public string Environment { get; init; } = "Testing";

    /// <summary>Serve HTTPS with this certificate instead of plain HTTP.</summary>
    public X509Certificate2? HttpsCertificate { get; init; }

    /// <summary>Collects every log message of the app, at every level, when set.</summary>
    public CapturedLogs? Logs { get; init; }

    /// <summary>Replaces app services for a test, e.g. one that fails on purpose.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    public TestDatabase Database { get; }

    /// <summary>The database file, for tests of SQLite itself (backups, crashes).</summary>
    public string DatabasePath => Database is SqliteTestDatabase sqlite ? sqlite.Path : throw new InvalidOperationException("Only a SQLite test database has a file.");

    /// <summary>Where the app writes administrators' backups: a temporary folder of its own.</summary>
    public string BackupFolder { get; } = Path.Combine(Path.GetTempPath(), $"kyodohub-backups-{Guid.NewGuid():N}");
    public int Port { get; }
    public Uri BaseAddress => new($"{(HttpsCertificate is null ? "http" : "https")}://127.0.0.1:{Port}/");

    /// <summary>Starts the server (migrating and seeding the database) if it is not running yet, and waits until it is ready (the match index built).</summary>
    public KyodoAppFactory Start()
    {
        StartServer();
        if (!SeedsDemoDataAtStart)
        {
            Task.Run(SeedDemoDataAsync).GetAwaiter().GetResult();
        }
        Services.GetRequiredService<MatchIndexHolder>().GetAsync().GetAwaiter().GetResult();
        return this;
    }

    /// <summary>Only Development and the suite's own environment may seed demo data; a live server refuses to.</summary>
    private bool SeedsDemoDataAtStart => Environment is DemoDataGuard.TestingEnvironment or "Development";

    /// <summary>
    /// The demo data in a Production-like app, as though its operator had already created these
    /// accounts: the tests sign in with them wherever they run.
    /// </summary>
    private async Task SeedDemoDataAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KyodoDbContext>();
        if (!await db.Users.AnyAsync())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await new DemoSeeder(db, users, scope.ServiceProvider.GetRequiredService<TimeProvider>()).SeedAsync(CancellationToken.None);
        }
    }

    /// <summary>A client with its own cookie jar that does not follow redirects, so tests can see them.</summary>
    public HttpClient NewClient(bool followRedirects = false) =>
        new(new HttpClientHandler
        {
            CookieContainer = new CookieContainer(),
            AllowAutoRedirect = followRedirects,
            UseCookies = true,
            // Over HTTPS, trust this server's own test certificate and nothing else.
            ServerCertificateCustomValidationCallback = HttpsCertificate is null ? null : (_, presented, _, _) => presented?.Thumbprint == HttpsCertificate.Thumbprint,
        })
        {
            BaseAddress = BaseAddress,
        };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Not Development: tests see what users see (no developer error pages); the static
        // assets are wired explicitly, as Development would.
        builder.UseEnvironment(Environment);
        builder.UseStaticWebAssets();
        builder.UseSetting("Database:Provider", Database.Provider);
        builder.UseSetting("Database:ConnectionString", Database.ConnectionString);
        builder.UseSetting("Database:SeedDemoData", SeedsDemoDataAtStart ? "true" : "false");
        builder.UseSetting("Backup:Folder", BackupFolder);
        // Every test signs in and posts from 127.0.0.1: the suite, not an attacker. Tests of the
        // limits set their own low ones.
        foreach (var limit in new[] { "SignInPerMinute", "FormsPerMinute", "ApiPerMinute" })
        {
            builder.UseSetting($"RateLimits:{limit}", "100000");
        }
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Warning);
            if (Logs is not null)
            {
                logging.AddProvider(Logs);
                logging.AddFilter<CapturedLogs>(null, LogLevel.Trace);
            }
        });
        if (TestServices is not null)
        {
            builder.ConfigureServices(TestServices);
        }
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
public class AppFixture : IAsyncLifetime
{
    public AppFixture()
        : this(new KyodoAppFactory())
    {
    }

    /// <summary>For fixtures whose app is configured differently.</summary>
    protected AppFixture(KyodoAppFactory app) => App = app;

    public KyodoAppFactory App { get; }

    public Task InitializeAsync()
    {
        App.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        if (Directory.Exists(App.BackupFolder))
        {
            Directory.Delete(App.BackupFolder, recursive: true);
        }
    }
}

/// <summary>An app on a SQLite file whichever database this run of the suite uses, for tests of SQLite itself.</summary>
public sealed class SqliteAppFixture() : AppFixture(new KyodoAppFactory(TestDatabase.CreateSqlite(), dropWithApp: true));

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app";
}
