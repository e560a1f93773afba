using KyodoHub.Core.Common;
using KyodoHub.Core.Requests;
using KyodoHub.Tests.Domain;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Features.Requests;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Requests;

[Collection(AppCollection.Name)]
public class RequestIntakeServiceTests(AppFixture fixture)
{
    private static RequestDetails ValidDetails(int areaId = 7) =>
        DomainBuilders.Details(areaId: areaId, sessions: [DomainBuilders.Session(daysAhead: 30)], fillBy: DateTimeOffset.UtcNow.AddDays(10)) with { RequiredSkillIds = [1], WelcomeSkillIds = [] };

    [Fact]
    public async Task SavesAValidRequestAsOpen()
    {
        await using var scope = ScopeAs.User(fixture.App.Services, Roles.DeskStaff);
        var id = await scope.ServiceProvider.GetRequiredService<RequestIntakeService>().CreateAsync(1, ValidDetails(), RequestOrigin.Desk);
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        var saved = await db.Requests.SingleAsync(r => r.Id == id);
        Assert.Equal(RequestState.Open, saved.State);
        Assert.Single(saved.Sessions);
    }

    [Fact]
    public async Task RefusesAnUnknownAreaNamingTheFieldAndSavesNothing()
    {
        await using var scope = ScopeAs.User(fixture.App.Services, Roles.DeskStaff);
        var before = await CountAsync();
        var error = await Assert.ThrowsAsync<DomainValidationException>(() =>
            scope.ServiceProvider.GetRequiredService<RequestIntakeService>().CreateAsync(1, ValidDetails(areaId: 999), RequestOrigin.Desk));
        Assert.Equal(nameof(Request.AreaId), error.Field);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task RefusesAHeadcountOfZeroNamingTheField()
    {
        await using var scope = ScopeAs.User(fixture.App.Services, Roles.Coordinator);
        var error = await Assert.ThrowsAsync<DomainValidationException>(() =>
            scope.ServiceProvider.GetRequiredService<RequestIntakeService>().CreateAsync(1, ValidDetails() with { Headcount = 0 }, RequestOrigin.Desk));
        Assert.Equal(nameof(Request.Headcount), error.Field);
    }

    [Fact]
    public async Task RefusesASkillThatDoesNotExist()
    {
        await using var scope = ScopeAs.User(fixture.App.Services, Roles.Coordinator);
        var error = await Assert.ThrowsAsync<DomainValidationException>(() =>
            scope.ServiceProvider.GetRequiredService<RequestIntakeService>().CreateAsync(1, ValidDetails() with { RequiredSkillIds = [9999] }, RequestOrigin.Desk));
        Assert.Equal(nameof(Request.RequiredSkillIds), error.Field);
    }

    [Fact]
    public async Task AGroupContactCannotRequestForAnotherGroup()
    {
        await using var scope = ScopeAs.User(fixture.App.Services, Roles.GroupContact, groupId: 1);
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            scope.ServiceProvider.GetRequiredService<RequestIntakeService>().CreateAsync(2, ValidDetails(), RequestOrigin.Online));
    }

    [Fact]
    public async Task ARegistrantCannotCreateRequests()
    {
        await using var scope = ScopeAs.User(fixture.App.Services, Roles.Registrant, registrantId: 1);
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            scope.ServiceProvider.GetRequiredService<RequestIntakeService>().CreateAsync(1, ValidDetails(), RequestOrigin.Online));
    }

    private async Task<int> CountAsync()
    {
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        return await db.Requests.CountAsync();
    }
}
