using KyodoHub.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KyodoHub.Web.Features.Notifications;

/// <summary>
/// Delivers the outbox: takes due rows under a lease, writes each message from current data and
/// hands it to its channel, then records the outcome (sent; tried again later with back-off; a dead
/// letter after the last try). Woken by <see cref="OutboxSignal"/> after a commit that wrote
/// notifications, by the next retry falling due, and by a poll for other instances' rows.
/// </summary>
internal sealed class NotificationDispatcher(
    IDbContextFactory<KyodoDbContext> factory,
    NotificationComposer composer,
    IEnumerable<INotificationChannel> channels,
    OutboxSignal signal,
    IOptions<NotificationOptions> options,
    TimeProvider clock,
    ILogger<NotificationDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan ShortestWait = TimeSpan.FromMilliseconds(50);

    // Unique per dispatcher, so that two instances in one process (or one restarted) never share a lease.
    private readonly string _owner = LeaseOwnerName();
    private readonly Dictionary<string, INotificationChannel> _channels = channels.ToDictionary(c => c.Name);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var nudged = signal.Next;
            var wait = TimeSpan.FromSeconds(options.Value.PollSeconds);
            try
            {
                while (await DeliverBatchAsync(stoppingToken) > 0)
                {
                }
                foreach (var channel in _channels.Values)
                {
                    await channel.IdleAsync();
                }
                wait = await WaitBeforeNextAsync(wait, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Delivering notifications failed; trying again at the next poll.");
            }
            using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            await Task.WhenAny(nudged, Task.Delay(wait, clock, stopWaiting.Token));
            await stopWaiting.CancelAsync();
        }
    }

    // One batch, one save of its outcomes: a commit per message made the disk's flush the limit.
    // A crash between sending and this save sends that batch's messages again (each with its own
    // Message-Id): at most one batch is ever in flight.
    private async Task<int> DeliverBatchAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var ids = await OutboxLeases.TakeAsync(db, _owner, clock.GetUtcNow(), TimeSpan.FromSeconds(options.Value.LeaseSeconds), options.Value.BatchSize, cancellationToken);
        if (ids.Count == 0)
        {
            return 0;
        }
        var rows = await db.Notifications
            .Where(n => ids.Contains(n.Id) && n.LeaseOwner == _owner && n.State == Core.Notifications.NotificationState.Pending)
            .OrderBy(n => n.Id).ToListAsync(cancellationToken);
        var outcomes = new List<(long Id, Action<Core.Notifications.Notification> Record)>();
        foreach (var notification in rows)
        {
            var record = await DeliverAsync(db, notification, cancellationToken);
            record(notification);
            outcomes.Add((notification.Id, record));
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another dispatcher took some rows over after this one stalled past its lease: its
            // outcome counts for those; the others are recorded one by one.
            await RecordOneByOneAsync(outcomes, cancellationToken);
        }
        return ids.Count;
    }

    /// <summary>Sends one message; returns how to record the outcome on its row.</summary>
    private async Task<Action<Core.Notifications.Notification>> DeliverAsync(KyodoDbContext db, Core.Notifications.Notification notification, CancellationToken cancellationToken)
    {
        var id = notification.Id;
        try
        {
            var channel = _channels.GetValueOrDefault(notification.Channel)
                ?? throw new DeliveryException($"No channel '{notification.Channel}' is configured.", permanent: false);
            var message = await composer.ComposeAsync(db, notification, cancellationToken);
            await channel.SendAsync(message, cancellationToken);
            var sentAt = clock.GetUtcNow();
            return n => n.MarkSent(sentAt);
        }
        catch (DeliveryException ex)
        {
            logger.LogWarning("Notification {Id} not delivered (attempt {Attempt}): {Error}", id, notification.Attempts + 1, ex.Message);
            var at = clock.GetUtcNow();
            return n => n.MarkFailed(ex.Message, ex.Permanent, options.Value.Retries, at);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Notification {Id} not delivered (attempt {Attempt}).", id, notification.Attempts + 1);
            var at = clock.GetUtcNow();
            return n => n.MarkFailed($"{ex.GetType().Name}: {ex.Message}", permanent: false, options.Value.Retries, at);
        }
    }

    private async Task RecordOneByOneAsync(List<(long Id, Action<Core.Notifications.Notification> Record)> outcomes, CancellationToken cancellationToken)
    {
        foreach (var (id, record) in outcomes)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var row = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.LeaseOwner == _owner && n.State == Core.Notifications.NotificationState.Pending, cancellationToken);
            if (row is null)
            {
                logger.LogWarning("Notification {Id}: the lease was taken over before the outcome was recorded.", id);
                continue;
            }
            record(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                logger.LogWarning("Notification {Id}: the lease was taken over before the outcome was recorded.", id);
            }
        }
    }

    private static string LeaseOwnerName()
    {
        var name = $"{Guid.NewGuid():N}:{Environment.ProcessId}@{Environment.MachineName}";
        return name.Length > Core.Notifications.Notification.MaxLeaseOwnerLength ? name[..Core.Notifications.Notification.MaxLeaseOwnerLength] : name;
    }

    private async Task<TimeSpan> WaitBeforeNextAsync(TimeSpan poll, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var next = await OutboxLeases.NextDueAsync(db, now, cancellationToken);
        var untilNext = next is { } due ? due - now : poll;
        return untilNext < ShortestWait ? ShortestWait : untilNext > poll ? poll : untilNext;
    }
}
