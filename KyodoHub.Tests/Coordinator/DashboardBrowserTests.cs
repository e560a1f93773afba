using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Identity;
using Microsoft.Playwright;

namespace KyodoHub.Tests.Coordinator;

/// <summary>The dashboard's cards and table in a real browser: titles wrap between words, both views fit a phone, the choice is kept.</summary>
[Collection(BrowserCollection.Name)]
public class DashboardBrowserTests(BrowserAppFixture fixture)
{
    private const string LongTitle = "月例ウォーキングの先導と見守り";

    // The words of the title, by where they start and end: a line may begin at none of their insides.
    private static readonly (int Start, int End)[] Words = [(0, 2), (2, 8), (9, 11), (12, 15)];

    // Finds where each new line of the element's text begins, from the boxes of its characters.
    private const string LineStarts = """
        e => {
            const text = e.firstChild; const starts = []; let top = null;
            for (let i = 0; i < text.length; i++) {
                const r = document.createRange(); r.setStart(text, i); r.setEnd(text, i + 1);
                const y = Math.round(r.getBoundingClientRect().top);
                if (top !== null && y > top + 2) starts.push(i);
                top = y;
            }
            return starts;
        }
        """;

    [Theory]
    [InlineData(false, 1280)]
    [InlineData(true, 1280)]
    [InlineData(false, 390)]
    [InlineData(true, 390)]
    public async Task ALongJapaneseTitleWrapsBetweenWordsInCardsAndInTheTable(bool english, int width)
    {
        var look = new PageLook(english, width, width < 600 ? 844 : 800);
        var created = await TestRequests.PostAsync(fixture.App, TestRequests.Valid() with { Title = LongTitle });
        var page = await fixture.SignedInPageAsync(Roles.Coordinator, look);
        try
        {
            await page.GotoAsync("/coordinator?view=cards");
            await Assertions.Expect(page.Locator("[data-testid=request-list][data-view=cards][data-live=on]")).ToHaveCountAsync(1);
            var cardTitle = page.Locator($".kh-card[data-request-id='{created.Id}'] .kh-request-title");
            await AssertWrapsBetweenWordsAsync(cardTitle);
            Assert.True(await Screenshots.FitsTheWidthAsync(page));
            await Screenshots.TakeAsync(page, "dashboard-cards", look);

            await page.GetByTestId("view-table").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=request-list][data-view=table]")).ToHaveCountAsync(1);
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("view=table"));
            var cellTitle = page.Locator($"tr.request-{created.Id} .kh-request-title");
            await AssertWrapsBetweenWordsAsync(cellTitle);
            Assert.True(await Screenshots.FitsTheWidthAsync(page));
            await Screenshots.TakeAsync(page, "dashboard-table", look);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task TheChosenViewIsKeptForTheNextVisit()
    {
        var page = await fixture.SignedInPageAsync(Roles.Coordinator);
        try
        {
            await page.GotoAsync("/coordinator");
            await Assertions.Expect(page.Locator("[data-testid=request-list][data-view=cards][data-live=on]")).ToHaveCountAsync(1);
            await page.GetByTestId("view-table").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=request-list][data-view=table]")).ToHaveCountAsync(1);

            await page.GotoAsync("/coordinator");
            await Assertions.Expect(page.Locator("[data-testid=request-list][data-view=table][data-live=on]")).ToHaveCountAsync(1);
            await Assertions.Expect(page.GetByTestId("view-table")).ToHaveAttributeAsync("aria-pressed", "true");

            // A live request still arrives at the top of the table, highlighted.
            var created = await TestRequests.PostAsync(fixture.App, TestRequests.Valid());
            var row = page.Locator("[data-testid=request-list] tbody tr").First;
            await Assertions.Expect(row).ToHaveClassAsync(new System.Text.RegularExpressions.Regex($"request-{created.Id} .*kh-fresh|kh-fresh.*request-{created.Id}|request-{created.Id} kh-fresh"));
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private static async Task AssertWrapsBetweenWordsAsync(ILocator title)
    {
        await Assertions.Expect(title).ToHaveTextAsync(LongTitle);
        var style = await title.EvaluateAsync<string>("e => getComputedStyle(e).wordBreak");
        Assert.Contains(style, new[] { "keep-all", "auto-phrase" });
        var starts = await title.EvaluateAsync<int[]>(LineStarts);
        Assert.DoesNotContain(starts, s => Words.Any(w => s > w.Start && s < w.End));
    }
}
