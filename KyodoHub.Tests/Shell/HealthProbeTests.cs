using System.Net;
using KyodoHub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KyodoHub.Tests.Shell;

/// <summary>
/// An app whose database check waits at a gate the test opens, counting how often it runs, and
/// whose readiness result is kept for ten minutes, longer than the test takes.
/// </summary>
public sealed class GatedHealthFixture() : AppFixture(new KyodoAppFactory(settings: new Dictionary<string, string>
{
    ["Health:ReadyCacheSeconds"] = "600",
})
{
    TestServices = services => services.Configure<HealthCheckServiceOptions>(options => DatabaseCheckGate.Install(options, Gate)),
})
{
    public static readonly DatabaseCheckGate Gate = new();
}

public class HealthProbeTests(GatedHealthFixture fixture) : IClassFixture<GatedHealthFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task LivenessAnswersWhileReadinessWaitsForTheDatabaseAndManyProbesShareOneCheck()
    {
        var gate = GatedHealthFixture.Gate;
        using var client = fixture.App.NewClient();
        var probes = Enumerable.Range(0, 20).Select(_ => client.GetAsync("/health/ready")).ToList();
        await gate.Entered.WaitAsync(Patience);

        using var live = await client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());
        Assert.All(probes, p => Assert.False(p.IsCompleted));

        gate.Open();
        foreach (var probe in probes)
        {
            using var response = await probe.WaitAsync(Patience);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        }
        Assert.Equal("Healthy", await client.GetStringAsync("/health/ready"));
        Assert.Equal("Healthy", await client.GetStringAsync("/health"));
        Assert.Equal(1, gate.Runs);
    }
}

/// <summary>Wraps the app's real database check: each run is counted and waits until the test opens the gate.</summary>
public sealed class DatabaseCheckGate
{
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _runs;

    public int Runs => Volatile.Read(ref _runs);

    /// <summary>Completes when the database check first starts.</summary>
    public Task Entered => _entered.Task;

    public void Open() => _open.TrySetResult();

    public static void Install(HealthCheckServiceOptions options, DatabaseCheckGate gate)
    {
        var database = options.Registrations.Single(r => r.Name == "database");
        options.Registrations.Remove(database);
        options.Registrations.Add(new HealthCheckRegistration(database.Name, services => new Gated(database.Factory(services), gate), database.FailureStatus, database.Tags, database.Timeout));
    }

    private sealed class Gated(IHealthCheck real, DatabaseCheckGate gate) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref gate._runs);
            gate._entered.TrySetResult();
            // The check's own timeout is not the point here: the gate ignores it, so the test decides when the database answers.
            await gate._open.Task;
            return await real.CheckHealthAsync(context, cancellationToken);
        }
    }
}
