using KyodoHub.Core.Requests;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Matching;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Demo;

[Collection(AppCollection.Name)]
public class DemoSeedTests(AppFixture fixture)
{
    [Fact]
    public async Task TheDemoRegistrantIsARankedCandidateOfAtLeastThreeOpenRequestsNobodyOfferedHer()
    {
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        var demoUser = await db.Users.AsNoTracking().SingleAsync(u => u.Email == DemoUsers.EmailOf(Roles.Registrant));
        var demo = await db.Registrants.AsNoTracking().SingleAsync(r => r.Id == demoUser.RegistrantId);
        Assert.Equal("佐藤 静江", demo.Name);
        var offeredHer = await db.Offers.AsNoTracking().Where(o => o.RegistrantId == demo.Id).Select(o => o.RequestId).ToListAsync();
        var now = DateTimeOffset.UtcNow;
        var open = (await db.Requests.AsNoTracking().Where(r => r.State == RequestState.Open).ToListAsync())
            .Where(r => r.FillBy > now && !offeredHer.Contains(r.Id)).ToList();

        await using var coordinator = ScopeAs.User(fixture.App.Services, Roles.Coordinator);
        var ranking = coordinator.ServiceProvider.GetRequiredService<CandidateRanking>();
        var fits = new List<int>();
        foreach (var request in open)
        {
            var view = await ranking.RankAsync(request.Id);
            if (view.Candidates.Any(c => c.RegistrantId == demo.Id))
            {
                fits.Add(request.Id);
            }
        }
        Assert.True(fits.Count >= 3, $"佐藤 静江 is a ranked candidate of {fits.Count} open requests not yet offered to her");
    }
}
