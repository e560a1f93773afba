using System.Globalization;
using KyodoHub.Core.Audit;
using KyodoHub.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Features.Audit;

/// <summary>
/// The names of the records a page of the audit log is about (a registrant's or group's name, a
/// request's title, an account's display name), so that the log reads as names rather than ids.
/// One query per record type, for the ids on the page only.
/// </summary>
internal static class AuditNames
{
    public static async Task<IReadOnlyDictionary<string, string>> OfAsync(KyodoDbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var registrants = IntIds(entries, "Registrant");
        foreach (var (id, name) in await db.Registrants.AsNoTracking().Where(r => registrants.Contains(r.Id)).Select(r => new { r.Id, r.Name }).ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken))
        {
            names[Key("Registrant", id)] = name;
        }
        var groups = IntIds(entries, "Group");
        foreach (var (id, name) in await db.Groups.AsNoTracking().Where(g => groups.Contains(g.Id)).Select(g => new { g.Id, g.Name }).ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken))
        {
            names[Key("Group", id)] = name;
        }
        var requests = IntIds(entries, "Request");
        foreach (var (id, title) in await db.Requests.AsNoTracking().Where(r => requests.Contains(r.Id)).Select(r => new { r.Id, r.Title }).ToDictionaryAsync(r => r.Id, r => r.Title, cancellationToken))
        {
            names[Key("Request", id)] = title;
        }
        var users = entries.Where(e => e.EntityType == "User" && e.EntityId is not null).Select(e => e.EntityId!).Distinct().ToList();
        foreach (var user in await db.Users.AsNoTracking().Where(u => users.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(cancellationToken))
        {
            names[$"User/{user.Id}"] = string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? user.Id : user.DisplayName;
        }
        return names;
    }

    /// <summary>The key of a record in the names: its type and id, as the entry stores them.</summary>
    public static string Key(string entityType, string? entityId) => $"{entityType}/{entityId}";

    private static string Key(string entityType, int id) => Key(entityType, id.ToString(CultureInfo.InvariantCulture));

    private static List<int> IntIds(IReadOnlyList<AuditEntry> entries, string entityType) =>
        entries.Where(e => e.EntityType == entityType)
            .Select(e => int.TryParse(e.EntityId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0).Distinct().ToList();
}
