using KyodoHub.Core.Common;
using KyodoHub.Core.Notifications;

namespace KyodoHub.Web.Data;

/// <summary>The outbox rows for the notifications that a save's events call for.</summary>
internal static class NotificationOutbox
{
    /// <summary>The only channel so far; preferences will choose among channels per recipient.</summary>
    public const string EmailChannel = "email";

    public static IEnumerable<Notification> Rows(IReadOnlyList<IDomainEvent> events, DateTimeOffset now) =>
        NotificationPlanner.Plan(events).Select(p => new Notification(p.Kind, p.RecipientKind, p.RecipientId, p.SubjectId, EmailChannel, Guid.NewGuid(), now));
}
