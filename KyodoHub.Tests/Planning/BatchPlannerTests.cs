using KyodoHub.Core.Planning;
using static KyodoHub.Tests.Planning.PlanBuilders;

namespace KyodoHub.Tests.Planning;

public class BatchPlannerTests
{
    [Fact]
    public void BeatsGreedyWhenTheFirstRequestTakesTheOnlyPersonALaterOneCouldUse()
    {
        // A and B overlap. Greedy gives A its best (1) and leaves B empty; the optimum gives A to 2.
        var a = Request(1, 1, At(5), (1, 0.9), (2, 0.85));
        var b = Request(2, 1, At(5, 11), (1, 0.8));
        var plan = Plan([a, b], [Registrant(1), Registrant(2)]);

        Assert.Equal([(1, 1)], Pairs(plan.Greedy));
        Assert.Equal([(1, 2), (2, 1)], Pairs(plan.Solver));
        Assert.Equal(2, plan.Solver.SeatsFilled);
        Assert.Equal(1.65, plan.Solver.TotalScore, 6);
        Assert.Equal(0.9, plan.Greedy.TotalScore, 6);
        Assert.True(plan.Solver.ProvenOptimal);
        Assert.Equal(1, plan.ExtraSeats);
        Assert.Equal([2], plan.Greedy.UnfilledRequestIds);
        Assert.Empty(plan.Solver.UnfilledRequestIds);
    }

    [Fact]
    public void NeverPutsOnePersonInTwoOverlappingRequests()
    {
        // Registrant 1 is the best for both; they overlap, so only one can have them: the pairing
        // 1→B, 2→A (0.9 + 0.3) beats 1→A, 3→B (0.95 + 0.2).
        var a = Request(1, 1, At(3, 10), (1, 0.95), (2, 0.3));
        var b = Request(2, 1, At(3, 11), (1, 0.9), (3, 0.2));
        var plan = Plan([a, b], [Registrant(1), Registrant(2), Registrant(3)]);
        Assert.Equal([(1, 2), (2, 1)], Pairs(plan.Solver));
        Assert.Equal(1.2, plan.Solver.TotalScore, 6);
        Assert.Single(plan.Solver.Offers, o => o.RegistrantId == 1);
    }

    [Fact]
    public void RespectsTheMonthlyCapThatRemains()
    {
        // Registrant 1 may do 3 a month and already has 2 in March: one more, the better one.
        var a = Request(1, 1, At(2), (1, 0.7));
        var b = Request(2, 1, At(20), (1, 0.9));
        var plan = Plan([a, b], [Registrant(1, cap: 3, alreadyInMarch: 2)]);
        Assert.Equal([(2, 1)], Pairs(plan.Solver));
        Assert.Equal([1], plan.Solver.UnfilledRequestIds);
    }

    [Fact]
    public void FillsEverySeatItCan()
    {
        var a = Request(1, 2, At(8), (1, 0.5), (2, 0.6), (3, 0.4));
        var plan = Plan([a], [Registrant(1), Registrant(2), Registrant(3)]);
        Assert.Equal([(1, 1), (1, 2)], Pairs(plan.Solver));
    }

    [Fact]
    public void ThePerRegistrantLimitSpreadsOffers()
    {
        var a = Request(1, 1, At(2), (1, 0.9), (2, 0.5));
        var b = Request(2, 1, At(9), (1, 0.9), (2, 0.6));
        var unlimited = Plan([a, b], [Registrant(1), Registrant(2)]);
        Assert.Equal([(1, 1), (2, 1)], Pairs(unlimited.Solver));

        // One offer each: 1→A, 2→B (0.9 + 0.6) beats 2→A, 1→B (0.5 + 0.9).
        var limited = Plan([a, b], [Registrant(1), Registrant(2)], new PlanOptions(MaxOffersPerRegistrant: 1));
        Assert.Equal([(1, 1), (2, 2)], Pairs(limited.Solver));
        Assert.Equal(1.5, limited.Solver.TotalScore, 6);
    }

    [Fact]
    public void MaximisingTheMinimumFillServesEveryRequestBeforeTheTotal()
    {
        // Registrants 1 and 2 can only be in one of the overlapping requests. By score both go to A;
        // maximising the minimum fill gives each request one.
        var a = Request(1, 2, At(4, 10), (1, 0.9), (2, 0.9));
        var b = Request(2, 2, At(4, 10), (1, 0.3), (2, 0.3));
        var byScore = Plan([a, b], [Registrant(1), Registrant(2)]);
        Assert.Equal([(1, 1), (1, 2)], Pairs(byScore.Solver));

        var fair = Plan([a, b], [Registrant(1), Registrant(2)], new PlanOptions(MaximiseMinimumFill: true));
        Assert.Equal(2, fair.Solver.SeatsFilled);
        Assert.Single(fair.Solver.Offers, o => o.RequestId == 1);
        Assert.Single(fair.Solver.Offers, o => o.RequestId == 2);
    }

    [Fact]
    public void ReportsTheSolverStatistics()
    {
        var plan = Plan([Request(1, 1, At(1), (1, 0.5))], [Registrant(1)]);
        Assert.NotNull(plan.Solver.Statistics);
        Assert.Equal("Optimal", plan.Solver.Statistics!.Status);
        Assert.Equal(1, plan.Solver.Statistics.Variables);
    }
}
