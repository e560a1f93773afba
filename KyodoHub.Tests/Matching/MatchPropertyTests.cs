using CsCheck;
using KyodoHub.Core.Matching;

namespace KyodoHub.Tests.Matching;

public class MatchPropertyTests
{
    private const long Iterations = 150;

    [Fact]
    public void AddingARequiredSkillNeverLowersTheSkillComponent() =>
        Gen.Select(MatchGenerators.Person, MatchGenerators.Request.Where(r => r.Required.Length > 0), Gen.Int[0, 2], Gen.Int[1, 3])
            .Sample((person, requestSpec, pick, level) =>
            {
                var request = requestSpec.Build();
                var tag = requestSpec.RequiredTagIds[pick % requestSpec.RequiredTagIds.Length];
                var before = MatchFixture.Explain(person.Build(1), request, person.History.Build(), requestSpec.GroupKind);
                var withSkill = person.WithSkill(tag, (KyodoHub.Core.Skills.SkillLevel)level);
                var after = MatchFixture.Explain(withSkill.Build(1), request, withSkill.History.Build(), requestSpec.GroupKind);

                Assert.True(after.Breakdown.SkillFit >= before.Breakdown.SkillFit, $"{before.Breakdown.SkillFit} → {after.Breakdown.SkillFit}");
            }, iter: Iterations);

    [Fact]
    public void ARegistrantExcludedByAHardConstraintNeverAppearsAmongTheRanked() =>
        Gen.Select(MatchGenerators.World, MatchGenerators.Request, MatchGenerators.Weights, Gen.Int[1, 30])
            .Sample((world, requestSpec, weights, topK) =>
            {
                var index = MatchGenerators.Index(MatchGenerators.Build(world));
                var request = requestSpec.Build();
                var engine = MatchFixture.Engine();

                var result = engine.Rank(index, request, requestSpec.GroupKind, weights, topK);

                var ranked = result.Ranked.Select(c => c.RegistrantId).ToHashSet();
                var counts = new Dictionary<ExclusionReason, int>();
                for (var id = 1; id <= world.Length; id++)
                {
                    var explained = engine.Explain(index, request, requestSpec.GroupKind, id, weights)!;
                    if (explained.IsExcluded)
                    {
                        Assert.DoesNotContain(id, ranked);
                        foreach (var reason in explained.Reasons)
                        {
                            counts[reason] = counts.GetValueOrDefault(reason) + 1;
                        }
                    }
                }
                Assert.All(result.Excluded, e => Assert.Equal(engine.Explain(index, request, requestSpec.GroupKind, e.RegistrantId)!.Reasons, e.Reasons));
                Assert.All(ExclusionReasons.All, reason => Assert.Equal(counts.GetValueOrDefault(reason), result.CountsByReason[reason]));
                Assert.Equal(Math.Min(topK, result.EligibleCount), result.Ranked.Count);
            }, iter: Iterations);

    [Fact]
    public void RankingDoesNotDependOnTheOrderOfTheInput() =>
        Gen.Select(MatchGenerators.World, MatchGenerators.Request, Gen.Int.Array[25])
            .Sample((world, requestSpec, keys) =>
            {
                var people = MatchGenerators.Build(world);
                var shuffled = people.Select((p, i) => (p, key: keys[i])).OrderBy(x => x.key).Select(x => x.p).ToList();
                var request = requestSpec.Build();
                var engine = MatchFixture.Engine();

                var a = engine.Rank(MatchGenerators.Index(people), request, requestSpec.GroupKind, topK: 10, excludedSample: 10);
                var b = engine.Rank(MatchGenerators.Index(shuffled), request, requestSpec.GroupKind, topK: 10, excludedSample: 10);

                Assert.Equal(a.Ranked, b.Ranked);
                Assert.Equal(a.Excluded.Select(e => (e.RegistrantId, e.SkillFit)), b.Excluded.Select(e => (e.RegistrantId, e.SkillFit)));
                Assert.Equal(a.CountsByReason, b.CountsByReason);
            }, iter: Iterations);

    [Fact]
    public void TheEngineAndTheBaselineReturnTheSameTopK() =>
        Gen.Select(MatchGenerators.World, MatchGenerators.Request, MatchGenerators.Weights, Gen.Int[1, 30])
            .Sample((world, requestSpec, weights, topK) =>
            {
                var people = MatchGenerators.Build(world);
                var request = requestSpec.Build();
                var clock = new FixedClock(MatchFixture.Now);

                var engine = new MatchEngine(clock).Rank(MatchGenerators.Index(people), request, requestSpec.GroupKind, weights, topK);
                var baseline = new LinqBaseline(KyodoHub.Core.Areas.TachikawaAreas.All, TestTags.All, clock).Rank(people, request, requestSpec.GroupKind, weights, topK);

                Assert.Equal(baseline, engine.Ranked.Select(c => (c.RegistrantId, c.Total)).ToList());
            }, iter: Iterations);

    [Fact]
    public void EveryComponentAndTotalStaysWithinZeroAndOne() =>
        Gen.Select(MatchGenerators.Person, MatchGenerators.Request, MatchGenerators.Weights)
            .Sample((person, requestSpec, weights) =>
            {
                var explained = MatchFixture.Explain(person.Build(1), requestSpec.Build(), person.History.Build(), requestSpec.GroupKind, weights);
                var b = explained.Breakdown;

                Assert.All(new[] { b.SkillFit, b.Proximity, b.Slack, b.Fairness, b.Reliability, b.Preference, explained.Total }, v => Assert.InRange(v, 0.0, 1.0));
            }, iter: Iterations);
}
