using System.Numerics;
using System.Runtime.CompilerServices;
using KyodoHub.Core.Registrants;

namespace KyodoHub.Core.Matching;

/// <summary>
/// Hard constraints and soft components of indexed registrants against a <see cref="RequestPlan"/>.
/// Allocation-free: ranking runs it over every registrant of the index.
/// </summary>
internal static class RowScorer
{
    /// <summary>Marks, beside the reason bits, a registrant whose availability is worked out day by day.</summary>
    public const int DayByDayFlag = 1 << 30;

    private const int NotActiveBit = 1 << ((int)ExclusionReason.NotActive - 1);
    private const int ProgramMismatchBit = 1 << ((int)ExclusionReason.ProgramMismatch - 1);
    private const int LanguageMissingBit = 1 << ((int)ExclusionReason.LanguageMissing - 1);
    private const int NotAvailableBit = 1 << ((int)ExclusionReason.NotAvailable - 1);
    private const int AlreadyCommittedBit = 1 << ((int)ExclusionReason.AlreadyCommitted - 1);
    private const int MonthlyCapReachedBit = 1 << ((int)ExclusionReason.MonthlyCapReached - 1);
    private const int RequiredSkillMissingBit = 1 << ((int)ExclusionReason.RequiredSkillMissing - 1);

    // Every component is at most 1 in floating point too (each formula is a mean or a smoothed
    // rate of values up to 1), so a total with 1 in place of a component bounds the real total.
    private const double ComponentMax = 1.0;

    // Rounding in a mean of credits can add a few ulps; a bound stays above it.
    private const double BoundMargin = 1e-9;

    /// <summary>
    /// Works out the hard constraints of slots <paramref name="from"/>..<paramref name="to"/>
    /// (exclusive) of a page, one constraint at a time over the columns: <c>bits[i]</c> gets the
    /// reason bits (<see cref="ExclusionReasons.Bit"/>) of slot <c>from + i</c>, plus
    /// <see cref="DayByDayFlag"/> when a dated exception falls on a day the request touches.
    /// </summary>
    public static void Exclusions(IndexPage page, int from, int to, RequestPlan plan, Span<int> bits)
    {
        var count = to - from;
        bits = bits[..count];

        var status = page.Status.AsSpan(from, count);
        var programs = page.Programs.AsSpan(from, count);
        var languages = page.Languages.AsSpan(from, count);
        var wantedPrograms = plan.Programs;
        var neededLanguages = plan.LanguageMask;
        for (var i = 0; i < bits.Length; i++)
        {
            bits[i] = (status[i] == (byte)RegistrantStatus.Active ? 0 : NotActiveBit)
                | ((programs[i] & wantedPrograms) == 0 ? ProgramMismatchBit : 0)
                | ((languages[i] & neededLanguages) != neededLanguages ? LanguageMissingBit : 0);
        }
        if (plan.OtherLanguages.Length != 0)
        {
            // Languages beyond the schema's bits: only registrants who speak one can have them.
            var speakers = page.WithOtherLanguages;
            var next = 0;
            for (var i = 0; i < count; i++)
            {
                var slot = from + i;
                while (next < speakers.Length && speakers[next] < slot)
                {
                    next++;
                }
                if (next == speakers.Length || speakers[next] != slot || !SpeaksOthers(page.OtherLanguages.Row(slot), plan.OtherLanguages))
                {
                    bits[i] |= LanguageMissingBit;
                }
            }
        }

        // The weekly mask decides, one needed word at a time...
        for (var n = 0; n < plan.NeedWordIndexes.Length; n++)
        {
            var week = page.Week[plan.NeedWordIndexes[n]].AsSpan(from, count);
            var need = plan.NeedWordBits[n];
            for (var i = 0; i < week.Length; i++)
            {
                // Branch-free: whether a registrant is free is as good as random to the CPU.
                bits[i] |= (week[i] & need) != need ? NotAvailableBit : 0;
            }
        }
        // ...unless a dated exception falls on a day that matters.
        foreach (var slot in InRange(page.WithExceptions, from, to))
        {
            if (TouchesRelevantDay(page.Exceptions.Row(slot), plan.RelevantDays))
            {
                var i = slot - from;
                bits[i] = (bits[i] & ~NotAvailableBit) | DayByDayFlag | (IsAvailableDayByDay(page, slot, plan) ? 0 : NotAvailableBit);
            }
        }

        foreach (var slot in InRange(page.WithCommitments, from, to))
        {
            if (IsCommitted(page.Commitments.Row(slot), plan))
            {
                bits[slot - from] |= AlreadyCommittedBit;
            }
        }

        // With no activity in a month, one more never exceeds a cap (at least 1).
        foreach (var slot in InRange(page.WithMonths, from, to))
        {
            if (IsCapReached(page.Months.Row(slot), page.Caps[slot], plan.MonthKeys))
            {
                bits[slot - from] |= MonthlyCapReachedBit;
            }
        }

        foreach (var slot in InRange(page.WithGroups, from, to))
        {
            bits[slot - from] |= GroupBits(page.Groups.Row(slot), plan.GroupId);
        }

        if (plan.ExcludesMissingRequired)
        {
            for (var i = 0; i < count; i++)
            {
                bits[i] |= HoldsEveryRequired(page, from + i, plan) ? 0 : RequiredSkillMissingBit;
            }
        }
    }

    /// <summary>Whether the registrant holds each required tag itself (at any level) or a synonym of it; a neighbour does not count.</summary>
    private static bool HoldsEveryRequired(IndexPage page, int slot, RequestPlan plan)
    {
        for (var need = 0; need < plan.RequiredCount; need++)
        {
            var bit = plan.NeedBits[need];
            if (!(bit >= 0 && HoldsTag(page, slot, 0, bit)) && !HoldsAny(page, slot, plan.NeedSynonyms, need * plan.SkillWords))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Adds, for every reason bit, how many of <paramref name="bits"/> have it to
    /// <paramref name="counts"/>; returns how many have none (the eligible).
    /// </summary>
    public static int CountReasons(ReadOnlySpan<int> bits, Span<int> counts)
    {
        var eligible = 0;
        var i = 0;
        if (Vector.IsHardwareAccelerated && counts.Length == 10)
        {
            // Eight registrants at a time, one accumulator per reason.
            var one = Vector<int>.One;
            var reasonMask = new Vector<int>(ExclusionReasons.AllBits);
            Vector<int> a0 = default, a1 = default, a2 = default, a3 = default, a4 = default, a5 = default, a6 = default, a7 = default, a8 = default, a9 = default, none = default;
            for (; i <= bits.Length - Vector<int>.Count; i += Vector<int>.Count)
            {
                var v = new Vector<int>(bits[i..]) & reasonMask;
                a0 += v & one;
                a1 += Vector.ShiftRightLogical(v, 1) & one;
                a2 += Vector.ShiftRightLogical(v, 2) & one;
                a3 += Vector.ShiftRightLogical(v, 3) & one;
                a4 += Vector.ShiftRightLogical(v, 4) & one;
                a5 += Vector.ShiftRightLogical(v, 5) & one;
                a6 += Vector.ShiftRightLogical(v, 6) & one;
                a7 += Vector.ShiftRightLogical(v, 7) & one;
                a8 += Vector.ShiftRightLogical(v, 8) & one;
                a9 += Vector.ShiftRightLogical(v, 9) & one;
                none -= Vector.Equals(v, Vector<int>.Zero);
            }
            counts[0] += Vector.Sum(a0);
            counts[1] += Vector.Sum(a1);
            counts[2] += Vector.Sum(a2);
            counts[3] += Vector.Sum(a3);
            counts[4] += Vector.Sum(a4);
            counts[5] += Vector.Sum(a5);
            counts[6] += Vector.Sum(a6);
            counts[7] += Vector.Sum(a7);
            counts[8] += Vector.Sum(a8);
            counts[9] += Vector.Sum(a9);
            eligible += Vector.Sum(none);
        }
        for (; i < bits.Length; i++)
        {
            var reasons = bits[i] & ExclusionReasons.AllBits;
            if (reasons == 0)
            {
                eligible++;
            }
            for (var bit = 0; bit < counts.Length; bit++)
            {
                counts[bit] += (reasons >> bit) & 1;
            }
        }
        return eligible;
    }

    /// <summary>
    /// A total no lower than the registrant's real one, from the components that cost little;
    /// when it cannot make the list, the rest need not be computed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double TotalUpperBound(IndexPage page, int slot, RequestPlan plan, double skillFit) =>
        plan.Weights.Total(skillFit, plan.ProximityByArea[page.AreaIndexes[slot]], ComponentMax, ComponentMax, page.Reliability[slot], ComponentMax);

    /// <summary>
    /// A skill fit no lower than the registrant's real one, from the needed tags they hold
    /// themselves: those earn at most full credit, the others at most a synonym's.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double SkillFitUpperBound(IndexPage page, int slot, RequestPlan plan)
    {
        var required = plan.RequiredCount;
        var welcome = plan.WelcomeCount;
        if (required + welcome == 0)
        {
            return ScoringRules.SkillFit(0, 0, 0, 0);
        }
        if (!HoldsAny(page, slot, plan.ExactSkills, 0))
        {
            return HoldsAny(page, slot, plan.RelevantSkills, 0)
                ? ScoringRules.SynonymCredit + BoundMargin
                : ScoringRules.SkillFit(0, required, 0, welcome);
        }
        var heldRequired = 0;
        var heldWelcome = 0;
        for (var i = 0; i < required + welcome; i++)
        {
            var bit = plan.NeedBits[i];
            if (bit >= 0 && HoldsTag(page, slot, 0, bit))
            {
                if (i < required)
                {
                    heldRequired++;
                }
                else
                {
                    heldWelcome++;
                }
            }
        }
        return ScoringRules.SkillFit(
            heldRequired + ((required - heldRequired) * ScoringRules.SynonymCredit),
            required,
            heldWelcome + ((welcome - heldWelcome) * ScoringRules.SynonymCredit),
            welcome) + BoundMargin;
    }

    /// <summary>Whether the registrant holds one of the needed tags itself (at any level).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool HoldsANeededTag(IndexPage page, int slot, RequestPlan plan) => HoldsAny(page, slot, plan.ExactSkills, 0);

    /// <summary>The most a registrant who holds no needed tag itself can fit: a synonym's credit.</summary>
    public const double WithoutNeededTagBound = ScoringRules.SynonymCredit + BoundMargin;

    /// <summary>The weighted total of the registrant's components, given their skill fit.</summary>
    public static double Total(IndexPage page, int slot, RequestPlan plan, bool dayByDay, double skillFit)
    {
        var c = Components(page, slot, plan, dayByDay, skillFit);
        return plan.Weights.Total(c.SkillFit, c.Proximity, c.Slack, c.Fairness, c.Reliability, c.Preference);
    }

    public static Parts Components(IndexPage page, int slot, RequestPlan plan, bool dayByDay) =>
        Components(page, slot, plan, dayByDay, SkillFit(page, slot, plan));

    public static double SkillFit(IndexPage page, int slot, RequestPlan plan)
    {
        var required = plan.RequiredCount;
        var welcome = plan.WelcomeCount;
        if (required + welcome == 0 || !HoldsAny(page, slot, plan.RelevantSkills, 0))
        {
            return ScoringRules.SkillFit(0, required, 0, welcome);
        }
        double requiredSum = 0;
        for (var i = 0; i < required; i++)
        {
            requiredSum += Credit(page, slot, plan, i);
        }
        double welcomeSum = 0;
        for (var i = required; i < required + welcome; i++)
        {
            welcomeSum += Credit(page, slot, plan, i);
        }
        return ScoringRules.SkillFit(requiredSum, required, welcomeSum, welcome);
    }

    private static Parts Components(IndexPage page, int slot, RequestPlan plan, bool dayByDay, double skillFit)
    {
        var freeBuffer = dayByDay ? FreeBufferDayByDay(page, slot, plan) : FreeBufferWeekly(page, slot, plan);

        var recent = 0;
        var activityDays = page.ActivityDays.Row(slot);
        for (var i = activityDays.Length - 1; i >= 0 && activityDays[i] >= plan.RecentFrom; i--)
        {
            recent++;
        }

        var categories = page.Categories.Row(slot);
        var kinds = page.GroupKindPreferences[slot];
        return new Parts(
            skillFit,
            plan.ProximityByArea[page.AreaIndexes[slot]],
            ScoringRules.Slack(freeBuffer, plan.Sessions.Length),
            ScoringRules.Fairness(recent, plan.Today - page.RegisteredDays[slot]),
            page.Reliability[slot],
            ScoringRules.Preference(
                ScoringRules.PreferencePart(!categories.IsEmpty, categories.Contains(plan.CategoryId)),
                ScoringRules.PreferencePart(kinds != 0, (kinds & plan.GroupKindBit) != 0)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Credit(IndexPage page, int slot, RequestPlan plan, int need)
    {
        var bit = plan.NeedBits[need];
        if (bit >= 0 && HoldsTag(page, slot, 0, bit))
        {
            return HoldsTag(page, slot, 2, bit) ? ScoringRules.ExpertCredit
                : HoldsTag(page, slot, 1, bit) ? ScoringRules.ExperiencedCredit
                : ScoringRules.BeginnerCredit;
        }
        if (HoldsAny(page, slot, plan.NeedSynonyms, need * plan.SkillWords))
        {
            return ScoringRules.SynonymCredit;
        }
        return HoldsAny(page, slot, plan.NeedNeighbours, need * plan.SkillWords) ? ScoringRules.NeighbourCredit : 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool HoldsTag(IndexPage page, int slot, int set, int bit) =>
        (page.SkillWord(slot, set, bit >> 6) & (1UL << (bit & 63))) != 0;

    /// <summary>Whether the registrant holds (at any level) a tag of <c>mask[offset..offset + SkillWords]</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool HoldsAny(IndexPage page, int slot, ulong[] mask, int offset)
    {
        for (var w = 0; w < page.SkillWords; w++)
        {
            if ((page.SkillWord(slot, 0, w) & mask[offset + w]) != 0)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The part of an ascending slot list within <paramref name="from"/>..<paramref name="to"/>.</summary>
    private static ReadOnlySpan<int> InRange(int[] slots, int from, int to)
    {
        var start = from == 0 ? 0 : LowerBound(slots, from);
        var end = slots.Length == 0 || slots[^1] < to ? slots.Length : LowerBound(slots, to);
        return slots.AsSpan(start, end - start);
    }

    private static int LowerBound(int[] slots, int value)
    {
        var at = Array.BinarySearch(slots, value);
        return at >= 0 ? at : ~at;
    }

    private static bool TouchesRelevantDay(ReadOnlySpan<ExceptionSlots> exceptions, int[] days)
    {
        // A handful of days: a scan beats a binary search.
        var last = days[^1];
        foreach (var e in exceptions)
        {
            if (e.Day > last)
            {
                return false;
            }
            if (Array.IndexOf(days, e.Day) >= 0)
            {
                return true;
            }
        }
        return false;
    }

    private static int GroupBits(ReadOnlySpan<GroupMark> marks, int groupId)
    {
        foreach (var mark in marks)
        {
            if (mark.GroupId == groupId)
            {
                return mark.ReasonBits;
            }
        }
        return 0;
    }

    private static bool SpeaksOthers(ReadOnlySpan<string> mine, string[] needed)
    {
        foreach (var code in needed)
        {
            if (!mine.Contains(code))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsCommitted(ReadOnlySpan<TimeRange> commitments, RequestPlan plan)
    {
        foreach (var c in commitments)
        {
            if (c.End <= plan.MinStart)
            {
                continue;
            }
            if (c.Start >= plan.MaxEnd)
            {
                return false;
            }
            foreach (var session in plan.Sessions)
            {
                if (session.Start < c.End && c.Start < session.End)
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static bool IsCapReached(ReadOnlySpan<MonthCount> months, byte cap, int[] monthKeys)
    {
        foreach (var key in monthKeys)
        {
            foreach (var m in months)
            {
                if (m.Key == key && m.Count >= cap)
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static int FreeBufferWeekly(IndexPage page, int slot, RequestPlan plan)
    {
        var free = 0;
        foreach (var pattern in plan.SlackPatterns)
        {
            var run = 0;
            var before = pattern.Start;
            for (var k = 0; k < ScoringRules.SlackSlots; k++)
            {
                before = before == 0 ? ScoringRules.SlotsPerWeek - 1 : before - 1;
                if (!IsFreeWeekly(page, slot, before))
                {
                    break;
                }
                run++;
            }
            var after = pattern.End;
            for (var k = 0; k < ScoringRules.SlackSlots; k++)
            {
                if (!IsFreeWeekly(page, slot, after))
                {
                    break;
                }
                run++;
                after = after == ScoringRules.SlotsPerWeek - 1 ? 0 : after + 1;
            }
            free += run * pattern.Count;
        }
        return free;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsFreeWeekly(IndexPage page, int slot, int position) =>
        (page.WeekWord(slot, position >> 6) & (1UL << (position & 63))) != 0;

    private static bool IsAvailableDayByDay(IndexPage page, int slot, RequestPlan plan)
    {
        Span<UInt128> days = stackalloc UInt128[plan.RelevantDays.Length];
        EffectiveDays(page, slot, plan, days);
        foreach (var session in plan.SessionSlots)
        {
            for (var s = session.Start; s < session.End; s++)
            {
                if (!IsFree(days, plan, s))
                {
                    return false;
                }
            }
        }
        return true;
    }

    private static int FreeBufferDayByDay(IndexPage page, int slot, RequestPlan plan)
    {
        Span<UInt128> days = stackalloc UInt128[plan.RelevantDays.Length];
        EffectiveDays(page, slot, plan, days);
        var free = 0;
        foreach (var session in plan.SessionSlots)
        {
            for (var k = 1; k <= ScoringRules.SlackSlots && IsFree(days, plan, session.Start - k); k++)
            {
                free++;
            }
            for (var k = 0; k < ScoringRules.SlackSlots && IsFree(days, plan, session.End + k); k++)
            {
                free++;
            }
        }
        return free;
    }

    private static bool IsFree(ReadOnlySpan<UInt128> days, RequestPlan plan, long absoluteSlot)
    {
        var day = (int)(absoluteSlot / ScoringRules.SlotsPerDay);
        var index = Array.IndexOf(plan.RelevantDays, day);
        return ((days[index] >> (int)(absoluteSlot % ScoringRules.SlotsPerDay)) & UInt128.One) != UInt128.Zero;
    }

    /// <summary>The registrant's free slots on each relevant day: the weekly pattern, plus added windows, minus removed ones.</summary>
    private static void EffectiveDays(IndexPage page, int slot, RequestPlan plan, Span<UInt128> days)
    {
        var exceptions = page.Exceptions.Row(slot);
        for (var i = 0; i < days.Length; i++)
        {
            var day = plan.RelevantDays[i];
            var mask = DayBits(page, slot, (int)((day + 1L) % 7) * ScoringRules.SlotsPerDay);
            foreach (var e in exceptions)
            {
                if (e.Day == day && e.Available)
                {
                    mask |= Range(e.From, e.To);
                }
            }
            // Removing wins over adding when both fall on the same slot.
            foreach (var e in exceptions)
            {
                if (e.Day == day && !e.Available)
                {
                    mask &= ~Range(e.From, e.To);
                }
            }
            days[i] = mask;
        }
    }

    /// <summary>The 96 bits of a registrant's weekly mask from <paramref name="start"/> on, as one number.</summary>
    private static UInt128 DayBits(IndexPage page, int slot, int start)
    {
        var word = start >> 6;
        var shift = start & 63;
        // Three words cover 96 bits from any shift; the last day ends inside the last word.
        var low = page.WeekWord(slot, word);
        var mid = word + 1 < ScoringRules.WeekWords ? page.WeekWord(slot, word + 1) : 0;
        var high = shift > 32 && word + 2 < ScoringRules.WeekWords ? page.WeekWord(slot, word + 2) : 0;
        var value = new UInt128(mid, low) >> shift;
        if (shift != 0)
        {
            value |= new UInt128(high, 0) << (64 - shift);
        }
        return value & ((UInt128.One << ScoringRules.SlotsPerDay) - UInt128.One);
    }

    private static UInt128 Range(int from, int to) =>
        to <= from ? UInt128.Zero : ((UInt128.One << (to - from)) - UInt128.One) << from;

    /// <summary>The soft components of one registrant.</summary>
    internal readonly record struct Parts(double SkillFit, double Proximity, double Slack, double Fairness, double Reliability, double Preference);
}
