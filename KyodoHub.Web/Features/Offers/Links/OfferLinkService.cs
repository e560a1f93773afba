using KyodoHub.Core.Offers;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Me;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Features.Offers.Links;

/// <summary>
/// What the page of an answer link shows: the link's status, its answer, the offer as the
/// registrant's inbox shows it (when the link belongs to it), and the offer's state.
/// </summary>
public sealed record OfferLinkView(OfferLinkStatus Status, OfferLinkAnswer Answer, InboxOffer? Offer, OfferState? State);

/// <summary>
/// Answers an offer through a link of its mail, without signing in: the token is the answerer's
/// proof. Reading changes nothing; answering goes through <see cref="OfferService"/>'s one path,
/// which uses the link in the same save.
/// </summary>
public sealed class OfferLinkService(IDbContextFactory<KyodoDbContext> factory, OfferService offers, TimeProvider clock)
{
    public async Task<OfferLinkView> ReadAsync(int offerId, string? token, CancellationToken cancellationToken = default)
    {
        if (OfferLinkTokens.HashOf(token) is not { } hash)
        {
            return new OfferLinkView(OfferLinkStatus.Unknown, OfferLinkAnswer.Accept, null, null);
        }
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var link = await db.OfferAnswerLinks.AsNoTracking().SingleOrDefaultAsync(l => l.TokenHash == hash, cancellationToken);
        var shown = await (
                from o in db.Offers
                join r in db.Requests on o.RequestId equals r.Id
                join g in db.Groups on r.GroupId equals g.Id
                join a in db.Areas on r.AreaId equals a.Id
                where o.Id == offerId
                select new { o, r, GroupName = g.Name, a.NameJa, a.NameEn })
            .AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var status = OfferLinkTokens.StatusOf(link, offerId, shown?.o, shown?.r, clock.GetUtcNow());
        if (link is null || shown is null || status is OfferLinkStatus.Unknown or OfferLinkStatus.OtherOffer)
        {
            // Nothing about an offer the token does not open.
            return new OfferLinkView(status, link?.Answer ?? OfferLinkAnswer.Accept, null, null);
        }
        var (offer, request) = (shown.o, shown.r);
        return new OfferLinkView(status, link.Answer,
            new InboxOffer(offer.Id, request.Id, request.Title, request.Description, shown.GroupName, request.Place, shown.NameJa, shown.NameEn, request.Sessions, offer.ExpiresAt, offer.SentAt),
            offer.State);
    }

    public Task AcceptAsync(int offerId, string? token, CancellationToken cancellationToken = default) =>
        offers.AcceptAnsweredAsync(offerId, Using(offerId, token, OfferLinkAnswer.Accept), OfferAnswerSource.MailLink, cancellationToken);

    public Task DeclineAsync(int offerId, string? token, string reason, CancellationToken cancellationToken = default) =>
        offers.DeclineAnsweredAsync(offerId, reason, Using(offerId, token, OfferLinkAnswer.Decline), OfferAnswerSource.MailLink, cancellationToken);

    private Func<KyodoDbContext, Offer?, CancellationToken, Task<Offer>> Using(int offerId, string? token, OfferLinkAnswer answer) =>
        async (db, offer, cancellationToken) =>
        {
            var hash = OfferLinkTokens.HashOf(token);
            var link = hash is null ? null : await db.OfferAnswerLinks.SingleOrDefaultAsync(l => l.TokenHash == hash, cancellationToken);
            var request = offer is null ? null : await db.Requests.SingleOrDefaultAsync(r => r.Id == offer.RequestId, cancellationToken);
            OfferLinkTokens.Use(link, answer, offerId, offer, request, clock.GetUtcNow());
            return offer!;
        };
}
