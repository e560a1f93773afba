using System.Security.Claims;
using KyodoHub.Web.Data;
using KyodoHub.Web.Data.Demo;
using KyodoHub.Web.Features.Audit;
using KyodoHub.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KyodoHub.Benchmarks.Registry;

/// <summary>
/// The app's services and background work, built exactly as the app builds them, on a SQLite
/// file, without serving pages: for calling its services as a signed-in user would.
/// </summary>
internal sealed class InProcessApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InProcessApp(WebApplication app) => _app = app;

    public IServiceProvider Services => _app.Services;

    /// <param name="database">The SQLite file, created and migrated when new.</param>
    /// <param name="demoData">Whether to seed the demo data into a new database.</param>
    /// <param name="settings">Configuration to add, e.g. the SMTP server's <c>Smtp:Host</c>.</param>
    public static async Task<InProcessApp> StartAsync(string database, bool demoData, IReadOnlyDictionary<string, string>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = DemoDataGuard.TestingEnvironment,
            ContentRootPath = Path.Combine(LocalApp.RepositoryRoot(), "KyodoHub.Web"),
        });
        builder.Configuration["Database:ConnectionString"] = $"Data Source={database}";
        builder.Configuration["Database:SeedDemoData"] = demoData ? "true" : "false";
        // The benchmark's one line is standard output: the app's warnings go to standard error.
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.Configuration[key] = value;
        }
        builder.Logging.ClearProviders().AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.AddKyodoHub().Build();
        await app.Services.InitialiseDatabaseAsync();
        await app.StartAsync();
        return new InProcessApp(app);
    }

    /// <summary>A scope in which services see a user in <paramref name="role"/>, as in a circuit.</summary>
    public AsyncServiceScope As(string role)
    {
        var scope = Services.CreateAsyncScope();
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "benchmark"), new Claim(ClaimTypes.Name, "benchmark@kyodohub.example"), new Claim(ClaimTypes.Role, role)], "benchmark"));
        var state = (IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        state.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        AuditAmbient.Use(scope.ServiceProvider.GetRequiredService<AuditActorSource>());
        return scope;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }
}
