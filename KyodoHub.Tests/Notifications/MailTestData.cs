using KyodoHub.Core.Notifications;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace KyodoHub.Tests.Notifications;

/// <summary>The outbox rows about some offers, and the mails that carry their Message-Ids.</summary>
internal static class MailTestData
{
    public static string MessageIdOf(Notification notification) => $"{notification.MessageId:N}@kyodohub.example";

    public static async Task<List<Notification>> NotificationsAboutAsync(KyodoAppFactory app, IEnumerable<int> offerIds, NotificationKind kind = NotificationKind.OfferSent)
    {
        var ids = offerIds.ToList();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        return await db.Notifications.AsNoTracking().Where(n => ids.Contains(n.SubjectId) && n.Kind == kind).OrderBy(n => n.Id).ToListAsync();
    }

    /// <summary>Waits (up to <paramref name="patience"/>) until each offer has its row and every row is out of Pending; returns them as they are then.</summary>
    public static async Task<List<Notification>> SettledAsync(KyodoAppFactory app, IReadOnlyList<int> offerIds, TimeSpan patience, Func<Notification, bool>? settled = null)
    {
        settled ??= n => n.State != NotificationState.Pending;
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            var rows = await NotificationsAboutAsync(app, offerIds);
            if ((rows.Count >= offerIds.Count && rows.All(settled)) || DateTime.UtcNow > deadline)
            {
                return rows;
            }
            await Task.Delay(50);
        }
    }

    /// <summary>The server's messages grouped by Message-Id, for those ids only.</summary>
    public static Dictionary<string, List<MimeMessage>> ById(SmtpServer server, IEnumerable<Notification> notifications)
    {
        var wanted = notifications.Select(MessageIdOf).ToHashSet();
        return server.Messages().Where(m => m.MessageId is { } id && wanted.Contains(id)).GroupBy(m => m.MessageId!).ToDictionary(g => g.Key, g => g.ToList());
    }
}
