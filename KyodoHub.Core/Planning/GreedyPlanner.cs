namespace KyodoHub.Core.Planning;

/// <summary>
/// The plan a coordinator would make one request at a time: requests in fill-by order, each taking
/// its best candidates that are still free. The baseline the optimised plan is compared with.
/// </summary>
public static class GreedyPlanner
{
    public static PlanResult Plan(IReadOnlyList<PlanRequest> requests, IReadOnlyDictionary<int, PlanRegistrant> registrants, PlanOptions options)
    {
        var chosen = new List<PlannedOffer>();
        var taken = new Dictionary<int, List<PlanRequest>>();
        var used = new Dictionary<(int Registrant, int Year, int Month), int>();
        foreach (var request in requests.OrderBy(r => r.FillBy).ThenBy(r => r.RequestId))
        {
            var months = PlanRules.MonthsOf(request.Sessions);
            var seats = request.OpenSeats;
            foreach (var candidate in request.Candidates.OrderByDescending(c => c.Score).ThenBy(c => c.RegistrantId))
            {
                if (seats == 0)
                {
                    break;
                }
                var mine = taken.GetValueOrDefault(candidate.RegistrantId) ?? [];
                if (options.MaxOffersPerRegistrant is { } max && mine.Count >= max)
                {
                    continue;
                }
                if (mine.Any(other => PlanRules.Overlap(other, request)))
                {
                    continue;
                }
                if (registrants.TryGetValue(candidate.RegistrantId, out var registrant)
                    && months.Any(m => used.GetValueOrDefault((candidate.RegistrantId, m.Year, m.Month)) + 1 > registrant.Remaining(m.Year, m.Month)))
                {
                    continue;
                }
                chosen.Add(new PlannedOffer(request.RequestId, candidate.RegistrantId, candidate.Score, candidate.Breakdown));
                taken[candidate.RegistrantId] = [.. mine, request];
                foreach (var m in months)
                {
                    used[(candidate.RegistrantId, m.Year, m.Month)] = used.GetValueOrDefault((candidate.RegistrantId, m.Year, m.Month)) + 1;
                }
                seats--;
            }
        }
        return Summarise(requests, chosen, provenOptimal: false, statistics: null);
    }

    /// <summary>Counts a set of offers: seats, total score, registrants used, requests left short.</summary>
    public static PlanResult Summarise(IReadOnlyList<PlanRequest> requests, IReadOnlyList<PlannedOffer> offers, bool provenOptimal, SolverStatistics? statistics)
    {
        var filled = offers.GroupBy(o => o.RequestId).ToDictionary(g => g.Key, g => g.Count());
        return new PlanResult(
            offers.OrderBy(o => o.RequestId).ThenByDescending(o => o.Score).ThenBy(o => o.RegistrantId).ToList(),
            Math.Round(offers.Sum(o => o.Score), 6),
            offers.Count,
            offers.Select(o => o.RegistrantId).Distinct().Count(),
            requests.Where(r => r.OpenSeats > 0 && filled.GetValueOrDefault(r.RequestId) < r.OpenSeats).Select(r => r.RequestId).OrderBy(id => id).ToList(),
            provenOptimal,
            statistics);
    }
}
