using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Data;

/// <summary>
/// Keeps the query planner's table statistics current, so that a search over a large registry
/// walks the right index. SQLite keeps none until asked (without them a search by skill at 50,000
/// registrants took seconds instead of milliseconds); PostgreSQL's autovacuum gathers them in time,
/// but not at once after a large import.
/// </summary>
public static class DatabaseStatistics
{
    /// <summary>From how many changed rows a write is large enough to refresh the statistics after.</summary>
    public const int LargeChange = 1000;

    /// <summary>Refreshes the statistics after a write of <paramref name="changedRows"/> rows, when that is a large change.</summary>
    public static Task RefreshAfterAsync(this KyodoDbContext db, int changedRows, CancellationToken cancellationToken = default) =>
        changedRows >= LargeChange ? db.RefreshStatisticsAsync(cancellationToken) : Task.CompletedTask;

    /// <summary>
    /// Gathers fresh statistics. On SQLite, ANALYZE samples a bounded number of rows per index
    /// (analysis_limit), so it stays quick however large the file grows.
    /// </summary>
    public static async Task RefreshStatisticsAsync(this KyodoDbContext db, CancellationToken cancellationToken = default)
    {
        var sql = db.Database.IsNpgsql() ? "ANALYZE;" : "PRAGMA analysis_limit=1000; ANALYZE; PRAGMA optimize;";
        await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
    }
}
