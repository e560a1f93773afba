using KyodoHub.Tests.Browser.Pages;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Data;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KyodoHub.Tests.Browser;

/// <summary>
/// The desk records a caller's acceptance from the registrant's page; the registrant's open inbox
/// shows it was taken by phone, and the audit log names it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneAnswerBrowserTests(BrowserAppFixture fixture)
{
    private static int _days = 320;

    // Each language once and each width once: the whole flow is slow, and the page tours check
    // the desk's registrant page in all four looks.
    [Theory]
    [InlineData("ja-390")]
    [InlineData("en-1280")]
    public async Task AnAcceptanceRecordedAtTheDeskReachesTheOpenInboxAndTheAuditLog(string lookName)
    {
        var look = PageLook.Named(lookName);
        var (registrantId, name) = await DemoRegistrantAsync();
        var request = await TestRequests.PostAsync(fixture.App, TestRequests.Valid(headcount: 1, daysAhead: Interlocked.Increment(ref _days)));
        var offerId = (await OfferTestData.InsertOffersAsync(fixture.App, request.Id, [registrantId]))[0];
        var pages = new List<IPage>();
        try
        {
            var inbox = await fixture.SignedInPageAsync(Roles.Registrant, look);
            pages.Add(inbox);
            await inbox.GotoAsync("/me/offers");
            await Assertions.Expect(inbox.Locator("[data-testid=inbox][data-live=on]")).ToHaveCountAsync(1);
            await Assertions.Expect(inbox.Locator($"[data-testid=inbox] [data-offer-id='{offerId}']")).ToHaveCountAsync(1);

            var desk = await fixture.SignedInPageAsync(Roles.DeskStaff, look);
            pages.Add(desk);
            await desk.GotoAsync("/desk/search");
            await Assertions.Expect(desk.Locator("main[data-live=on]")).ToHaveCountAsync(1);
            await desk.Locator("#q").FillAsync(name);
            await desk.Locator("form[role=search] button[type=submit]").ClickAsync();
            await desk.Locator($"a[href='/desk/registrants/{registrantId}']").ClickAsync();
            await Assertions.Expect(desk.Locator("[data-testid=registrant-name][data-live=on]")).ToHaveTextAsync(name);
            var item = desk.Locator($"[data-testid=section-offers] [data-offer-id='{offerId}']");
            await item.GetByTestId("phone-accept").ClickAsync();
            var confirm = desk.GetByTestId("phone-confirm-text");
            await Assertions.Expect(confirm).ToContainTextAsync(name);
            await Assertions.Expect(confirm).ToContainTextAsync(request.Title);
            await Assertions.Expect(desk.GetByTestId("phone-confirm")).ToBeFocusedAsync();
            await CheckAsync(desk, look);
            await Screenshots.TakeAsync(desk, "phone-answer-confirm", look);

            await desk.GetByTestId("phone-record").ClickAsync();
            var message = desk.GetByTestId("phone-answer-message");
            await Assertions.Expect(message).ToContainTextAsync(request.Title);
            await Assertions.Expect(message).ToHaveAttributeAsync("role", "status");
            await Assertions.Expect(message).ToBeFocusedAsync();
            await Assertions.Expect(item).ToHaveCountAsync(0);
            await CheckAsync(desk, look);
            await Screenshots.TakeAsync(desk, "phone-answer-recorded", look);

            // The inbox was open all along: no reload.
            var notice = inbox.Locator($"[data-testid=notices] [data-offer-id='{offerId}']");
            await Assertions.Expect(notice).ToHaveAttributeAsync("data-notice", "phone-accepted");
            await Assertions.Expect(notice).ToContainTextAsync(look.English ? "Accepted by phone" : "電話で引き受けを受け付けました");
            await Assertions.Expect(notice).Not.ToContainTextAsync("desk@");
            await Assertions.Expect(inbox.GetByTestId("inbox-message")).ToContainTextAsync(look.English ? "The desk has recorded the answer you gave by phone." : "お電話でいただいた回答を、窓口で記録しました。");
            await Assertions.Expect(inbox.Locator($"[data-testid=inbox] [data-offer-id='{offerId}']")).ToHaveCountAsync(0);
            await Screenshots.TakeAsync(inbox, "phone-answer-inbox", look);

            var admin = await fixture.SignedInPageAsync(Roles.Administrator, look);
            pages.Add(admin);
            await admin.GotoAsync($"/admin/audit?action=AnswerForCaller&type=Offer&id={offerId}");
            var row = admin.Locator("[data-testid=audit-row][data-action=AnswerForCaller]");
            await Assertions.Expect(row).ToHaveCountAsync(1);
            await Assertions.Expect(row).ToContainTextAsync(look.English ? "Caller's answer recorded by phone" : "電話の回答の記録");
            await Assertions.Expect(row.GetByTestId("audit-user")).ToHaveTextAsync(DemoUsers.EmailOf(Roles.DeskStaff));
        }
        finally
        {
            foreach (var page in pages)
            {
                await page.Context.CloseAsync();
            }
        }
    }

    private static async Task CheckAsync(IPage page, PageLook look)
    {
        var problems = (await AccessibilityCheck.RunAsync(page)).ToList();
        if (look.Width < 600)
        {
            problems.AddRange(await PhoneLayoutCheck.RunAsync(page));
        }
        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.True(await Screenshots.FitsTheWidthAsync(page), $"{page.Url} scrolls sideways");
    }

    private async Task<(int Id, string Name)> DemoRegistrantAsync()
    {
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == DemoUsers.EmailOf(Roles.Registrant));
        var registrant = await db.Registrants.AsNoTracking().SingleAsync(r => r.Id == user.RegistrantId);
        return (registrant.Id, registrant.Name);
    }
}
