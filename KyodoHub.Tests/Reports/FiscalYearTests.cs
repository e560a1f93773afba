using System.Globalization;
using KyodoHub.Core.Common;

namespace KyodoHub.Tests.Reports;

public class FiscalYearTests
{
    private static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja-JP");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    [Theory]
    [InlineData(2026, 4, 1, 2026)]
    [InlineData(2027, 3, 31, 2026)]
    [InlineData(2027, 1, 15, 2026)]
    [InlineData(2026, 3, 31, 2025)]
    public void ADateBelongsToTheFiscalYearThatStartedTheAprilBefore(int year, int month, int day, int expected) =>
        Assert.Equal(expected, FiscalYear.Of(new DateOnly(year, month, day)).StartYear);

    [Fact]
    public void AFiscalYearRunsFromAprilToMarch()
    {
        var year = new FiscalYear(2026);
        Assert.Equal(new DateOnly(2026, 4, 1), year.First);
        Assert.Equal(new DateOnly(2027, 3, 31), year.Last);
        Assert.Equal(12, year.Months.Count);
        Assert.Equal(new DateOnly(2027, 3, 1), year.Months[^1]);
    }

    [Fact]
    public void AnInstantCountsByItsTokyoDate()
    {
        // 31 March 2027 16:00 UTC is already 1 April 2027 in Tokyo.
        var instant = new DateTimeOffset(2027, 3, 31, 16, 0, 0, TimeSpan.Zero);
        Assert.False(new FiscalYear(2026).Contains(instant));
        Assert.True(new FiscalYear(2027).Contains(instant));
    }

    [Fact]
    public void TheCurrentFiscalYearFollowsTheClock()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2027, 2, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(new FiscalYear(2026), FiscalYear.Current(clock));
    }

    [Fact]
    public void AFiscalYearIsNamedInTheReadersLanguage()
    {
        Assert.Equal("2026年度", new FiscalYear(2026).Name(Japanese));
        Assert.Equal("2026年度（2026年4月〜2027年3月）", new FiscalYear(2026).Label(Japanese));
        Assert.Equal("FY2026", new FiscalYear(2026).Name(English));
        Assert.Equal("FY2026 (April 2026–March 2027)", new FiscalYear(2026).Label(English));
    }

    [Fact]
    public void MonthsReadAsTheLanguageWritesThem()
    {
        var april = new DateOnly(2027, 4, 1);
        Assert.Equal("4月", MonthNames.Short(april, Japanese));
        Assert.Equal("2027年4月", MonthNames.Long(april, Japanese));
        Assert.Equal("Apr", MonthNames.Short(april, English));
        Assert.Equal("April 2027", MonthNames.Long(april, English));
    }

    [Fact]
    public void AxisLabelsNameTheYearOnlyOnTheFirstMonthAndInJanuary()
    {
        var months = new FiscalYear(2026).Months;
        var ja = MonthNames.AxisLabels(months, Japanese);
        Assert.Equal(["2026年4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月", "2027年1月", "2月", "3月"], ja);
        var en = MonthNames.AxisLabels(months, English);
        Assert.Equal("Apr 2026", en[0]);
        Assert.Equal("May", en[1]);
        Assert.Equal("Jan 2027", en[9]);
    }

    [Fact]
    public void RefusesAYearOutsideTheCalendar() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new FiscalYear(0));
}
