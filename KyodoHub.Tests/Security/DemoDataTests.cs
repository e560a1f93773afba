using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Data;
using KyodoHub.Web.Data.Demo;
using KyodoHub.Web.Features.ApiKeys;
using KyodoHub.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Security;

/// <summary>The published demo password and demo API key never reach a live server.</summary>
public class DemoDataTests
{
    [Fact]
    public async Task ProductionRefusesToStartWithDemoSeedingAndSaysWhich()
    {
        await using var database = TestDatabase.Create();
        var error = await Record.ExceptionAsync(() => StartAsync("Production", database, seedDemoData: true));
        Assert.NotNull(error);
        Assert.Contains("Database:SeedDemoData", error.Message, StringComparison.Ordinal);
        Assert.Contains("Production", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoAccounts.Password, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProductionStartsOnAFreshDatabaseWithoutDemoData()
    {
        await using var database = TestDatabase.Create();
        await StartAsync("Production", database, seedDemoData: false, afterwards: async db =>
        {
            Assert.False(await db.Users.AnyAsync());
            Assert.False(await db.ApiKeys.AnyAsync());
        });
    }

    [Fact]
    public async Task ProductionRefusesADatabaseWhoseDemoApiKeyIsStillValidUntilItIsRevoked()
    {
        await using var database = TestDatabase.Create();
        await StartAsync("Testing", database, seedDemoData: true);

        var error = await Record.ExceptionAsync(() => StartAsync("Production", database, seedDemoData: false));
        Assert.NotNull(error);
        Assert.Contains("demo API key", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoAccounts.ApiKey, error.Message, StringComparison.Ordinal);

        await StartAsync("Testing", database, seedDemoData: false, afterwards: async db =>
        {
            var demoKey = await db.ApiKeys.SingleAsync(k => k.Hash == ApiKey.HashOf(DemoAccounts.ApiKey));
            demoKey.Revoke(DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        });
        await StartAsync("Production", database, seedDemoData: false);
    }

    [Fact]
    public async Task TheStartupBannerNeverPrintsTheDemoPassword()
    {
        var console = new StringWriter();
        var original = Console.Out;
        Console.SetOut(TextWriter.Synchronized(console));
        var logs = new CapturedLogs();
        try
        {
            await using var app = new KyodoAppFactory { Environment = "Development", Logs = logs }.Start();
            // The banner is written once the server has started; wait for its first line.
            for (var i = 0; i < 100 && !console.ToString().Contains("KyodoHub is running at", StringComparison.Ordinal); i++)
            {
                await Task.Delay(100);
            }
        }
        finally
        {
            Console.SetOut(original);
        }
        var printed = console.ToString();
        Assert.Contains("KyodoHub is running at", printed, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoAccounts.Password, printed, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Entries, e => e.ToString().Contains(DemoAccounts.Password, StringComparison.Ordinal));
    }

    /// <summary>Builds the app as <c>WebEntryPoint</c> does and brings its database up to date, without serving.</summary>
    private static async Task StartAsync(string environment, TestDatabase database, bool seedDemoData, Func<KyodoDbContext, Task>? afterwards = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider,
            ["Database:ConnectionString"] = database.ConnectionString,
            ["Database:SeedDemoData"] = seedDemoData ? "true" : "false",
        });
        await using var app = builder.AddKyodoHub().Build();
        await app.Services.InitialiseDatabaseAsync();
        if (afterwards is not null)
        {
            await using var db = await app.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
            await afterwards(db);
        }
    }
}
