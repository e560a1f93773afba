using KyodoHub.Core.Areas;
using KyodoHub.Core.Groups;
using KyodoHub.Core.Matching;
using KyodoHub.Core.Registrants;

namespace KyodoHub.Tests.Matching;

public class MatchIndexTests
{
    [Fact]
    public void HoldsEveryRegistrantItWasBuiltFrom()
    {
        var index = MatchFixture.Index(new RegistrantBuilder(3).Build(), new RegistrantBuilder(1).Build(), new RegistrantBuilder(2).Paused().Build());

        Assert.Equal(3, index.Count);
        Assert.True(index.Contains(2));
        Assert.False(index.Contains(4));
    }

    [Fact]
    public void TakesHistoriesFromADictionaryByRegistrantId()
    {
        var registrants = new[] { new RegistrantBuilder(1).Build(), new RegistrantBuilder(2).Build() };
        var histories = new Dictionary<int, RegistrantHistory> { [2] = new(declinedGroupIds: [10]) };

        var index = MatchIndex.Build(registrants, histories, TachikawaAreas.All, TestTags.All);
        var result = MatchFixture.Rank(index, new RequestBuilder().ByGroup(10).Build());

        Assert.Equal([1], result.Ranked.Select(c => c.RegistrantId));
        Assert.Equal([ExclusionReason.DeclinedThisGroup], result.Excluded.Single().Reasons);
    }

    [Fact]
    public void AnUpsertedRegistrantIsRanked()
    {
        var index = MatchFixture.Index(new RegistrantBuilder(1).Build());

        var updated = index.WithUpserted(new RegistrantBuilder(2).WithSkill(TestTags.PcClass).Build(), RegistrantHistory.Empty);

        Assert.Equal(2, updated.Count);
        Assert.Equal(2, MatchFixture.Rank(updated, new RequestBuilder().Requiring(TestTags.PcClass).Build()).Ranked[0].RegistrantId);
    }

    [Fact]
    public void UpsertingReplacesTheRegistrantAndLeavesTheOldIndexAsItWas()
    {
        var index = MatchFixture.Index(new RegistrantBuilder(1).Paused().Build());

        var resumed = index.WithUpserted(new RegistrantBuilder(1).Build(), RegistrantHistory.Empty);

        Assert.Equal(1, resumed.Count);
        Assert.Single(MatchFixture.Rank(resumed, new RequestBuilder().Build()).Ranked);
        Assert.Empty(MatchFixture.Rank(index, new RequestBuilder().Build()).Ranked);
    }

    [Fact]
    public void UpsertingANewHistoryChangesTheScore()
    {
        var registrant = new RegistrantBuilder(1).Build();
        var index = MatchFixture.Index(registrant);

        var committed = index.WithUpserted(registrant, new RegistrantHistory(commitments: [new Commitment(Saturday(10), Saturday(11))]));

        Assert.Equal([ExclusionReason.AlreadyCommitted], MatchFixture.Engine().Explain(committed, new RequestBuilder().Build(), GroupKind.Npo, 1)!.Reasons);
    }

    [Fact]
    public void RemovingTakesTheRegistrantOut()
    {
        var index = MatchFixture.Index(new RegistrantBuilder(1).Build(), new RegistrantBuilder(2).Build());

        var removed = index.WithRemoved(1);

        Assert.Equal(1, removed.Count);
        Assert.False(removed.Contains(1));
        Assert.Equal([2], MatchFixture.Rank(removed, new RequestBuilder().Build()).Ranked.Select(c => c.RegistrantId));
        Assert.True(index.Contains(1));
    }

    [Fact]
    public void RemovingSomeoneNotInTheIndexChangesNothing()
    {
        var index = MatchFixture.Index(new RegistrantBuilder(1).Build());

        Assert.Same(index, index.WithRemoved(5));
    }

    [Fact]
    public void RemovingTheLastRegistrantLeavesAnEmptyIndex()
    {
        var emptied = MatchFixture.Index(new RegistrantBuilder(1).Build()).WithRemoved(1);

        Assert.Equal(0, emptied.Count);
        Assert.Empty(MatchFixture.Rank(emptied, new RequestBuilder().Build()).Ranked);
        Assert.Equal(1, emptied.WithUpserted(new RegistrantBuilder(4).Build(), RegistrantHistory.Empty).Count);
    }

    [Fact]
    public void RanksLikeAFreshBuildAfterManyChanges()
    {
        // Small pages, so that changes split pages and empty them.
        var random = new Random(7);
        var current = new Dictionary<int, (Registrant Registrant, RegistrantHistory History)>();
        var index = MatchIndex.Build([], _ => RegistrantHistory.Empty, SyntheticWorld.Areas, SyntheticWorld.Tags, pageSize: 4);
        var pool = SyntheticWorld.People(120, seed: 11).ToList();
        for (var step = 0; step < 400; step++)
        {
            var (registrant, history) = pool[random.Next(pool.Count)];
            if (random.Next(4) == 0)
            {
                index = index.WithRemoved(registrant.Id);
                current.Remove(registrant.Id);
            }
            else
            {
                index = index.WithUpserted(registrant, history);
                current[registrant.Id] = (registrant, history);
            }
            Assert.Equal(current.Count, index.Count);
        }

        var rebuilt = MatchIndex.Build(current.Values.Select(p => p.Registrant), r => current[r.Id].History, SyntheticWorld.Areas, SyntheticWorld.Tags);
        var engine = new MatchEngine(SyntheticWorld.Clock);
        foreach (var seed in new[] { 1, 2, 3 })
        {
            var request = SyntheticWorld.TypicalRequest(seed);
            var incremental = engine.Rank(index, request, SyntheticWorld.TypicalGroupKind, topK: 200, excludedSample: 200);
            var fresh = engine.Rank(rebuilt, request, SyntheticWorld.TypicalGroupKind, topK: 200, excludedSample: 200);

            Assert.Equal(fresh.Ranked, incremental.Ranked);
            Assert.Equal(fresh.Excluded.Select(e => e.RegistrantId), incremental.Excluded.Select(e => e.RegistrantId));
            Assert.Equal(fresh.CountsByReason, incremental.CountsByReason);
        }
        Assert.All(current.Keys, id => Assert.True(index.Contains(id)));
    }

    [Fact]
    public void BuildsTheSameIndexFromSortedAndFromShuffledInput()
    {
        var people = SyntheticWorld.People(600, seed: 5).ToList();
        var random = new Random(5);
        var shuffled = people.OrderBy(_ => random.Next()).ToList();
        var sorted = MatchIndex.Build(people.Select(p => p.Registrant), r => people[r.Id - 1].History, SyntheticWorld.Areas, SyntheticWorld.Tags);
        var fromShuffled = MatchIndex.Build(shuffled.Select(p => p.Registrant), r => people[r.Id - 1].History, SyntheticWorld.Areas, SyntheticWorld.Tags);
        var engine = new MatchEngine(SyntheticWorld.Clock);

        foreach (var seed in new[] { 1, 2, 3, 4 })
        {
            var request = SyntheticWorld.TypicalRequest(seed);
            var a = engine.Rank(sorted, request, SyntheticWorld.TypicalGroupKind, topK: 600, excludedSample: 600);
            var b = engine.Rank(fromShuffled, request, SyntheticWorld.TypicalGroupKind, topK: 600, excludedSample: 600);

            Assert.Equal(a.Ranked, b.Ranked);
            Assert.Equal(a.Excluded.Select(e => (e.RegistrantId, e.SkillFit)), b.Excluded.Select(e => (e.RegistrantId, e.SkillFit)));
            Assert.Equal(a.CountsByReason, b.CountsByReason);
        }
    }

    [Fact]
    public void AnUpsertOrRemovalCopiesOnePageAndSharesTheRest()
    {
        var people = SyntheticWorld.People(40, seed: 2).ToList();
        var index = MatchIndex.Build(people.Select(p => p.Registrant), r => people[r.Id - 1].History, SyntheticWorld.Areas, SyntheticWorld.Tags, pageSize: 8);
        var (registrant, _) = people[20];

        var upserted = index.WithUpserted(registrant, new RegistrantHistory(completedCount: 3));
        var removed = index.WithRemoved(registrant.Id);

        Assert.Equal(index.Pages.Length - 1, SharedPages(index, upserted));
        Assert.Equal(index.Pages.Length - 1, SharedPages(index, removed));
    }

    [Fact]
    public void LearnsALanguageFromAnUpsert()
    {
        var index = MatchFixture.Index(new RegistrantBuilder(1).Build());

        var updated = index.WithUpserted(new RegistrantBuilder(2).Speaking("pt", "ja").Build(), RegistrantHistory.Empty);

        Assert.Equal([2], MatchFixture.Rank(updated, new RequestBuilder().InLanguages("pt").Build()).Ranked.Select(c => c.RegistrantId));
    }

    [Fact]
    public void HandlesMoreLanguagesThanBitsInAWord()
    {
        var codes = Enumerable.Range(0, 70).Select(i => $"{(char)('a' + (i / 26))}{(char)('a' + (i % 26))}x").ToList();
        var index = MatchFixture.Index([.. codes.Select((code, i) => new RegistrantBuilder(i + 1).Speaking("ja", code).Build())]);

        foreach (var i in new[] { 0, 62, 63, 69 })
        {
            var result = MatchFixture.Rank(index, new RequestBuilder().InLanguages(codes[i], "ja").Build());

            Assert.Equal([i + 1], result.Ranked.Select(c => c.RegistrantId));
            Assert.Equal(69, result.CountsByReason[ExclusionReason.LanguageMissing]);
        }
        Assert.Empty(MatchFixture.Rank(index, new RequestBuilder().InLanguages("zzz").Build()).Ranked);
    }

    [Fact]
    public void KeepsTheAreasAndTagsItWasBuiltWith()
    {
        var index = MatchFixture.Index();

        Assert.Same(TestTags.All[0], index.Tags[0]);
        Assert.Equal(16, index.Areas.Count);
    }

    [Fact]
    public void RejectsAnUnsavedRegistrant()
    {
        var unsaved = new RegistrantBuilder(0).Build();

        Assert.Throws<ArgumentException>(() => MatchFixture.Index(unsaved));
        Assert.Throws<ArgumentException>(() => MatchFixture.Index().WithUpserted(unsaved, RegistrantHistory.Empty));
    }

    [Fact]
    public void RejectsTheSameRegistrantTwice() =>
        Assert.Throws<ArgumentException>(() => MatchFixture.Index(new RegistrantBuilder(1).Build(), new RegistrantBuilder(1).Build()));

    [Fact]
    public void RejectsTheSameTagOrAreaTwice()
    {
        Assert.Throws<ArgumentException>(() => MatchIndex.Empty(TachikawaAreas.All, [.. TestTags.All, TestTags.All[0]]));
        Assert.Throws<ArgumentException>(() => MatchIndex.Empty([.. TachikawaAreas.All, TachikawaAreas.All[0]], TestTags.All));
    }

    private static int SharedPages(MatchIndex a, MatchIndex b) =>
        a.Pages.ToArray().Intersect(b.Pages.ToArray(), ReferenceEqualityComparer.Instance).Count();

    private static DateTimeOffset Saturday(int hour) =>
        KyodoHub.Core.Common.TokyoTime.FromLocal(MatchFixture.SessionDate, new TimeOnly(hour, 0));
}
