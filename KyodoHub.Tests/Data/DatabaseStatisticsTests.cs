using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Data;

/// <summary>The planner's statistics, without which a search over a large registry walks the wrong index.</summary>
[Collection(AppCollection.Name)]
public class DatabaseStatisticsTests(AppFixture fixture)
{
    private const string SkillIndex = "IX_RegistrantSkills_RegistrantId_TagId";

    [Fact]
    public async Task ASqliteDatabaseHasStatisticsForTheSkillIndexFromItsFirstStart()
    {
        await using var app = new KyodoAppFactory(TestDatabase.CreateSqlite(), dropWithApp: true).Start();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        Assert.True(await SqliteStatisticsAsync(db) > 0);
    }

    [Fact]
    public async Task ALargeWriteRefreshesTheStatisticsOfTheRegistryTables()
    {
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        await db.RefreshAfterAsync(DatabaseStatistics.LargeChange);
        var rows = db.Database.IsNpgsql()
            ? await db.Database.SqlQueryRaw<int>("SELECT COUNT(*)::int AS \"Value\" FROM pg_stats WHERE tablename = 'RegistrantSkills'").SingleAsync()
            : await SqliteStatisticsAsync(db);
        Assert.True(rows > 0);
    }

    private static Task<int> SqliteStatisticsAsync(KyodoDbContext db) =>
        db.Database.SqlQueryRaw<int>($"SELECT COUNT(*) AS \"Value\" FROM sqlite_stat1 WHERE idx = '{SkillIndex}'").SingleAsync();
}
