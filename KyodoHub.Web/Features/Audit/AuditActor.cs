using KyodoHub.Core.Audit;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Features.Audit;

/// <summary>Who did something, and from which address, as the audit log records it.</summary>
public sealed record AuditActor(string? UserId, string UserName, string? Address)
{
    /// <summary>Work done by the app itself: seeding, migrations, background jobs.</summary>
    public static AuditActor System { get; } = new(null, "system", null);
}

/// <summary>
/// Resolves the actor of the current scope (a circuit or an HTTP request): the signed-in user and
/// the client's address. Scoped, so it is never shared between users.
/// </summary>
public sealed class AuditActorSource(CurrentUser currentUser, ClientAddress address, RefusalLog refusals)
{
    /// <summary>Writes a refusal of this actor to the audit log, without making the caller wait.</summary>
    internal void ReportRefusal(string reason) => refusals.Record(GetAsync(), reason);

    public async Task<AuditActor> GetAsync()
    {
        var user = await currentUser.GetAsync();
        return user.IsAuthenticated
            ? new AuditActor(user.UserId, user.UserName, address.Value)
            : new AuditActor(null, "anonymous", address.Value);
    }
}

/// <summary>
/// The actor source of the work in progress, for code that lives outside the DI scope (the
/// database context is created by a singleton factory). Set per circuit activity by
/// <see cref="AuditCircuitHandler"/> and per HTTP request by <see cref="AuditMiddleware"/>;
/// unset for the app's own work, which is then not audited.
/// </summary>
public static class AuditAmbient
{
    private static readonly AsyncLocal<AuditActorSource?> CurrentSource = new();

    public static AuditActorSource? Current => CurrentSource.Value;

    /// <summary>Makes <paramref name="source"/> the actor for the rest of the calling flow.</summary>
    public static void Use(AuditActorSource? source) => CurrentSource.Value = source;
}

/// <summary>
/// Writes authorisation refusals to the audit log. A refusal is raised deep inside a service and
/// already on its way to an error path, so the entry is written in the background and a failure
/// to write it is logged rather than thrown.
/// </summary>
public sealed class RefusalLog(IDbContextFactory<KyodoDbContext> factory, TimeProvider clock, ILogger<RefusalLog> logger)
{
    public void Record(Task<AuditActor> actor, string reason) => _ = WriteAsync(actor, reason);

    private async Task WriteAsync(Task<AuditActor> actor, string reason)
    {
        try
        {
            var who = await actor;
            await using var db = await factory.CreateDbContextAsync();
            db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow(), who.UserId, who.UserName, AuditLog.AccessDenied, "Authorization", null, who.Address, reason));
            await db.SaveChangesAsync();
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or ObjectDisposedException)
        {
            logger.LogError(ex, "A refusal could not be written to the audit log.");
        }
    }
}
