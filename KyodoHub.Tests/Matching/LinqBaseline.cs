using KyodoHub.Core.Areas;
using KyodoHub.Core.Common;
using KyodoHub.Core.Groups;
using KyodoHub.Core.Matching;
using KyodoHub.Core.Registrants;
using KyodoHub.Core.Requests;
using KyodoHub.Core.Skills;
using KyodoHub.Core.Text;

namespace KyodoHub.Tests.Matching;

/// <summary>
/// The match score written the obvious way: LINQ over the domain objects, minute arithmetic on
/// the availability windows, no index. It shares only the scalar formulas (ScoringRules) with the
/// engine, so it checks the engine's encoding (bitsets, slot masks, pages, heaps) and is the
/// benchmarks' baseline. Compiled into the benchmarks too; not part of Core's API.
/// </summary>
internal sealed class LinqBaseline(IReadOnlyList<Area> areas, IReadOnlyList<SkillTag> tags, TimeProvider clock)
{
    private readonly Dictionary<int, SkillTag> _tags = tags.ToDictionary(t => t.Id);
    private readonly Dictionary<int, Area> _areas = areas.ToDictionary(a => a.Id);

    public IReadOnlyList<(int RegistrantId, double Total)> Rank(
        IEnumerable<(Registrant Registrant, RegistrantHistory History)> people,
        Request request,
        GroupKind groupKind,
        MatchWeights weights,
        int topK) =>
        people
            .Where(p => Reasons(p.Registrant, p.History, request).Count == 0)
            .Select(p => (p.Registrant.Id, Total: weights.Total(Breakdown(p.Registrant, p.History, request, groupKind))))
            .OrderByDescending(c => c.Total)
            .ThenBy(c => c.Id)
            .Take(topK)
            .ToList();

    public IReadOnlyList<ExclusionReason> Reasons(Registrant r, RegistrantHistory h, Request request)
    {
        var reasons = new List<ExclusionReason>();
        if (r.Status != RegistrantStatus.Active)
        {
            reasons.Add(ExclusionReason.NotActive);
        }
        if ((r.Programs & request.Programs) == 0)
        {
            reasons.Add(ExclusionReason.ProgramMismatch);
        }
        if (!request.Languages.All(r.Languages.Contains))
        {
            reasons.Add(ExclusionReason.LanguageMissing);
        }
        if (!request.Sessions.All(s => SlotsOf(s).All(slot => IsFree(r, slot))))
        {
            reasons.Add(ExclusionReason.NotAvailable);
        }
        if (h.Commitments.Any(c => request.Sessions.Any(s => s.Overlaps(c.Start, c.End))))
        {
            reasons.Add(ExclusionReason.AlreadyCommitted);
        }
        var months = request.Sessions
            .SelectMany(s => new[] { TokyoTime.ToLocal(s.Start), TokyoTime.ToLocal(s.End).AddTicks(-1) })
            .Select(d => (d.Year, d.Month))
            .Distinct();
        if (months.Any(m => (h.MonthlyActivities.FirstOrDefault(a => a.Year == m.Year && a.Month == m.Month)?.Count ?? 0) + 1 > r.MonthlyCap))
        {
            reasons.Add(ExclusionReason.MonthlyCapReached);
        }
        if (h.DeclinedGroupIds.Contains(request.GroupId))
        {
            reasons.Add(ExclusionReason.DeclinedThisGroup);
        }
        if (h.DecliningGroupIds.Contains(request.GroupId))
        {
            reasons.Add(ExclusionReason.DeclinedByThisGroup);
        }
        if (r.BlockedGroupIds.Contains(request.GroupId))
        {
            reasons.Add(ExclusionReason.GroupBlocked);
        }
        return reasons;
    }

    public ScoreBreakdown Breakdown(Registrant r, RegistrantHistory h, Request request, GroupKind groupKind)
    {
        var skillFit = ScoringRules.SkillFit(
            request.RequiredSkillIds.Select(t => Credit(r, t)).Sum(),
            request.RequiredSkillIds.Count,
            request.WelcomeSkillIds.Select(t => Credit(r, t)).Sum(),
            request.WelcomeSkillIds.Count);

        var proximity = _areas.TryGetValue(request.AreaId, out var at) && _areas.TryGetValue(r.HomeAreaId, out var home)
            ? ScoringRules.Proximity(at.DistanceKmTo(home))
            : 0;

        var freeAround = request.Sessions.Sum(s =>
        {
            var slots = SlotsOf(s).ToList();
            var before = Enumerable.Range(1, ScoringRules.SlackSlots).Select(k => slots[0] - k).TakeWhile(slot => IsFree(r, slot)).Count();
            var after = Enumerable.Range(0, ScoringRules.SlackSlots).Select(k => slots[^1] + 1 + k).TakeWhile(slot => IsFree(r, slot)).Count();
            return before + after;
        });
        var slack = ScoringRules.Slack(freeAround, request.Sessions.Count);

        var today = DateOnly.FromDateTime(TokyoTime.ToLocal(clock.GetUtcNow()));
        var registered = DateOnly.FromDateTime(TokyoTime.ToLocal(r.RegisteredAt));
        var fairness = ScoringRules.Fairness(
            h.ActivityDates.Count(d => d.DayNumber >= today.DayNumber - ScoringRules.RecentDays),
            today.DayNumber - registered.DayNumber);

        var reliability = ScoringRules.Reliability(h.CompletedCount, h.NoShowCount, h.RatingSum, h.RatingCount);

        var preference = ScoringRules.Preference(
            ScoringRules.PreferencePart(r.PreferredCategoryIds.Count > 0, r.PreferredCategoryIds.Contains(request.CategoryId)),
            ScoringRules.PreferencePart(r.PreferredGroupKinds.Count > 0, r.PreferredGroupKinds.Contains(groupKind)));

        return new ScoreBreakdown(skillFit, proximity, slack, fairness, reliability, preference);
    }

    private double Credit(Registrant r, int tagId)
    {
        if (!_tags.TryGetValue(tagId, out var needed))
        {
            return 0;
        }
        var held = r.Skills.FirstOrDefault(s => s.TagId == tagId);
        if (held is not null)
        {
            return ScoringRules.HeldCredit(held.Level);
        }
        var others = r.Skills.Where(s => _tags.ContainsKey(s.TagId)).Select(s => _tags[s.TagId]).ToList();
        var names = Names(needed);
        if (others.Any(t => Names(t).Overlaps(names)))
        {
            return ScoringRules.SynonymCredit;
        }
        return others.Any(t => t.CategoryId == needed.CategoryId) ? ScoringRules.NeighbourCredit : 0;
    }

    private static HashSet<string> Names(SkillTag tag) =>
        new[] { tag.NameJa, tag.NameEn }.Concat(tag.Synonyms).Select(TextFolding.Fold).Where(n => n.Length > 0).ToHashSet();

    // A 15-minute slot counted from 0001-01-01 00:00 Tokyo time; a session needs every slot it touches.
    private static IEnumerable<long> SlotsOf(RequestSession session)
    {
        var start = TokyoTime.ToLocal(session.Start).Ticks / ScoringRules.TicksPerSlot;
        var end = (TokyoTime.ToLocal(session.End).Ticks + ScoringRules.TicksPerSlot - 1) / ScoringRules.TicksPerSlot;
        for (var slot = start; slot < end; slot++)
        {
            yield return slot;
        }
    }

    // Free when a weekly window or an added window covers the slot whole and no removed window touches it.
    private static bool IsFree(Registrant r, long slot)
    {
        var date = DateOnly.FromDayNumber((int)(slot / ScoringRules.SlotsPerDay));
        var from = (int)(slot % ScoringRules.SlotsPerDay) * ScoringRules.SlotMinutes;
        var to = from + ScoringRules.SlotMinutes;
        var weekly = r.WeeklyAvailability.Any(w => w.Day == date.DayOfWeek && w.StartMinute <= from && to <= w.EndMinute);
        var added = r.AvailabilityExceptions.Any(e => e.Date == date && e.Kind == ExceptionKind.Available && e.StartMinute <= from && to <= e.EndMinute);
        var removed = r.AvailabilityExceptions.Any(e => e.Date == date && e.Kind == ExceptionKind.Unavailable && e.StartMinute < to && from < e.EndMinute);
        return (weekly || added) && !removed;
    }
}
