using System.Text.RegularExpressions;
using KyodoHub.Core.Common;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Reports;

[Collection(AppCollection.Name)]
public class ReportsPageTests(AppFixture fixture)
{
    private FiscalYear Current => FiscalYear.Current(fixture.App.Services.GetRequiredService<TimeProvider>());

    [Fact]
    public async Task MonthsReadAsAprilOfTheYearThenMonthNumbersAndJanuaryCarriesTheNewYear()
    {
        var html = await PageAsync("/reports");
        var year = Current.StartYear;
        Assert.Contains($"data-label=\"{year}年4月\"", html, StringComparison.Ordinal);
        Assert.Contains("data-label=\"5月\"", html, StringComparison.Ordinal);
        Assert.Contains($"data-label=\"{year + 1}年1月\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"{year % 100}/04", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFiscalYearSelectorOffersAprilToMarchYearsAndShowsTheChosenOne()
    {
        var earlier = Current.StartYear - 1;
        var html = await PageAsync($"/reports?year={earlier}");
        Assert.Contains($"{Current.StartYear}年度（{Current.StartYear}年4月〜{Current.StartYear + 1}年3月）", html, StringComparison.Ordinal);
        Assert.Matches(new Regex($"<option value=\"{earlier}\" selected[^>]*>{earlier}年度"), html);
        Assert.Contains($"data-label=\"{earlier}年4月\"", html, StringComparison.Ordinal);
        Assert.Contains($"/reports/monthly.csv?year={earlier}", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EachBarCarriesItsValueAndAMonthWithoutAnsweredOffersSaysNoData()
    {
        // The year before the demo began has no offers at all: every month is "no data", not 0 %.
        var html = await PageAsync($"/reports?year={Current.StartYear - 1}");
        var offers = Section(html, "OfferAcceptance");
        Assert.Equal(12, Regex.Matches(offers, "data-value=\"none\"").Count);
        Assert.Contains("データなし", offers, StringComparison.Ordinal);
        Assert.DoesNotContain("0%", offers, StringComparison.Ordinal);

        var monthly = Section(await PageAsync("/reports"), "Monthly");
        Assert.Matches(new Regex("class=\"kh-value-text[^\"]*\"[^>]*>\\d+</span>"), monthly);
    }

    [Fact]
    public async Task EnglishReadersSeeEnglishMonthNames()
    {
        var html = await PageAsync("/reports", english: true);
        Assert.Contains($"data-label=\"Apr {Current.StartYear}\"", html, StringComparison.Ordinal);
        Assert.Contains("data-label=\"May\"", html, StringComparison.Ordinal);
        Assert.Contains($"FY{Current.StartYear} (April {Current.StartYear}–March {Current.StartYear + 1})", html, StringComparison.Ordinal);
    }

    private static string Section(string html, string chart)
    {
        var start = html.IndexOf($"data-chart=\"{chart}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"the {chart} chart is on the page");
        var end = html.IndexOf("data-chart=", start + 20, StringComparison.Ordinal);
        return html[start..(end < 0 ? html.Length : end)];
    }

    private async Task<string> PageAsync(string path, bool english = false)
    {
        using var client = fixture.App.NewClient();
        await SignInForm.PostAsync(client, DemoUsers.EmailOf(Roles.Coordinator), DemoUsers.Password);
        if (english)
        {
            // As the language switch does: the choice lands in the client's cookie jar.
            (await client.GetAsync("/culture?lang=en&returnUrl=/")).Dispose();
        }
        using var response = await client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }
}
