using System.Data.Common;
using KyodoHub.Core.Areas;
using KyodoHub.Core.Skills;
using KyodoHub.Web.Data.Demo;
using KyodoHub.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace KyodoHub.Web.Data;

/// <summary>
/// Brings the database up to date at start: applies migrations, sets SQLite's journal to WAL,
/// adds the roles and the reference data (areas, starter skill taxonomy) to a new database and,
/// in demo mode, the demo data, then on SQLite refreshes the planner's statistics. Each step
/// checks first, so a second start adds nothing; on a shared PostgreSQL database, instances take
/// turns.
/// </summary>
internal static class DatabaseInitializer
{
    public static async Task InitialiseDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var options = provider.GetRequiredService<DatabaseOptions>();
        var db = provider.GetRequiredService<KyodoDbContext>();
        await MigrateAsync(db, options, cancellationToken);
        await DemoDataGuard.RefuseDemoKeyAsync(db, provider.GetRequiredService<IHostEnvironment>(), cancellationToken);
        if (options.IsSqlite)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (options.IsPostgreSql)
        {
            // Several instances may start together on one database: one seeds, the others wait
            // for it and then find everything there. (SQLite serves a single instance.)
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7261)", cancellationToken);
        }
        var roles = provider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
        if (!await db.Areas.AnyAsync(cancellationToken))
        {
            db.Areas.AddRange(TachikawaAreas.All);
            await db.SaveChangesAsync(cancellationToken);
            await SeedTaxonomyAsync(db, cancellationToken);
        }
        foreach (var registrant in await db.Registrants.Where(r => r.SearchKey == "").ToListAsync(cancellationToken))
        {
            registrant.RefreshSearchKey();
        }
        await db.SaveChangesAsync(cancellationToken);
        if (options.SeedDemoData && !await db.Users.AnyAsync(cancellationToken))
        {
            var clock = provider.GetRequiredService<TimeProvider>();
            var users = provider.GetRequiredService<UserManager<AppUser>>();
            await new DemoSeeder(db, users, clock).SeedAsync(cancellationToken);
        }
        await db.CommitAsync(transaction, cancellationToken);
        if (options.IsSqlite)
        {
            // SQLite gathers no statistics by itself (PostgreSQL's autovacuum does).
            await db.RefreshStatisticsAsync(cancellationToken);
        }
    }

    // Instances starting together on one PostgreSQL database take turns: the first migrates, the
    // others then find nothing left to do. The lock is held by the session, across the migrations'
    // own transactions.
    private static async Task MigrateAsync(KyodoDbContext db, DatabaseOptions options, CancellationToken cancellationToken)
    {
        if (!options.IsPostgreSql)
        {
            await db.Database.MigrateAsync(cancellationToken);
            return;
        }
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            try
            {
                await creator.CreateAsync(cancellationToken);
            }
            catch (DbException) when (creator.Exists())
            {
                // Another instance created it a moment earlier.
            }
        }
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_lock(7260)", cancellationToken);
            try
            {
                await db.Database.MigrateAsync(cancellationToken);
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock(7260)", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task SeedTaxonomyAsync(KyodoDbContext db, CancellationToken cancellationToken)
    {
        foreach (var category in DemoCatalog.Categories)
        {
            var entity = new SkillCategory(0, category.Ja, category.En);
            db.SkillCategories.Add(entity);
            await db.SaveChangesAsync(cancellationToken);
            db.SkillTags.AddRange(category.Tags.Select(t => new SkillTag(0, entity.Id, t.Ja, t.En, t.Synonyms)));
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
