using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Data;

public class RestartTests
{
    [Fact]
    public async Task ASecondStartKeepsAllDataAndSeedsNothingTwice()
    {
        await using var database = TestDatabase.Create();
        Counts first;
        await using (var app = new KyodoAppFactory(database).Start())
        {
            first = await CountAsync(app.Services);
        }
        await using (var again = new KyodoAppFactory(database).Start())
        {
            Assert.Equal(first, await CountAsync(again.Services));
        }
        Assert.Equal(new Counts(16, 60, 300, 40, 83, first.Offers, Web.Data.Demo.DemoAccounts.All.Count), first);
    }

    // A SQLite setting, checked in every run of the suite (the PostgreSQL run too).
    [Fact]
    public async Task ASqliteDatabaseRunsInWalModeWithFullSync()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var app = new KyodoAppFactory(database).Start();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        Assert.Equal("wal", await Scalar(db, "PRAGMA journal_mode"));
        Assert.Equal("2", await Scalar(db, "PRAGMA synchronous"));
        Assert.Equal("1", await Scalar(db, "PRAGMA foreign_keys"));
    }

    private static async Task<string?> Scalar(KyodoDbContext db, string sql)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed record Counts(int Areas, int Tags, int Registrants, int Groups, int Requests, int Offers, int Users);

    private static async Task<Counts> CountAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        return new Counts(
            await db.Areas.CountAsync(), await db.SkillTags.CountAsync(), await db.Registrants.CountAsync(),
            await db.Groups.CountAsync(), await db.Requests.CountAsync(), await db.Offers.CountAsync(), await db.Users.CountAsync());
    }
}
