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

    private async Task<int> DeliverBatchAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<long> ids;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            ids = await OutboxLeases.TakeAsync(db, _owner, clock.GetUtcNow(), TimeSpan.FromSeconds(options.Value.LeaseSeconds), options.Value.BatchSize, cancellationToken);
        }
        foreach (var id in ids)
        {
            await DeliverAsync(id, cancellationToken);
        }
        return ids.Count;
    }

    private async Task DeliverAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.LeaseOwner == _owner, cancellationToken);
        if (notification is not { State: Core.Notifications.NotificationState.Pending })
        {
            return;
        }
        try
        {
            var channel = _channels.GetValueOrDefault(notification.Channel)
                ?? throw new DeliveryException($"No channel '{notification.Channel}' is configured.", permanent: false);
            var message = await composer.ComposeAsync(db, notification, cancellationToken);
            await channel.SendAsync(message, cancellationToken);
            notification.MarkSent(clock.GetUtcNow());
        }
        catch (DeliveryException ex)
        {
            logger.LogWarning("Notification {Id} not delivered (attempt {Attempt}): {Error}", id, notification.Attempts + 1, ex.Message);
            notification.MarkFailed(ex.Message, ex.Permanent, options.Value.Retries, clock.GetUtcNow());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Notification {Id} not delivered (attempt {Attempt}).", id, notification.Attempts + 1);
            notification.MarkFailed($"{ex.GetType().Name}: {ex.Message}", permanent: false, options.Value.Retries, clock.GetUtcNow());
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // This dispatcher stalled past its lease and another one took the row over: its outcome counts.
            logger.LogWarning("Notification {Id}: the lease was taken over before the outcome was recorded.", id);
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
