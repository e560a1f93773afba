using Bunit;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Features.Coordinator;
using KyodoHub.Web.Identity;

namespace KyodoHub.Tests.Coordinator;

[Collection(AppCollection.Name)]
public class CoordinatorDashboardTests : KyodoBunitContext
{
    private readonly AppFixture _fixture;

    public CoordinatorDashboardTests(AppFixture fixture)
    {
        _fixture = fixture;
        this.AddAppServices(fixture.App);
        AddAuthorization().SetAuthorized("coordinator@kyodohub.example").SetRoles(Roles.Coordinator);
        UseInteractiveServerRenderer();
    }

    [Fact]
    public async Task AddsAHighlightedCardWhenTheBrokerPublishesANewRequest()
    {
        var dashboard = Render<CoordinatorDashboard>();
        dashboard.WaitForElement("[data-testid=request-list]", Patience);
        var before = dashboard.FindAll(".kh-card").Count;

        var created = await TestRequests.PostAsync(_fixture.App, TestRequests.Valid());

        dashboard.WaitForAssertion(() =>
        {
            var first = dashboard.FindAll(".kh-card")[0];
            Assert.Equal(created.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), first.GetAttribute("data-request-id"));
            Assert.Contains("kh-fresh", first.ClassList);
            Assert.Contains(created.Title, first.TextContent, StringComparison.Ordinal);
        }, Patience);
        Assert.True(dashboard.FindAll(".kh-card").Count >= Math.Min(before + 1, 100));
    }

    [Fact]
    public async Task UpdatesTheCountsWhenARequestArrives()
    {
        var dashboard = Render<CoordinatorDashboard>();
        dashboard.WaitForElement("[data-testid=request-list]", Patience);
        var open = int.Parse(dashboard.Find(".kh-state-number[data-state=Open]").TextContent, System.Globalization.CultureInfo.InvariantCulture);

        await TestRequests.PostAsync(_fixture.App, TestRequests.Valid());

        dashboard.WaitForAssertion(() =>
            Assert.True(int.Parse(dashboard.Find(".kh-state-number[data-state=Open]").TextContent, System.Globalization.CultureInfo.InvariantCulture) > open),
            Patience);
    }
}
