using System.Net;
using KyodoHub.Core.Requests;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Public;

[Collection(AppCollection.Name)]
public class PublicRequestPageTests(AppFixture fixture)
{
    [Fact]
    public async Task AnOpenRequestsPageShowsItsTownDatesAndSeatsWithoutPersonalData()
    {
        await using var db = await Db();
        var now = DateTimeOffset.UtcNow;
        // A request with people on it, so that there are registrant names to leak.
        var request = (await db.Requests.AsNoTracking().Where(r => r.State == RequestState.PartiallyFilled).ToListAsync()).First(r => r.FillBy > now);
        var group = await db.Groups.AsNoTracking().SingleAsync(g => g.Id == request.GroupId);
        var town = await db.Areas.AsNoTracking().SingleAsync(a => a.Id == request.AreaId);
        var people = await db.Offers.AsNoTracking().Where(o => o.RequestId == request.Id).Select(o => o.RegistrantId).ToListAsync();
        var registrants = await db.Registrants.AsNoTracking().Where(r => people.Contains(r.Id)).ToListAsync();
        Assert.NotEmpty(registrants);

        using var client = fixture.App.NewClient();
        var html = await client.GetStringAsync($"/public/requests/{request.Id}");

        Assert.Contains(request.Title, html, StringComparison.Ordinal);
        Assert.Contains(town.NameJa, html, StringComparison.Ordinal);
        Assert.Contains($"あと{request.OpenSeats}人（定員{request.Headcount}人）", html, StringComparison.Ordinal);
        Assert.Contains("市民活動センターたちかわ", html, StringComparison.Ordinal);
        string?[] secret = [group.ContactName, group.ContactPhone, group.ContactEmail, group.Name, request.Place, request.Description,
            .. registrants.SelectMany(r => new[] { r.Name, r.Name.Replace(" ", "", StringComparison.Ordinal), r.Furigana, r.Email, r.Phone })];
        foreach (var value in secret.Where(v => !string.IsNullOrWhiteSpace(v)))
        {
            Assert.False(html.Contains(value!, StringComparison.OrdinalIgnoreCase), $"the public page shows {value}");
        }
    }

    [Theory]
    [InlineData(RequestState.Cancelled)]
    [InlineData(RequestState.Filled)]
    [InlineData(RequestState.Completed)]
    public async Task ARequestNoLongerOpenAnswersWithAFriendlyNotFoundPage(RequestState state)
    {
        await using var db = await Db();
        var request = await db.Requests.AsNoTracking().FirstAsync(r => r.State == state);
        await AssertNotFoundAsync(request.Id, request.Title);
    }

    [Fact]
    public async Task AnUnknownRequestAnswersWithAFriendlyNotFoundPage() =>
        await AssertNotFoundAsync(987654, null);

    [Fact]
    public async Task AnUnknownRequestSpeaksEnglishToAnEnglishReader()
    {
        using var client = fixture.App.NewClient();
        // The cookie the language switch sets.
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        using var response = await client.GetAsync("/public/requests/987655");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("This request is not public", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/public\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("この依頼は公開されていません", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownAddressStillGetsTheGeneralNotFoundPage()
    {
        using var client = fixture.App.NewClient();
        using var response = await client.GetAsync("/public/no-such-page");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("この依頼は公開されていません", html, StringComparison.Ordinal);
        Assert.Contains("ページが見つかりません", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOpenRequestsListLinksEachRequestToItsPublicPage()
    {
        using var client = fixture.App.NewClient();
        var html = await client.GetStringAsync("/public");
        Assert.Matches("href=\"/public/requests/\\d+\"", html);
        Assert.Contains("登録者になるには", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"centre\"", html, StringComparison.Ordinal);
    }

    private async Task AssertNotFoundAsync(int id, string? title)
    {
        using var client = fixture.App.NewClient();
        using var response = await client.GetAsync($"/public/requests/{id}");
        var html = await response.Content.ReadAsStringAsync();
        // Not found for machines and search engines, and still this page's own words for people, not the generic page.
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("この依頼は公開されていません", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/public\"", html, StringComparison.Ordinal);
        if (title is not null)
        {
            Assert.DoesNotContain(title, html, StringComparison.Ordinal);
        }
    }

    private Task<KyodoDbContext> Db() =>
        fixture.App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
}
