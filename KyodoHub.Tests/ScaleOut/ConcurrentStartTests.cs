using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.ScaleOut;

[Trait("Database", "PostgreSQL")]
public class ConcurrentStartTests
{
    [Fact]
    public async Task TwoInstancesStartingTogetherOnANewDatabaseMigrateAndSeedItOnce()
    {
        await using var database = TestDatabase.CreatePostgres();
        await using var a = new KyodoAppFactory(database);
        await using var b = new KyodoAppFactory(database);

        await Task.WhenAll(Task.Run(() => a.Start()), Task.Run(() => b.Start()));

        await using var db = await b.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        Assert.Equal(16, await db.Areas.CountAsync());
        Assert.Equal(300, await db.Registrants.CountAsync());
        Assert.Equal(Web.Data.Demo.DemoAccounts.All.Count, await db.Users.CountAsync());
        Assert.Equal(Web.Identity.Roles.All.Count, await db.Roles.CountAsync());
    }
}
