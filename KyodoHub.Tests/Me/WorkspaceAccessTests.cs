using KyodoHub.Core.Registrants;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Features.Calendar;
using KyodoHub.Web.Features.Me;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Me;

/// <summary>A registrant reaches only their own record, whatever id a form or a call carries.</summary>
[Collection(AppCollection.Name)]
public class WorkspaceAccessTests(AppFixture fixture)
{
    private KyodoAppFactory App => fixture.App;

    private AsyncServiceScope As(int registrantId) => ScopeAs.User(App.Services, Roles.Registrant, registrantId: registrantId);

    private static T Service<T>(AsyncServiceScope scope) where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    [Fact]
    public async Task EachServiceReadsOnlyTheCallersOwnRecord()
    {
        var mine = await MeTestData.NewRegistrantAsync(App);
        await using var scope = As(mine);
        Assert.Equal(mine, (await Service<MyProfileService>(scope).GetAsync())!.Key.RegistrantId);
        Assert.Equal(mine, (await Service<MyAvailabilityService>(scope).GetAsync())!.Key.RegistrantId);
        Assert.Equal(mine, (await Service<MyDataService>(scope).GetAsync())!.RegistrantId);
    }

    [Fact]
    public async Task EveryChangeToAnotherRegistrantsRecordIsRefusedAndNothingChanges()
    {
        var mine = await MeTestData.NewRegistrantAsync(App);
        var theirs = await MeTestData.NewRegistrantAsync(App);
        var before = await MeTestData.LoadAsync(App, theirs);
        var theirKey = new EditKey(theirs, before.Version);
        await using var scope = As(mine);

        var forged = new ProfileForm { Key = theirKey, Name = "乗っ取り", Furigana = "ノットリ", Email = "x@example.jp", HomeAreaId = 1, Volunteer = true };
        await Assert.ThrowsAsync<AccessDeniedException>(() => Service<MyProfileService>(scope).SaveAsync(forged));
        var availability = Service<MyAvailabilityService>(scope);
        await Assert.ThrowsAsync<AccessDeniedException>(() => availability.SaveWeeklyAsync(theirKey, []));
        await Assert.ThrowsAsync<AccessDeniedException>(() => availability.AddExceptionAsync(theirKey, new AvailabilityException(DateOnly.FromDateTime(DateTime.Today).AddDays(9), ExceptionKind.Unavailable)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => availability.SetMonthlyCapAsync(theirKey, 1));
        await Assert.ThrowsAsync<AccessDeniedException>(() => availability.PauseAsync(theirKey));
        var data = Service<MyDataService>(scope);
        await Assert.ThrowsAsync<AccessDeniedException>(() => data.ExportAsync(theirs));
        await Assert.ThrowsAsync<AccessDeniedException>(() => data.RequestDeletionAsync(theirs, null));
        var feeds = Service<CalendarFeedService>(scope);
        await Assert.ThrowsAsync<AccessDeniedException>(() => feeds.IssueAsync(theirs));
        await Assert.ThrowsAsync<AccessDeniedException>(() => feeds.StatusAsync(theirs));
        await Assert.ThrowsAsync<AccessDeniedException>(() => feeds.RevokeAsync(theirs));

        var after = await MeTestData.LoadAsync(App, theirs);
        Assert.Equal((before.Version, before.Name, before.Status, before.MonthlyCap), (after.Version, after.Name, after.Status, after.MonthlyCap));
        Assert.Equal(before.WeeklyAvailability, after.WeeklyAvailability);
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        Assert.False(await db.DataDeletionRequests.AnyAsync(d => d.RegistrantId == theirs));
        Assert.False(await db.CalendarFeeds.AnyAsync(f => f.RegistrantId == theirs));
    }

    [Fact]
    public async Task AnotherRegistrantsDeletionRequestCannotBeCancelled()
    {
        var mine = await MeTestData.NewRegistrantAsync(App);
        var theirs = await MeTestData.NewRegistrantAsync(App);
        await using (var theirScope = As(theirs))
        {
            await Service<MyDataService>(theirScope).RequestDeletionAsync(theirs, "引っ越しのため");
        }
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        var theirRequest = await db.DataDeletionRequests.SingleAsync(d => d.RegistrantId == theirs);
        await using var scope = As(mine);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Service<MyDataService>(scope).CancelDeletionAsync(mine, theirRequest.Id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Service<MyDataService>(scope).CancelDeletionAsync(theirs, theirRequest.Id));
        Assert.Equal(DeletionRequestState.Requested, (await db.DataDeletionRequests.AsNoTracking().SingleAsync(d => d.Id == theirRequest.Id)).State);
    }

    [Theory]
    [InlineData(Roles.Coordinator)]
    [InlineData(Roles.DeskStaff)]
    [InlineData(Roles.GroupContact)]
    public async Task OtherRolesCannotUseTheWorkspace(string role)
    {
        var someone = await MeTestData.NewRegistrantAsync(App);
        await using var scope = ScopeAs.User(App.Services, role, registrantId: someone);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Service<MyProfileService>(scope).GetAsync());
        await Assert.ThrowsAsync<AccessDeniedException>(() => Service<MyAvailabilityService>(scope).GetAsync());
        await Assert.ThrowsAsync<AccessDeniedException>(() => Service<MyDataService>(scope).ExportAsync(someone));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Service<CalendarFeedService>(scope).IssueAsync(someone));
    }

    [Fact]
    public async Task ARegistrantWithoutARecordSeesNothing()
    {
        await using var scope = ScopeAs.User(App.Services, Roles.Registrant);
        Assert.Null(await Service<MyProfileService>(scope).GetAsync());
        Assert.Null(await Service<MyAvailabilityService>(scope).GetAsync());
        Assert.Null(await Service<MyActivitiesService>(scope).GetAsync());
        Assert.Null(await Service<MyDataService>(scope).GetAsync());
    }

    [Fact]
    public async Task TheExportDownloadNeedsASignedInRegistrantAndGivesOnlyTheirData()
    {
        var id = await MeTestData.NewRegistrantAsync(App);
        var email = await TestAccounts.ForRegistrantAsync(App, id);
        using var anonymous = App.NewClient();
        var refused = await anonymous.GetAsync("/me/data/export");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/account/login", refused.Headers.Location!.ToString(), StringComparison.Ordinal);

        using var client = App.NewClient();
        await SignInForm.PostAsync(client, email, TestAccounts.Password);
        var response = await client.GetAsync("/me/data/export");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("kyodohub-my-data-", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'), StringComparison.Ordinal);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(id, json.RootElement.GetProperty("profile").GetProperty("registrantId").GetInt32());
    }
}
