using KyodoHub.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Tests.Data;

/// <summary>Each provider's migration set must describe the whole model: a change needs a migration for both.</summary>
public class MigrationSetsTests
{
    [Fact]
    public void TheSqliteMigrationsAreNotBehindTheModel()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Add the migration for SQLite too (see README, Configuration).");
    }

    [Fact]
    public void ThePostgreSqlMigrationsAreNotBehindTheModel()
    {
        using var db = new NpgsqlDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Add the migration for PostgreSQL too (see README, Configuration).");
    }
}
