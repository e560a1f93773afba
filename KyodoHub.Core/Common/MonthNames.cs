using System.Globalization;

namespace KyodoHub.Core.Common;

/// <summary>Months as a reader of the given language writes them: 4月 and 2027年4月, or Apr and April 2027.</summary>
public static class MonthNames
{
    /// <summary>4月, or Apr.</summary>
    public static string Short(DateOnly month, CultureInfo culture) =>
        FiscalYear.IsJapanese(culture)
            ? $"{month.Month}月"
            : culture.DateTimeFormat.GetAbbreviatedMonthName(month.Month).TrimEnd('.');

    /// <summary>2027年4月, or April 2027.</summary>
    public static string Long(DateOnly month, CultureInfo culture) =>
        FiscalYear.IsJapanese(culture)
            ? $"{month.Year}年{month.Month}月"
            : $"{culture.DateTimeFormat.GetMonthName(month.Month)} {month.Year.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Axis labels for consecutive months: the first month and every January carry the year
    /// (2026年4月, 5月, …, 2027年1月, 2月), so a chart reads at a glance without repeating it.
    /// </summary>
    public static IReadOnlyList<string> AxisLabels(IReadOnlyList<DateOnly> months, CultureInfo culture) =>
        months.Select((m, i) => i == 0 || m.Month == 1 ? ShortWithYear(m, culture) : Short(m, culture)).ToList();

    private static string ShortWithYear(DateOnly month, CultureInfo culture) =>
        FiscalYear.IsJapanese(culture)
            ? Long(month, culture)
            : $"{Short(month, culture)} {month.Year.ToString(CultureInfo.InvariantCulture)}";
}
