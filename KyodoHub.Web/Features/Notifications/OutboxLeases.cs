using KyodoHub.Core.Notifications;
using KyodoHub.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Features.Notifications;

/// <summary>
/// Takes due outbox rows for one dispatcher for a while. On PostgreSQL, several instances ask at
/// once: rows another one is taking are skipped (<c>FOR UPDATE SKIP LOCKED</c>), and a row whose
/// lease ran out (its instance crashed mid-way) is taken over. SQLite serialises writes, and one
/// instance serves a SQLite file, so a plain conditional update does.
/// </summary>
internal static class OutboxLeases
{
    public static async Task<IReadOnlyList<long>> TakeAsync(KyodoDbContext db, string owner, DateTimeOffset now, TimeSpan lease, int batch, CancellationToken cancellationToken)
    {
        var until = now + lease;
        if (db.Database.IsNpgsql())
        {
            var utcNow = now.ToUniversalTime();
            var utcUntil = until.ToUniversalTime();
            return await db.Database.SqlQuery<long>($"""
                UPDATE "Notifications" SET "LeaseOwner" = {owner}, "LeaseExpiresAt" = {utcUntil}
                WHERE "Id" IN (
                    SELECT "Id" FROM "Notifications"
                    WHERE "State" = {(int)NotificationState.Pending} AND "NextAttemptAt" <= {utcNow}
                      AND ("LeaseExpiresAt" IS NULL OR "LeaseExpiresAt" < {utcNow})
                    ORDER BY "NextAttemptAt", "Id"
                    LIMIT {batch}
                    FOR UPDATE SKIP LOCKED)
                RETURNING "Id" AS "Value"
                """).ToListAsync(cancellationToken);
        }
        var due = await Due(db, now).OrderBy(n => n.NextAttemptAt).ThenBy(n => n.Id).Select(n => n.Id).Take(batch).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return [];
        }
        await Due(db, now).Where(n => due.Contains(n.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.LeaseOwner, owner).SetProperty(n => n.LeaseExpiresAt, until), cancellationToken);
        return await db.Notifications.Where(n => due.Contains(n.Id) && n.LeaseOwner == owner).Select(n => n.Id).ToListAsync(cancellationToken);
    }

    /// <summary>When the next row nobody holds falls due, if any: the dispatcher sleeps until then at most.</summary>
    public static Task<DateTimeOffset?> NextDueAsync(KyodoDbContext db, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Notifications.Where(n => n.State == NotificationState.Pending && (n.LeaseExpiresAt == null || n.LeaseExpiresAt < now))
            .OrderBy(n => n.NextAttemptAt).Select(n => (DateTimeOffset?)n.NextAttemptAt).FirstOrDefaultAsync(cancellationToken);

    private static IQueryable<Notification> Due(KyodoDbContext db, DateTimeOffset now) =>
        db.Notifications.Where(n => n.State == NotificationState.Pending && n.NextAttemptAt <= now && (n.LeaseExpiresAt == null || n.LeaseExpiresAt < now));
}
