using System.Buffers.Text;
using System.Security.Cryptography;
using KyodoHub.Core.Common;
using KyodoHub.Core.Offers;
using KyodoHub.Core.Requests;

namespace KyodoHub.Web.Features.Offers.Links;

/// <summary>What a link from an offer's mail can do now, and if nothing, why.</summary>
public enum OfferLinkStatus
{
    Ready = 0,

    /// <summary>Malformed, or no link has this token.</summary>
    Unknown,

    /// <summary>The token is a link of another offer than the address names.</summary>
    OtherOffer,

    /// <summary>This link answered the offer.</summary>
    Used,

    /// <summary>The offer was answered otherwise (in the app, by phone, by the other link).</summary>
    Answered,

    Expired,

    /// <summary>The coordinator took the offer back, or the request was filled or cancelled meanwhile.</summary>
    Withdrawn,

    /// <summary>The offer is pending but its request takes nobody any more.</summary>
    Closed,
}

/// <summary>
/// The rule of the answer links in an offer's mail. A token is 32 random bytes in base64url, made
/// when the mail is composed; only its SHA-256 hash is stored, so the database alone opens nothing.
/// A link answers its own offer only, with its own answer, once, before the offer expires, while
/// the offer is pending and its request takes people.
/// </summary>
public static class OfferLinkTokens
{
    private const int TokenBytes = 32;

    /// <summary>A new link for the offer's mail: the row to store and the token to put in the mail.</summary>
    public static (OfferAnswerLink Link, string Token) Issue(Offer offer, OfferLinkAnswer answer, Guid messageId)
    {
        var secret = RandomNumberGenerator.GetBytes(TokenBytes);
        return (new OfferAnswerLink(offer.Id, answer, Hash(secret), messageId, offer.ExpiresAt), Base64Url.EncodeToString(secret));
    }

    /// <summary>The stored hash of a token, or null when the text cannot be a token at all.</summary>
    public static string? HashOf(string? token)
    {
        if (token is not { Length: > 0 and <= 64 } || !Base64Url.IsValid(token, out var length) || length != TokenBytes)
        {
            return null;
        }
        return Hash(Base64Url.DecodeFromChars(token));
    }

    public static OfferLinkStatus StatusOf(OfferAnswerLink? link, int offerId, Offer? offer, Request? request, DateTimeOffset now) =>
        (link, offer, request) switch
        {
            (null, _, _) or (_, null, _) or (_, _, null) => OfferLinkStatus.Unknown,
            _ when link.OfferId != offerId || offer.Id != offerId => OfferLinkStatus.OtherOffer,
            _ when link.UsedAt is not null => OfferLinkStatus.Used,
            _ when offer.State is OfferState.Accepted or OfferState.Declined => OfferLinkStatus.Answered,
            _ when offer.State is OfferState.Withdrawn => OfferLinkStatus.Withdrawn,
            _ when offer.State is OfferState.Expired || now >= offer.ExpiresAt || now >= link.ExpiresAt => OfferLinkStatus.Expired,
            _ when !request.IsFillable => OfferLinkStatus.Closed,
            _ => OfferLinkStatus.Ready,
        };

    /// <summary>
    /// Uses the link for its answer in the save that answers the offer, or throws with the status
    /// as the code (<c>Link</c> + status) and changes nothing.
    /// </summary>
    public static void Use(OfferAnswerLink? link, OfferLinkAnswer answer, int offerId, Offer? offer, Request? request, DateTimeOffset now)
    {
        var status = StatusOf(link, offerId, offer, request, now);
        if (status == OfferLinkStatus.Ready && link!.Answer != answer)
        {
            status = OfferLinkStatus.Unknown;
        }
        if (status != OfferLinkStatus.Ready)
        {
            throw new DomainRuleException($"Link{status}", $"This answer link cannot be used: {status}.");
        }
        link!.MarkUsed(now);
    }

    private static string Hash(ReadOnlySpan<byte> secret) => Base64Url.EncodeToString(SHA256.HashData(secret));
}
