using KyodoHub.Core.Planning;
using static KyodoHub.Tests.Planning.PlanBuilders;

namespace KyodoHub.Tests.Planning;

public class PlanGapsTests
{
    [Fact]
    public void ARequestNobodyFitsIsLeftOutForWantOfCandidates()
    {
        PlanRequest[] requests = [Request(1, 1, At(1)), Request(2, 1, At(2), (10, 0.9))];
        var plan = Plan(requests, [Registrant(10)]).Solver;

        var gap = Assert.Single(PlanGaps.Of(requests, plan.Offers));
        Assert.Equal(new PlanGap(1, GapReason.NoCandidates, 1), gap);
    }

    [Fact]
    public void ARequestWithFewerCandidatesThanSeatsIsShortByTheDifference()
    {
        PlanRequest[] requests = [Request(1, 3, At(1), (10, 0.9))];
        var plan = Plan(requests, [Registrant(10)]).Solver;

        Assert.Equal([new PlanGap(1, GapReason.TooFewCandidates, 2)], PlanGaps.Of(requests, plan.Offers));
    }

    [Fact]
    public void ARequestWhoseOnlyCandidateGoesToAnOverlappingRequestSaysSo()
    {
        // One registrant, two requests at the same hour: the plan can send them to one only.
        PlanRequest[] requests = [Request(1, 1, At(1), (10, 0.9)), Request(2, 1, At(1), (10, 0.5))];
        var plan = Plan(requests, [Registrant(10)]).Solver;

        Assert.Equal([new PlanGap(2, GapReason.CandidatesUsedElsewhere, 1)], PlanGaps.Of(requests, plan.Offers));
    }

    [Fact]
    public void ARequestWhoseSeatsAllWaitOnAnswersIsListedWithoutMissingPeople()
    {
        PlanRequest[] requests = [Request(1, 0, At(1), (10, 0.9))];
        var plan = Plan(requests, [Registrant(10)]).Solver;

        Assert.Equal([new PlanGap(1, GapReason.AwaitingAnswers, 0)], PlanGaps.Of(requests, plan.Offers));
    }

    [Fact]
    public void AFullyPlannedRequestIsNotListed()
    {
        PlanRequest[] requests = [Request(1, 1, At(1), (10, 0.9))];
        var plan = Plan(requests, [Registrant(10)]).Solver;

        Assert.Empty(PlanGaps.Of(requests, plan.Offers));
    }
}
