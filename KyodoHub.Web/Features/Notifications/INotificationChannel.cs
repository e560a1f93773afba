namespace KyodoHub.Web.Features.Notifications;

/// <summary>
/// A way of reaching people (e-mail now; LINE could follow): the dispatcher hands each written
/// message to the channel its outbox row names, and callers never see which one it was.
/// </summary>
public interface INotificationChannel
{
    /// <summary>The name outbox rows carry in their <c>Channel</c> column.</summary>
    string Name { get; }

    /// <summary>Delivers the message, or throws: <see cref="DeliveryException"/> says whether trying again could help.</summary>
    Task SendAsync(ComposedMessage message, CancellationToken cancellationToken);

    /// <summary>The dispatcher has nothing more to send for now: a channel that keeps a connection open between messages closes it.</summary>
    Task IdleAsync() => Task.CompletedTask;
}

/// <summary>Who a message is for, as the channels address them.</summary>
public sealed record MessageRecipient(string Name, string? Email);

/// <summary>A notification written out for its recipient, in their language.</summary>
public sealed record ComposedMessage(Guid MessageId, MessageRecipient Recipient, string Subject, string Text, string Html);

/// <summary>A delivery that failed; a permanent one (an address refused, no address at all) is not tried again.</summary>
public sealed class DeliveryException(string message, bool permanent, Exception? inner = null) : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;
}
