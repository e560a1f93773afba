using Bunit;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Features.Coordinator;
using KyodoHub.Web.Identity;

namespace KyodoHub.Tests.Live;

/// <summary>A page that a live event re-renders keeps the language it was opened in.</summary>
[Collection(AppCollection.Name)]
public sealed class LiveCultureRenderTests : KyodoBunitContext
{
    private readonly AppFixture _fixture;

    public LiveCultureRenderTests(AppFixture fixture)
    {
        _fixture = fixture;
        this.AddAppServices(fixture.App);
        AddAuthorization().SetAuthorized("coordinator@kyodohub.example").SetRoles(Roles.Coordinator);
        UseInteractiveServerRenderer();
    }

    [Fact]
    public async Task AnEnglishDashboardShowsARequestArrivingFromAJapaneseCallerInEnglish()
    {
        UseCulture("en");
        var dashboard = Render<CoordinatorDashboard>();
        dashboard.WaitForElement("[data-testid=request-list]", Patience);

        // The API caller's request runs in Japanese; the event reaches the page on the broker's thread.
        UseCulture("ja-JP");
        var created = await TestRequests.PostAsync(_fixture.App, TestRequests.Valid());

        dashboard.WaitForAssertion(() =>
        {
            var card = dashboard.Find($".kh-card[data-request-id='{created.Id}']");
            Assert.Contains("Filled / seats", card.TextContent, StringComparison.Ordinal);
            Assert.Contains("Shibasaki", card.TextContent, StringComparison.Ordinal);
            Assert.Equal("Requests at a glance", dashboard.Find("h1").TextContent);
        }, Patience);
    }
}
