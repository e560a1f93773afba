using KyodoHub.Tests.Agreements;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Features.Audit;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Audit;

[Collection(AppCollection.Name)]
public class AuditTrailTests(AppFixture fixture)
{
    private IServiceProvider Services => fixture.App.Services;

    [Fact]
    public async Task ACreateByAUserIsRecordedWithWhoWhatWhenAndWhichRecord()
    {
        var c = await CollaborationSeed.CreateAsync(Services);
        var id = await AgreementServiceTests.DraftAsync(Services, c);

        await using var admin = ScopeAs.User(Services, Roles.Administrator);
        var page = await admin.ServiceProvider.GetRequiredService<AuditLog>().SearchAsync(new AuditQuery(EntityType: "Agreement", EntityId: id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var entry = Assert.Single(page.Entries);
        Assert.Equal(AuditTrail.Create, entry.Action);
        Assert.Equal("coordinator@kyodohub.example", entry.UserName);
        Assert.True(entry.At > DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task AnUpdateRecordsTheNamesButNotTheValuesOfTheChangedFields()
    {
        var c = await CollaborationSeed.CreateAsync(Services, registrants: 1);
        var id = await AgreementServiceTests.DraftAsync(Services, c);
        await using (var registrant = ScopeAs.User(Services, Roles.Registrant, registrantId: c.RegistrantIds[0], userName: "someone@example.jp"))
        {
            await registrant.ServiceProvider.GetRequiredService<Web.Features.Agreements.AgreementService>().ConfirmAsync(id);
        }
        await using var db = await Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var update = await db.AuditEntries.SingleAsync(e => e.EntityType == "Agreement" && e.EntityId == key && e.Action == AuditTrail.Update);
        Assert.Equal("someone@example.jp", update.UserName);
        Assert.Contains("Confirmations", update.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStaffViewOfARegistrantsContactDetailsIsRecordedWithTheRecord()
    {
        var c = await CollaborationSeed.CreateAsync(Services, registrants: 1);
        await using var desk = ScopeAs.User(Services, Roles.DeskStaff, userName: "desk@kyodohub.example");
        var details = await desk.ServiceProvider.GetRequiredService<ContactDetailsService>().RegistrantAsync(c.RegistrantIds[0]);
        Assert.NotNull(details?.Phone);
        await using var db = await Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        var key = c.RegistrantIds[0].ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditLog.ViewContact && e.EntityType == "Registrant" && e.EntityId == key && e.UserName == "desk@kyodohub.example"));
    }

    [Fact]
    public async Task ARegistrantCannotLookUpAnotherRegistrantsContactDetails()
    {
        await using var registrant = ScopeAs.User(Services, Roles.Registrant, registrantId: 1);
        await Assert.ThrowsAsync<AccessDeniedException>(() => registrant.ServiceProvider.GetRequiredService<ContactDetailsService>().RegistrantAsync(2));
    }

    [Fact]
    public async Task EntriesCannotBeChangedOrDeleted()
    {
        await using var desk = ScopeAs.User(Services, Roles.DeskStaff);
        await desk.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync(AuditLog.Export, "Registrant", null);
        await using var db = await Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        var entry = await db.AuditEntries.OrderByDescending(e => e.Id).FirstAsync();
        db.AuditEntries.Remove(entry);
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task OnlyAdministratorsSearchTheLog()
    {
        await using var coordinator = ScopeAs.User(Services, Roles.Coordinator);
        await Assert.ThrowsAsync<AccessDeniedException>(() => coordinator.ServiceProvider.GetRequiredService<AuditLog>().SearchAsync(new AuditQuery()));
    }
}
