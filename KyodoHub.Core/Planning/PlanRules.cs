using KyodoHub.Core.Common;
using KyodoHub.Core.Requests;

namespace KyodoHub.Core.Planning;

/// <summary>The constraints every plan respects, shared by the solver, the greedy plan and the checks.</summary>
public static class PlanRules
{
    /// <summary>The Tokyo months a request's sessions fall in (an activity counts once per month).</summary>
    public static IReadOnlyList<(int Year, int Month)> MonthsOf(IReadOnlyList<RequestSession> sessions) =>
        sessions.Select(s => TokyoTime.ToLocal(s.Start)).Select(d => (d.Year, d.Month)).Distinct().ToList();

    public static bool Overlap(PlanRequest a, PlanRequest b) =>
        a.Sessions.Any(x => b.Sessions.Any(x.Overlaps));

    /// <summary>Whether a set of offers respects seats, caps, overlaps and the per-registrant limit; the first broken rule otherwise.</summary>
    public static string? Violation(IReadOnlyList<PlanRequest> requests, IReadOnlyDictionary<int, PlanRegistrant> registrants, IReadOnlyList<PlannedOffer> offers, PlanOptions options)
    {
        var byId = requests.ToDictionary(r => r.RequestId);
        foreach (var group in offers.GroupBy(o => o.RequestId))
        {
            if (group.Count() > byId[group.Key].OpenSeats)
            {
                return $"request {group.Key} over its seats";
            }
            if (group.Select(o => o.RegistrantId).Distinct().Count() != group.Count())
            {
                return $"request {group.Key} offered twice to one registrant";
            }
        }
        foreach (var group in offers.GroupBy(o => o.RegistrantId))
        {
            var mine = group.Select(o => byId[o.RequestId]).ToList();
            if (options.MaxOffersPerRegistrant is { } max && mine.Count > max)
            {
                return $"registrant {group.Key} over the per-plan limit";
            }
            for (var i = 0; i < mine.Count; i++)
            {
                for (var j = i + 1; j < mine.Count; j++)
                {
                    if (Overlap(mine[i], mine[j]))
                    {
                        return $"registrant {group.Key} in overlapping requests {mine[i].RequestId} and {mine[j].RequestId}";
                    }
                }
            }
            if (registrants.TryGetValue(group.Key, out var registrant))
            {
                foreach (var month in mine.SelectMany(r => MonthsOf(r.Sessions)).GroupBy(m => m))
                {
                    if (month.Count() > registrant.Remaining(month.Key.Year, month.Key.Month))
                    {
                        return $"registrant {group.Key} over the monthly cap in {month.Key.Year}-{month.Key.Month}";
                    }
                }
            }
        }
        return null;
    }
}
