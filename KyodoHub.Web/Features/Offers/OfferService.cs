using KyodoHub.Core.Audit;
using KyodoHub.Core.Common;
using KyodoHub.Core.Matching;
using KyodoHub.Core.Offers;
using KyodoHub.Core.Requests;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Features.Matching;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KyodoHub.Web.Features.Offers;

/// <summary>
/// Offers (打診) from sending to answer. Sending checks each registrant against the match engine's
/// hard constraints at that moment and records their score; accepting fills a seat and creates the
/// assignment in one save guarded by the request's and the registrant's concurrency tokens, so that
/// two answers to the last seat cannot both win. A decline or an expiry cascades to the next
/// candidate when the request asks for it.
/// </summary>
public sealed class OfferService(
    IDbContextFactory<KyodoDbContext> factory,
    CurrentUser currentUser,
    CandidateRanking ranking,
    ClientInfo client,
    TimeProvider clock,
    IOptions<OfferOptions> options,
    ILogger<OfferService> logger)
{
    /// <summary>The name recorded as sender of offers the system sends by itself.</summary>
    public const string AutoCascadeSender = Offer.AutoCascadeSender;

    public async Task<IReadOnlyList<int>> SendAsync(int requestId, IReadOnlyCollection<int> registrantIds, MatchWeights? weights = null, CancellationToken cancellationToken = default)
    {
        var user = (await currentUser.GetAsync()).Require(Roles.Coordinator);
        if (registrantIds.Count == 0)
        {
            throw new DomainValidationException("RegistrantIds", "Required", "Choose at least one candidate.");
        }
        return await SendUncheckedAsync(requestId, registrantIds, user.UserName, weights, cancellationToken);
    }

    /// <summary>The signed-in registrant accepts their own offer in the app.</summary>
    public async Task AcceptAsync(int offerId, CancellationToken cancellationToken = default)
    {
        var user = (await currentUser.GetAsync()).Require(Roles.Registrant);
        await AcceptAnsweredAsync(offerId, offer => EnsureOwn(offer, offerId, user), OfferAnswerSource.App, cancellationToken);
    }

    /// <summary>The signed-in registrant declines their own offer in the app.</summary>
    public async Task DeclineAsync(int offerId, string reason, CancellationToken cancellationToken = default)
    {
        var user = (await currentUser.GetAsync()).Require(Roles.Registrant);
        await DeclineAnsweredAsync(offerId, reason, offer => EnsureOwn(offer, offerId, user), OfferAnswerSource.App, cancellationToken);
    }

    /// <summary>
    /// Desk staff record a caller's acceptance given by phone: the same rules as the inbox, the
    /// answer marked as by phone with the staff member's name, and an audit entry in the same save.
    /// </summary>
    public async Task AcceptForCallerAsync(int offerId, CancellationToken cancellationToken = default)
    {
        var user = (await currentUser.GetAsync()).Require(Roles.DeskStaff, Roles.Coordinator);
        await AcceptAnsweredAsync(offerId, AnyOffer(offerId), OfferAnswerSource.Phone(user.UserName), cancellationToken, Audit(user, clock.GetUtcNow(), "AnswerForCaller", "Offer", offerId, "accepted by phone"));
    }

    /// <summary>Desk staff record a caller's decline given by phone, with the reason the caller gave.</summary>
    public async Task DeclineForCallerAsync(int offerId, string reason, CancellationToken cancellationToken = default)
    {
        var user = (await currentUser.GetAsync()).Require(Roles.DeskStaff, Roles.Coordinator);
        await DeclineAnsweredAsync(offerId, reason, AnyOffer(offerId), OfferAnswerSource.Phone(user.UserName), cancellationToken, Audit(user, clock.GetUtcNow(), "AnswerForCaller", "Offer", offerId, "declined by phone"));
    }

    /// <summary>
    /// Accepts an offer for whoever may answer it (<paramref name="answerable"/> returns the offer, or throws when the answerer may not answer it):
    /// the one path of every acceptance, in the app, by a mail link or by phone. It fills a seat
    /// and creates the assignment in one save guarded by the request's and the registrant's
    /// concurrency tokens, so that two answers to the last seat cannot both win.
    /// </summary>
    public Task AcceptAnsweredAsync(int offerId, Func<Offer?, Offer> answerable, OfferAnswerSource source, CancellationToken cancellationToken = default, AuditEntry? audit = null) =>
        AcceptAnsweredAsync(offerId, (_, offer, _) => Task.FromResult(answerable(offer)), source, cancellationToken, audit);

    /// <summary>
    /// The same, for an answerer whose check reads the same database and writes in the same save
    /// (a mail link marks itself used with the answer it gives).
    /// </summary>
    public async Task AcceptAnsweredAsync(int offerId, Func<KyodoDbContext, Offer?, CancellationToken, Task<Offer>> answerable, OfferAnswerSource source, CancellationToken cancellationToken = default, AuditEntry? audit = null)
    {
        var now = clock.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var offer = await answerable(db, await db.Offers.SingleOrDefaultAsync(o => o.Id == offerId, cancellationToken), cancellationToken);
        var request = await db.Requests.SingleAsync(r => r.Id == offer.RequestId, cancellationToken);
        var registrant = await db.Registrants.SingleAsync(r => r.Id == offer.RegistrantId, cancellationToken);
        await EnsureNoOverlapAsync(db, registrant.Id, request, cancellationToken);

        offer.Accept(now, source);
        request.FillSeat(now);
        db.Assignments.Add(new Assignment(offer, now));
        // Touching the registrant's version makes two concurrent accepts of overlapping requests collide.
        db.Entry(registrant).Property(r => r.Version).IsModified = true;
        if (request.State == RequestState.Filled)
        {
            foreach (var other in await db.Offers.Where(o => o.RequestId == request.Id && o.Id != offer.Id && o.State == OfferState.Offered).ToListAsync(cancellationToken))
            {
                other.Withdraw(now);
            }
        }
        if (audit is not null)
        {
            db.AuditEntries.Add(audit);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(ex))
        {
            // The same offer answered twice at once (two tabs) ends here on PostgreSQL: the
            // one-assignment-per-offer index refuses the second.
            throw new DomainRuleException("SeatTaken", "Someone else took the last seat, or your schedule changed at the same moment. Nothing was saved.");
        }
    }

    /// <summary>Declines an offer for whoever may answer it, the one path of every decline; cascades afterwards.</summary>
    public Task DeclineAnsweredAsync(int offerId, string reason, Func<Offer?, Offer> answerable, OfferAnswerSource source, CancellationToken cancellationToken = default, AuditEntry? audit = null) =>
        DeclineAnsweredAsync(offerId, reason, (_, offer, _) => Task.FromResult(answerable(offer)), source, cancellationToken, audit);

    /// <summary>The same, for an answerer whose check reads the same database and writes in the same save.</summary>
    public async Task DeclineAnsweredAsync(int offerId, string reason, Func<KyodoDbContext, Offer?, CancellationToken, Task<Offer>> answerable, OfferAnswerSource source, CancellationToken cancellationToken = default, AuditEntry? audit = null)
    {
        int requestId;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            var offer = await answerable(db, await db.Offers.SingleOrDefaultAsync(o => o.Id == offerId, cancellationToken), cancellationToken);
            offer.Decline(reason, clock.GetUtcNow(), source);
            requestId = offer.RequestId;
            if (audit is not null)
            {
                db.AuditEntries.Add(audit);
            }
            await SaveOrConflictAsync(db, cancellationToken);
        }
        await CascadeAsync(requestId, cancellationToken);
    }

    /// <summary>
    /// Takes back a pending offer (coordinators), audited in the same save. Refused when the offer
    /// was answered meanwhile, the request is closed, or another change won the race.
    /// </summary>
    public async Task WithdrawAsync(int offerId, CancellationToken cancellationToken = default)
    {
        var user = (await currentUser.GetAsync()).Require(Roles.Coordinator);
        var now = clock.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var offer = await db.Offers.SingleOrDefaultAsync(o => o.Id == offerId, cancellationToken)
            ?? throw new DomainValidationException("OfferId", "Unknown", $"Offer {offerId} does not exist.");
        var request = await db.Requests.SingleAsync(r => r.Id == offer.RequestId, cancellationToken);
        CoordinatorCorrections.Withdraw(offer, request, now);
        db.AuditEntries.Add(Audit(user, now, "WithdrawOffer", "Offer", offer.Id, $"request {request.Id}"));
        await SaveOrConflictAsync(db, cancellationToken);
    }

    /// <summary>
    /// Cancels one registrant's assignment with a reason (coordinators, and administrators carrying
    /// out a deletion request): the seat reopens, the
    /// request's state follows, and with auto-cascade on the next candidate is offered the seat.
    /// </summary>
    public async Task CancelAssignmentAsync(int assignmentId, string reason, CancellationToken cancellationToken = default)
    {
        var user = (await currentUser.GetAsync()).Require(Roles.Coordinator, Roles.Administrator);
        var now = clock.GetUtcNow();
        int requestId;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            var assignment = await db.Assignments.SingleOrDefaultAsync(a => a.Id == assignmentId, cancellationToken)
                ?? throw new DomainValidationException("AssignmentId", "Unknown", $"Assignment {assignmentId} does not exist.");
            var request = await db.Requests.SingleAsync(r => r.Id == assignment.RequestId, cancellationToken);
            CoordinatorCorrections.CancelAssignment(assignment, request, reason, now);
            // The registrant is free again at that time: their match inputs change with this save.
            var registrant = await db.Registrants.SingleAsync(r => r.Id == assignment.RegistrantId, cancellationToken);
            db.Entry(registrant).Property(r => r.Version).IsModified = true;
            db.AuditEntries.Add(Audit(user, now, "CancelAssignment", "Assignment", assignment.Id, $"request {request.Id}: {assignment.CancelReason}"));
            requestId = request.Id;
            await SaveOrConflictAsync(db, cancellationToken);
        }
        await CascadeAsync(requestId, cancellationToken);
    }

    /// <summary>Expires offers past their time and cascades; run by the background worker.</summary>
    public async Task<int> ExpireDueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        List<int> requestIds;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            var due = await db.Offers.Where(o => o.State == OfferState.Offered && o.ExpiresAt <= now).ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                return 0;
            }
            foreach (var offer in due)
            {
                offer.Expire(now);
            }
            requestIds = due.Select(o => o.RequestId).Distinct().ToList();
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return 0; // Answered at the same moment; the next round sees what is left.
            }
        }
        foreach (var requestId in requestIds)
        {
            await CascadeAsync(requestId, cancellationToken);
        }
        return requestIds.Count;
    }

    /// <summary>
    /// When the request has auto-cascade on and fewer pending offers than open seats, offers it to
    /// the best candidate not offered it before.
    /// </summary>
    public async Task CascadeAsync(int requestId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var request = await db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is not { AutoCascade: true, IsFillable: true } || request.FillBy < clock.GetUtcNow())
        {
            return;
        }
        var everOffered = await db.Offers.Where(o => o.RequestId == requestId).Select(o => new { o.RegistrantId, o.State }).ToListAsync(cancellationToken);
        var pending = everOffered.Count(o => o.State == OfferState.Offered);
        var wanted = request.OpenSeats - pending;
        if (wanted <= 0)
        {
            return;
        }
        var tried = everOffered.Select(o => o.RegistrantId).ToHashSet();
        var view = await ranking.RankUncheckedAsync(requestId, null, MatchEngine.DefaultTopK + tried.Count, cancellationToken);
        var next = view.Candidates.Where(c => !tried.Contains(c.RegistrantId)).Take(wanted).Select(c => c.RegistrantId).ToList();
        if (next.Count == 0)
        {
            logger.LogInformation("Auto-cascade for request {RequestId}: no further candidate.", requestId);
            return;
        }
        await SendUncheckedAsync(requestId, next, AutoCascadeSender, null, cancellationToken);
    }

    private async Task<IReadOnlyList<int>> SendUncheckedAsync(int requestId, IReadOnlyCollection<int> registrantIds, string sentBy, MatchWeights? weights, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var request = await db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken)
            ?? throw new DomainValidationException("RequestId", "Unknown", $"Request {requestId} does not exist.");
        if (!request.IsFillable)
        {
            throw new DomainRuleException("RequestNotFillable", $"A {request.State} request cannot be offered.");
        }
        var already = await db.Offers
            .Where(o => o.RequestId == requestId && registrantIds.Contains(o.RegistrantId) && (o.State == OfferState.Offered || o.State == OfferState.Accepted))
            .Select(o => o.RegistrantId).ToListAsync(cancellationToken);
        if (already.Count > 0)
        {
            throw new DomainRuleException("AlreadyOffered", $"Registrant {already[0]} already has this offer.");
        }
        var offers = new List<Offer>();
        foreach (var registrantId in registrantIds.Distinct())
        {
            // The candidate is checked now, not trusted from the page that listed them.
            var explanation = await ranking.ExplainAsync(requestId, registrantId, weights, cancellationToken)
                ?? throw new DomainValidationException("RegistrantIds", "Unknown", $"Registrant {registrantId} does not exist.");
            if (explanation.IsExcluded)
            {
                throw new DomainRuleException("CandidateExcluded", $"Registrant {registrantId} is not a candidate: {string.Join(", ", explanation.Reasons)}.");
            }
            var offer = new Offer(requestId, registrantId, Math.Clamp(explanation.Total, 0, 1), explanation.Breakdown, sentBy, now, now.AddHours(options.Value.ExpiryHours));
            offers.Add(offer);
            db.Offers.Add(offer);
        }
        await db.SaveChangesAsync(cancellationToken);
        return offers.Select(o => o.Id).ToList();
    }

    private static Offer EnsureOwn(Offer? offer, int offerId, UserContext user) =>
        offer is not null && offer.RegistrantId == user.RegistrantId
            ? offer
            : throw new AccessDeniedException($"{user.UserName} may not answer offer {offerId}.");

    /// <summary>Any existing offer: staff answer for the registrant it was sent to.</summary>
    public static Func<Offer?, Offer> AnyOffer(int offerId) => offer =>
        offer ?? throw new DomainValidationException("OfferId", "Unknown", $"Offer {offerId} does not exist.");

    private static async Task EnsureNoOverlapAsync(KyodoDbContext db, int registrantId, Request request, CancellationToken cancellationToken)
    {
        var confirmed = await (
                from a in db.Assignments
                join r in db.Requests on a.RequestId equals r.Id
                where a.RegistrantId == registrantId && a.State == AssignmentState.Confirmed && r.Id != request.Id
                select r)
            .AsNoTracking().ToListAsync(cancellationToken);
        if (confirmed.SelectMany(r => r.Sessions).Any(s => request.Sessions.Any(s.Overlaps)))
        {
            throw new DomainRuleException("OverlapsAnotherActivity", "You already have an activity at that time.");
        }
    }

    private AuditEntry Audit(UserContext user, DateTimeOffset now, string action, string entityType, int id, string detail) =>
        new(now, user.UserId, user.UserName, action, entityType, id.ToString(System.Globalization.CultureInfo.InvariantCulture), client.Address, detail);

    private static async Task SaveOrConflictAsync(KyodoDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainRuleException("Conflict", "Someone changed this at the same moment. Nothing was saved; please look again.");
        }
    }
}
