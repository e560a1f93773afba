using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace KyodoHub.Web.Data;

/// <summary>
/// The owned collections (a registrant's skills, a request's sessions) whose items a save adds,
/// changes or removes, by owner. Such a change leaves the owner itself Unchanged, yet it is a change
/// of the record: its version moves on and its audit detail names the collection. Read once per
/// save, in one pass over the tracker, so that a save of many records stays linear.
/// </summary>
public sealed class OwnedChanges
{
    private readonly Dictionary<(IReadOnlyEntityType Owner, string Key), List<string>> _byOwner;

    private OwnedChanges(Dictionary<(IReadOnlyEntityType Owner, string Key), List<string>> byOwner) => _byOwner = byOwner;

    /// <summary>The changed owned items in <paramref name="tracker"/>, by owner.</summary>
    public static OwnedChanges In(ChangeTracker tracker)
    {
        var byOwner = new Dictionary<(IReadOnlyEntityType Owner, string Key), List<string>>();
        foreach (var item in tracker.Entries())
        {
            if (!item.Metadata.IsOwned() || item.State is not (EntityState.Added or EntityState.Deleted or EntityState.Modified)
                || item.Metadata.FindOwnership() is not { PrincipalToDependent: { } navigation } ownership)
            {
                continue;
            }
            // A removed item is no longer in the collection; its ownership key still names the owner.
            var key = (ownership.PrincipalEntityType, KeyOf(item, ownership.Properties));
            if (!byOwner.TryGetValue(key, out var names))
            {
                byOwner[key] = names = [];
            }
            if (!names.Contains(navigation.Name))
            {
                names.Add(navigation.Name);
            }
        }
        return new OwnedChanges(byOwner);
    }

    /// <summary>The names of <paramref name="owner"/>'s owned navigations with changed items.</summary>
    public IReadOnlyList<string> Of(EntityEntry owner) =>
        _byOwner.Count > 0 && owner.Metadata.FindPrimaryKey() is { } primaryKey
            && _byOwner.TryGetValue((owner.Metadata, KeyOf(owner, primaryKey.Properties)), out var names)
            ? names
            : [];

    private static string KeyOf(EntityEntry entry, IReadOnlyList<IReadOnlyProperty> properties) =>
        string.Join('/', properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture)));
}
