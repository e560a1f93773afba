using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Public;

[Collection(AppCollection.Name)]
public class PublicPagesTests(AppFixture fixture)
{
    public static TheoryData<string> PublicPages => new("/", "/public", "/public/results");

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task APublicPageShowsNoNameEmailOrPhoneOfAnyRegistrantOrGroupContact(string path)
    {
        using var client = fixture.App.NewClient(followRedirects: true);
        var html = await client.GetStringAsync(path);
        Assert.Contains("協働ハブ", html, StringComparison.Ordinal);

        foreach (var value in await PersonalDataAsync())
        {
            Assert.False(html.Contains(value, StringComparison.OrdinalIgnoreCase), $"{path} shows personal data: {value}");
        }
    }

    [Fact]
    public async Task TheOpenRequestsPageListsOpenRequestsWithoutSigningIn()
    {
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        var now = DateTimeOffset.UtcNow;
        var open = (await db.Requests.Where(r => r.State == Core.Requests.RequestState.Open).ToListAsync()).First(r => r.FillBy > now);
        using var client = fixture.App.NewClient();
        var html = await client.GetStringAsync("/public");
        Assert.Contains(open.Title, html, StringComparison.Ordinal);
        Assert.DoesNotContain(open.Place, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheResultsPageCountsOnlyPublishedEvaluations()
    {
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        var cancelled = await db.Requests.Where(r => r.State == Core.Requests.RequestState.Cancelled).Select(r => r.Id).ToListAsync();
        var published = await db.Evaluations.CountAsync(e => e.ConsentToPublish && !cancelled.Contains(e.RequestId));
        using var client = fixture.App.NewClient();
        var html = await client.GetStringAsync("/public/results");
        Assert.Matches($"data-total=\"evaluations\"[^>]*>{published}<", html);
    }

    private async Task<IReadOnlyList<string>> PersonalDataAsync()
    {
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        var registrants = await db.Registrants.Select(r => new { r.Name, r.Furigana, r.Email, r.Phone }).ToListAsync();
        var contacts = await db.Groups.Select(g => new { g.ContactName, g.ContactEmail, g.ContactPhone }).ToListAsync();
        var values = registrants.SelectMany(r => new[] { r.Name, r.Furigana, r.Email, r.Phone })
            .Concat(contacts.SelectMany(c => new[] { c.ContactName, c.ContactEmail, c.ContactPhone }))
            .Where(v => !string.IsNullOrWhiteSpace(v))
            .Select(v => v!)
            .ToList();
        // A name also counts when written without the space between family and given name.
        values.AddRange(values.Where(v => v.Contains(' ', StringComparison.Ordinal) && !v.Contains('@', StringComparison.Ordinal)).Select(v => v.Replace(" ", "", StringComparison.Ordinal)).ToList());
        Assert.True(values.Count > 600, "the demo data holds personal data to look for");
        return values.Distinct().ToList();
    }
}
