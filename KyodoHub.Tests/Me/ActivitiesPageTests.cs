using Bunit;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Features.Me;

namespace KyodoHub.Tests.Me;

[Collection(AppCollection.Name)]
public class ActivitiesPageTests : KyodoBunitContext
{
    private readonly AppFixture _fixture;

    public ActivitiesPageTests(AppFixture fixture)
    {
        _fixture = fixture;
        this.AddWorkspaceServices(fixture.App);
    }

    [Fact]
    public async Task ListsAnAcceptedActivityWithItsHoursAndTotals()
    {
        var id = await MeTestData.NewRegistrantAsync(_fixture.App);
        var request = await WorkspaceTestActions.AcceptedRequestAsync(_fixture.App, id, daysAhead: 230);
        this.SignInAsRegistrant(id);
        UseInteractiveServerRenderer();
        var page = Render<MyActivitiesPage>();
        page.WaitForElement("[data-testid=upcoming-activities]", Patience);

        var row = page.Find($"[data-testid=upcoming-activities] tr[data-request-id='{request.Id}']");
        Assert.Contains(request.Title, row.TextContent, StringComparison.Ordinal);
        Assert.Contains("10:00–12:00", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("2", row.QuerySelectorAll("td").Last().TextContent.Trim());
        var totals = page.Find("[data-testid=totals]").TextContent;
        Assert.Contains("1件", totals, StringComparison.Ordinal);
        Assert.Contains("2時間", totals, StringComparison.Ordinal);
        Assert.Contains("0回", totals, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IssuesACalendarAddressAndShowsItOnce()
    {
        var id = await MeTestData.NewRegistrantAsync(_fixture.App);
        this.SignInAsRegistrant(id);
        UseInteractiveServerRenderer();
        var page = Render<MyActivitiesPage>();
        page.WaitForElement("[data-testid=issue-feed]", Patience);
        await page.ClickAsync("[data-testid=issue-feed]");
        page.WaitForAssertion(() => Assert.Matches(@"^http://localhost/calendar/[A-Za-z0-9_-]{43}\.ics$",
            page.Find("input[data-testid=calendar-url]").GetAttribute("value")), Patience);
        Assert.NotNull(page.Find("[data-testid=stop-feed]"));

        await page.ClickAsync("[data-testid=copy-url]");
        JSInterop.VerifyInvoke("navigator.clipboard.writeText");

        await page.ClickAsync("[data-testid=stop-feed]");
        await page.ClickAsync("[data-testid=confirm-stop-feed]");
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("input[data-testid=calendar-url]")), Patience);
        Assert.Empty(page.FindAll("[data-testid=stop-feed]"));
    }
}
