using KyodoHub.Core.Common;

namespace KyodoHub.Core.Registrants;

/// <summary>
/// A weekly window in which a registrant is usually free, in Tokyo wall-clock minutes from
/// midnight. <see cref="EndMinute"/> may be 1440 (midnight at the end of the day).
/// </summary>
public sealed record AvailabilityWindow
{
    public AvailabilityWindow(DayOfWeek day, int startMinute, int endMinute)
    {
        Day = Guard.Defined(day, nameof(Day));
        StartMinute = Guard.InRange(startMinute, nameof(StartMinute), 0, 1439);
        EndMinute = Guard.InRange(endMinute, nameof(EndMinute), 1, 1440);
        if (EndMinute <= StartMinute)
        {
            throw new DomainValidationException(nameof(EndMinute), "EndBeforeStart", "The end must be after the start.");
        }
    }

    public DayOfWeek Day { get; }
    public int StartMinute { get; }
    public int EndMinute { get; }
}

/// <summary>Whether a dated exception adds or removes time.</summary>
public enum ExceptionKind
{
    /// <summary>Not available in the window on that date (holiday, trip).</summary>
    Unavailable = 0,

    /// <summary>Available in the window on that date although the weekly pattern says not.</summary>
    Available = 1,
}

/// <summary>
/// A dated change to the weekly pattern. A whole-day exception has 0..1440 as its window.
/// </summary>
public sealed record AvailabilityException
{
    public AvailabilityException(DateOnly date, ExceptionKind kind, int startMinute = 0, int endMinute = 1440)
    {
        Date = date;
        Kind = Guard.Defined(kind, nameof(Kind));
        StartMinute = Guard.InRange(startMinute, nameof(StartMinute), 0, 1439);
        EndMinute = Guard.InRange(endMinute, nameof(EndMinute), 1, 1440);
        if (EndMinute <= StartMinute)
        {
            throw new DomainValidationException(nameof(EndMinute), "EndBeforeStart", "The end must be after the start.");
        }
    }

    public DateOnly Date { get; }
    public ExceptionKind Kind { get; }
    public int StartMinute { get; }
    public int EndMinute { get; }

    public bool IsWholeDay => StartMinute == 0 && EndMinute == 1440;
}
