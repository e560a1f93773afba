using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Matching;
using KyodoHub.Web.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;

namespace KyodoHub.Tests.Matching;

public class MatchIndexStartupTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task TheIndexIsBuiltWhileTheAppStartsBeforeAnyoneRanks()
    {
        await using var app = new KyodoAppFactory();
        app.StartServer();
        var holder = app.Services.GetRequiredService<MatchIndexHolder>();
        var deadline = DateTime.UtcNow + Patience;
        while (!holder.IsReady && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        Assert.True(holder.IsBuilt, "Nobody ranked, yet the index should have been built at start-up.");
        Assert.True(holder.IsReady, "The start-up ranking should have run before readiness.");
        using var client = app.NewClient();
        Assert.Equal("Healthy", await client.GetStringAsync("/health"));
    }

    [Fact]
    public async Task ReadinessIsUnhealthyUntilTheIndexIsBuilt()
    {
        await using var app = new KyodoAppFactory().Start();
        var services = app.Services;
        // A holder of its own that was never started: as an instance is before its build finishes.
        using var holder = new MatchIndexHolder(services.GetRequiredService<IDbContextFactory<KyodoDbContext>>(), services.GetRequiredService<IEventBroker>(),
            services.GetRequiredService<TimeProvider>(), NullLogger<MatchIndexHolder>.Instance);
        var check = new MatchIndexHealthCheck(holder);
        var registration = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<HealthCheckServiceOptions>>().Value.Registrations.Single(r => r.Name == "match-index");

        Assert.Contains(MatchIndexHealthCheck.ReadyTag, registration.Tags);
        Assert.Equal(HealthStatus.Unhealthy, (await check.CheckHealthAsync(new HealthCheckContext { Registration = registration })).Status);
        await holder.GetAsync();
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext { Registration = registration })).Status);
    }
}
