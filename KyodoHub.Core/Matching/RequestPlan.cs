using KyodoHub.Core.Common;
using KyodoHub.Core.Groups;
using KyodoHub.Core.Requests;

namespace KyodoHub.Core.Matching;

/// <summary>
/// Everything about one request that does not depend on the registrant, worked out once per
/// ranking call: the slot masks its sessions need, the months they fall in, the skill masks to
/// test, a proximity per area, and the day from which activities count as recent.
/// </summary>
internal sealed class RequestPlan
{
    public RequestPlan(IndexSchema schema, Request request, GroupKind groupKind, MatchWeights weights, DateTimeOffset now)
    {
        if (request.Sessions.Count == 0)
        {
            throw new ArgumentException("The request has no sessions.", nameof(request));
        }
        Weights = weights;
        Programs = (byte)request.Programs;
        GroupId = request.GroupId;
        CategoryId = request.CategoryId;
        GroupKindBit = (ushort)(1 << (int)groupKind);
        Today = DateOnly.FromDateTime(TokyoTime.ToLocal(now)).DayNumber;
        RecentFrom = Today - ScoringRules.RecentDays;

        var others = new List<string>();
        foreach (var code in request.Languages)
        {
            if (schema.HasLanguageBit(code))
            {
                LanguageMask |= 1UL << schema.LanguageBit(code);
            }
            else
            {
                others.Add(code);
            }
        }
        OtherLanguages = [.. others];

        var sessionCount = request.Sessions.Count;
        Sessions = new TimeRange[sessionCount];
        SessionSlots = new SlotRange[sessionCount];
        Span<ulong> need = stackalloc ulong[ScoringRules.WeekWords];
        need.Clear();
        var days = new SortedSet<int>();
        var months = new SortedSet<int>();
        var patterns = new List<SlackPattern>();
        for (var i = 0; i < sessionCount; i++)
        {
            var session = request.Sessions[i];
            Sessions[i] = new TimeRange(session.Start.UtcTicks, session.End.UtcTicks);
            var localStart = TokyoTime.ToLocal(session.Start);
            var localEnd = TokyoTime.ToLocal(session.End);
            // A session needs every slot it touches.
            var startSlot = localStart.Ticks / ScoringRules.TicksPerSlot;
            var endSlot = (localEnd.Ticks + ScoringRules.TicksPerSlot - 1) / ScoringRules.TicksPerSlot;
            SessionSlots[i] = new SlotRange(startSlot, endSlot);
            for (var s = startSlot; s < endSlot; s++)
            {
                Bits.Set(need, WeekPosition(s));
            }
            for (var day = (startSlot - ScoringRules.SlackSlots) / ScoringRules.SlotsPerDay;
                 day <= (endSlot + ScoringRules.SlackSlots - 1) / ScoringRules.SlotsPerDay;
                 day++)
            {
                days.Add((int)day);
            }
            months.Add(ScoringRules.MonthKey(DateOnly.FromDateTime(localStart)));
            months.Add(ScoringRules.MonthKey(DateOnly.FromDateTime(localEnd.AddTicks(-1))));

            var pattern = new SlackPattern(WeekPosition(startSlot), WeekPosition(endSlot), 1);
            var same = patterns.FindIndex(p => p.Start == pattern.Start && p.End == pattern.End);
            if (same >= 0)
            {
                patterns[same] = patterns[same] with { Count = patterns[same].Count + 1 };
            }
            else
            {
                patterns.Add(pattern);
            }
        }
        MinStart = Sessions.Min(s => s.Start);
        MaxEnd = Sessions.Max(s => s.End);
        var needWords = new List<int>();
        var needBits = new List<ulong>();
        for (var w = 0; w < need.Length; w++)
        {
            if (need[w] != 0)
            {
                needWords.Add(w);
                needBits.Add(need[w]);
            }
        }
        NeedWordIndexes = [.. needWords];
        NeedWordBits = [.. needBits];
        SlackPatterns = [.. patterns];
        RelevantDays = [.. days];
        MonthKeys = [.. months];

        SkillWords = schema.SkillWords;
        RequiredCount = request.RequiredSkillIds.Count;
        ExcludesMissingRequired = request.RequiredSkillRule == RequiredSkillRule.Exclude && RequiredCount > 0;
        WelcomeCount = request.WelcomeSkillIds.Count;
        var needed = request.RequiredSkillIds.Concat(request.WelcomeSkillIds).ToArray();
        NeedBits = new int[needed.Length];
        NeedSynonyms = new ulong[needed.Length * SkillWords];
        NeedNeighbours = new ulong[needed.Length * SkillWords];
        RelevantSkills = new ulong[SkillWords];
        ExactSkills = new ulong[SkillWords];
        for (var i = 0; i < needed.Length; i++)
        {
            var bit = schema.TagBit(needed[i]);
            NeedBits[i] = bit;
            if (bit < 0)
            {
                continue;
            }
            Bits.Set(RelevantSkills, bit);
            Bits.Set(ExactSkills, bit);
            schema.SynonymMasks.AsSpan(bit * SkillWords, SkillWords).CopyTo(NeedSynonyms.AsSpan(i * SkillWords));
            schema.CategoryMasks.AsSpan(bit * SkillWords, SkillWords).CopyTo(NeedNeighbours.AsSpan(i * SkillWords));
            for (var w = 0; w < SkillWords; w++)
            {
                RelevantSkills[w] |= NeedSynonyms[(i * SkillWords) + w] | NeedNeighbours[(i * SkillWords) + w];
            }
        }

        ProximityByArea = new double[schema.AreaCount + 1];
        var requestArea = schema.AreaIndex(request.AreaId);
        if (requestArea < schema.AreaCount)
        {
            var from = schema.Areas[requestArea];
            for (var a = 0; a < schema.AreaCount; a++)
            {
                ProximityByArea[a] = ScoringRules.Proximity(from.DistanceKmTo(schema.Areas[a]));
            }
        }
    }

    public MatchWeights Weights { get; }
    public byte Programs { get; }
    public int GroupId { get; }
    public int CategoryId { get; }
    public ushort GroupKindBit { get; }

    /// <summary>Today's Tokyo day number.</summary>
    public int Today { get; }

    /// <summary>Activities on or after this day number count as recent.</summary>
    public int RecentFrom { get; }

    public ulong LanguageMask { get; }

    /// <summary>Needed languages without a bit of their own in the schema.</summary>
    public string[] OtherLanguages { get; }

    /// <summary>The sessions as UTC ticks, by start.</summary>
    public TimeRange[] Sessions { get; }

    public long MinStart { get; }
    public long MaxEnd { get; }

    /// <summary>The sessions as absolute Tokyo slots (slot 0 starts 0001-01-01 00:00).</summary>
    public SlotRange[] SessionSlots { get; }

    /// <summary>The non-zero words of the weekly mask of slots the sessions need, and those words.</summary>
    public int[] NeedWordIndexes { get; }

    public ulong[] NeedWordBits { get; }

    /// <summary>Distinct weekly positions of the sessions, for slack.</summary>
    public SlackPattern[] SlackPatterns { get; }

    /// <summary>Day numbers of the Tokyo dates the sessions and their slack margins touch, ascending.</summary>
    public int[] RelevantDays { get; }

    /// <summary>Month keys of the months the sessions fall in, ascending.</summary>
    public int[] MonthKeys { get; }

    public int SkillWords { get; }
    public int RequiredCount { get; }

    /// <summary>Whether a registrant without every required skill (or a synonym of it) is excluded.</summary>
    public bool ExcludesMissingRequired { get; }
    public int WelcomeCount { get; }

    /// <summary>Skill bit of each needed tag, required first, then welcome; -1 outside the taxonomy.</summary>
    public int[] NeedBits { get; }

    public ulong[] NeedSynonyms { get; }
    public ulong[] NeedNeighbours { get; }

    /// <summary>Every tag that earns any credit; a registrant holding none of them has no skill fit.</summary>
    public ulong[] RelevantSkills { get; }

    /// <summary>The needed tags themselves.</summary>
    public ulong[] ExactSkills { get; }

    /// <summary>Proximity of each area to the request's; the last entry, for unknown areas, is 0.</summary>
    public double[] ProximityByArea { get; }

    /// <summary>Bit position in a weekly mask of an absolute Tokyo slot (day 0, 0001-01-01, was a Monday).</summary>
    public static int WeekPosition(long absoluteSlot) =>
        (int)((absoluteSlot + ScoringRules.SlotsPerDay) % ScoringRules.SlotsPerWeek);
}

/// <summary>Absolute Tokyo slots, start inclusive, end exclusive.</summary>
internal readonly record struct SlotRange(long Start, long End);

/// <summary>Weekly positions of a session's first slot and of the slot after it, and how many sessions share them.</summary>
internal readonly record struct SlackPattern(int Start, int End, int Count);
