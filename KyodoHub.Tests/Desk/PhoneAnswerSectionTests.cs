using Bunit;
using KyodoHub.Core.Offers;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Features.Desk;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Tests.Desk;

/// <summary>On a registrant's page the desk records a caller's answer to a pending offer, after a confirmation that names both.</summary>
[Collection(AppCollection.Name)]
public class PhoneAnswerSectionTests : KyodoBunitContext
{
    private readonly KyodoAppFactory _app;

    public PhoneAnswerSectionTests(AppFixture fixture)
    {
        _app = fixture.App;
        this.AddStaffPageServices(_app);
        this.SignInAsDeskStaff();
        UseInteractiveServerRenderer();
    }

    private async Task<(DeskPagesTestData.Person, Offer, IRenderedComponent<RegistrantPage>)> OpenAsync()
    {
        var person = await DeskPagesTestData.PersonWithHistoryAsync(_app);
        await using var db = await DeskPagesTestData.Db(_app);
        var offer = await db.Offers.AsNoTracking().SingleAsync(o => o.RegistrantId == person.Id && o.State == OfferState.Offered);
        var page = Render<RegistrantPage>(p => p.Add(x => x.Id, person.Id));
        page.WaitForElement("[data-testid=phone-accept]", Patience);
        return (person, offer, page);
    }

    private async Task<Offer> OfferAsync(int id)
    {
        await using var db = await DeskPagesTestData.Db(_app);
        return await db.Offers.AsNoTracking().SingleAsync(o => o.Id == id);
    }

    [Fact]
    public async Task AnAcceptanceIsConfirmedByNameAndTitleRecordedAndTheSectionEmpties()
    {
        var (person, offer, page) = await OpenAsync();
        var title = page.Find("[data-testid=section-offers] li strong").TextContent;

        await page.ClickAsync("[data-testid=phone-accept]");
        var confirm = page.WaitForElement("[data-testid=phone-confirm-text]", Patience);
        Assert.Equal($"{person.Name}さんが依頼「{title}」の打診を引き受けたことを、電話で受けた回答として記録します。", confirm.TextContent);
        Assert.Equal(OfferState.Offered, (await OfferAsync(offer.Id)).State);
        await page.SubmitAsync("[data-testid=phone-confirm] form");

        page.WaitForAssertion(() => Assert.Equal($"{person.Name}さんの依頼「{title}」の引き受けを、電話で受けた回答として記録しました。",
            page.Find("[data-testid=phone-answer-message]").TextContent.Trim()), Patience);
        Assert.Equal("status", page.Find("[data-testid=phone-answer-message]").GetAttribute("role"));
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=section-offers] [data-offer-id]")), Patience);
        var saved = await OfferAsync(offer.Id);
        Assert.Equal((OfferState.Accepted, AnswerChannel.Phone, "desk@kyodohub.example"), (saved.State, saved.AnsweredVia, saved.AnswerRecordedBy));
    }

    [Fact]
    public async Task ADeclineWithoutTheCallersReasonNamesTheFieldAndSavesNothing()
    {
        var (_, offer, page) = await OpenAsync();

        await page.ClickAsync("[data-testid=phone-decline]");
        page.WaitForElement("#phone-reason", Patience);
        await page.SubmitAsync("[data-testid=phone-confirm] form");

        page.WaitForAssertion(() => Assert.Equal("「辞退の理由（電話で聞いた内容）」を入力してください。", page.Find("#phone-reason-error").TextContent), Patience);
        Assert.Equal(OfferState.Offered, (await OfferAsync(offer.Id)).State);

        await page.ChangeAsync("#phone-reason", "家族の用事");
        await page.SubmitAsync("[data-testid=phone-confirm] form");
        page.WaitForAssertion(() => Assert.Contains("の辞退を、電話で受けた回答として記録しました。", page.Find("[data-testid=phone-answer-message]").TextContent, StringComparison.Ordinal), Patience);
        var saved = await OfferAsync(offer.Id);
        Assert.Equal((OfferState.Declined, "家族の用事", AnswerChannel.Phone), (saved.State, saved.DeclineReason, saved.AnsweredVia));
    }

    [Fact]
    public async Task AnExpiredOfferSaysSoInPlainWordsAndStaysUnanswered()
    {
        var person = await DeskPagesTestData.PersonWithHistoryAsync(_app);
        var late = await TestRequests.PostAsync(_app, TestRequests.Valid(headcount: 1, daysAhead: 250));
        var expiredId = (await OfferTestData.InsertOffersAsync(_app, late.Id, [person.Id], DateTimeOffset.UtcNow.AddHours(-49)))[0];
        var page = Render<RegistrantPage>(p => p.Add(x => x.Id, person.Id));
        page.WaitForElement($"[data-offer-id='{expiredId}'] [data-testid=phone-accept]", Patience);

        await page.ClickAsync($"[data-offer-id='{expiredId}'] [data-testid=phone-accept]");
        page.WaitForElement("[data-testid=phone-confirm] form", Patience);
        await page.SubmitAsync("[data-testid=phone-confirm] form");

        page.WaitForAssertion(() => Assert.Equal($"依頼「{late.Title}」の回答は記録されませんでした。この打診は回答期限を過ぎています。",
            page.Find("[data-testid=phone-answer-message]").TextContent.Trim()), Patience);
        Assert.Equal("alert", page.Find("[data-testid=phone-answer-message]").GetAttribute("role"));
        var saved = await OfferAsync(expiredId);
        Assert.Equal((OfferState.Offered, (AnswerChannel?)null), (saved.State, saved.AnsweredVia));
    }
}
