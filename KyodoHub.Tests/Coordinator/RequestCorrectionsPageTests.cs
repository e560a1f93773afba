using System.Security.Claims;
using Bunit;
using KyodoHub.Core.Offers;
using KyodoHub.Core.Requests;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Coordinator;
using KyodoHub.Web.Features.Me;
using KyodoHub.Web.Features.Offers;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace KyodoHub.Tests.Coordinator;

/// <summary>
/// The coordinator's request page end to end against the real database, broker and match index:
/// the sticky bar sends to the selection, a pending offer is withdrawn, an assignment is cancelled
/// (seat, state, notices, cascade), and "why not?" finds anyone.
/// </summary>
[Collection(AppCollection.Name)]
public class RequestCorrectionsPageTests : KyodoBunitContext
{
    private readonly AppFixture _fixture;

    public RequestCorrectionsPageTests(AppFixture fixture)
    {
        _fixture = fixture;
        this.AddAppServices(fixture.App);
        AddAuthorization().SetAuthorized("coordinator@kyodohub.example").SetRoles(Roles.Coordinator);
        UseInteractiveServerRenderer();
    }

    private KyodoAppFactory App => _fixture.App;

    private IRenderedComponent<RequestDetailPage> Open(int requestId)
    {
        var page = Render<RequestDetailPage>(p => p.Add(x => x.RequestId, requestId));
        page.WaitForElement("[data-testid=candidates]", Patience);
        return page;
    }

    private async Task<T> InDbAsync<T>(Func<KyodoDbContext, Task<T>> read)
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        return await read(db);
    }

    private async Task<int> AcceptedAsync(int requestId, int registrantId)
    {
        var offerId = (await OfferTestData.InsertOffersAsync(App, requestId, [registrantId]))[0];
        await using var scope = ScopeAs.User(App.Services, Roles.Registrant, registrantId: registrantId);
        await scope.ServiceProvider.GetRequiredService<OfferService>().AcceptAsync(offerId);
        return offerId;
    }

    [Fact]
    public async Task TheStickyBarSendsToTheSelectedCandidatesAndSaysSoBesideTheButton()
    {
        var request = await TestRequests.PostAsync(App, TestRequests.Valid(headcount: 3));
        var page = Open(request.Id);
        var rows = page.FindAll("[data-testid=candidates] li");
        var chosen = new[] { rows[0].GetAttribute("data-registrant-id")!, rows[2].GetAttribute("data-registrant-id")! };
        foreach (var index in new[] { 0, 2 })
        {
            await page.InvokeAsync(() => page.FindComponents<MudCheckBox<bool>>()[index].Instance.ValueChanged.InvokeAsync(true));
        }
        page.WaitForAssertion(() => Assert.Contains("選んだ2人に打診する", page.Find("[data-testid=offer-bar] [data-testid=send-offers]").TextContent, StringComparison.Ordinal));

        await page.ClickAsync("[data-testid=offer-bar] [data-testid=send-offers]");

        page.WaitForAssertion(() => Assert.Contains("2人に打診しました。", page.Find("[data-testid=offer-bar] [data-testid=offer-result]").TextContent, StringComparison.Ordinal), Patience);
        var offered = await InDbAsync(db => db.Offers.Where(o => o.RequestId == request.Id).Select(o => o.RegistrantId).ToListAsync());
        Assert.Equal(chosen.Select(int.Parse).Order(), offered.Order());
        page.WaitForAssertion(() => Assert.Contains("選んだ0人に打診する", page.Find("[data-testid=send-offers]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithdrawingAPendingOfferShowsItWithdrawnHereAndLiveInTheRegistrantsInbox()
    {
        var request = await TestRequests.PostAsync(App, TestRequests.Valid(headcount: 1, daysAhead: 230));
        var registrantId = await OfferTestData.TopCandidateAsync(App, request.Id);
        var offerId = (await OfferTestData.InsertOffersAsync(App, request.Id, [registrantId]))[0];
        await using var inbox = new RegistrantInbox(App, registrantId);
        var mine = inbox.Render<MyOffersPage>();
        mine.WaitForElement($"[data-testid=inbox] [data-offer-id='{offerId}']", Patience);

        var page = Open(request.Id);
        await page.ClickAsync("[data-testid=withdraw]");

        page.WaitForAssertion(() => Assert.Contains("打診を取り下げました。", page.Find("[data-testid=offer-message]").TextContent, StringComparison.Ordinal), Patience);
        page.WaitForAssertion(() => Assert.Equal("Withdrawn", page.Find("[data-testid=offers] [data-offer-state]").GetAttribute("data-offer-state")), Patience);
        Assert.Empty(page.FindAll("[data-testid=withdraw]"));
        mine.WaitForAssertion(() =>
        {
            Assert.Empty(mine.FindAll($"[data-testid=inbox] [data-offer-id='{offerId}']"));
            var notice = mine.Find($"[data-testid=notices] [data-offer-id='{offerId}']");
            Assert.Equal("withdrawn", notice.GetAttribute("data-notice"));
            Assert.Contains("打診が取り下げられました", notice.TextContent, StringComparison.Ordinal);
        }, Patience);
        Assert.Contains("打診が取り下げられました。", mine.Find("[role=alert]").TextContent, StringComparison.Ordinal);
        var audit = await InDbAsync(db => db.AuditEntries.Where(a => a.Action == "WithdrawOffer" && a.EntityId == offerId.ToString(System.Globalization.CultureInfo.InvariantCulture)).CountAsync());
        Assert.Equal(1, audit);
    }

    [Fact]
    public async Task AnOfferWithdrawnByAnotherCoordinatorLosesItsButtonLiveAndASecondWithdrawalIsRefused()
    {
        var request = await TestRequests.PostAsync(App, TestRequests.Valid(headcount: 2, daysAhead: 231));
        var registrantId = await OfferTestData.TopCandidateAsync(App, request.Id);
        var offerId = (await OfferTestData.InsertOffersAsync(App, request.Id, [registrantId]))[0];
        var page = Open(request.Id);
        page.WaitForElement("[data-testid=withdraw]", Patience);

        await using var other = ScopeAs.User(App.Services, Roles.Coordinator, userName: "coordinator2@kyodohub.example");
        var service = other.ServiceProvider.GetRequiredService<OfferService>();
        await service.WithdrawAsync(offerId);

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=withdraw]")), Patience);
        var error = await Assert.ThrowsAsync<Core.Common.DomainRuleException>(() => service.WithdrawAsync(offerId));
        Assert.Equal("OfferAlreadyAnswered", error.Code);
        Assert.Equal(1, await InDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "WithdrawOffer" && a.Detail == $"request {request.Id}")));
    }

    [Fact]
    public async Task CancellingAnAssignmentReopensTheSeatTellsTheRegistrantAndTheGroupAndCascades()
    {
        var request = await TestRequests.PostAsync(App, TestRequests.Valid(headcount: 1, daysAhead: 232));
        var candidates = await OfferTestData.CandidatesAsync(App, request.Id, 5);
        var first = candidates[0];
        await AcceptedAsync(request.Id, first);
        await using (var db = await App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync())
        {
            var r = await db.Requests.SingleAsync(x => x.Id == request.Id);
            Assert.Equal(RequestState.Filled, r.State);
            r.SetAutoCascade(true, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }
        await using var inbox = new RegistrantInbox(App, first);
        var mine = inbox.Render<MyOffersPage>();
        mine.WaitForElement("[data-testid=inbox]", Patience);

        var page = Open(request.Id);
        await page.ClickAsync("[data-testid=cancel-assignment]");
        await page.ClickAsync("[data-testid=confirm-cancel]");
        page.WaitForAssertion(() => Assert.Contains("「中止の理由」を入力してください。", page.Markup, StringComparison.Ordinal));
        await page.ChangeAsync("input[id^=cancel-reason-]", "会場の都合で人数を減らすため");
        await page.ClickAsync("[data-testid=confirm-cancel]");

        page.WaitForAssertion(() => Assert.Contains("決定を中止しました。", page.Find("[data-testid=offer-message]").TextContent, StringComparison.Ordinal), Patience);
        var (state, filled, offers, assignment) = await InDbAsync(async db => (
            (await db.Requests.SingleAsync(r => r.Id == request.Id)).State,
            (await db.Requests.SingleAsync(r => r.Id == request.Id)).FilledCount,
            await db.Offers.Where(o => o.RequestId == request.Id).OrderBy(o => o.Id).ToListAsync(),
            await db.Assignments.SingleAsync(a => a.RequestId == request.Id)));
        Assert.Equal(RequestState.Open, state);
        Assert.Equal(0, filled);
        Assert.Equal(AssignmentState.Cancelled, assignment.State);
        Assert.Equal("会場の都合で人数を減らすため", assignment.CancelReason);
        // Auto-cascade offered the freed seat to the next candidate, not to the one cancelled.
        var cascaded = Assert.Single(offers, o => o.State == OfferState.Offered);
        Assert.NotEqual(first, cascaded.RegistrantId);
        Assert.Equal(OfferService.AutoCascadeSender, cascaded.SentBy);
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-assignment-state=Cancelled]")), Patience);

        // The registrant is told live in their inbox, with the reason.
        mine.WaitForAssertion(() =>
        {
            var notice = mine.Find("[data-testid=notices] [data-notice=cancelled]");
            Assert.Contains("会場の都合で人数を減らすため", notice.TextContent, StringComparison.Ordinal);
        }, Patience);
        // The group sees who was cancelled and why.
        var groupView = await GroupViewAsync(request.GroupId, request.Id);
        Assert.Equal([first], groupView.Cancelled!.Select(c => c.RegistrantId));
        Assert.Empty(groupView.Accepted);
        Assert.Equal(1, await InDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "CancelAssignment" && a.EntityId == assignment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Fact]
    public async Task TheWhyNotSearchFindsAnExcludedRegistrantOutsideTheFirstFifty()
    {
        // Leaders only: every Chokotto-only registrant is excluded, far more than the fifty shown.
        var request = await TestRequests.PostAsync(App, TestRequests.Valid(programs: ["LifelongLearningLeader"], daysAhead: 233));
        var page = Open(request.Id);
        var shown = page.FindAll("[data-testid=excluded] tbody tr").Select(r => int.Parse(r.GetAttribute("data-registrant-id")!, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        var outsider = await InDbAsync(db => db.Registrants.AsNoTracking()
            .Where(r => r.Programs == Core.Common.Program.ChokottoVolunteer && !shown.Contains(r.Id))
            .OrderByDescending(r => r.Id).Select(r => new { r.Id, r.Furigana }).FirstAsync());

        await page.ChangeAsync("input#why-not", outsider.Furigana);
        await page.ClickAsync("[data-testid=why-not-search]");

        page.WaitForAssertion(() =>
        {
            var hit = page.Find($"[data-testid=why-not] [data-registrant-id='{outsider.Id}']");
            Assert.Contains("依頼の対象制度に登録していません。", hit.TextContent, StringComparison.Ordinal);
            Assert.NotEmpty(hit.QuerySelectorAll("ul.kh-reasons > li[data-reason=ProgramMismatch]"));
        }, Patience);

        // By number too.
        await page.ChangeAsync("input#why-not", outsider.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.ClickAsync("[data-testid=why-not-search]");
        page.WaitForAssertion(() => Assert.Equal(outsider.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            page.Find("[data-testid=why-not] li").GetAttribute("data-registrant-id")), Patience);
    }

    [Fact]
    public async Task ExclusionReasonsAreAListNotSentencesJoinedWithACommaAfterAFullStop()
    {
        var request = await TestRequests.PostAsync(App, TestRequests.Valid(programs: ["LifelongLearningLeader"], daysAhead: 234));
        var page = Open(request.Id);
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=excluded] tbody tr ul.kh-reasons li")), Patience);
        Assert.DoesNotContain("。、", page.Find("[data-testid=excluded]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCoordinatorChoosesThatAMissingRequiredSkillExcludesAndThePageSaysWhichRuleIsInForce()
    {
        var tag = await InDbAsync(db => db.SkillTags.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync());
        var request = await TestRequests.PostAsync(App, TestRequests.Valid(daysAhead: 235, requiredSkills: [tag]));
        var page = Open(request.Id);
        Assert.Contains("スコアが下がります", page.Find("[data-testid=rule-in-force]").TextContent, StringComparison.Ordinal);
        var holders = await InDbAsync(db => db.Registrants.Where(r => r.Skills.Any(s => s.TagId == tag)).Select(r => r.Id).ToListAsync());

        await page.InvokeAsync(() => page.FindComponents<MudSwitch<bool>>().Single(s => Equals(s.Instance.UserAttributes.GetValueOrDefault("data-testid"), "required-skill-rule")).Instance.ValueChanged.InvokeAsync(true));

        page.WaitForAssertion(() => Assert.Contains("候補から外します", page.Find("[data-testid=rule-in-force]").TextContent, StringComparison.Ordinal), Patience);
        page.WaitForAssertion(() =>
        {
            var listed = page.FindAll("[data-testid=candidates] li").Select(li => int.Parse(li.GetAttribute("data-registrant-id")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.All(listed, id => Assert.Contains(id, holders));
        }, Patience);
        Assert.Equal(RequiredSkillRule.Exclude, await InDbAsync(db => db.Requests.Where(r => r.Id == request.Id).Select(r => r.RequiredSkillRule).SingleAsync()));
    }

    private async Task<Web.Features.Groups.GroupRequestDetail> GroupViewAsync(int groupId, int requestId)
    {
        await using var scope = ScopeAs.User(App.Services, Roles.GroupContact, groupId: groupId);
        return (await scope.ServiceProvider.GetRequiredService<Web.Features.Groups.GroupRequestsService>().GetAsync(requestId))!;
    }

    /// <summary>A registrant's own circuit, beside the coordinator's, to see what reaches them live.</summary>
    private sealed class RegistrantInbox : KyodoBunitContext
    {
        public RegistrantInbox(KyodoAppFactory app, int registrantId)
        {
            this.AddAppServices(app);
            Services.AddScoped<MyOffersService>();
            AddAuthorization().SetAuthorized($"registrant{registrantId}@kyodohub.example").SetRoles(Roles.Registrant)
                .SetClaims(new Claim(Web.Features.Account.KyodoClaims.RegistrantId, registrantId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            UseInteractiveServerRenderer();
        }
    }
}
