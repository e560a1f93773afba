using KyodoHub.Core.Common;

namespace KyodoHub.Core.Registrants;

/// <summary>Where a registrant's request to delete their data stands.</summary>
public enum DeletionRequestState
{
    /// <summary>Waiting for the centre's staff to act on it.</summary>
    Requested = 0,

    /// <summary>Withdrawn by the registrant before staff acted on it.</summary>
    Cancelled = 1,

    /// <summary>Staff deleted or anonymised the data.</summary>
    Completed = 2,
}

/// <summary>
/// A registrant's request that the centre delete their personal data (個人情報の削除の申し出).
/// The registrant files and may cancel it while it waits; staff complete it. A registrant has at
/// most one waiting request (the persistence layer enforces it too).
/// </summary>
public sealed class DataDeletionRequest : AggregateRoot
{
    private DataDeletionRequest() { }

    public DataDeletionRequest(int registrantId, string? reason, string requestedBy, DateTimeOffset requestedAt)
    {
        RegistrantId = Guard.PositiveId(registrantId, nameof(RegistrantId));
        var text = Guard.Optional(reason, nameof(Reason), 500);
        Reason = text.Length == 0 ? null : text;
        RequestedBy = Guard.Required(requestedBy, nameof(RequestedBy), 256);
        RequestedAt = requestedAt.ToUniversalTime();
    }

    public int RegistrantId { get; private set; }

    /// <summary>Why, in the registrant's words, if they said.</summary>
    public string? Reason { get; private set; }

    public string RequestedBy { get; private set; } = "";
    public DateTimeOffset RequestedAt { get; private set; }
    public DeletionRequestState State { get; private set; }

    /// <summary>When it was cancelled or completed.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Who cancelled or completed it.</summary>
    public string? ClosedBy { get; private set; }

    /// <summary>Whether staff still have to act on it.</summary>
    public bool IsWaiting => State == DeletionRequestState.Requested;

    /// <summary>The registrant withdraws the request.</summary>
    public void Cancel(string by, DateTimeOffset now) => Close(DeletionRequestState.Cancelled, by, now);

    /// <summary>Staff record that the data has been deleted or anonymised.</summary>
    public void Complete(string by, DateTimeOffset now) => Close(DeletionRequestState.Completed, by, now);

    private void Close(DeletionRequestState to, string by, DateTimeOffset now)
    {
        var who = Guard.Required(by, nameof(ClosedBy), 256);
        if (State != DeletionRequestState.Requested)
        {
            throw new DomainRuleException("DeletionRequestClosed", $"This deletion request is already {State}.");
        }
        State = to;
        ClosedAt = now.ToUniversalTime();
        ClosedBy = who;
    }
}
