using KyodoHub.Core.Common;
using KyodoHub.Core.Requests;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Features.Evaluations;
using KyodoHub.Web.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Evaluations;

[Collection(AppCollection.Name)]
public class CompletionServiceTests(AppFixture fixture)
{
    private IServiceProvider Services => fixture.App.Services;

    [Fact]
    public async Task RecordingAFinishedActivityCompletesItAsksForEvaluationsAndCountsTheNoShow()
    {
        var c = await CollaborationSeed.CreateAsync(Services, registrants: 2, ended: true);
        await using var coordinator = ScopeAs.User(Services, Roles.Coordinator);
        var service = coordinator.ServiceProvider.GetRequiredService<CompletionService>();
        var candidate = Assert.Single(await service.AwaitingAsync(), x => x.RequestId == c.RequestId);
        Assert.Equal(c.RegistrantIds, candidate.Registrants.Select(p => p.RegistrantId));

        await service.CompleteAsync(c.RequestId, [c.RegistrantIds[1]]);

        Assert.DoesNotContain(await service.AwaitingAsync(), x => x.RequestId == c.RequestId);
        var progress = await coordinator.ServiceProvider.GetRequiredService<EvaluationService>().ProgressAsync();
        Assert.Contains(progress, p => p.RequestId == c.RequestId && p.State == RequestState.Completed && p.Expected == 2);
        var figures = await Services.GetRequiredService<ReliabilityQuery>().GetAsync(c.RegistrantIds.ToList());
        Assert.Equal(1, figures[c.RegistrantIds[0]].Completed);
        Assert.Equal(1, figures[c.RegistrantIds[1]].NoShows);
    }

    [Fact]
    public async Task AnActivityStillAheadCannotBeCompleted()
    {
        var c = await CollaborationSeed.CreateAsync(Services, registrants: 1);
        await using var coordinator = ScopeAs.User(Services, Roles.Coordinator);
        var error = await Assert.ThrowsAsync<DomainRuleException>(() => coordinator.ServiceProvider.GetRequiredService<CompletionService>().CompleteAsync(c.RequestId, []));
        Assert.Equal("RequestNotFinished", error.Code);
    }
}
