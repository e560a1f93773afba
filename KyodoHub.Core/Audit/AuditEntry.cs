using System.Text;
using KyodoHub.Core.Common;

namespace KyodoHub.Core.Audit;

/// <summary>
/// Who did what to which record, when and from where. Immutable: the app has no way to edit or
/// delete an entry. User-supplied text is encoded so that it cannot forge a line of its own.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry() { }

    public AuditEntry(DateTimeOffset at, string? userId, string userName, string action, string entityType, string? entityId, string? address, string? detail)
    {
        At = at.ToUniversalTime();
        UserId = userId;
        UserName = Encode(Guard.Required(userName, nameof(UserName), 256));
        Action = Guard.Required(action, nameof(Action), 64);
        EntityType = Guard.Required(entityType, nameof(EntityType), 64);
        EntityId = entityId is null ? null : Encode(Guard.Optional(entityId, nameof(EntityId), 64));
        Address = address is null ? null : Encode(Guard.Optional(address, nameof(Address), 64));
        Detail = detail is null ? null : Encode(detail.Length > 1000 ? detail[..1000] : detail);
    }

    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string? UserId { get; private set; }
    public string UserName { get; private set; } = "";
    public string Action { get; private set; } = "";
    public string EntityType { get; private set; } = "";
    public string? EntityId { get; private set; }
    public string? Address { get; private set; }
    public string? Detail { get; private set; }

    /// <summary>Escapes control characters (line breaks above all) as \uXXXX.</summary>
    public static string Encode(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }
}
