using KyodoHub.Core.Common;
using KyodoHub.Core.Notifications;
using KyodoHub.Web.Data;

namespace KyodoHub.Web.Features.Notifications;

/// <summary>Publishes a commit's events as before, and nudges the dispatcher when the commit wrote notifications.</summary>
internal sealed class NotifyingEventDispatcher(IDomainEventDispatcher inner, OutboxSignal signal) : IDomainEventDispatcher
{
    public async Task DispatchAsync(IReadOnlyList<IDomainEvent> events, MatchInputChanges changes, CancellationToken cancellationToken)
    {
        if (NotificationPlanner.Notifies(events))
        {
            signal.Nudge();
        }
        await inner.DispatchAsync(events, changes, cancellationToken);
    }
}
