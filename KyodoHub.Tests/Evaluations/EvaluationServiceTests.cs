using KyodoHub.Core.Common;
using KyodoHub.Core.Evaluations;
using KyodoHub.Core.Requests;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Evaluations;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Evaluations;

[Collection(AppCollection.Name)]
public class EvaluationServiceTests(AppFixture fixture)
{
    private IServiceProvider Services => fixture.App.Services;

    [Fact]
    public async Task TheRequestIsEvaluatedOnceTheGroupAndEveryRegistrantWhoTookPartHaveEvaluated()
    {
        var c = await CollaborationSeed.CreateAsync(Services, registrants: 2, finished: true);
        var reliability = Services.GetRequiredService<ReliabilityQuery>();
        var before = await reliability.GetAsync(c.RegistrantIds.ToList());
        Assert.All(c.RegistrantIds, id => Assert.Equal(new ReliabilityFigures(id, 1, 0, 0, 0), before[id]));

        await EvaluateAsGroupAsync(c, rating: 4);
        Assert.Equal(RequestState.Completed, await StateAsync(c.RequestId));
        await EvaluateAsRegistrantAsync(c.RegistrantIds[0]);
        Assert.Equal(RequestState.Completed, await StateAsync(c.RequestId));
        await EvaluateAsRegistrantAsync(c.RegistrantIds[1]);

        Assert.Equal(RequestState.Evaluated, await StateAsync(c.RequestId));
        var after = await reliability.GetAsync(c.RegistrantIds.ToList());
        Assert.All(c.RegistrantIds, id => Assert.Equal(new ReliabilityFigures(id, 1, 0, 4, 1), after[id]));
    }

    [Fact]
    public async Task ANoShowIsNotAskedToEvaluateEarnsNoRatingAndCountsAsANoShow()
    {
        var c = await CollaborationSeed.CreateAsync(Services, registrants: 2, finished: true, noShows: [1]);
        await using (var absent = ScopeAs.User(Services, Roles.Registrant, registrantId: c.RegistrantIds[1]))
        {
            Assert.Empty(await absent.ServiceProvider.GetRequiredService<EvaluationService>().PendingAsync());
        }
        await EvaluateAsGroupAsync(c, rating: 5);
        await EvaluateAsRegistrantAsync(c.RegistrantIds[0]);

        Assert.Equal(RequestState.Evaluated, await StateAsync(c.RequestId));
        var figures = await Services.GetRequiredService<ReliabilityQuery>().GetAsync(c.RegistrantIds.ToList());
        Assert.Equal(new ReliabilityFigures(c.RegistrantIds[0], 1, 0, 5, 1), figures[c.RegistrantIds[0]]);
        Assert.Equal(new ReliabilityFigures(c.RegistrantIds[1], 0, 1, 0, 0), figures[c.RegistrantIds[1]]);
    }

    [Fact]
    public async Task ARegistrantWithoutHistoryGetsZeros()
    {
        var c = await CollaborationSeed.CreateAsync(Services, registrants: 1);
        var figures = await Services.GetRequiredService<ReliabilityQuery>().GetAsync([c.RegistrantIds[0]]);
        Assert.Equal(ReliabilityFigures.None(c.RegistrantIds[0]), figures[c.RegistrantIds[0]]);
    }

    [Fact]
    public async Task NobodyEvaluatesARequestThatIsNotTheirsOrNotOverYetOrTwice()
    {
        var finished = await CollaborationSeed.CreateAsync(Services, registrants: 1, finished: true);
        var upcoming = await CollaborationSeed.CreateAsync(Services, registrants: 1);
        await using var otherGroup = ScopeAs.User(Services, Roles.GroupContact, groupId: upcoming.GroupId);
        var service = otherGroup.ServiceProvider.GetRequiredService<EvaluationService>();

        var notTheirs = await Assert.ThrowsAsync<DomainRuleException>(() => service.SubmitAsync(finished.RequestId, Valid()));
        Assert.Equal("EvaluationNotDue", notTheirs.Code);
        var notOver = await Assert.ThrowsAsync<DomainRuleException>(() => service.SubmitAsync(upcoming.RequestId, Valid()));
        Assert.Equal("EvaluationNotDue", notOver.Code);

        await EvaluateAsGroupAsync(finished, rating: 3);
        await using var group = ScopeAs.User(Services, Roles.GroupContact, groupId: finished.GroupId);
        var twice = await Assert.ThrowsAsync<DomainRuleException>(() => group.ServiceProvider.GetRequiredService<EvaluationService>().SubmitAsync(finished.RequestId, Valid()));
        Assert.Equal("EvaluationNotDue", twice.Code);
    }

    [Fact]
    public async Task AnOutOfRangeRatingIsRefusedNamingTheFieldAndNothingIsSaved()
    {
        var c = await CollaborationSeed.CreateAsync(Services, registrants: 1, finished: true);
        await using var group = ScopeAs.User(Services, Roles.GroupContact, groupId: c.GroupId);
        var error = await Assert.ThrowsAsync<DomainValidationException>(() =>
            group.ServiceProvider.GetRequiredService<EvaluationService>().SubmitAsync(c.RequestId, Valid() with { Rating = 6 }));
        Assert.Equal(nameof(Evaluation.Rating), error.Field);
        await using var db = await Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        Assert.False(await db.Evaluations.AnyAsync(e => e.RequestId == c.RequestId));
    }

    private static EvaluationInput Valid(int rating = 4) => new(4, rating, SynergyAnswer.Yes, "よかったです", true);

    private async Task EvaluateAsGroupAsync(Collaboration c, int rating)
    {
        await using var group = ScopeAs.User(Services, Roles.GroupContact, groupId: c.GroupId);
        var service = group.ServiceProvider.GetRequiredService<EvaluationService>();
        Assert.Contains(await service.PendingAsync(), t => t.RequestId == c.RequestId);
        await service.SubmitAsync(c.RequestId, Valid(rating));
    }

    private async Task EvaluateAsRegistrantAsync(int registrantId)
    {
        await using var registrant = ScopeAs.User(Services, Roles.Registrant, registrantId: registrantId);
        var service = registrant.ServiceProvider.GetRequiredService<EvaluationService>();
        var task = Assert.Single(await service.PendingAsync());
        await service.SubmitAsync(task.RequestId, Valid(rating: 2) with { Synergy = SynergyAnswer.Partly });
    }

    private async Task<RequestState> StateAsync(int requestId)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        return (await db.Requests.SingleAsync(r => r.Id == requestId)).State;
    }
}
