using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using KyodoHub.Core.Common;
using KyodoHub.Core.Registrants;
using KyodoHub.Core.Skills;

namespace KyodoHub.Core.Matching;

/// <summary>
/// Up to a few thousand registrants of an index, sorted by id, as structure-of-arrays columns so
/// that ranking streams through plain arrays. Immutable; a change builds a new page.
/// </summary>
internal sealed class IndexPage
{
    public IndexPage(PageBuilder b)
    {
        Count = b.Ids.Count;
        SkillWords = b.SkillWords;
        Ids = [.. b.Ids];
        Status = [.. b.Status];
        Programs = [.. b.Programs];
        Caps = [.. b.Caps];
        AreaIndexes = [.. b.AreaIndexes];
        RegisteredDays = [.. b.RegisteredDays];
        GroupKindPreferences = [.. b.GroupKindPreferences];
        Languages = [.. b.Languages];
        Reliability = [.. b.Reliability];
        Week = Columns(b.Week, ScoringRules.WeekWords, Count);
        Skills = Columns(b.Skills, 3 * SkillWords, Count);
        Exceptions = b.Exceptions.Build();
        Commitments = b.Commitments.Build();
        Months = b.Months.Build();
        Groups = b.Groups.Build();
        ActivityDays = b.ActivityDays.Build();
        Categories = b.Categories.Build();
        OtherLanguages = b.OtherLanguages.Build();
        WithExceptions = NonEmpty(Exceptions.Offsets);
        WithCommitments = NonEmpty(Commitments.Offsets);
        WithMonths = NonEmpty(Months.Offsets);
        WithGroups = NonEmpty(Groups.Offsets);
        WithOtherLanguages = NonEmpty(OtherLanguages.Offsets);
    }

    private IndexPage(int skillWords, ReadOnlySpan<PageSlice> slices)
    {
        SkillWords = skillWords;
        foreach (var slice in slices)
        {
            Count += slice.To - slice.From;
        }
        Ids = Concat(slices, Count, static p => p.Ids);
        Status = Concat(slices, Count, static p => p.Status);
        Programs = Concat(slices, Count, static p => p.Programs);
        Caps = Concat(slices, Count, static p => p.Caps);
        AreaIndexes = Concat(slices, Count, static p => p.AreaIndexes);
        RegisteredDays = Concat(slices, Count, static p => p.RegisteredDays);
        GroupKindPreferences = Concat(slices, Count, static p => p.GroupKindPreferences);
        Languages = Concat(slices, Count, static p => p.Languages);
        Reliability = Concat(slices, Count, static p => p.Reliability);
        Week = new ulong[ScoringRules.WeekWords][];
        for (var w = 0; w < Week.Length; w++)
        {
            var word = w;
            Week[w] = Concat(slices, Count, p => p.Week[word]);
        }
        Skills = new ulong[3 * skillWords][];
        for (var k = 0; k < Skills.Length; k++)
        {
            var word = k;
            Skills[k] = Concat(slices, Count, p => p.Skills[word]);
        }
        Exceptions = Concat(slices, static p => p.Exceptions);
        Commitments = Concat(slices, static p => p.Commitments);
        Months = Concat(slices, static p => p.Months);
        Groups = Concat(slices, static p => p.Groups);
        ActivityDays = Concat(slices, static p => p.ActivityDays);
        Categories = Concat(slices, static p => p.Categories);
        OtherLanguages = Concat(slices, static p => p.OtherLanguages);
        WithExceptions = NonEmpty(Exceptions.Offsets);
        WithCommitments = NonEmpty(Commitments.Offsets);
        WithMonths = NonEmpty(Months.Offsets);
        WithGroups = NonEmpty(Groups.Offsets);
        WithOtherLanguages = NonEmpty(OtherLanguages.Offsets);
    }

    public int Count { get; }
    public int SkillWords { get; }
    public int FirstId => Ids[0];

    // Columns are plain fields: the ranking loop reads them millions of times per call.
    public readonly int[] Ids;
    public readonly byte[] Status;
    public readonly byte[] Programs;
    public readonly byte[] Caps;
    public readonly int[] AreaIndexes;
    public readonly int[] RegisteredDays;
    public readonly ushort[] GroupKindPreferences;
    public readonly ulong[] Languages;
    public readonly double[] Reliability;

    /// <summary>
    /// Weekly availability, one array per word of the registrants' masks (<see cref="WeekWord"/>),
    /// so that a request reads only the words it needs, one after another, and no array of a page
    /// is large enough for the large-object heap. Bit <c>day × 96 + slot</c>; Sunday is day 0.
    /// </summary>
    public readonly ulong[][] Week;

    /// <summary>
    /// Three skill bitsets per registrant, one array per word (<see cref="SkillWord"/>): holds the
    /// tag, holds it at Experienced or above, holds it at Expert.
    /// </summary>
    public readonly ulong[][] Skills;

    public readonly Ragged<ExceptionSlots> Exceptions;
    public readonly Ragged<TimeRange> Commitments;
    public readonly Ragged<MonthCount> Months;
    public readonly Ragged<GroupMark> Groups;
    public readonly Ragged<int> ActivityDays;
    public readonly Ragged<int> Categories;
    public readonly Ragged<string> OtherLanguages;

    // The slots with something in a sparse column, ascending, so that ranking visits only them
    // instead of testing every slot (a branch it would mispredict).
    public readonly int[] WithExceptions;
    public readonly int[] WithCommitments;
    public readonly int[] WithMonths;
    public readonly int[] WithGroups;
    public readonly int[] WithOtherLanguages;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong WeekWord(int slot, int word) => Week[word][slot];

    /// <summary>Word <paramref name="word"/> of bitset <paramref name="set"/> (0 any level, 1 Experienced or above, 2 Expert).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong SkillWord(int slot, int set, int word) => Skills[(set * SkillWords) + word][slot];

    /// <summary>
    /// A page of slices of other pages, in order, copied column by column: how an upsert or a
    /// removal replaces one page without re-encoding its registrants.
    /// </summary>
    public static IndexPage Concat(int skillWords, params ReadOnlySpan<PageSlice> slices) => new(skillWords, slices);

    /// <summary>The slot of a registrant id, or the bitwise complement of where it would go.</summary>
    public int Find(int registrantId) => Array.BinarySearch(Ids, registrantId);

    private static ulong[][] Columns(List<ulong> rows, int width, int count)
    {
        var columns = new ulong[width][];
        var source = CollectionsMarshal.AsSpan(rows);
        for (var k = 0; k < width; k++)
        {
            var column = columns[k] = new ulong[count];
            for (var slot = 0; slot < count; slot++)
            {
                column[slot] = source[(slot * width) + k];
            }
        }
        return columns;
    }

    private static T[] Concat<T>(ReadOnlySpan<PageSlice> slices, int count, Func<IndexPage, T[]> column)
    {
        var result = new T[count];
        var at = 0;
        foreach (var slice in slices)
        {
            var length = slice.To - slice.From;
            Array.Copy(column(slice.Page), slice.From, result, at, length);
            at += length;
        }
        return result;
    }

    private static Ragged<T> Concat<T>(ReadOnlySpan<PageSlice> slices, Func<IndexPage, Ragged<T>> column)
    {
        var rows = 0;
        var total = 0;
        foreach (var slice in slices)
        {
            var source = column(slice.Page);
            rows += slice.To - slice.From;
            total += source.Offsets[slice.To] - source.Offsets[slice.From];
        }
        var offsets = new int[rows + 1];
        var values = new T[total];
        var row = 0;
        var at = 0;
        foreach (var slice in slices)
        {
            var source = column(slice.Page);
            var start = source.Offsets[slice.From];
            Array.Copy(source.Values, start, values, at, source.Offsets[slice.To] - start);
            for (var r = slice.From; r < slice.To; r++)
            {
                offsets[++row] = source.Offsets[r + 1] - start + at;
            }
            at += source.Offsets[slice.To] - start;
        }
        return new Ragged<T>(offsets, values);
    }

    private static int[] NonEmpty(int[] offsets)
    {
        var slots = new List<int>();
        for (var slot = 0; slot + 1 < offsets.Length; slot++)
        {
            if (offsets[slot] != offsets[slot + 1])
            {
                slots.Add(slot);
            }
        }
        return [.. slots];
    }
}

/// <summary>Slots <c>From</c> (inclusive) to <c>To</c> (exclusive) of a page.</summary>
internal readonly record struct PageSlice(IndexPage Page, int From, int To);

/// <summary>A variable-length list per registrant: row <c>i</c> is <c>Values[Offsets[i]..Offsets[i + 1]]</c>.</summary>
internal readonly struct Ragged<T>(int[] offsets, T[] values)
{
    public readonly int[] Offsets = offsets;
    public readonly T[] Values = values;

    public ReadOnlySpan<T> Row(int i) => Values.AsSpan(Offsets[i], Offsets[i + 1] - Offsets[i]);
}

/// <summary>A dated availability exception as slots of its Tokyo date, <c>From</c> inclusive to <c>To</c> exclusive.</summary>
internal readonly record struct ExceptionSlots(int Day, bool Available, byte From, byte To);

/// <summary>A UTC interval in ticks, end exclusive.</summary>
internal readonly record struct TimeRange(long Start, long End);

/// <summary>Activities in a month (<see cref="ScoringRules.MonthKey"/>).</summary>
internal readonly record struct MonthCount(int Key, int Count);

/// <summary>A group the registrant must not be offered to, with the reason bits.</summary>
internal readonly record struct GroupMark(int GroupId, int ReasonBits);

internal sealed class RaggedBuilder<T>
{
    private readonly List<int> _offsets = [0];
    private readonly List<T> _values = [];

    public void AddRow(ReadOnlySpan<T> row)
    {
        _values.AddRange(row);
        _offsets.Add(_values.Count);
    }

    public Ragged<T> Build() => new([.. _offsets], [.. _values]);
}

/// <summary>Collects registrants' encoded rows, in the order added, into an <see cref="IndexPage"/>.</summary>
/// <param name="skillWords">64-bit words of one skill bitset.</param>
/// <param name="capacity">Registrants expected, so that the columns need not grow.</param>
internal sealed class PageBuilder(int skillWords, int capacity = 0)
{
    // Scratch lists reused from one registrant to the next.
    private readonly List<string> _otherLanguages = [];
    private readonly List<ExceptionSlots> _exceptions = [];
    private readonly List<TimeRange> _commitments = [];
    private readonly List<MonthCount> _months = [];
    private readonly List<int> _days = [];
    private readonly List<GroupMark> _groups = [];

    public int SkillWords { get; } = skillWords;
    public List<int> Ids { get; } = new(capacity);
    public List<byte> Status { get; } = new(capacity);
    public List<byte> Programs { get; } = new(capacity);
    public List<byte> Caps { get; } = new(capacity);
    public List<int> AreaIndexes { get; } = new(capacity);
    public List<int> RegisteredDays { get; } = new(capacity);
    public List<ushort> GroupKindPreferences { get; } = new(capacity);
    public List<ulong> Languages { get; } = new(capacity);
    public List<double> Reliability { get; } = new(capacity);

    /// <summary>Weekly masks, row by row; the page stores them word by word.</summary>
    public List<ulong> Week { get; } = new(capacity * ScoringRules.WeekWords);

    /// <summary>Skill bitsets, row by row; the page stores them word by word.</summary>
    public List<ulong> Skills { get; } = new(capacity * 3 * skillWords);

    public RaggedBuilder<ExceptionSlots> Exceptions { get; } = new();
    public RaggedBuilder<TimeRange> Commitments { get; } = new();
    public RaggedBuilder<MonthCount> Months { get; } = new();
    public RaggedBuilder<GroupMark> Groups { get; } = new();
    public RaggedBuilder<int> ActivityDays { get; } = new();
    public RaggedBuilder<int> Categories { get; } = new();
    public RaggedBuilder<string> OtherLanguages { get; } = new();

    public int Count => Ids.Count;

    public IndexPage Build() => new(this);

    /// <summary>Encodes a registrant and their history under a schema that knows all their languages.</summary>
    public void Add(Registrant registrant, RegistrantHistory history, IndexSchema schema)
    {
        Ids.Add(registrant.Id);
        Status.Add((byte)registrant.Status);
        Programs.Add((byte)registrant.Programs);
        Caps.Add((byte)registrant.MonthlyCap);
        AreaIndexes.Add(schema.AreaIndex(registrant.HomeAreaId));
        RegisteredDays.Add(DateOnly.FromDateTime(TokyoTime.ToLocal(registrant.RegisteredAt)).DayNumber);
        ushort kinds = 0;
        foreach (var kind in registrant.PreferredGroupKinds)
        {
            kinds |= (ushort)(1 << (int)kind);
        }
        GroupKindPreferences.Add(kinds);
        Reliability.Add(ScoringRules.Reliability(history.CompletedCount, history.NoShowCount, history.RatingSum, history.RatingCount));

        ulong languages = 0;
        _otherLanguages.Clear();
        foreach (var code in registrant.Languages)
        {
            languages |= 1UL << schema.LanguageBit(code);
            if (!schema.HasLanguageBit(code))
            {
                _otherLanguages.Add(code);
            }
        }
        Languages.Add(languages);
        _otherLanguages.Sort(StringComparer.Ordinal);
        OtherLanguages.AddRow(CollectionsMarshal.AsSpan(_otherLanguages));

        Span<ulong> week = stackalloc ulong[ScoringRules.WeekWords];
        week.Clear();
        foreach (var window in registrant.WeeklyAvailability)
        {
            // A slot counts as free only when the window covers it whole.
            var dayStart = (int)window.Day * ScoringRules.SlotsPerDay;
            Bits.SetRange(week, dayStart + CeilSlot(window.StartMinute), dayStart + FloorSlot(window.EndMinute));
        }
        Week.AddRange(week);

        var words = SkillWords;
        Span<ulong> skills = stackalloc ulong[3 * words];
        skills.Clear();
        foreach (var skill in registrant.Skills)
        {
            var bit = schema.TagBit(skill.TagId);
            if (bit < 0)
            {
                continue;
            }
            Bits.Set(skills[..words], bit);
            if (skill.Level >= SkillLevel.Experienced)
            {
                Bits.Set(skills.Slice(words, words), bit);
            }
            if (skill.Level >= SkillLevel.Expert)
            {
                Bits.Set(skills.Slice(2 * words, words), bit);
            }
        }
        Skills.AddRange(skills);

        _exceptions.Clear();
        foreach (var e in registrant.AvailabilityExceptions)
        {
            // An added window frees only the slots it covers whole; a removed one takes every slot it touches.
            _exceptions.Add(e.Kind == ExceptionKind.Available
                ? new ExceptionSlots(e.Date.DayNumber, true, (byte)CeilSlot(e.StartMinute), (byte)FloorSlot(e.EndMinute))
                : new ExceptionSlots(e.Date.DayNumber, false, (byte)FloorSlot(e.StartMinute), (byte)CeilSlot(e.EndMinute)));
        }
        // Ranking stops at the first exception after the days it needs.
        _exceptions.Sort(static (a, b) => a.Day.CompareTo(b.Day));
        Exceptions.AddRow(CollectionsMarshal.AsSpan(_exceptions));

        // The history keeps commitments by start, months by month and dates ascending, as ranking expects.
        _commitments.Clear();
        foreach (var c in history.Commitments)
        {
            _commitments.Add(new TimeRange(c.Start.UtcTicks, c.End.UtcTicks));
        }
        Commitments.AddRow(CollectionsMarshal.AsSpan(_commitments));
        _months.Clear();
        foreach (var m in history.MonthlyActivities)
        {
            _months.Add(new MonthCount(m.Key, m.Count));
        }
        Months.AddRow(CollectionsMarshal.AsSpan(_months));
        _days.Clear();
        foreach (var date in history.ActivityDates)
        {
            _days.Add(date.DayNumber);
        }
        ActivityDays.AddRow(CollectionsMarshal.AsSpan(_days));
        Categories.AddRow(CollectionsMarshal.AsSpan(registrant.PreferredCategoryIds));

        _groups.Clear();
        Mark(registrant.BlockedGroupIds, ExclusionReason.GroupBlocked);
        Mark(history.DeclinedGroupIds, ExclusionReason.DeclinedThisGroup);
        Mark(history.DecliningGroupIds, ExclusionReason.DeclinedByThisGroup);
        Groups.AddRow(CollectionsMarshal.AsSpan(_groups));
    }

    // A group appears once, with every reason it is marked for.
    private void Mark(IEnumerable<int> groupIds, ExclusionReason reason)
    {
        foreach (var id in groupIds)
        {
            var at = _groups.FindIndex(g => g.GroupId == id);
            if (at < 0)
            {
                _groups.Add(new GroupMark(id, ExclusionReasons.Bit(reason)));
            }
            else
            {
                _groups[at] = _groups[at] with { ReasonBits = _groups[at].ReasonBits | ExclusionReasons.Bit(reason) };
            }
        }
    }

    private static int FloorSlot(int minute) => minute / ScoringRules.SlotMinutes;

    private static int CeilSlot(int minute) => (minute + ScoringRules.SlotMinutes - 1) / ScoringRules.SlotMinutes;
}
