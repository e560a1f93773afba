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

/// <summary>How an answer reached the centre: in the app, through a link in the offer's mail, or by phone to the desk.</summary>
public enum AnswerChannel
{
    App = 0,
    MailLink = 1,
    Phone = 2,
}

/// <summary>Who answered and how: a registrant in the app or by a mail link, or staff recording what a caller said.</summary>
public sealed record OfferAnswerSource(AnswerChannel Channel, string? RecordedBy = null)
{
    public static readonly OfferAnswerSource App = new(AnswerChannel.App);
    public static readonly OfferAnswerSource MailLink = new(AnswerChannel.MailLink);

    /// <summary>A caller's answer, recorded by the named staff member.</summary>
    public static OfferAnswerSource Phone(string recordedBy) => new(AnswerChannel.Phone, Guard.Required(recordedBy, nameof(RecordedBy), 256));
}

/// <summary>
/// A request proposed to a registrant, with the score and breakdown at the time it was sent.
/// <c>Offered → Accepted | Declined (reason) | Expired | Withdrawn</c>.
/// </summary>
public sealed class Offer : AggregateRoot
{
    /// <summary>The sender recorded on offers the system sends by itself (the auto-cascade).</summary>
    public const string AutoCascadeSender = "auto-cascade";

    /// <summary>The longest reason a decline keeps, in the inbox and as the desk records it for a caller.</summary>
    public const int MaxDeclineReasonLength = 500;

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

    /// <summary>How the registrant's own answer came in (accepted or declined); null for expiry, withdrawal or no answer yet.</summary>
    public AnswerChannel? AnsweredVia { get; private set; }

    /// <summary>The staff member who recorded an answer given by phone.</summary>
    public string? AnswerRecordedBy { get; private set; }

    public bool IsPending => State == OfferState.Offered;

    /// <summary>Accepts the offer; the caller fills the request's seat and creates the assignment in the same save.</summary>
    public void Accept(DateTimeOffset now, OfferAnswerSource? source = null)
    {
        EnsurePending();
        if (now >= ExpiresAt)
        {
            throw new DomainRuleException("OfferExpired", "This offer has expired.");
        }
        Record(source ?? OfferAnswerSource.App);
        Answer(OfferState.Accepted, now);
    }

    public void Decline(string reason, DateTimeOffset now, OfferAnswerSource? source = null)
    {
        var valid = Guard.Required(reason, nameof(DeclineReason), MaxDeclineReasonLength);
        EnsurePending();
        DeclineReason = valid;
        Record(source ?? OfferAnswerSource.App);
        Answer(OfferState.Declined, now);
    }

    private void Record(OfferAnswerSource source) => (AnsweredVia, AnswerRecordedBy) = (source.Channel, source.RecordedBy);

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
