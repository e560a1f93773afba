using System.Globalization;

namespace KyodoHub.Core.Common;

/// <summary>
/// A Japanese fiscal year (年度), April to March, named by the calendar year it starts in:
/// 2026年度 runs from 1 April 2026 to 31 March 2027.
/// </summary>
public readonly record struct FiscalYear
{
    public const int FirstMonth = 4;

    public FiscalYear(int startYear)
    {
        if (startYear is < 1900 or > 9998)
        {
            throw new ArgumentOutOfRangeException(nameof(startYear), startYear, "A fiscal year starts between 1900 and 9998.");
        }
        StartYear = startYear;
    }

    /// <summary>The calendar year the fiscal year starts in.</summary>
    public int StartYear { get; }

    /// <summary>1 April of <see cref="StartYear"/>.</summary>
    public DateOnly First => new(StartYear, FirstMonth, 1);

    /// <summary>31 March of the following year.</summary>
    public DateOnly Last => First.AddYears(1).AddDays(-1);

    /// <summary>The twelve months, April first, each as its first day.</summary>
    public IReadOnlyList<DateOnly> Months => Enumerable.Range(0, 12).Select(First.AddMonths).ToList();

    /// <summary>The fiscal year a date falls in.</summary>
    public static FiscalYear Of(DateOnly date) => new(date.Month >= FirstMonth ? date.Year : date.Year - 1);

    /// <summary>The fiscal year of today in Tokyo.</summary>
    public static FiscalYear Current(TimeProvider clock) => Of(TokyoTime.Today(clock));

    public bool Contains(DateOnly date) => date >= First && date <= Last;

    /// <summary>Whether an instant falls in the fiscal year, by its Tokyo date.</summary>
    public bool Contains(DateTimeOffset instant) => Contains(TokyoTime.DateOf(instant));

    /// <summary>2026年度, or FY2026 in other languages.</summary>
    public string Name(CultureInfo culture) =>
        IsJapanese(culture) ? $"{StartYear}年度" : string.Create(culture, $"FY{StartYear}");

    /// <summary>2026年度（2026年4月〜2027年3月）, or FY2026 (April 2026–March 2027).</summary>
    public string Label(CultureInfo culture) =>
        IsJapanese(culture)
            ? $"{Name(culture)}（{MonthNames.Long(First, culture)}〜{MonthNames.Long(Last, culture)}）"
            : $"{Name(culture)} ({MonthNames.Long(First, culture)}–{MonthNames.Long(Last, culture)})";

    internal static bool IsJapanese(CultureInfo culture) => culture.TwoLetterISOLanguageName == "ja";
}
