using KyodoHub.Core.Matching;

namespace KyodoHub.Tests.Matching;

/// <summary><see cref="MatchIndex.WithChanges"/>: many registrants added, replaced and taken out in one step.</summary>
public class MatchIndexBatchTests
{
    private const int SmallPage = 4;

    [Fact]
    public void HoldsWhatAFreshBuildHoldsAfterRandomBatches()
    {
        // Small pages, so that batches fill, split and empty pages; two versions of everyone, so
        // that a batch replaces people with different skills, weeks and histories.
        var random = new Random(13);
        var versions = new[] { SyntheticWorld.People(150, seed: 3).ToList(), SyntheticWorld.People(150, seed: 4).ToList() };
        var current = new Dictionary<int, IndexedRegistrant>();
        var index = MatchIndex.Build([], _ => RegistrantHistory.Empty, SyntheticWorld.Areas, SyntheticWorld.Tags, SmallPage);
        for (var step = 0; step < 120; step++)
        {
            var size = random.Next(4) == 0 ? random.Next(40, 150) : random.Next(0, 12);
            var chosen = Enumerable.Range(1, 150).OrderBy(_ => random.Next()).Take(size).ToList();
            var removed = chosen.Where(_ => random.Next(4) == 0).ToList();
            var upserted = chosen.Except(removed).Select(id => versions[random.Next(2)][id - 1]).Select(p => new IndexedRegistrant(p.Registrant, p.History)).ToList();

            index = index.WithChanges(upserted, removed);
            removed.ForEach(id => current.Remove(id));
            upserted.ForEach(u => current[u.Registrant.Id] = u);

            var fresh = MatchIndex.Build(current.Values.Select(u => u.Registrant), r => current[r.Id].History, SyntheticWorld.Areas, SyntheticWorld.Tags, SmallPage);
            Assert.Equal(IndexRows.Describe(fresh), IndexRows.Describe(index));
            Assert.Equal(current.Count, index.Count);
            Assert.All(index.Pages.ToArray(), page => Assert.InRange(page.Count, 1, (2 * SmallPage) - 1));
        }
    }

    [Fact]
    public void HoldsWhatAFreshBuildHoldsAfterAnImportSizedBatch()
    {
        var people = SyntheticWorld.People(3000, seed: 8).ToList();
        var index = MatchIndex.Build(people.Take(2000).Select(p => p.Registrant), r => people[r.Id - 1].History, SyntheticWorld.Areas, SyntheticWorld.Tags);

        var imported = index.WithChanges(people.Skip(2000).Select(p => new IndexedRegistrant(p.Registrant, p.History)), [5, 1999]);

        var kept = people.Where(p => p.Registrant.Id is not (5 or 1999)).ToList();
        var rebuilt = MatchIndex.Build(kept.Select(p => p.Registrant), r => people[r.Id - 1].History, SyntheticWorld.Areas, SyntheticWorld.Tags);
        Assert.Equal(IndexRows.Describe(rebuilt), IndexRows.Describe(imported));
        Assert.Equal(2998, imported.Count);
    }

    [Fact]
    public void CopiesOnlyThePagesABatchTouches()
    {
        var people = SyntheticWorld.People(40, seed: 2).ToList();
        var index = MatchIndex.Build(people.Select(p => p.Registrant), r => people[r.Id - 1].History, SyntheticWorld.Areas, SyntheticWorld.Tags, pageSize: 8);

        var changed = index.WithChanges([new IndexedRegistrant(people[20].Registrant, new RegistrantHistory(completedCount: 3))], [people[22].Registrant.Id]);

        Assert.Equal(index.Pages.Length - 1, index.Pages.ToArray().Intersect(changed.Pages.ToArray(), ReferenceEqualityComparer.Instance).Count());
        Assert.Same(index, index.WithChanges([], [999]));
    }

    [Fact]
    public void RejectsARegistrantTwiceOrBothUpsertedAndRemoved()
    {
        var index = MatchFixture.Index(new RegistrantBuilder(1).Build());
        var two = new IndexedRegistrant(new RegistrantBuilder(2).Build(), RegistrantHistory.Empty);

        Assert.Throws<ArgumentException>(() => index.WithChanges([two, two], []));
        Assert.Throws<ArgumentException>(() => index.WithChanges([new IndexedRegistrant(new RegistrantBuilder(1).Paused().Build(), RegistrantHistory.Empty)], [1]));
        Assert.Throws<ArgumentException>(() => index.WithChanges([new IndexedRegistrant(new RegistrantBuilder(0).Build(), RegistrantHistory.Empty)], []));
    }
}
