using KyodoHub.Core.Registrants;
using KyodoHub.Core.Skills;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Tests.Me;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Features.Audit;
using KyodoHub.Web.Features.Me;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Desk;

/// <summary>Who may change a registrant's record through the workspace services: the registrant their own, staff any.</summary>
[Collection(AppCollection.Name)]
public class RegistrantEditAccessTests(AppFixture fixture)
{
    private KyodoAppFactory App => fixture.App;

    private static EditKey KeyOf(Registrant r) => new(r.Id, r.Version);

    [Fact]
    public async Task ARegistrantCannotChangeSomeoneElsesSkillsOrAvailability()
    {
        var own = await MeTestData.NewRegistrantAsync(App);
        var other = await MeTestData.LoadAsync(App, await MeTestData.NewRegistrantAsync(App));
        await using var scope = ScopeAs.User(App.Services, Roles.Registrant, registrantId: own);

        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            scope.ServiceProvider.GetRequiredService<MyProfileService>().SaveSkillsAsync(KeyOf(other), [new SkillEntry(3, SkillLevel.Expert)], ["ja"]));
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            scope.ServiceProvider.GetRequiredService<MyAvailabilityService>().SaveWeeklyAsync(KeyOf(other), []));

        var after = await MeTestData.LoadAsync(App, other.Id);
        Assert.Equal((other.Version, 0, 7), (after.Version, after.Skills.Count, after.WeeklyAvailability.Count));
    }

    [Fact]
    public async Task StaffChangeAnyRecordAndTheAuditNamesTheStaffMember()
    {
        var registrant = await MeTestData.LoadAsync(App, await MeTestData.NewRegistrantAsync(App));
        await using (var scope = ScopeAs.User(App.Services, Roles.Coordinator, userName: "coordinator@kyodohub.example"))
        {
            await scope.ServiceProvider.GetRequiredService<MyProfileService>().SaveSkillsAsync(KeyOf(registrant), [new SkillEntry(3, SkillLevel.Expert)], ["ja", "en"]);
        }

        var after = await MeTestData.LoadAsync(App, registrant.Id);
        Assert.Equal(registrant.Version + 1, after.Version);
        Assert.Equal(["en", "ja"], after.Languages);
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        var key = registrant.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(Registrant) && e.EntityId == key).ToListAsync();
        Assert.All(entries, e => Assert.Equal("coordinator@kyodohub.example", e.UserName));
        Assert.Equal("Languages,Skills", entries.Single(e => e.Action == AuditTrail.Update).Detail);
        Assert.Single(entries, e => e.Action == "UpdateSkills");
    }

    [Fact]
    public async Task AStaleVersionIsRefusedAndNothingIsSaved()
    {
        var registrant = await MeTestData.LoadAsync(App, await MeTestData.NewRegistrantAsync(App));
        await using var scope = ScopeAs.User(App.Services, Roles.DeskStaff);
        var availability = scope.ServiceProvider.GetRequiredService<MyAvailabilityService>();
        await availability.SetMonthlyCapAsync(KeyOf(registrant), 3);

        await Assert.ThrowsAsync<EditConflictException>(() =>
            scope.ServiceProvider.GetRequiredService<MyProfileService>().SaveSkillsAsync(KeyOf(registrant), [new SkillEntry(3, SkillLevel.Expert)], ["ja"]));

        var after = await MeTestData.LoadAsync(App, registrant.Id);
        Assert.Equal((registrant.Version + 1, 3), (after.Version, after.MonthlyCap));
        Assert.Empty(after.Skills);
    }
}
