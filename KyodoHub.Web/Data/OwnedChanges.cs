using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace KyodoHub.Web.Data;

/// <summary>
/// The owned collections (a registrant's skills, a request's sessions) of a tracked record whose
/// items were added, changed or removed. Such a change leaves the owner itself Unchanged, yet it
/// is a change of the record: its version moves on and its audit detail names the collection.
/// </summary>
public static class OwnedChanges
{
    /// <summary>The names of <paramref name="owner"/>'s owned navigations with changed items.</summary>
    public static IReadOnlyList<string> Of(EntityEntry owner)
    {
        // Removed items are no longer in the collection; their ownership key still names the owner.
        var changed = owner.Context.ChangeTracker.Entries()
            .Where(e => e.Metadata.IsOwned() && e.State is EntityState.Added or EntityState.Deleted or EntityState.Modified)
            .Select(e => (Entry: e, Ownership: e.Metadata.FindOwnership()))
            .Where(x => x.Ownership is { PrincipalToDependent: not null } o
                && o.PrincipalEntityType.ClrType.IsInstanceOfType(owner.Entity)
                && IsOwnedBy(x.Entry, o, owner))
            .Select(x => x.Ownership!.PrincipalToDependent!.Name)
            .Distinct()
            .ToList();
        return changed;
    }

    private static bool IsOwnedBy(EntityEntry item, Microsoft.EntityFrameworkCore.Metadata.IForeignKey ownership, EntityEntry owner) =>
        ownership.Properties.Zip(ownership.PrincipalKey.Properties).All(pair =>
            Equals(item.Property(pair.First.Name).CurrentValue, owner.Property(pair.Second.Name).CurrentValue));
}
