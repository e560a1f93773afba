using KyodoHub.Core.Common;
using KyodoHub.Core.Matching;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Features.Matching;
using KyodoHub.Web.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KyodoHub.Tests.Me;

[Collection(BrowserCollection.Name)]
public class AvailabilityBrowserTests(BrowserAppFixture fixture)
{
    private static readonly Dictionary<DayOfWeek, string> DayNames = new()
    {
        [DayOfWeek.Monday] = "月曜", [DayOfWeek.Tuesday] = "火曜", [DayOfWeek.Wednesday] = "水曜", [DayOfWeek.Thursday] = "木曜",
        [DayOfWeek.Friday] = "金曜", [DayOfWeek.Saturday] = "土曜", [DayOfWeek.Sunday] = "日曜",
    };

    private async Task<MatchExplanation> ExplainAsync(int requestId, int registrantId)
    {
        await using var scope = ScopeAs.User(fixture.App.Services, Roles.Coordinator);
        return (await scope.ServiceProvider.GetRequiredService<CandidateRanking>().ExplainAsync(requestId, registrantId, null, CancellationToken.None))!;
    }

    [Fact]
    public async Task TakingASlotOutOfTheWeeklyGridExcludesTheRegistrantFromARequestAtThatTime()
    {
        var registrantId = await MeTestData.NewRegistrantAsync(fixture.App);
        var request = await TestRequests.PostAsync(fixture.App, TestRequests.Valid(daysAhead: 250));
        Assert.Empty((await ExplainAsync(request.Id, registrantId)).Reasons);
        var day = DayNames[TokyoTime.ToLocal(request.Sessions[0].Start).DayOfWeek];

        var email = await TestAccounts.ForRegistrantAsync(fixture.App, registrantId);
        var page = await fixture.SignedInPageAsync(email, TestAccounts.Password, "/me");
        try
        {
            await page.GotoAsync("/me/availability");
            await Assertions.Expect(page.Locator("[data-testid=weekly][data-live=on]")).ToBeVisibleAsync();
            var ten = page.GetByRole(AriaRole.Gridcell, new() { Name = $"{day} 10:00–11:00 空いている", Exact = true });
            await Assertions.Expect(ten).ToBeVisibleAsync();

            // Keyboard only, as fast as a practised hand: Space, down a row, Enter. The heading takes
            // the focus once the page is live (focus on navigation); only then is it the test's to move.
            await Assertions.Expect(page.Locator("h1")).ToBeFocusedAsync();
            await Assertions.Expect(page.Locator("table[role=grid][data-keys=browser]")).ToBeVisibleAsync();
            await ten.FocusAsync();
            await Assertions.Expect(ten).ToBeFocusedAsync();
            var scrolledTo = await page.EvaluateAsync<double>("() => window.scrollY");
            await page.Keyboard.PressAsync("Space");
            await page.Keyboard.PressAsync("ArrowDown");
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.GetByRole(AriaRole.Gridcell, new() { Name = $"{day} 11:00–12:00 空いていない", Exact = true })).ToBeFocusedAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Gridcell, new() { Name = $"{day} 10:00–11:00 空いていない", Exact = true })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("td[role=gridcell][tabindex='0']")).ToHaveCountAsync(1);
            // The keys worked the grid only: the page did not scroll under them.
            Assert.Equal(scrolledTo, await page.EvaluateAsync<double>("() => window.scrollY"));

            await page.GetByTestId("save-weekly").ClickAsync();
            await Assertions.Expect(page.GetByTestId("message")).ToContainTextAsync("毎週の活動できる時間を保存しました。");

            // The match index hears of the change through the registrant's event.
            var deadline = DateTime.UtcNow.AddSeconds(15);
            MatchExplanation explanation;
            do
            {
                explanation = await ExplainAsync(request.Id, registrantId);
                if (explanation.Reasons.Contains(ExclusionReason.NotAvailable))
                {
                    break;
                }
                await Task.Delay(100);
            }
            while (DateTime.UtcNow < deadline);
            Assert.Equal([ExclusionReason.NotAvailable], explanation.Reasons);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
