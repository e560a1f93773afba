using System.Globalization;
using KyodoHub.Core.Common;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Data;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KyodoHub.Tests.Browser;

/// <summary>
/// README's five-minute walk-through, step by step as written, on an app of its own with the demo
/// data a newcomer's first <c>dotnet run</c> seeds. With KYODO_README_SHOTS set it also takes the
/// README's pictures.
/// </summary>
public sealed class WalkThroughBrowserTests(BrowserAppFixture fixture) : IClassFixture<BrowserAppFixture>
{
    private const string DemoGroup = "柴崎町三丁目自治会";
    private const string DemoRegistrant = "佐藤 静江";
    private const string Title = "高齢者サロンの運営補助";

    [Fact]
    public async Task ACallTakenAtTheDeskIsOfferedToTheDemoRegistrantAcceptedAndItsGroupSeesHerContact()
    {
        var pages = new List<IPage>();
        try
        {
            // Step 2 starts first: the coordinator's dashboard is open when the call comes in.
            var coordinator = await SignInAsync(pages, Roles.Coordinator);
            await Assertions.Expect(coordinator.Locator("[data-testid=request-list][data-live=on]")).ToHaveCountAsync(1);

            // 1. The desk takes a call.
            var desk = await SignInAsync(pages, Roles.DeskStaff);
            await desk.GotoAsync("/desk/intake");
            await Assertions.Expect(desk.Locator("form[data-live=on]")).ToHaveCountAsync(1);
            await desk.Locator("#group").SelectOptionAsync(new SelectOptionValue { Label = $"{DemoGroup} (自治会)" });
            await desk.Locator("#title").FillAsync(Title);
            await desk.Locator("#description").FillAsync("水曜の夕方に集会所で開く高齢者サロンの準備と進行を手伝ってほしい、との電話。");
            await desk.Locator("#category").SelectOptionAsync(new SelectOptionValue { Label = "高齢者の見守り・福祉" });
            await desk.Locator("#session-0-date").FillAsync((await FreeWednesdayAsync()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await desk.Locator("#session-0-start").FillAsync("18:30");
            await desk.Locator("#session-0-end").FillAsync("20:30");
            await desk.Locator("#place").FillAsync("柴崎町三丁目集会所");
            await desk.Locator("#required-skills input[type=search]").FillAsync("高齢者サロン");
            await desk.Locator("#required-skills .kh-tag-options label", new() { HasText = "高齢者サロン運営" }).Locator("input").CheckAsync();
            await Assertions.Expect(desk.Locator("#required-skills .kh-chosen")).ToContainTextAsync("高齢者サロン運営");
            await ReadmeScreenshots.TakeAsync(desk, "1-desk-intake", fullPage: true);
            await desk.GetByTestId("intake-submit").ClickAsync();
            await Assertions.Expect(desk.GetByTestId("intake-saved")).ToContainTextAsync("依頼を登録しました（受付番号");

            // 2. The coordinator offers.
            var card = coordinator.Locator(".kh-card", new() { HasText = Title });
            await Assertions.Expect(card).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("kh-fresh"));
            await card.GetByRole(AriaRole.Link).ClickAsync();
            await coordinator.WaitForURLAsync("**/coordinator/requests/*");
            await Assertions.Expect(coordinator.Locator("[data-testid=presence][data-live=on]")).ToHaveCountAsync(1);
            await Assertions.Expect(coordinator.Locator("h1")).ToHaveTextAsync(Title);
            var candidate = coordinator.Locator("[data-testid=candidates] li", new() { HasText = DemoRegistrant });
            await Assertions.Expect(candidate).ToContainTextAsync("高齢者サロン運営");
            await candidate.Locator("input[type=checkbox]").CheckAsync();
            await Assertions.Expect(coordinator.GetByTestId("send-offers")).ToHaveTextAsync("選んだ1人に打診する");
            await candidate.ScrollIntoViewIfNeededAsync();
            await ReadmeScreenshots.TakeAsync(coordinator, "2-coordinator-offer");
            await coordinator.GetByTestId("send-offers").ClickAsync();
            await Assertions.Expect(coordinator.GetByTestId("offer-result")).ToContainTextAsync("1人に打診しました。");
            await Assertions.Expect(coordinator.Locator("[data-testid=offers] tr", new() { HasText = DemoRegistrant })).ToContainTextAsync("回答待ち");

            // 3. The registrant accepts.
            var registrant = await SignInAsync(pages, Roles.Registrant);
            await registrant.GotoAsync("/me/offers");
            await Assertions.Expect(registrant.Locator("[data-testid=inbox][data-live=on]")).ToHaveCountAsync(1);
            var offer = registrant.Locator(".kh-card", new() { HasText = Title });
            await Assertions.Expect(offer).ToContainTextAsync(DemoGroup);
            await ReadmeScreenshots.TakeAsync(registrant, "3-registrant-accepts");
            await offer.GetByTestId("accept").ClickAsync();
            await Assertions.Expect(registrant.GetByTestId("upcoming")).ToContainTextAsync(Title);
            await Assertions.Expect(coordinator.Locator("[data-testid=offers] tr", new() { HasText = DemoRegistrant })).ToContainTextAsync("引き受け");

            // 4. The group sees the contact.
            var group = await SignInAsync(pages, Roles.GroupContact);
            var row = group.Locator("[data-testid=group-requests][data-live=on] tr", new() { HasText = Title });
            await Assertions.Expect(row).ToContainTextAsync("決定済み");
            await row.GetByRole(AriaRole.Link).ClickAsync();
            await Assertions.Expect(group.Locator("[data-testid=group-request][data-live=on]")).ToHaveCountAsync(1);
            var (phone, email) = await DemoRegistrantContactAsync();
            var accepted = group.GetByTestId("accepted");
            await Assertions.Expect(accepted).ToContainTextAsync(DemoRegistrant);
            await Assertions.Expect(accepted).ToContainTextAsync(phone);
            await Assertions.Expect(accepted).ToContainTextAsync(email);
            await ReadmeScreenshots.TakeAsync(group, "4-group-contact");
        }
        finally
        {
            foreach (var page in pages)
            {
                await page.Context.CloseAsync();
            }
        }
    }

    private async Task<IPage> SignInAsync(List<IPage> pages, string role)
    {
        var page = await fixture.SignedInPageAsync(role);
        pages.Add(page);
        return page;
    }

    /// <summary>What README tells the desk: a Wednesday at least two weeks ahead, the next one when her profile marks that day off.</summary>
    private async Task<DateOnly> FreeWednesdayAsync()
    {
        var demo = await DemoRegistrantAsync();
        var day = TokyoTime.Today(TimeProvider.System).AddDays(14);
        while (day.DayOfWeek != DayOfWeek.Wednesday || demo.AvailabilityExceptions.Any(e => e.Date == day))
        {
            day = day.AddDays(1);
        }
        return day;
    }

    private async Task<(string Phone, string Email)> DemoRegistrantContactAsync()
    {
        var demo = await DemoRegistrantAsync();
        return (demo.Phone!, demo.Email!);
    }

    private async Task<Core.Registrants.Registrant> DemoRegistrantAsync()
    {
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == DemoUsers.EmailOf(Roles.Registrant));
        var demo = await db.Registrants.AsNoTracking().SingleAsync(r => r.Id == user.RegistrantId);
        Assert.Equal(DemoRegistrant, demo.Name);
        return demo;
    }
}
