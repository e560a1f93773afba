using KyodoHub.Web.Features.ApiKeys;
using KyodoHub.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Data.Demo;

/// <summary>
/// Demo data publishes its password and an API key with every scope in the README: it belongs on
/// a developer's machine and in the test suite only, never on a server that people use.
/// </summary>
internal static class DemoDataGuard
{
    /// <summary>The test suite's environment: like Production, but on throw-away databases.</summary>
    public const string TestingEnvironment = "Testing";

    public static bool IsAllowedIn(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment(TestingEnvironment);

    /// <summary>Refuses <c>Database:SeedDemoData</c> outside Development.</summary>
    public static void RefuseSeeding(DatabaseOptions options, IHostEnvironment environment)
    {
        if (options.SeedDemoData && !IsAllowedIn(environment))
        {
            throw new StartupRefusedException(
                $"Database:SeedDemoData is true in the '{environment.EnvironmentName}' environment. Demo data comes with a published password " +
                "and an API key with every scope, so only Development may seed it: set Database:SeedDemoData to false.");
        }
    }

    /// <summary>Refuses a database (copied from a demo, say) in which the demo API key is still valid, outside Development.</summary>
    public static async Task RefuseDemoKeyAsync(KyodoDbContext db, IHostEnvironment environment, CancellationToken cancellationToken)
    {
        var hash = ApiKey.HashOf(DemoAccounts.ApiKey);
        if (!IsAllowedIn(environment) && await db.ApiKeys.AnyAsync(k => k.Hash == hash && k.RevokedAt == null, cancellationToken))
        {
            throw new StartupRefusedException(
                $"This database holds the demo API key, published in the README with every scope, and it is not revoked. Revoke it " +
                $"(administration, API keys, in a Development start on this database) before starting in the '{environment.EnvironmentName}' environment.");
        }
    }
}
