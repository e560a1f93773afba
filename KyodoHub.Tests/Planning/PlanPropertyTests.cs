using CsCheck;
using KyodoHub.Core.Planning;
using static KyodoHub.Tests.Planning.PlanBuilders;

namespace KyodoHub.Tests.Planning;

public class PlanPropertyTests
{
    private static readonly Gen<(List<PlanRequest> Requests, List<PlanRegistrant> Registrants, PlanOptions Options)> Worlds =
        from requestCount in Gen.Int[1, 8]
        from registrantCount in Gen.Int[1, 8]
        from caps in Gen.Int[1, 3].Array[registrantCount]
        from existing in Gen.Int[0, 2].Array[registrantCount]
        from days in Gen.Int[1, 4].Array[requestCount]
        from hours in Gen.Int[9, 12].Array[requestCount]
        from seats in Gen.Int[1, 3].Array[requestCount]
        from scores in Gen.Int[0, 100].Array[requestCount * registrantCount]
        from eligible in Gen.Bool.Array[requestCount * registrantCount]
        from limit in Gen.Int[0, 2]
        from fair in Gen.Bool
        select (
            Enumerable.Range(0, requestCount).Select(q => Request(q + 1, seats[q], At(days[q], hours[q]),
                Enumerable.Range(0, registrantCount).Where(r => eligible[(q * registrantCount) + r])
                    .Select(r => (r + 1, scores[(q * registrantCount) + r] / 100.0)).ToArray())).ToList(),
            Enumerable.Range(0, registrantCount).Select(r => Registrant(r + 1, caps[r] + existing[r], existing[r])).ToList(),
            new PlanOptions(limit == 0 ? null : limit, fair, TimeSpan.FromSeconds(2)));

    [Fact]
    public void EveryPlanRespectsSeatsCapsAndOverlapsAndTheSolverIsNeverWorseThanGreedy() =>
        Worlds.Sample(world =>
        {
            var (requests, registrants, options) = world;
            var plan = new BatchPlanner().Plan(requests, registrants, options);
            var byId = registrants.ToDictionary(r => r.RegistrantId);
            Assert.Null(PlanRules.Violation(requests, byId, plan.Solver.Offers, options));
            Assert.Null(PlanRules.Violation(requests, byId, plan.Greedy.Offers, options));
            if (!options.MaximiseMinimumFill)
            {
                Assert.True(plan.Solver.TotalScore >= plan.Greedy.TotalScore - 1e-9);
            }
        }, iter: 60);
}
