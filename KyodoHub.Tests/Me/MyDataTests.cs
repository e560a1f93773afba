using KyodoHub.Core.Agreements;
using KyodoHub.Core.Common;
using KyodoHub.Core.Registrants;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Me;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Me;

[Collection(AppCollection.Name)]
public class MyDataTests(AppFixture fixture)
{
    private KyodoAppFactory App => fixture.App;

    private async Task<T> AsRegistrant<T>(int registrantId, Func<MyDataService, Task<T>> act)
    {
        await using var scope = ScopeAs.User(App.Services, Roles.Registrant, registrantId: registrantId);
        return await act(scope.ServiceProvider.GetRequiredService<MyDataService>());
    }

    private Task AsRegistrant(int registrantId, Func<MyDataService, Task> act) =>
        AsRegistrant(registrantId, async s =>
        {
            await act(s);
            return true;
        });

    private async Task<KyodoDbContext> DbAsync() => await App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();

    [Fact]
    public async Task ADeletionRequestIsStoredShownCancellableAndAudited()
    {
        var id = await MeTestData.NewRegistrantAsync(App);
        await AsRegistrant(id, s => s.RequestDeletionAsync(id, "転居するため"));
        var view = await AsRegistrant(id, s => s.GetAsync());
        var waiting = view!.Waiting!;
        Assert.Equal(DeletionRequestState.Requested, waiting.State);
        Assert.Equal("転居するため", waiting.Reason);
        Assert.True(DateTimeOffset.UtcNow - waiting.RequestedAt < TimeSpan.FromMinutes(1));

        await AsRegistrant(id, s => s.CancelDeletionAsync(id, waiting.Id));
        view = await AsRegistrant(id, s => s.GetAsync());
        Assert.Null(view!.Waiting);
        var cancelled = Assert.Single(view.DeletionRequests);
        Assert.Equal(DeletionRequestState.Cancelled, cancelled.State);
        Assert.NotNull(cancelled.ClosedAt);

        await using var db = await DbAsync();
        var entityId = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var actions = await db.AuditEntries.Where(a => a.EntityType == "Registrant" && a.EntityId == entityId).Select(a => a.Action).ToListAsync();
        Assert.Contains("RequestDeletion", actions);
        Assert.Contains("CancelDeletion", actions);
    }

    [Fact]
    public async Task OnlyOneDeletionRequestWaitsAtATime()
    {
        var id = await MeTestData.NewRegistrantAsync(App);
        await AsRegistrant(id, s => s.RequestDeletionAsync(id, null));
        var error = await Assert.ThrowsAsync<DomainRuleException>(() => AsRegistrant(id, s => s.RequestDeletionAsync(id, null)));
        Assert.Equal("DeletionAlreadyRequested", error.Code);

        // Once withdrawn, a new one may be filed.
        var waiting = (await AsRegistrant(id, s => s.GetAsync()))!.Waiting!;
        await AsRegistrant(id, s => s.CancelDeletionAsync(id, waiting.Id));
        await AsRegistrant(id, s => s.RequestDeletionAsync(id, null));
        Assert.Equal(2, (await AsRegistrant(id, s => s.GetAsync()))!.DeletionRequests.Count);
    }

    [Fact]
    public async Task TwoRequestsFiledAtOnceLeaveOneWaiting()
    {
        var id = await MeTestData.NewRegistrantAsync(App);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            try
            {
                await AsRegistrant(id, s => s.RequestDeletionAsync(id, null));
                return "filed";
            }
            catch (DomainRuleException ex)
            {
                return ex.Code;
            }
        }));
        Assert.Equal(1, outcomes.Count(o => o == "filed"));
        await using var db = await DbAsync();
        Assert.Equal(1, await db.DataDeletionRequests.CountAsync(d => d.RegistrantId == id && d.State == DeletionRequestState.Requested));
    }

    [Fact]
    public async Task TheExportHoldsEverySectionOfTheRegistrantsOwnData()
    {
        int id;
        await using (var db = await DbAsync())
        {
            // A demo registrant who wrote an evaluation has offers and assignments too.
            id = await db.Evaluations.Where(e => e.Author == PartyKind.Registrant).OrderBy(e => e.AuthorId).Select(e => e.AuthorId).FirstAsync();
        }
        await AsRegistrant(id, s => s.RequestDeletionAsync(id, null));
        var export = await AsRegistrant(id, s => s.ExportAsync(id));

        await using var check = await DbAsync();
        var registrant = await check.Registrants.AsNoTracking().SingleAsync(r => r.Id == id);
        Assert.Equal((id, registrant.Name, registrant.Email), (export.Profile.RegistrantId, export.Profile.Name, export.Profile.Email));
        Assert.Equal(registrant.Skills.Count, export.Skills.Count);
        Assert.Equal(registrant.WeeklyAvailability.Count, export.Availability.Weekly.Count);
        Assert.Equal(await check.Offers.CountAsync(o => o.RegistrantId == id), export.Offers.Count);
        Assert.NotEmpty(export.Assignments);
        Assert.Equal(await check.Assignments.CountAsync(a => a.RegistrantId == id), export.Assignments.Count);
        Assert.NotEmpty(export.EvaluationsWritten);
        Assert.Equal(await check.Evaluations.CountAsync(e => e.Author == PartyKind.Registrant && e.AuthorId == id), export.EvaluationsWritten.Count);
        Assert.Equal(await check.Consultations.CountAsync(c => c.RegistrantId == id), export.Consultations.Count);
        Assert.NotEmpty(export.DeletionRequests);

        var json = System.Text.Encoding.UTF8.GetString(MyDataService.ToJson(export));
        Assert.Contains(registrant.Name, json, StringComparison.Ordinal);
        Assert.Contains("\"evaluationsWritten\"", json, StringComparison.Ordinal);
        var entityId = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await check.AuditEntries.AnyAsync(a => a.Action == "ExportData" && a.EntityId == entityId));
    }

    [Fact]
    public async Task TheExportNamesConsultationsAboutTheRegistrant()
    {
        int id;
        await using (var db = await DbAsync())
        {
            id = await db.Consultations.Where(c => c.RegistrantId != null).Select(c => c.RegistrantId!.Value).FirstAsync();
        }
        var export = await AsRegistrant(id, s => s.ExportAsync(id));
        Assert.NotEmpty(export.Consultations);
        Assert.All(export.Consultations, c => Assert.False(string.IsNullOrEmpty(c.Topic)));
    }
}
