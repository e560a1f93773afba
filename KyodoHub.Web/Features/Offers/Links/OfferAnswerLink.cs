using KyodoHub.Core.Common;

namespace KyodoHub.Web.Features.Offers.Links;

/// <summary>Which answer a link in an offer's mail gives.</summary>
public enum OfferLinkAnswer
{
    Accept = 0,
    Decline = 1,
}

/// <summary>
/// One answer link of one offer's mail. Only the SHA-256 hash of the token is kept: the token is
/// written into the mail when it is composed and exists nowhere else. Valid until the offer
/// expires, and once.
/// </summary>
public sealed class OfferAnswerLink
{
    /// <summary>Base64url of a SHA-256 hash, without padding.</summary>
    public const int HashLength = 43;

    private OfferAnswerLink() { }

    internal OfferAnswerLink(int offerId, OfferLinkAnswer answer, string tokenHash, Guid messageId, DateTimeOffset expiresAt)
    {
        OfferId = Guard.PositiveId(offerId, nameof(OfferId));
        Answer = answer;
        TokenHash = tokenHash;
        MessageId = messageId;
        ExpiresAt = expiresAt.ToUniversalTime();
    }

    public int Id { get; private set; }
    public int OfferId { get; private set; }
    public OfferLinkAnswer Answer { get; private set; }
    public string TokenHash { get; private set; } = "";

    /// <summary>The mail (outbox row) that carried the link.</summary>
    public Guid MessageId { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? UsedAt { get; private set; }

    internal void MarkUsed(DateTimeOffset now) => UsedAt = now.ToUniversalTime();
}
