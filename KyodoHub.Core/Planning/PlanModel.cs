using KyodoHub.Core.Matching;
using KyodoHub.Core.Requests;

namespace KyodoHub.Core.Planning;

/// <summary>A candidate the match engine found eligible for a request, with their score.</summary>
public sealed record PlanCandidate(int RegistrantId, double Score, ScoreBreakdown Breakdown);

/// <summary>An open request to plan for: its free seats, sessions, fill-by date and ranked candidates.</summary>
public sealed record PlanRequest(int RequestId, int OpenSeats, IReadOnlyList<RequestSession> Sessions, DateTimeOffset FillBy, IReadOnlyList<PlanCandidate> Candidates);

/// <summary>
/// A registrant's room for more activities: their monthly cap and the activities they already have
/// per Tokyo month.
/// </summary>
public sealed record PlanRegistrant(int RegistrantId, int MonthlyCap, IReadOnlyDictionary<(int Year, int Month), int> Existing)
{
    public int Remaining(int year, int month) => MonthlyCap - Existing.GetValueOrDefault((year, month));
}

/// <summary>How to plan.</summary>
/// <param name="MaxOffersPerRegistrant">Fairness: at most this many offers for one registrant in one plan (null: no limit).</param>
/// <param name="MaximiseMinimumFill">Fairness: first make the least-filled request as full as possible, then maximise the total score.</param>
/// <param name="TimeLimit">How long the solver may search.</param>
public sealed record PlanOptions(int? MaxOffersPerRegistrant = null, bool MaximiseMinimumFill = false, TimeSpan? TimeLimit = null)
{
    /// <summary>The search time; building the model and the greedy start come on top, so 5 s in all stays the aim.</summary>
    public TimeSpan Limit => TimeLimit ?? TimeSpan.FromSeconds(3.5);
}

/// <summary>One offer of a plan.</summary>
public sealed record PlannedOffer(int RequestId, int RegistrantId, double Score, ScoreBreakdown Breakdown);

/// <summary>What the solver did.</summary>
public sealed record SolverStatistics(string Status, double WallSeconds, long Branches, long Conflicts, int Variables, int Constraints);

/// <summary>A set of offers and how good it is.</summary>
public sealed record PlanResult(
    IReadOnlyList<PlannedOffer> Offers,
    double TotalScore,
    int SeatsFilled,
    int RegistrantsUsed,
    IReadOnlyList<int> UnfilledRequestIds,
    bool ProvenOptimal,
    SolverStatistics? Statistics);

/// <summary>The optimised plan beside the greedy one, so a coordinator sees what optimising gains.</summary>
public sealed record PlanComparison(PlanResult Solver, PlanResult Greedy)
{
    public int ExtraSeats => Solver.SeatsFilled - Greedy.SeatsFilled;
    public double ExtraScore => Solver.TotalScore - Greedy.TotalScore;
}
