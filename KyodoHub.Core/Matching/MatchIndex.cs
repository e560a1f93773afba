using System.Runtime.InteropServices;
using KyodoHub.Core.Areas;
using KyodoHub.Core.Registrants;
using KyodoHub.Core.Skills;

namespace KyodoHub.Core.Matching;

/// <summary>
/// An immutable, precomputed view of every registrant for ranking: skill bitsets, weekly
/// availability as masks of 15-minute slots, area numbers, and the history the hard constraints
/// and scores need, stored column-wise in pages sorted by registrant id.
/// </summary>
/// <remarks>
/// <para>
/// Build it once at start-up with <see cref="Build(IEnumerable{Registrant}, Func{Registrant, RegistrantHistory}, IReadOnlyList{Area}, IReadOnlyList{SkillTag})"/>,
/// keep it in a singleton, and replace it with <see cref="WithUpserted"/> / <see cref="WithRemoved"/>
/// (or <see cref="WithChanges"/> for many at once) when a registrant or their history changes (a <c>RegistrantChanged</c> event, an accepted,
/// declined or completed assignment, an evaluation). Both copy the columns of one page of a few
/// thousand registrants and share the rest, so they are cheap; the old index stays valid for
/// rankings in flight, and the type is safe to share between threads. Updates are not merged:
/// serialise them (read the current index, update, store) so that none is lost.
/// </para>
/// <para>
/// The areas and the skill taxonomy are fixed when the index is built: skills whose tag is not in
/// the taxonomy are ignored and an unknown home area scores no proximity. Rebuild the index when
/// an administrator changes areas or tags.
/// </para>
/// </remarks>
public sealed class MatchIndex
{
    /// <summary>Registrants per page after a build; a page that grows to twice this is split.</summary>
    internal const int DefaultPageSize = 4096;

    /// <summary>The most registrants a page can hold: a page is split before it reaches twice the page size.</summary>
    internal const int MaxPageSize = (2 * DefaultPageSize) - 1;

    private readonly IndexPage[] _pages;
    private readonly int _pageSize;

    private MatchIndex(IndexSchema schema, IndexPage[] pages, int count, int pageSize)
    {
        Schema = schema;
        _pages = pages;
        Count = count;
        _pageSize = pageSize;
    }

    /// <summary>Number of registrants in the index.</summary>
    public int Count { get; }

    /// <summary>The areas the index was built with.</summary>
    public IReadOnlyList<Area> Areas => Schema.Areas;

    /// <summary>The skill taxonomy the index was built with.</summary>
    public IReadOnlyList<SkillTag> Tags => Schema.Tags;

    internal IndexSchema Schema { get; }

    internal ReadOnlySpan<IndexPage> Pages => _pages;

    /// <summary>An index without registrants.</summary>
    public static MatchIndex Empty(IReadOnlyList<Area> areas, IReadOnlyList<SkillTag> tags) =>
        new(IndexSchema.Create(areas, tags), [], 0, DefaultPageSize);

    /// <summary>Builds an index from registrants and a lookup of their histories.</summary>
    /// <param name="registrants">Saved registrants (id above 0), each once, in any order and any status.</param>
    /// <param name="historyOf">The history of a registrant; <see cref="RegistrantHistory.Empty"/> for a newcomer.</param>
    /// <param name="areas">The city's areas.</param>
    /// <param name="tags">The skill taxonomy.</param>
    /// <exception cref="ArgumentException">A registrant is unsaved or appears twice, or an area or tag id appears twice.</exception>
    public static MatchIndex Build(
        IEnumerable<Registrant> registrants,
        Func<Registrant, RegistrantHistory> historyOf,
        IReadOnlyList<Area> areas,
        IReadOnlyList<SkillTag> tags) =>
        Build(registrants, historyOf, areas, tags, DefaultPageSize);

    /// <summary>Builds an index from registrants and their histories by registrant id; a registrant without an entry is a newcomer.</summary>
    /// <exception cref="ArgumentException">A registrant is unsaved or appears twice, or an area or tag id appears twice.</exception>
    public static MatchIndex Build(
        IEnumerable<Registrant> registrants,
        IReadOnlyDictionary<int, RegistrantHistory> histories,
        IReadOnlyList<Area> areas,
        IReadOnlyList<SkillTag> tags)
    {
        ArgumentNullException.ThrowIfNull(histories);
        return Build(registrants, r => histories.GetValueOrDefault(r.Id) ?? RegistrantHistory.Empty, areas, tags, DefaultPageSize);
    }

    internal static MatchIndex Build(
        IEnumerable<Registrant> registrants,
        Func<Registrant, RegistrantHistory> historyOf,
        IReadOnlyList<Area> areas,
        IReadOnlyList<SkillTag> tags,
        int pageSize)
    {
        ArgumentNullException.ThrowIfNull(registrants);
        ArgumentNullException.ThrowIfNull(historyOf);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, DefaultPageSize);
        var schema = IndexSchema.Create(areas, tags);

        // Sort the registrants (not their encodings) by id, then encode them straight into pages.
        var sorted = registrants.ToArray();
        var ids = new int[sorted.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(sorted[i], nameof(registrants));
            RequireSaved(sorted[i]);
            ids[i] = sorted[i].Id;
        }
        Array.Sort(ids, sorted);
        for (var i = 1; i < ids.Length; i++)
        {
            if (ids[i] == ids[i - 1])
            {
                throw new ArgumentException($"Registrant {ids[i]} appears twice.", nameof(registrants));
            }
        }

        var pages = new IndexPage[(sorted.Length + pageSize - 1) / pageSize];
        for (var p = 0; p < pages.Length; p++)
        {
            var end = Math.Min(sorted.Length, (p + 1) * pageSize);
            var builder = new PageBuilder(schema.SkillWords, end - (p * pageSize));
            for (var i = p * pageSize; i < end; i++)
            {
                schema = schema.WithLanguages(sorted[i].Languages);
                builder.Add(sorted[i], historyOf(sorted[i]) ?? RegistrantHistory.Empty, schema);
            }
            pages[p] = builder.Build();
        }
        return new MatchIndex(schema, pages, sorted.Length, pageSize);
    }

    /// <summary>Whether the registrant is in the index.</summary>
    public bool Contains(int registrantId) => Locate(registrantId, out _, out _);

    /// <summary>A new index with the registrant added, or replaced when already present.</summary>
    /// <param name="registrant">A saved registrant (id above 0).</param>
    /// <param name="history">Their current history; <see cref="RegistrantHistory.Empty"/> for a newcomer.</param>
    /// <exception cref="ArgumentException">The registrant is not saved yet.</exception>
    public MatchIndex WithUpserted(Registrant registrant, RegistrantHistory history)
    {
        ArgumentNullException.ThrowIfNull(registrant);
        ArgumentNullException.ThrowIfNull(history);
        RequireSaved(registrant);
        var schema = Schema.WithLanguages(registrant.Languages);
        var words = schema.SkillWords;
        var encoded = new PageBuilder(words, 1);
        encoded.Add(registrant, history, schema);
        var row = encoded.Build();
        if (_pages.Length == 0)
        {
            return new MatchIndex(schema, [row], 1, _pageSize);
        }

        var found = Locate(registrant.Id, out var pageIndex, out var slot);
        var page = _pages[pageIndex];
        if (!found && pageIndex == _pages.Length - 1 && slot == page.Count && page.Count >= _pageSize)
        {
            // New ids usually come last: start a new page rather than grow the last one.
            return new MatchIndex(schema, [.. _pages, row], Count + 1, _pageSize);
        }
        var replaced = IndexPage.Concat(
            words,
            new PageSlice(page, 0, slot),
            new PageSlice(row, 0, 1),
            new PageSlice(page, found ? slot + 1 : slot, page.Count));
        IndexPage[] with = replaced.Count < 2 * _pageSize
            ? [replaced]
            : [IndexPage.Concat(words, new PageSlice(replaced, 0, _pageSize)), IndexPage.Concat(words, new PageSlice(replaced, _pageSize, replaced.Count))];
        return new MatchIndex(schema, Replace(pageIndex, with), found ? Count : Count + 1, _pageSize);
    }

    /// <summary>A new index without the registrant; this index when they are not in it.</summary>
    public MatchIndex WithRemoved(int registrantId)
    {
        if (!Locate(registrantId, out var pageIndex, out var slot))
        {
            return this;
        }
        var page = _pages[pageIndex];
        IndexPage[] with = page.Count == 1
            ? []
            : [IndexPage.Concat(Schema.SkillWords, new PageSlice(page, 0, slot), new PageSlice(page, slot + 1, page.Count))];
        return new MatchIndex(Schema, Replace(pageIndex, with), Count - 1, _pageSize);
    }

    /// <summary>
    /// A new index with many registrants added or replaced and others taken out, in one step: the
    /// changed registrants are encoded together and every page they touch is copied once, the
    /// rest are shared. What a batch of changes (an import of thousands) costs is about one copy
    /// of the pages it touches, not a page copy per registrant nor a rebuild of everyone.
    /// </summary>
    /// <param name="upserted">Registrants to add, or to replace when present, each once.</param>
    /// <param name="removedIds">Registrants to take out; an id not in the index is ignored.</param>
    /// <exception cref="ArgumentException">A registrant is unsaved, appears twice, or is both upserted and removed.</exception>
    public MatchIndex WithChanges(IEnumerable<IndexedRegistrant> upserted, IEnumerable<int> removedIds)
    {
        ArgumentNullException.ThrowIfNull(upserted);
        ArgumentNullException.ThrowIfNull(removedIds);
        var entries = upserted.ToArray();
        var ids = new int[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(entries[i], nameof(upserted));
            RequireSaved(entries[i].Registrant);
            ids[i] = entries[i].Registrant.Id;
        }
        Array.Sort(ids, entries);
        var removed = removedIds.Distinct().Where(Contains).Order().ToArray();
        for (var i = 1; i < ids.Length; i++)
        {
            if (ids[i] == ids[i - 1])
            {
                throw new ArgumentException($"Registrant {ids[i]} appears twice.", nameof(upserted));
            }
        }
        if (removed.Any(id => Array.BinarySearch(ids, id) >= 0))
        {
            throw new ArgumentException("A registrant cannot be both upserted and removed.", nameof(removedIds));
        }
        if (entries.Length == 0 && removed.Length == 0)
        {
            return this;
        }

        var schema = Schema;
        foreach (var entry in entries)
        {
            schema = schema.WithLanguages(entry.Registrant.Languages);
        }
        var words = schema.SkillWords;
        var builder = new PageBuilder(words, entries.Length);
        foreach (var entry in entries)
        {
            builder.Add(entry.Registrant, entry.History ?? RegistrantHistory.Empty, schema);
        }
        var encoded = builder.Build();

        var pages = new List<IndexPage>(_pages.Length + 1);
        var count = 0;
        int e = 0, r = 0;
        for (var p = 0; p < Math.Max(1, _pages.Length); p++)
        {
            // A page takes the changes below the next page's first id; the last takes the rest.
            var below = p + 1 < _pages.Length ? _pages[p + 1].FirstId : long.MaxValue;
            var eEnd = e;
            while (eEnd < ids.Length && ids[eEnd] < below)
            {
                eEnd++;
            }
            var rEnd = r;
            while (rEnd < removed.Length && removed[rEnd] < below)
            {
                rEnd++;
            }
            var page = p < _pages.Length ? _pages[p] : null;
            if (eEnd == e && (rEnd == r || page is null))
            {
                if (page is not null)
                {
                    pages.Add(page);
                    count += page.Count;
                }
            }
            else
            {
                var merged = Merge(words, page, encoded, e, eEnd, removed.AsSpan(r, rEnd - r));
                count += merged?.Count ?? 0;
                AddSplit(pages, words, merged);
            }
            (e, r) = (eEnd, rEnd);
        }
        return new MatchIndex(schema, [.. pages], count, _pageSize);
    }

    /// <summary>Finds a registrant's page and slot.</summary>
    /// <returns>Whether they are present; when not, the page and slot where they would go.</returns>
    internal bool Locate(int registrantId, out int pageIndex, out int slot)
    {
        pageIndex = 0;
        slot = 0;
        if (_pages.Length == 0)
        {
            return false;
        }
        // The last page whose first id is not above the id, or the first page.
        int lo = 0, hi = _pages.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (_pages[mid].FirstId <= registrantId)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }
        pageIndex = lo;
        var at = _pages[lo].Find(registrantId);
        slot = at >= 0 ? at : ~at;
        return at >= 0;
    }

    // A page's registrants merged in id order with encoded rows [from, to), a row of the page
    // giving way to an encoded row of the same id or leaving when its id is removed; null when
    // nobody is left.
    private static IndexPage? Merge(int words, IndexPage? page, IndexPage encoded, int from, int to, ReadOnlySpan<int> removed)
    {
        var slices = new List<PageSlice>();
        var kept = 0;
        var start = 0;
        var e = from;
        var r = 0;
        var pageCount = page?.Count ?? 0;
        for (var slot = 0; slot <= pageCount; slot++)
        {
            var id = slot < pageCount ? page!.Ids[slot] : long.MaxValue;
            var encodedBefore = e;
            while (e < to && encoded.Ids[e] <= id)
            {
                e++;
            }
            while (r < removed.Length && removed[r] < id)
            {
                r++;
            }
            var replaced = e > encodedBefore && encoded.Ids[e - 1] == id;
            var gone = replaced || (r < removed.Length && removed[r] == id);
            if (e > encodedBefore || gone || slot == pageCount)
            {
                if (slot > start)
                {
                    slices.Add(new PageSlice(page!, start, slot));
                    kept += slot - start;
                }
                if (e > encodedBefore)
                {
                    slices.Add(new PageSlice(encoded, encodedBefore, e));
                    kept += e - encodedBefore;
                }
                start = gone ? slot + 1 : slot;
            }
        }
        return kept == 0 ? null : IndexPage.Concat(words, CollectionsMarshal.AsSpan(slices));
    }

    // Splits a merged page that grew to twice the page size into pages of the page size.
    private void AddSplit(List<IndexPage> pages, int words, IndexPage? merged)
    {
        if (merged is null)
        {
            return;
        }
        if (merged.Count < 2 * _pageSize)
        {
            pages.Add(merged);
            return;
        }
        for (int from = 0, to; from < merged.Count; from = to)
        {
            to = merged.Count - from < 2 * _pageSize ? merged.Count : from + _pageSize;
            pages.Add(IndexPage.Concat(words, new PageSlice(merged, from, to)));
        }
    }

    private static void RequireSaved(Registrant registrant)
    {
        if (registrant.Id <= 0)
        {
            throw new ArgumentException("Only saved registrants (with an id) can be indexed.", nameof(registrant));
        }
    }

    private IndexPage[] Replace(int pageIndex, IndexPage[] with)
    {
        var pages = new IndexPage[_pages.Length - 1 + with.Length];
        Array.Copy(_pages, pages, pageIndex);
        Array.Copy(with, 0, pages, pageIndex, with.Length);
        Array.Copy(_pages, pageIndex + 1, pages, pageIndex + with.Length, _pages.Length - pageIndex - 1);
        return pages;
    }
}
