using KyodoHub.Core.Common;
using KyodoHub.Core.Matching;
using KyodoHub.Core.Offers;
using KyodoHub.Core.Planning;
using KyodoHub.Core.Requests;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Features.Matching;
using KyodoHub.Web.Features.Offers;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Features.Planning;

/// <summary>What the coordinator asks the planner for.</summary>
public sealed record PlanSettings(DateOnly From, DateOnly To, int CandidatesPerRequest = 50, int? MaxOffersPerRegistrant = null, bool MaximiseMinimumFill = false);

/// <summary>A plan with the names a coordinator reads it by.</summary>
public sealed record PlanView(
    PlanComparison Comparison,
    IReadOnlyList<PlanRequest> Requests,
    IReadOnlyDictionary<int, PlanRegistrant> Registrants,
    IReadOnlyDictionary<int, string> RequestTitles,
    IReadOnlyDictionary<int, string> RegistrantNames,
    PlanOptions Options);

/// <summary>
/// Plans offers for every open request in a date range at once: the match engine supplies each
/// request's eligible candidates, the batch planner chooses, and sending goes through the same
/// path as a single offer (each one checked again and published).
/// </summary>
public sealed class PlanningService(
    IDbContextFactory<KyodoDbContext> factory,
    MatchIndexHolder indexHolder,
    MatchEngine engine,
    BatchPlanner planner,
    OfferService offers,
    CurrentUser currentUser,
    TimeProvider clock)
{
    public async Task<PlanView> PlanAsync(PlanSettings settings, CancellationToken cancellationToken = default)
    {
        (await currentUser.GetAsync()).Require(Roles.Coordinator);
        if (settings.To < settings.From)
        {
            throw new DomainValidationException("To", "EndBeforeStart", "The range must end on or after its start.");
        }
        var now = clock.GetUtcNow();
        var from = TokyoTime.FromLocal(settings.From, TimeOnly.MinValue);
        var to = TokyoTime.FromLocal(settings.To.AddDays(1), TimeOnly.MinValue);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var open = (await db.Requests.AsNoTracking()
                .Where(r => (r.State == RequestState.Open || r.State == RequestState.PartiallyFilled) && r.FillBy >= now)
                .ToListAsync(cancellationToken))
            .Where(r => r.FirstStart >= from && r.FirstStart < to)
            .ToList();
        var ids = open.Select(r => r.Id).ToList();
        var kinds = await db.Groups.AsNoTracking().ToDictionaryAsync(g => g.Id, g => g.Kind, cancellationToken);
        var offered = (await db.Offers.AsNoTracking()
                .Where(o => ids.Contains(o.RequestId) && (o.State == OfferState.Offered || o.State == OfferState.Accepted))
                .Select(o => new { o.RequestId, o.RegistrantId, o.State }).ToListAsync(cancellationToken))
            .ToLookup(o => o.RequestId);
        var index = await indexHolder.GetAsync(cancellationToken);

        var requests = new List<PlanRequest>();
        foreach (var request in open)
        {
            var already = offered[request.Id].ToList();
            // Seats already waiting on an answer are not planned again.
            var seats = Math.Max(0, request.OpenSeats - already.Count(o => o.State == OfferState.Offered));
            var taken = already.Select(o => o.RegistrantId).ToHashSet();
            var ranked = engine.Rank(index, request, kinds[request.GroupId], null, settings.CandidatesPerRequest + taken.Count, excludedSample: 0);
            var candidates = ranked.Ranked.Where(c => !taken.Contains(c.RegistrantId)).Take(settings.CandidatesPerRequest)
                .Select(c => new PlanCandidate(c.RegistrantId, c.Total, c.Breakdown)).ToList();
            requests.Add(new PlanRequest(request.Id, seats, request.Sessions, request.FillBy, candidates));
        }

        var registrantIds = requests.SelectMany(r => r.Candidates).Select(c => c.RegistrantId).Distinct().ToList();
        var caps = await db.Registrants.AsNoTracking().Where(r => registrantIds.Contains(r.Id))
            .Select(r => new { r.Id, r.MonthlyCap, r.Name }).ToListAsync(cancellationToken);
        var histories = await RegistrantHistoryQuery.LoadAsync(db, now, registrantIds, cancellationToken);
        var registrants = caps.Select(c => new PlanRegistrant(c.Id, c.MonthlyCap,
                (histories.GetValueOrDefault(c.Id)?.MonthlyActivities ?? []).ToDictionary(m => (m.Year, m.Month), m => m.Count)))
            .ToList();
        var options = new PlanOptions(settings.MaxOffersPerRegistrant, settings.MaximiseMinimumFill);
        var comparison = planner.Plan(requests, registrants, options);
        return new PlanView(comparison, requests, registrants.ToDictionary(r => r.RegistrantId),
            open.ToDictionary(r => r.Id, r => r.Title), caps.ToDictionary(c => c.Id, c => c.Name), options);
    }

    /// <summary>Sends the (possibly edited) plan's offers, request by request, through the single-offer path.</summary>
    public async Task<int> SendAsync(IReadOnlyList<PlannedOffer> plan, CancellationToken cancellationToken = default)
    {
        (await currentUser.GetAsync()).Require(Roles.Coordinator);
        var sent = 0;
        foreach (var group in plan.GroupBy(o => o.RequestId))
        {
            sent += (await offers.SendAsync(group.Key, group.Select(o => o.RegistrantId).ToList(), cancellationToken: cancellationToken)).Count;
        }
        return sent;
    }
}
