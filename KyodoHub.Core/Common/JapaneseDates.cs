using System.Globalization;

namespace KyodoHub.Core.Common;

/// <summary>Dates as Japanese documents write them, in the Gregorian and the era calendar.</summary>
public static class JapaneseDates
{
    private static readonly CultureInfo EraCulture = CreateEraCulture();

    /// <summary>E.g. 令和8年11月28日.</summary>
    public static string Era(DateOnly date)
    {
        var dt = date.ToDateTime(TimeOnly.MinValue);
        var calendar = EraCulture.DateTimeFormat.Calendar;
        var era = calendar.GetEra(dt);
        var year = calendar.GetYear(dt);
        var eraName = EraCulture.DateTimeFormat.GetEraName(era);
        // The first year of an era is written 元年 in official documents.
        var yearText = year == 1 ? "元" : year.ToString(CultureInfo.InvariantCulture);
        return $"{eraName}{yearText}年{dt.Month}月{dt.Day}日";
    }

    /// <summary>E.g. 2026年11月28日.</summary>
    public static string Gregorian(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    private static CultureInfo CreateEraCulture()
    {
        var culture = (CultureInfo)CultureInfo.GetCultureInfo("ja-JP").Clone();
        culture.DateTimeFormat.Calendar = new JapaneseCalendar();
        return culture;
    }
}
