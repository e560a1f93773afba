using System.Net;
using KyodoHub.Core.Common;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Calendar;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Me;

[Collection(AppCollection.Name)]
public class CalendarFeedTests(AppFixture fixture)
{
    private KyodoAppFactory App => fixture.App;

    private async Task<string> IssueAsync(int registrantId)
    {
        await using var scope = ScopeAs.User(App.Services, Roles.Registrant, registrantId: registrantId);
        return await scope.ServiceProvider.GetRequiredService<CalendarFeedService>().IssueAsync(registrantId);
    }

    private async Task RevokeAsync(int registrantId)
    {
        await using var scope = ScopeAs.User(App.Services, Roles.Registrant, registrantId: registrantId);
        await scope.ServiceProvider.GetRequiredService<CalendarFeedService>().RevokeAsync(registrantId);
    }

    private async Task<HttpResponseMessage> GetFeedAsync(string token)
    {
        using var anonymous = App.NewClient();
        return await anonymous.GetAsync($"/calendar/{token}.ics");
    }

    [Fact]
    public async Task TheFeedOfAnAcceptedOfferIsValidICalendarWithTheSessionInTokyoTime()
    {
        var id = await MeTestData.NewRegistrantAsync(App);
        var request = await WorkspaceTestActions.AcceptedRequestAsync(App, id);
        var token = await IssueAsync(id);

        var response = await GetFeedAsync(token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var calendar = Ical.Net.Calendar.Load(text)!;

        var zone = Assert.Single(calendar.TimeZones);
        Assert.Equal("Asia/Tokyo", zone.TzId);
        var e = Assert.Single(calendar.Events);
        var session = request.Sessions[0];
        var start = TokyoTime.ToLocal(session.Start);
        var end = TokyoTime.ToLocal(session.End);
        Assert.Equal("Asia/Tokyo", e.DtStart!.TzId);
        Assert.Equal("Asia/Tokyo", e.DtEnd!.TzId);
        Assert.Equal((start.Date, 10, 0), (e.DtStart.Value.Date, e.DtStart.Hour, e.DtStart.Minute));
        Assert.Equal((end.Date, 12, 0), (e.DtEnd.Value.Date, e.DtEnd.Hour, e.DtEnd.Minute));
        Assert.Equal(session.Start.UtcDateTime, e.DtStart.AsUtc);
        Assert.Contains($"DTSTART;TZID=Asia/Tokyo:{start:yyyyMMdd}T100000", text, StringComparison.Ordinal);
        Assert.Equal(request.Title, e.Summary);
        Assert.Contains(request.Place, e.Location, StringComparison.Ordinal);
        Assert.Contains(await GroupNameAsync(request.GroupId), e.Description, StringComparison.Ordinal);
        Assert.Equal("CONFIRMED", e.Status);
    }

    [Fact]
    public async Task TheFeedHoldsOnlyTheRegistrantsOwnActivities()
    {
        var me = await MeTestData.NewRegistrantAsync(App);
        var other = await MeTestData.NewRegistrantAsync(App);
        var mine = await WorkspaceTestActions.AcceptedRequestAsync(App, me, daysAhead: 210);
        var theirs = await WorkspaceTestActions.AcceptedRequestAsync(App, other, daysAhead: 220);

        var text = await (await GetFeedAsync(await IssueAsync(me))).Content.ReadAsStringAsync();
        var calendar = Ical.Net.Calendar.Load(text)!;
        Assert.Equal([mine.Title], calendar.Events.Select(e => e.Summary));
        Assert.DoesNotContain(theirs.Title, text, StringComparison.Ordinal);
        var otherName = (await MeTestData.LoadAsync(App, other)).Name;
        Assert.DoesNotContain(otherName, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownOrMalformedTokenGets404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await GetFeedAsync("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetFeedAsync("not-a-token")).StatusCode);
        var response = await GetFeedAsync("%27%20or%201%3D1");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ANewAddressRevokesTheOldOneAndStoppingRevokesBoth()
    {
        var id = await MeTestData.NewRegistrantAsync(App);
        var first = await IssueAsync(id);
        Assert.Equal(HttpStatusCode.OK, (await GetFeedAsync(first)).StatusCode);

        var second = await IssueAsync(id);
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.NotFound, (await GetFeedAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetFeedAsync(second)).StatusCode);

        await RevokeAsync(id);
        Assert.Equal(HttpStatusCode.NotFound, (await GetFeedAsync(second)).StatusCode);
    }

    [Fact]
    public async Task OnlyAHashOfTheTokenIsStoredAndIssuingIsAudited()
    {
        var id = await MeTestData.NewRegistrantAsync(App);
        var token = await IssueAsync(id);
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        var feed = await db.CalendarFeeds.AsNoTracking().SingleAsync(f => f.RegistrantId == id);
        Assert.Equal(CalendarFeed.HashOf(token), feed.TokenHash);
        Assert.DoesNotContain(token, feed.TokenHash, StringComparison.Ordinal);
        var entityId = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "IssueCalendarFeed" && a.EntityId == entityId));
    }

    private async Task<string> GroupNameAsync(int groupId)
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        return await db.Groups.Where(g => g.Id == groupId).Select(g => g.Name).SingleAsync();
    }
}
