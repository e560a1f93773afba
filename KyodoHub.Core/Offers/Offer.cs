using KyodoHub.Core.Common;
using KyodoHub.Core.Matching;

namespace KyodoHub.Core.Offers;

/// <summary>Lifecycle of an offer (打診).</summary>
public enum OfferState
{
    Offered = 0,
    Accepted = 1,
    Declined = 2,
    Expired = 3,
    Withdrawn = 4,
}

/// <summary>
/// A request proposed to a registrant, with the score and breakdown at the time it was sent.
/// <c>Offered → Accepted | Declined (reason) | Expired | Withdrawn</c>.
/// </summary>
public sealed class Offer : AggregateRoot
{
    /// <summary>The sender recorded on offers the system sends by itself (the auto-cascade).</summary>
    public const string AutoCascadeSender = "auto-cascade";

    private Offer() { }

    public Offer(int requestId, int registrantId, double score, ScoreBreakdown breakdown, string sentBy, DateTimeOffset sentAt, DateTimeOffset expiresAt)
    {
        RequestId = Guard.PositiveId(requestId, nameof(RequestId));
        RegistrantId = Guard.PositiveId(registrantId, nameof(RegistrantId));
        if (double.IsNaN(score) || score < 0 || score > 1)
        {
            throw new DomainValidationException(nameof(Score), "OutOfRange", "The score must be between 0 and 1.");
        }
        Score = score;
        Breakdown = breakdown;
        SentBy = Guard.Required(sentBy, nameof(SentBy), 256);
        SentAt = sentAt.ToUniversalTime();
        if (expiresAt <= sentAt)
        {
            throw new DomainValidationException(nameof(ExpiresAt), "EndBeforeStart", "The offer must expire after it is sent.");
        }
        ExpiresAt = expiresAt.ToUniversalTime();
        Raise(new OfferSent(this));
    }

    public int RequestId { get; private set; }
    public int RegistrantId { get; private set; }
    public double Score { get; private set; }
    public ScoreBreakdown Breakdown { get; private set; } = ScoreBreakdown.Zero;
    public string SentBy { get; private set; } = "";
    public DateTimeOffset SentAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public OfferState State { get; private set; }
    public string? DeclineReason { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }

    public bool IsPending => State == OfferState.Offered;

    /// <summary>Accepts the offer; the caller fills the request's seat and creates the assignment in the same save.</summary>
    public void Accept(DateTimeOffset now)
    {
        EnsurePending();
        if (now >= ExpiresAt)
        {
            throw new DomainRuleException("OfferExpired", "This offer has expired.");
        }
        Answer(OfferState.Accepted, now);
    }

    public void Decline(string reason, DateTimeOffset now)
    {
        var valid = Guard.Required(reason, nameof(DeclineReason), 500);
        EnsurePending();
        DeclineReason = valid;
        Answer(OfferState.Declined, now);
    }

    public void Expire(DateTimeOffset now)
    {
        EnsurePending();
        if (now < ExpiresAt)
        {
            throw new DomainRuleException("OfferNotDue", "This offer has not reached its expiry.");
        }
        Answer(OfferState.Expired, now);
    }

    /// <summary>Takes a pending offer back, e.g. when its request is cancelled or filled.</summary>
    public void Withdraw(DateTimeOffset now)
    {
        EnsurePending();
        Answer(OfferState.Withdrawn, now);
    }

    private void EnsurePending()
    {
        if (State != OfferState.Offered)
        {
            throw new DomainRuleException("OfferAlreadyAnswered", $"This offer is already {State}.");
        }
    }

    private void Answer(OfferState state, DateTimeOffset now)
    {
        State = state;
        AnsweredAt = now.ToUniversalTime();
        Raise(new OfferAnswered(this, state));
    }
}

/// <summary>An offer went out.</summary>
public sealed record OfferSent(Offer Offer) : IDomainEvent;

/// <summary>An offer was accepted, declined, expired or withdrawn.</summary>
public sealed record OfferAnswered(Offer Offer, OfferState Answer) : IDomainEvent;
