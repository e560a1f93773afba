using System.Globalization;
using KyodoHub.Core.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace KyodoHub.Web.Features.Audit;

/// <summary>
/// Turns the changes of one save into audit entries: every domain record created, updated or
/// deleted, with the names (never the values) of the properties and owned collections that changed. The database
/// context captures before it saves and writes the entries in the same transaction afterwards,
/// once new records have their ids.
/// </summary>
public static class AuditTrail
{
    public const string Create = "Create";
    public const string Update = "Update";
    public const string Delete = "Delete";

    /// <summary>
    /// The audited changes waiting in <paramref name="tracker"/>, or null when there are none or no
    /// actor; <paramref name="owned"/> names the owned collections that changed with each record.
    /// </summary>
    public static PendingAudit? Capture(ChangeTracker tracker, Data.OwnedChanges owned)
    {
        if (AuditAmbient.Current is not { } source)
        {
            return null;
        }
        var changes = tracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Where(e => IsAudited(e))
            .Select(e => new PendingChange(e, ActionOf(e.State), e.State == EntityState.Modified ? ChangedProperties(e, owned) : null))
            .ToList();
        return changes.Count == 0 ? null : new PendingAudit(source, changes);
    }

    /// <summary>Throws when a save would change or remove an audit entry: the log is append-only.</summary>
    public static void EnsureAppendOnly(ChangeTracker tracker)
    {
        if (tracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Audit entries cannot be changed or deleted.");
        }
    }

    private static bool IsAudited(EntityEntry entry) =>
        entry.Entity is not AuditEntry
        && !entry.Metadata.IsOwned()
        && entry.Metadata.ClrType.Namespace?.StartsWith("KyodoHub.Core", StringComparison.Ordinal) == true;

    private static string ActionOf(EntityState state) => state switch
    {
        EntityState.Added => Create,
        EntityState.Deleted => Delete,
        _ => Update,
    };

    private static string? ChangedProperties(EntityEntry entry, Data.OwnedChanges owned)
    {
        var names = entry.Properties.Where(p => p.IsModified && p.Metadata.Name != "Version").Select(p => p.Metadata.Name)
            .Concat(owned.Of(entry)).ToList();
        return names.Count == 0 ? null : string.Join(',', names);
    }
}

/// <summary>One audited change, captured before the save.</summary>
public sealed record PendingChange(EntityEntry Entry, string Action, string? Detail);

/// <summary>The audited changes of one save and who made them.</summary>
public sealed class PendingAudit(AuditActorSource source, IReadOnlyList<PendingChange> changes)
{
    /// <summary>The entries, once the save has given new records their keys.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ToEntriesAsync(DateTimeOffset at)
    {
        var actor = await source.GetAsync();
        return changes.Select(c => new AuditEntry(
            at, actor.UserId, actor.UserName, c.Action, c.Entry.Metadata.ClrType.Name, KeyOf(c.Entry), actor.Address, c.Detail)).ToList();
    }

    private static string? KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null)
        {
            return null;
        }
        var values = key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture));
        return string.Join('/', values);
    }
}
