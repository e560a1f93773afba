using Bunit;
using KyodoHub.Core.Offers;
using KyodoHub.Core.Requests;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Coordinator;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Coordinator;

/// <summary>
/// What the dashboard lists and how: the requests that need action by default, every state on request,
/// cards or a table, a page at a time. On an app of its own, whose database gets 2,000 more requests.
/// </summary>
public class DashboardListTests : KyodoBunitContext, IClassFixture<DashboardListTests.ManyRequestsFixture>
{
    private static readonly RequestState[] Done = [RequestState.Completed, RequestState.Evaluated, RequestState.Cancelled, RequestState.Expired];
    private readonly ManyRequestsFixture _fixture;

    public DashboardListTests(ManyRequestsFixture fixture)
    {
        _fixture = fixture;
        this.AddAppServices(fixture.App);
        AddAuthorization().SetAuthorized("coordinator@kyodohub.example").SetRoles(Roles.Coordinator);
        UseInteractiveServerRenderer();
    }

    [Fact]
    public async Task ByDefaultListsOnlyTheRequestsThatNeedAction()
    {
        var (needAction, all) = await CountsAsync();
        var dashboard = Render<CoordinatorDashboard>();
        dashboard.WaitForElement("[data-testid=request-list]", Patience);

        Assert.Equal(needAction.ToString(System.Globalization.CultureInfo.InvariantCulture), dashboard.Find("[data-testid=showing]").GetAttribute("data-total"));
        Assert.All(dashboard.FindAll(".kh-card"), c => Assert.DoesNotContain(Enum.Parse<RequestState>(c.GetAttribute("data-state")!), Done));

        await dashboard.ChangeAsync("[data-testid=filter-all] input, input[data-testid=filter-all]", true);
        dashboard.WaitForAssertion(() =>
            Assert.Equal(all.ToString(System.Globalization.CultureInfo.InvariantCulture), dashboard.Find("[data-testid=showing]").GetAttribute("data-total")), Patience);
        Assert.True(all > needAction);
    }

    [Fact]
    public async Task AClosedStateIsListedWhenItsCountIsChosen()
    {
        var dashboard = Render<CoordinatorDashboard>();
        dashboard.WaitForElement("[data-testid=request-list]", Patience);
        await dashboard.ActAsync(d => d.FindAll("button.kh-state-count").Single(b => b.QuerySelector("[data-state=Expired]") is not null), b => b.Click());
        dashboard.WaitForAssertion(() =>
        {
            var cards = dashboard.FindAll(".kh-card");
            Assert.NotEmpty(cards);
            Assert.All(cards, c => Assert.Equal("Expired", c.GetAttribute("data-state")));
        }, Patience);
    }

    [Fact]
    public void TheTableListsTheSameRequestsAsTheCards()
    {
        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        navigation.NavigateTo("/coordinator?view=cards");
        var cards = Render<CoordinatorDashboard>();
        cards.WaitForElement("[data-testid=request-list][data-view=cards]", Patience);
        var cardIds = cards.FindAll(".kh-card").Select(c => c.GetAttribute("data-request-id") ?? "").ToList();

        navigation.NavigateTo("/coordinator?view=table");
        var table = Render<CoordinatorDashboard>();
        table.WaitForElement("[data-testid=request-list][data-view=table]", Patience);
        var rowIds = table.FindAll("[data-testid=request-list] tbody tr")
            .Select(r => r.ClassList.Single(c => c.StartsWith("request-", StringComparison.Ordinal))["request-".Length..]).ToList();

        Assert.Equal(CoordinatorDashboard.PageSize, cardIds.Count);
        Assert.Equal(cardIds, rowIds);
        Assert.Empty(table.FindAll(".kh-card"));
    }

    [Fact]
    public async Task TwoThousandRequestsAreShownAPageAtATime()
    {
        var (needAction, _) = await CountsAsync();
        Assert.True(needAction >= ManyRequestsFixture.Count);
        var dashboard = Render<CoordinatorDashboard>();
        dashboard.WaitForElement("[data-testid=request-list]", Patience);

        Assert.Equal(CoordinatorDashboard.PageSize, dashboard.FindAll(".kh-card").Count);
        var pages = (int)Math.Ceiling(needAction / (double)CoordinatorDashboard.PageSize);
        Assert.Contains(dashboard.FindAll("[data-testid=pager] button"), b => b.TextContent.Trim() == pages.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var first = dashboard.FindAll(".kh-card").Select(c => c.GetAttribute("data-request-id")).ToList();

        await dashboard.ActAsync(d => d.FindAll("[data-testid=pager] button").First(b => b.TextContent.Trim() == "2"), b => b.Click());
        dashboard.WaitForAssertion(() =>
        {
            var second = dashboard.FindAll(".kh-card").Select(c => c.GetAttribute("data-request-id")).ToList();
            Assert.Equal(CoordinatorDashboard.PageSize, second.Count);
            Assert.Empty(second.Intersect(first));
        }, Patience);
    }

    private async Task<(int NeedAction, int All)> CountsAsync()
    {
        await using var db = await _fixture.App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        var needAction = await db.Requests.CountAsync(r => r.State == RequestState.Open || r.State == RequestState.PartiallyFilled
            || db.Offers.Any(o => o.RequestId == r.Id && o.State == OfferState.Offered));
        return (needAction, await db.Requests.CountAsync());
    }

    /// <summary>The demo data and 2,000 open requests more, written straight to the database.</summary>
    public sealed class ManyRequestsFixture : AppFixture, IAsyncLifetime
    {
        public const int Count = 2000;

        async Task IAsyncLifetime.InitializeAsync()
        {
            await InitializeAsync();
            await using var db = await App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < Count; i++)
            {
                var start = now.AddDays(200 + (i % 50));
                var details = new RequestDetails($"一括登録の依頼 {i}", "公園の清掃をお手伝いください。", 9, Core.Common.Program.Both,
                    [new RequestSession(start, start.AddHours(2))], 7, "柴崎町の公園", 1, start.AddDays(-3), [], [], [], null);
                db.Requests.Add(new Request(2, details, RequestOrigin.Online, now.AddSeconds(-i)));
            }
            await db.SaveChangesAsync();
        }
    }
}
