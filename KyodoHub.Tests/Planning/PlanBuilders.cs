using KyodoHub.Core.Common;
using KyodoHub.Core.Matching;
using KyodoHub.Core.Planning;
using KyodoHub.Core.Requests;

namespace KyodoHub.Tests.Planning;

/// <summary>Small hand-made planning worlds.</summary>
internal static class PlanBuilders
{
    private static readonly DateOnly Day = new(2027, 3, 1);

    /// <summary>A session on day <paramref name="day"/> (of March 2027) from <paramref name="hour"/> for two hours.</summary>
    public static RequestSession At(int day, int hour = 10) =>
        new(TokyoTime.FromLocal(Day.AddDays(day - 1), new TimeOnly(hour, 0)), TokyoTime.FromLocal(Day.AddDays(day - 1), new TimeOnly(hour + 2, 0)));

    /// <summary>A request whose fill-by date comes earlier the smaller its id, so greedy takes them in id order.</summary>
    public static PlanRequest Request(int id, int seats, RequestSession session, params (int Registrant, double Score)[] candidates) =>
        new(id, seats, [session], session.Start.AddDays(-10 + id), candidates.Select(c => new PlanCandidate(c.Registrant, c.Score, ScoreBreakdown.Zero)).ToList());

    public static PlanRegistrant Registrant(int id, int cap = 10, int alreadyInMarch = 0) =>
        new(id, cap, alreadyInMarch == 0 ? new Dictionary<(int, int), int>() : new Dictionary<(int, int), int> { [(2027, 3)] = alreadyInMarch });

    public static PlanComparison Plan(IReadOnlyList<PlanRequest> requests, IReadOnlyList<PlanRegistrant> registrants, PlanOptions? options = null) =>
        new BatchPlanner().Plan(requests, registrants, options ?? new PlanOptions(TimeLimit: TimeSpan.FromSeconds(5)));

    public static IReadOnlyList<(int Request, int Registrant)> Pairs(PlanResult plan) =>
        plan.Offers.Select(o => (o.RequestId, o.RegistrantId)).OrderBy(p => p).ToList();
}
