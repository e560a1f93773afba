using Bunit;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Features.Coordinator;
using KyodoHub.Web.Identity;

namespace KyodoHub.Tests.Coordinator;

/// <summary>
/// The dashboard's state filter, on an app of its own: on the shared app every other test's
/// requests reach this dashboard too, and a reload then waits behind their database work.
/// </summary>
public class DashboardFilterTests : KyodoBunitContext, IClassFixture<AppFixture>
{
    public DashboardFilterTests(AppFixture fixture)
    {
        this.AddAppServices(fixture.App);
        AddAuthorization().SetAuthorized("coordinator@kyodohub.example").SetRoles(Roles.Coordinator);
        UseInteractiveServerRenderer();
    }

    [Fact]
    public async Task ClickingAStateCountFiltersTheList()
    {
        var dashboard = Render<CoordinatorDashboard>();
        dashboard.WaitForElement("[data-testid=request-list]", Patience);
        await dashboard.ActAsync(d => d.FindAll("button.kh-state-count").Single(b => b.QuerySelector("[data-state=Cancelled]") is not null), b => b.Click());
        dashboard.WaitForAssertion(() =>
        {
            var cards = dashboard.FindAll(".kh-card");
            Assert.NotEmpty(cards);
            Assert.All(cards, c => Assert.Equal("Cancelled", c.GetAttribute("data-state")));
        }, Patience);
    }
}
