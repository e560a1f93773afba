using KyodoHub.Core.Common;

namespace KyodoHub.Core.Offers;

/// <summary>Lifecycle of an assignment.</summary>
public enum AssignmentState
{
    Confirmed = 0,
    Completed = 1,
    NoShow = 2,
    Cancelled = 3,
}

/// <summary>An accepted offer: the registrant is confirmed for the request's sessions.</summary>
public sealed class Assignment : AggregateRoot
{
    private Assignment() { }

    public Assignment(Offer offer, DateTimeOffset confirmedAt)
    {
        if (offer.State != OfferState.Accepted)
        {
            throw new DomainRuleException("OfferNotAccepted", "Only an accepted offer becomes an assignment.");
        }
        OfferId = offer.Id;
        Offer = offer;
        RequestId = offer.RequestId;
        RegistrantId = offer.RegistrantId;
        ConfirmedAt = confirmedAt.ToUniversalTime();
    }

    public int OfferId { get; private set; }
    public Offer? Offer { get; private set; }
    public int RequestId { get; private set; }
    public int RegistrantId { get; private set; }
    public AssignmentState State { get; private set; }
    public DateTimeOffset ConfirmedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Hours actually worked, recorded at completion.</summary>
    public double? Hours { get; private set; }

    public string? CancelReason { get; private set; }

    public void Complete(double hours, DateTimeOffset now)
    {
        if (double.IsNaN(hours) || hours <= 0 || hours > 24 * 50)
        {
            throw new DomainValidationException(nameof(Hours), "OutOfRange", "Hours must be more than 0.");
        }
        Close(AssignmentState.Completed, now);
        Hours = hours;
    }

    public void MarkNoShow(DateTimeOffset now) => Close(AssignmentState.NoShow, now);

    public void Cancel(string reason, DateTimeOffset now)
    {
        var valid = Guard.Required(reason, nameof(CancelReason), 500);
        Close(AssignmentState.Cancelled, now);
        CancelReason = valid;
    }

    private void Close(AssignmentState to, DateTimeOffset now)
    {
        if (State != AssignmentState.Confirmed)
        {
            throw new DomainRuleException("AssignmentClosed", $"This assignment is already {State}.");
        }
        State = to;
        ClosedAt = now.ToUniversalTime();
        Raise(new AssignmentChanged(this));
    }
}

/// <summary>An assignment was completed, cancelled or marked as a no-show.</summary>
public sealed record AssignmentChanged(Assignment Assignment) : IDomainEvent;
