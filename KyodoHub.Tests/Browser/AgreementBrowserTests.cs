using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Agreements;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KyodoHub.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class AgreementBrowserTests(BrowserAppFixture fixture)
{
    [Fact]
    public async Task ACoordinatorDraftsTheGroupContactConfirmsElsewhereAndTheCoordinatorSeesItWithoutReloading()
    {
        var services = fixture.App.Services;
        var groupId = await CollaborationSeed.DemoGroupIdAsync(services);
        var title = $"ブラウザ試験 協定 {Guid.NewGuid():N}"[..20];
        var c = await CollaborationSeed.CreateAsync(services, registrants: 1, title: title, groupId: groupId);

        var coordinator = await fixture.SignedInPageAsync(Roles.Coordinator);
        var group = await fixture.SignedInPageAsync(Roles.GroupContact);
        try
        {
            await coordinator.GotoAsync("/agreements");
            // Both pages are visible prerendered before their circuit runs; clicks then are lost.
            await Assertions.Expect(coordinator.Locator("[data-testid=agreements][data-live=on]")).ToHaveCountAsync(1);
            await coordinator.GetByRole(AriaRole.Link, new() { Name = $"「{title}」の協定書を作成" }).ClickAsync();
            await Assertions.Expect(coordinator.GetByLabel("目的")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(title));
            await Assertions.Expect(coordinator.Locator("[data-testid=agreement-editor][data-live=on]")).ToHaveCountAsync(1);
            await coordinator.GetByRole(AriaRole.Button, new() { Name = "協定書を作成する" }).ClickAsync();
            await coordinator.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/agreements/\d+$"));
            var agreementId = int.Parse(coordinator.Url.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
            var groupParty = coordinator.Locator($"[data-party='Group-{groupId}']");
            await Assertions.Expect(groupParty).ToHaveAttributeAsync("data-confirmed", "false");

            await group.GotoAsync("/group");
            await Assertions.Expect(group.GetByTestId("agreements-to-confirm")).ToBeVisibleAsync();
            await group.GotoAsync($"/agreements/{agreementId}");
            // The button works once the page is live (it is visible earlier, prerendered).
            await Assertions.Expect(group.Locator("[data-testid=agreement-head][data-live=on]")).ToHaveCountAsync(1);
            await group.GetByRole(AriaRole.Button, new() { Name = "内容を確認し同意する" }).ClickAsync();
            await Assertions.Expect(group.Locator($"[data-party='Group-{groupId}']")).ToHaveAttributeAsync("data-confirmed", "true");

            // The coordinator's page was not reloaded: the change arrived over its circuit.
            await Assertions.Expect(groupParty).ToHaveAttributeAsync("data-confirmed", "true");
            await Assertions.Expect(coordinator.Locator("[data-agreement-state='Draft']")).ToBeVisibleAsync();

            await using (var registrant = ScopeAs.User(services, Roles.Registrant, registrantId: c.RegistrantIds[0]))
            {
                await registrant.ServiceProvider.GetRequiredService<AgreementService>().ConfirmAsync(agreementId);
            }
            await Assertions.Expect(coordinator.Locator("[data-agreement-state='Confirmed']")).ToBeVisibleAsync();

            // Drafting in the browser was audited as the coordinator, with the browser's address.
            await using var db = await services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
            var key = agreementId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var created = await db.AuditEntries.SingleAsync(e => e.EntityType == "Agreement" && e.EntityId == key && e.Action == "Create");
            Assert.Equal(DemoUsers.EmailOf(Roles.Coordinator), created.UserName);
            Assert.Equal("127.0.0.1", created.Address);
        }
        finally
        {
            await coordinator.Context.CloseAsync();
            await group.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task ThePrintViewIsAnA4DocumentWithEraDates()
    {
        var c = await CollaborationSeed.CreateAsync(fixture.App.Services, registrants: 1);
        await using var coordinatorScope = ScopeAs.User(fixture.App.Services, Roles.Coordinator, userName: "coordinator@kyodohub.example");
        var service = coordinatorScope.ServiceProvider.GetRequiredService<AgreementService>();
        var id = await service.DraftAsync(c.RequestId, (await service.PrepareAsync(c.RequestId)).Terms);

        var page = await fixture.SignedInPageAsync(Roles.Coordinator);
        try
        {
            await page.GotoAsync($"/agreements/{id}/print");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("協定書");
            await Assertions.Expect(page.Locator("main.kh-doc")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("令和\\d+年\\d+月\\d+日"));
            await page.EmulateMediaAsync(new() { Media = Media.Print });
            Assert.False(await page.Locator(".kh-print-toolbar").IsVisibleAsync());
            var pdf = await page.PdfAsync(new() { Format = "A4", PreferCSSPageSize = true });
            Assert.True(pdf.Length > 1000);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
