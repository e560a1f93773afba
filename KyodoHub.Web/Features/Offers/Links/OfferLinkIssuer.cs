using KyodoHub.Core.Offers;
using KyodoHub.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Features.Offers.Links;

/// <summary>The two answer tokens of one offer's mail, in the mail only.</summary>
public sealed record OfferAnswerTokens(string Accept, string Decline);

/// <summary>
/// Makes the answer links while the offer's mail is composed. Their hashes are committed before
/// the mail leaves, so that a link in a delivered mail always works; a mail composed again after a
/// failed attempt gets links of its own, and the earlier ones still work once.
/// </summary>
public sealed class OfferLinkIssuer(IDbContextFactory<KyodoDbContext> factory)
{
    public async Task<OfferAnswerTokens> IssueAsync(Offer offer, Guid messageId, CancellationToken cancellationToken)
    {
        var accept = OfferLinkTokens.Issue(offer, OfferLinkAnswer.Accept, messageId);
        var decline = OfferLinkTokens.Issue(offer, OfferLinkAnswer.Decline, messageId);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.OfferAnswerLinks.AddRange(accept.Link, decline.Link);
        await db.SaveChangesAsync(cancellationToken);
        return new OfferAnswerTokens(accept.Token, decline.Token);
    }
}
