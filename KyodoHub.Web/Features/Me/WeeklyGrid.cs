using KyodoHub.Core.Registrants;

namespace KyodoHub.Web.Features.Me;

/// <summary>Whether a registrant is free in a slot of the weekly grid.</summary>
public enum SlotState
{
    Busy = 0,

    /// <summary>Free for part of the slot only (a window that does not line up with the grid).</summary>
    Partly = 1,

    Free = 2,
}

/// <summary>One row of the weekly grid: a span of Tokyo wall-clock minutes from midnight.</summary>
public sealed record GridSlot(int StartMinute, int EndMinute)
{
    public string Label => $"{StartMinute / 60}:{StartMinute % 60:00}–{EndMinute / 60}:{EndMinute % 60:00}";
}

/// <summary>
/// The weekly availability as the grid editor sees it: minute by minute per weekday, so that
/// toggling a slot changes exactly that slot and keeps every other minute as it was — including
/// windows outside the grid's hours or not on its slot boundaries. Immutable.
/// </summary>
public sealed class WeeklyGrid
{
    public const int FirstHour = 8;
    public const int LastHour = 21;
    public const int SlotMinutes = 60;
    private const int MinutesPerDay = 24 * 60;

    private readonly bool[] _free;

    private WeeklyGrid(bool[] free) => _free = free;

    /// <summary>Monday first, as Japanese calendars print the week (月〜日).</summary>
    public static IReadOnlyList<DayOfWeek> Days { get; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static IReadOnlyList<GridSlot> Slots { get; } = Enumerable
        .Range(0, (LastHour - FirstHour) * 60 / SlotMinutes)
        .Select(i => new GridSlot(FirstHour * 60 + i * SlotMinutes, FirstHour * 60 + (i + 1) * SlotMinutes))
        .ToList();

    public static WeeklyGrid From(IEnumerable<AvailabilityWindow> windows)
    {
        var free = new bool[7 * MinutesPerDay];
        foreach (var w in windows)
        {
            Array.Fill(free, true, Offset(w.Day, w.StartMinute), w.EndMinute - w.StartMinute);
        }
        return new WeeklyGrid(free);
    }

    public SlotState StateOf(DayOfWeek day, GridSlot slot)
    {
        var span = _free.AsSpan(Offset(day, slot.StartMinute), slot.EndMinute - slot.StartMinute);
        return !span.Contains(false) ? SlotState.Free : span.Contains(true) ? SlotState.Partly : SlotState.Busy;
    }

    /// <summary>A fully free slot becomes busy; a busy or partly free one becomes fully free.</summary>
    public WeeklyGrid Toggle(DayOfWeek day, GridSlot slot)
    {
        var free = (bool[])_free.Clone();
        Array.Fill(free, StateOf(day, slot) != SlotState.Free, Offset(day, slot.StartMinute), slot.EndMinute - slot.StartMinute);
        return new WeeklyGrid(free);
    }

    /// <summary>The free minutes as merged windows, day by day in <see cref="DayOfWeek"/> order.</summary>
    public IReadOnlyList<AvailabilityWindow> ToWindows()
    {
        var windows = new List<AvailabilityWindow>();
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            var minutes = _free.AsSpan(Offset(day, 0), MinutesPerDay);
            var start = -1;
            for (var m = 0; m <= MinutesPerDay; m++)
            {
                var isFree = m < MinutesPerDay && minutes[m];
                if (isFree && start < 0)
                {
                    start = m;
                }
                else if (!isFree && start >= 0)
                {
                    windows.Add(new AvailabilityWindow(day, start, m));
                    start = -1;
                }
            }
        }
        return windows;
    }

    private static int Offset(DayOfWeek day, int minute) => (int)day * MinutesPerDay + minute;
}
