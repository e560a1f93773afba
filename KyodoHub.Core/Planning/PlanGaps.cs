namespace KyodoHub.Core.Planning;

/// <summary>Why a plan leaves an open request without all the people it needs.</summary>
public enum GapReason
{
    /// <summary>Every open seat already waits on an answer to an offer sent earlier.</summary>
    AwaitingAnswers = 1,

    /// <summary>No registrant meets the request's conditions (availability, programme, language, caps…).</summary>
    NoCandidates = 2,

    /// <summary>Fewer registrants meet the conditions than the seats open.</summary>
    TooFewCandidates = 3,

    /// <summary>Enough registrants meet the conditions, but the plan needs some of them elsewhere or their limits are reached.</summary>
    CandidatesUsedElsewhere = 4,
}

/// <summary>An open request a plan leaves short, why, and by how many people.</summary>
public sealed record PlanGap(int RequestId, GapReason Reason, int Missing);

/// <summary>The open requests a plan leaves out or short, and why, in the order of their fill-by dates.</summary>
public static class PlanGaps
{
    public static IReadOnlyList<PlanGap> Of(IReadOnlyList<PlanRequest> requests, IReadOnlyList<PlannedOffer> offers)
    {
        var planned = offers.GroupBy(o => o.RequestId).ToDictionary(g => g.Key, g => g.Count());
        var gaps = new List<PlanGap>();
        foreach (var request in requests.OrderBy(r => r.FillBy).ThenBy(r => r.RequestId))
        {
            if (request.OpenSeats == 0)
            {
                gaps.Add(new PlanGap(request.RequestId, GapReason.AwaitingAnswers, 0));
                continue;
            }
            var missing = request.OpenSeats - planned.GetValueOrDefault(request.RequestId);
            if (missing <= 0)
            {
                continue;
            }
            var reason = request.Candidates.Count == 0 ? GapReason.NoCandidates
                : request.Candidates.Count < request.OpenSeats ? GapReason.TooFewCandidates
                : GapReason.CandidatesUsedElsewhere;
            gaps.Add(new PlanGap(request.RequestId, reason, missing));
        }
        return gaps;
    }
}
