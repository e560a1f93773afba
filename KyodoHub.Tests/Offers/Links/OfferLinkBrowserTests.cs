using KyodoHub.Core.Offers;
using KyodoHub.Tests.Browser.Pages;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Tests.Notifications;
using KyodoHub.Web.Data;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KyodoHub.Tests.Offers.Links;

/// <summary>An app that mails through the suite's SMTP server, and Chromium.</summary>
public sealed class MailingBrowserFixture() : BrowserAppFixture(new MailingAppFixture());

/// <summary>A registrant answers from the links of the offer's mail in a browser, without signing in.</summary>
public sealed class OfferLinkBrowserTests(MailingBrowserFixture fixture) : IClassFixture<MailingBrowserFixture>
{
    private KyodoAppFactory App => fixture.App;

    private Task<Offer> OfferAsync(int offerId) => ReadAsync(db => db.Offers.AsNoTracking().SingleAsync(o => o.Id == offerId));

    private async Task<T> ReadAsync<T>(Func<KyodoDbContext, Task<T>> read)
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        return await read(db);
    }

    private static async Task<IResponse?> OpenLiveAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        await Assertions.Expect(page.Locator("[data-testid=link-answer][data-live=on]")).ToHaveCountAsync(1);
        return response;
    }

    private static async Task AssertAccessibleAsync(IPage page, PageLook look)
    {
        var problems = (await AccessibilityCheck.RunAsync(page)).ToList();
        if (look.Width < 600)
        {
            problems.AddRange(await PhoneLayoutCheck.RunAsync(page));
        }
        Assert.Empty(problems);
    }

    [Fact]
    public async Task TheAcceptLinkOpenedWithoutSigningInAcceptsOnConfirmAndTheCoordinatorSeesItLive()
    {
        var request = await TestRequests.PostAsync(App, TestRequests.Valid(headcount: 1, daysAhead: 310));
        var coordinator = await fixture.BrowserFixture.SignedInPageAsync(App, Roles.Coordinator);
        await coordinator.GotoAsync($"/coordinator/requests/{request.Id}");
        await Assertions.Expect(coordinator.Locator("[data-testid=presence][data-live=on]")).ToHaveCountAsync(1);

        var sent = await OfferLinkMail.SentAsync(App, request.Id);
        var state = coordinator.Locator($"tr:has([data-offer-id='{sent.OfferId}']) [data-offer-state]");
        await Assertions.Expect(state).ToHaveAttributeAsync("data-offer-state", nameof(OfferState.Offered));

        var page = await fixture.BrowserFixture.NewPageAsync(App);
        var opened = await OpenLiveAsync(page, sent.AcceptPath);
        Assert.Equal(200, opened?.Status);
        await Assertions.Expect(page.Locator("[data-testid=link-offer]")).ToContainTextAsync(request.Title);
        Assert.Equal(OfferState.Offered, (await OfferAsync(sent.OfferId)).State);
        await page.Locator("[data-testid=link-confirm]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=link-done]")).ToContainTextAsync("打診を引き受けました。");

        await Assertions.Expect(state).ToHaveAttributeAsync("data-offer-state", nameof(OfferState.Accepted));
        var offer = await OfferAsync(sent.OfferId);
        Assert.Equal((OfferState.Accepted, AnswerChannel.MailLink), (offer.State, offer.AnsweredVia));

        var again = await OpenLiveAsync(page, sent.AcceptPath);
        Assert.Equal(410, again?.Status);
        await Assertions.Expect(page.Locator("[data-testid=link-refused]")).ToContainTextAsync("このリンクはすでに使われています（回答：引き受け）。");
        await Assertions.Expect(page.Locator("[data-testid=link-confirm]")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
        await coordinator.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(PageLook.Names), MemberType = typeof(PageLook))]
    public async Task TheDeclineLinkAsksForAReasonAndDeclines(string name)
    {
        var look = PageLook.Named(name);
        var request = await TestRequests.PostAsync(App, TestRequests.Valid(headcount: 1, daysAhead: 320 + PageLook.All.ToList().IndexOf(look)));
        var sent = await OfferLinkMail.SentAsync(App, request.Id);
        var page = await fixture.BrowserFixture.NewPageAsync(App, look);

        await OpenLiveAsync(page, sent.DeclinePath);
        await AssertAccessibleAsync(page, look);
        await Screenshots.TakeAsync(page, "link-decline", look);
        await page.Locator("[data-testid=link-confirm]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=link-reason-error]")).ToContainTextAsync(look.English ? "Reason is required." : "「辞退の理由」を入力してください。");
        Assert.Equal(OfferState.Offered, (await OfferAsync(sent.OfferId)).State);

        await page.Locator("input[data-testid=link-reason-other], [data-testid=link-reason-other] input").FillAsync(look.English ? "Away that week" : "その週は不在");
        await page.Locator("[data-testid=link-confirm]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=link-done]")).ToContainTextAsync(look.English ? "You declined the offer." : "打診を辞退しました。");
        await AssertAccessibleAsync(page, look);
        await Screenshots.TakeAsync(page, "link-declined", look);
        var offer = await OfferAsync(sent.OfferId);
        Assert.Equal((OfferState.Declined, AnswerChannel.MailLink), (offer.State, offer.AnsweredVia));
        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(PageLook.Names), MemberType = typeof(PageLook))]
    public async Task TheDeclineLinkOfAnExpiredOfferSaysTheOfferExpiredAndAnswersNothing(string name)
    {
        var look = PageLook.Named(name);
        var request = await TestRequests.PostAsync(App, TestRequests.Valid(headcount: 1, daysAhead: 330 + PageLook.All.ToList().IndexOf(look)));
        var registrant = await OfferTestData.TopCandidateAsync(App, request.Id);
        // Sent 49 hours ago with 48 to answer: past its expiry, whether or not the expiry worker has marked it.
        var offerId = (await OfferTestData.InsertOffersAsync(App, request.Id, [registrant], DateTimeOffset.UtcNow.AddHours(-49), expiresInHours: 48))[0];
        var sent = await OfferLinkMail.DeliveredAsync(App, offerId);
        var page = await fixture.BrowserFixture.NewPageAsync(App, look);

        var opened = await OpenLiveAsync(page, sent.DeclinePath);
        Assert.Equal(410, opened?.Status);
        await Assertions.Expect(page.Locator("[data-testid=link-refused]")).ToContainTextAsync(look.English ? "past its answer deadline" : "この打診は回答期限を過ぎたため、回答できません。");
        await Assertions.Expect(page.Locator("[data-testid=link-confirm]")).ToHaveCountAsync(0);
        await AssertAccessibleAsync(page, look);
        await Screenshots.TakeAsync(page, "link-expired", look);
        Assert.NotEqual(OfferState.Declined, (await OfferAsync(offerId)).State);
        await page.Context.CloseAsync();
    }
}
