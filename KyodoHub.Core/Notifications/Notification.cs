using KyodoHub.Core.Common;

namespace KyodoHub.Core.Notifications;

/// <summary>
/// One message to one person through one channel, kept in the outbox from the save that caused it
/// until it is delivered or given up. It holds references, not text: the message is written at
/// delivery from current data in the recipient's language. <see cref="MessageId"/> stays the same
/// across retries, so a recipient (or their mail server) can recognise a message sent twice after
/// a crash. A dispatcher holds a lease while it delivers, so that no other one takes the row.
/// </summary>
public sealed class Notification
{
    public const int MaxErrorLength = 2000;
    public const int MaxRecipientLength = 256;
    public const int MaxChannelLength = 32;
    public const int MaxLeaseOwnerLength = 100;

    private Notification() { }

    public Notification(NotificationKind kind, RecipientKind recipientKind, string recipientId, int subjectId, string channel, Guid messageId, DateTimeOffset createdAt)
    {
        Kind = kind;
        RecipientKind = recipientKind;
        RecipientId = Guard.Required(recipientId, nameof(RecipientId), MaxRecipientLength);
        SubjectId = Guard.PositiveId(subjectId, nameof(SubjectId));
        Channel = Guard.Required(channel, nameof(Channel), MaxChannelLength);
        MessageId = messageId;
        CreatedAt = createdAt.ToUniversalTime();
        NextAttemptAt = CreatedAt;
    }

    public long Id { get; private set; }
    public Guid MessageId { get; private set; }
    public NotificationKind Kind { get; private set; }
    public RecipientKind RecipientKind { get; private set; }

    /// <summary>The registrant's id, or the user's name, as <see cref="RecipientKind"/> says.</summary>
    public string RecipientId { get; private set; } = "";

    /// <summary>The record the message is about (for the offer kinds, the offer).</summary>
    public int SubjectId { get; private set; }

    public string Channel { get; private set; } = "";
    public NotificationState State { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public string? LeaseOwner { get; private set; }
    public DateTimeOffset? LeaseExpiresAt { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>Delivered: the lease ends and the row stays as a record.</summary>
    public void MarkSent(DateTimeOffset now)
    {
        EnsurePending();
        Attempts++;
        State = NotificationState.Sent;
        SentAt = now.ToUniversalTime();
        LastError = null;
        ReleaseLease();
    }

    /// <summary>
    /// A failed attempt: tried again after the schedule's delay, or a dead letter when the schedule
    /// allows no further try or the failure is <paramref name="permanent"/> (a refused address).
    /// </summary>
    public void MarkFailed(string error, bool permanent, RetrySchedule schedule, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        EnsurePending();
        Attempts++;
        LastError = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
        if (permanent || !schedule.AllowsAnother(Attempts))
        {
            State = NotificationState.Failed;
        }
        else
        {
            NextAttemptAt = now.ToUniversalTime() + schedule.DelayAfter(Attempts);
        }
        ReleaseLease();
    }

    private void ReleaseLease()
    {
        LeaseOwner = null;
        LeaseExpiresAt = null;
    }

    private void EnsurePending()
    {
        if (State != NotificationState.Pending)
        {
            throw new DomainRuleException("NotificationNotPending", $"This notification is already {State}.");
        }
    }
}
