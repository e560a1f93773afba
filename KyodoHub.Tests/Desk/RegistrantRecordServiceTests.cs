using KyodoHub.Core.Matching;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Features.Audit;
using KyodoHub.Web.Features.Desk;
using KyodoHub.Web.Features.Matching;
using KyodoHub.Web.Features.Me;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Desk;

[Collection(AppCollection.Name)]
public class RegistrantRecordServiceTests(AppFixture fixture)
{
    private KyodoAppFactory App => fixture.App;

    private async Task<RegistrantRecord> ReadAsync(int id, string role = Roles.DeskStaff)
    {
        await using var scope = ScopeAs.User(App.Services, role);
        return (await scope.ServiceProvider.GetRequiredService<RegistrantRecordService>().GetAsync(id))!;
    }

    [Theory]
    [InlineData(Roles.DeskStaff)]
    [InlineData(Roles.Coordinator)]
    [InlineData(Roles.Administrator)]
    public async Task AStaffEditIsAuditedAndReachesTheMatchIndex(string role)
    {
        var person = await DeskPagesTestData.PersonWithHistoryAsync(App);
        var holder = App.Services.GetRequiredService<MatchIndexHolder>();
        var before = IndexRows.Describe(await holder.GetAsync());
        var record = await ReadAsync(person.Id);
        var form = RegistrantEditForm.From(record);
        form.HomeAreaId = record.HomeAreaId == 3 ? 4 : 3;
        form.MonthlyCap = 2;

        await using (var scope = ScopeAs.User(App.Services, role, userName: "staff-editor@kyodohub.example"))
        {
            await scope.ServiceProvider.GetRequiredService<RegistrantRecordService>().SaveAsync(form);
        }

        var key = person.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var db = await DeskPagesTestData.Db(App);
        var entry = await db.AuditEntries
            .Where(e => e.Action == AuditTrail.Update && e.EntityType == "Registrant" && e.EntityId == key && e.UserName == "staff-editor@kyodohub.example").SingleAsync();
        Assert.Contains("HomeAreaId", entry.Detail, StringComparison.Ordinal);
        Assert.Contains("MonthlyCap", entry.Detail, StringComparison.Ordinal);
        var live = IndexRows.Describe(await holder.GetAsync());
        Assert.False(live.SequenceEqual(before), "The live match index did not change with the edit.");
        Assert.True(live.SequenceEqual(IndexRows.Describe(await holder.BuildFreshAsync())), "The live match index differs from a fresh build after the edit.");
        var shown = await ReadAsync(person.Id);
        Assert.Equal((form.HomeAreaId, 2), (shown.HomeAreaId, shown.MonthlyCap));
        Assert.Contains(shown.History, h => h.Action == AuditTrail.Update);
    }

    [Fact]
    public async Task AnEditOfAnOutdatedVersionSavesNothing()
    {
        var person = await DeskPagesTestData.PersonWithHistoryAsync(App);
        var stale = RegistrantEditForm.From(await ReadAsync(person.Id));
        var first = RegistrantEditForm.From(await ReadAsync(person.Id));
        first.Name = "先に 保存";
        await using var scope = ScopeAs.User(App.Services, Roles.DeskStaff);
        var service = scope.ServiceProvider.GetRequiredService<RegistrantRecordService>();
        await service.SaveAsync(first);
        stale.Name = "後から 保存";
        await Assert.ThrowsAsync<EditConflictException>(() => service.SaveAsync(stale));
        Assert.Equal("先に 保存", (await ReadAsync(person.Id)).Name);
    }

    [Fact]
    public async Task ARegistrantOrGroupContactCannotOpenAnotherRegistrantsPage()
    {
        var person = await DeskPagesTestData.PersonWithHistoryAsync(App);
        foreach (var role in new[] { Roles.Registrant, Roles.GroupContact })
        {
            await using var scope = ScopeAs.User(App.Services, role, registrantId: role == Roles.Registrant ? person.Id : null, groupId: role == Roles.GroupContact ? 1 : null);
            var service = scope.ServiceProvider.GetRequiredService<RegistrantRecordService>();
            await Assert.ThrowsAsync<AccessDeniedException>(() => service.GetAsync(person.Id));
        }
    }
}
