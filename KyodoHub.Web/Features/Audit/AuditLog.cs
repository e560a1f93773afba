using KyodoHub.Core.Audit;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Features.Audit;

/// <summary>What an administrator searches the audit log for; every part is optional.</summary>
public sealed record AuditQuery(
    DateOnly? From = null, DateOnly? To = null, string? User = null, string? Action = null,
    string? EntityType = null, string? EntityId = null, int Skip = 0, int Take = 50);

/// <summary>One page of the log, with the total of the search and the names of the records it mentions.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Total, IReadOnlyDictionary<string, string> RecordNames)
{
    /// <summary>The name of the entry's record (a registrant's name, a request's title), or null when it has none or is gone.</summary>
    public string? NameOf(AuditEntry entry) => entry.EntityId is null ? null : RecordNames.GetValueOrDefault(AuditNames.Key(entry.EntityType, entry.EntityId));
}

/// <summary>
/// Records what the database cannot see by itself (a member of staff viewing a registrant's
/// contact details, an export) and lets administrators search the log. There is no way to edit
/// or delete an entry.
/// </summary>
public sealed class AuditLog(IDbContextFactory<KyodoDbContext> factory, AuditActorSource actor, CurrentUser currentUser, TimeProvider clock)
{
    public const string ViewContact = "ViewContact";
    public const string Export = "Export";
    public const string Import = "Import";
    public const string SignIn = "SignIn";
    public const string SignInFailed = "SignInFailed";
    public const string AccessDenied = "AccessDenied";

    /// <summary>Records an event by the current user, in its own transaction.</summary>
    public async Task RecordAsync(string action, string entityType, string? entityId, string? detail = null, CancellationToken cancellationToken = default)
    {
        var who = await actor.GetAsync();
        await WriteAsync(new AuditEntry(clock.GetUtcNow(), who.UserId, who.UserName, action, entityType, entityId, who.Address, detail), cancellationToken);
    }

    /// <summary>
    /// Records a sign-in attempt under the account it was for — or, when no account matched, under
    /// the address that was typed — with the reason when it failed.
    /// </summary>
    public async Task RecordSignInAsync(string? userId, string userName, string? failure, CancellationToken cancellationToken = default)
    {
        var who = await actor.GetAsync();
        var name = userName.Length > 256 ? userName[..256] : userName;
        await WriteAsync(new AuditEntry(clock.GetUtcNow(), userId, name, failure is null ? SignIn : SignInFailed, "User", userId, who.Address, failure), cancellationToken);
    }

    private async Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The entries matching <paramref name="query"/>, newest first. Administrators only.</summary>
    public async Task<AuditPage> SearchAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        (await currentUser.GetAsync()).Require(Roles.Administrator);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var entries = db.AuditEntries.AsNoTracking();
        if (query.From is { } from)
        {
            var start = Core.Common.TokyoTime.FromLocal(from, TimeOnly.MinValue);
            entries = entries.Where(e => e.At >= start);
        }
        if (query.To is { } to)
        {
            var end = Core.Common.TokyoTime.FromLocal(to.AddDays(1), TimeOnly.MinValue);
            entries = entries.Where(e => e.At < end);
        }
        if (!string.IsNullOrWhiteSpace(query.User))
        {
            var user = query.User.Trim();
            entries = entries.Where(e => e.UserName.Contains(user));
        }
        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            entries = entries.Where(e => e.Action == query.Action);
        }
        if (!string.IsNullOrWhiteSpace(query.EntityType))
        {
            entries = entries.Where(e => e.EntityType == query.EntityType);
        }
        if (!string.IsNullOrWhiteSpace(query.EntityId))
        {
            var id = query.EntityId.Trim();
            entries = entries.Where(e => e.EntityId == id);
        }
        var total = await entries.CountAsync(cancellationToken);
        // Instants are stored as sortable numbers, so ordering by At is ordering in time; Id breaks ties.
        var page = await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, 500))
            .ToListAsync(cancellationToken);
        return new AuditPage(page, total, await AuditNames.OfAsync(db, page, cancellationToken));
    }

    /// <summary>The entity types and actions present, for the search form's choices.</summary>
    public async Task<(IReadOnlyList<string> EntityTypes, IReadOnlyList<string> Actions)> ChoicesAsync(CancellationToken cancellationToken = default)
    {
        (await currentUser.GetAsync()).Require(Roles.Administrator);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var types = await db.AuditEntries.Select(e => e.EntityType).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);
        var actions = await db.AuditEntries.Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);
        return (types, actions);
    }
}
