using Bunit;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Features.Coordinator;
using KyodoHub.Web.Identity;
using MudBlazor;

namespace KyodoHub.Tests.Coordinator;

[Collection(AppCollection.Name)]
public class RequestDetailPageTests : KyodoBunitContext
{
    private readonly AppFixture _fixture;

    public RequestDetailPageTests(AppFixture fixture)
    {
        _fixture = fixture;
        this.AddAppServices(fixture.App);
        AddAuthorization().SetAuthorized("coordinator@kyodohub.example").SetRoles(Roles.Coordinator);
        UseInteractiveServerRenderer();
    }

    private static List<string> Order(IRenderedComponent<RequestDetailPage> page) =>
        page.FindAll("[data-testid=candidates] li").Select(li => li.GetAttribute("data-registrant-id")!).ToList();

    [Fact]
    public async Task TheEditFormOpensOnlyWhenTheCoordinatorAsksForIt()
    {
        var request = await TestRequests.PostAsync(_fixture.App, TestRequests.Valid());
        var page = Render<RequestDetailPage>(p => p.Add(x => x.RequestId, request.Id));
        page.WaitForElement("[data-testid=candidates]", Patience);
        Assert.Empty(page.FindAll("[data-testid=request-editor]"));

        await page.ClickAsync("[data-testid=open-editor]");
        page.WaitForAssertion(() => Assert.Equal(request.Title, page.Find("[data-testid=request-editor] input").GetAttribute("value")), Patience);
    }

    [Fact]
    public async Task ReRanksWhenAWeightSliderMoves()
    {
        var request = await TestRequests.PostAsync(_fixture.App, TestRequests.Valid());
        var page = Render<RequestDetailPage>(p => p.Add(x => x.RequestId, request.Id));
        page.WaitForElement("[data-testid=candidates]", Patience);
        var before = Order(page);
        var totalsBefore = page.FindAll(".kh-total").Select(t => t.TextContent).ToList();

        // Proximity only: the nearest registrants must now lead.
        var sliders = page.FindComponents<MudSlider<double>>();
        foreach (var slider in sliders)
        {
            var key = slider.Instance.UserAttributes["data-weight"]!.ToString();
            await page.InvokeAsync(() => slider.Instance.ValueChanged.InvokeAsync(key == "Proximity" ? 1.0 : 0.0));
        }

        page.WaitForAssertion(() =>
        {
            var totalsAfter = page.FindAll(".kh-total").Select(t => t.TextContent).ToList();
            Assert.NotEqual(totalsBefore, totalsAfter);
        }, Patience);
        var after = Order(page);
        Assert.NotEqual(before, after);
        // With proximity alone, the total equals the proximity component, and the list is sorted by it.
        var proximities = page.FindAll("[data-testid=candidates] li").Select(li => int.Parse(li.QuerySelector(".kh-total")!.TextContent, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(proximities.OrderByDescending(x => x), proximities);
    }

    [Fact]
    public async Task ShowsExcludedRegistrantsWithTheirReasons()
    {
        var request = await TestRequests.PostAsync(_fixture.App, TestRequests.Valid(programs: ["LifelongLearningLeader"]));
        var page = Render<RequestDetailPage>(p => p.Add(x => x.RequestId, request.Id));
        page.WaitForAssertion(() =>
        {
            var rows = page.FindAll("[data-testid=excluded] tbody tr");
            Assert.NotEmpty(rows);
            Assert.Contains(rows, r => r.TextContent.Contains("制度", StringComparison.Ordinal) || r.TextContent.Contains("活動", StringComparison.Ordinal));
        }, Patience);
    }

    [Fact]
    public async Task SendsAnOfferToTheSelectedCandidateAndListsIt()
    {
        var request = await TestRequests.PostAsync(_fixture.App, TestRequests.Valid());
        var page = Render<RequestDetailPage>(p => p.Add(x => x.RequestId, request.Id));
        page.WaitForElement("[data-testid=candidates]", Patience);
        var first = page.FindComponents<MudCheckBox<bool>>()[0];
        await page.InvokeAsync(() => first.Instance.ValueChanged.InvokeAsync(true));
        await page.ClickAsync("[data-testid=send-offers]");
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=offers] tbody tr")), Patience);
    }
}
