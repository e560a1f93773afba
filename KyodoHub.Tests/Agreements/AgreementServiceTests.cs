using KyodoHub.Core.Agreements;
using KyodoHub.Core.Common;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Features.Agreements;
using KyodoHub.Web.Identity;
using KyodoHub.Web.Live;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Agreements;

[Collection(AppCollection.Name)]
public class AgreementServiceTests(AppFixture fixture)
{
    private IServiceProvider Services => fixture.App.Services;

    [Fact]
    public async Task ACoordinatorDraftsFromAFilledRequestWithTermsPrefilledFromIt()
    {
        var c = await CollaborationSeed.CreateAsync(Services);
        await using var coordinator = ScopeAs.User(Services, Roles.Coordinator);
        var service = coordinator.ServiceProvider.GetRequiredService<AgreementService>();

        var draft = await service.PrepareAsync(c.RequestId);
        Assert.Contains(draft.RequestTitle, draft.Terms.Purpose, StringComparison.Ordinal);
        Assert.Equal(c.RegistrantNames, draft.RegistrantNames);
        var id = await service.DraftAsync(c.RequestId, draft.Terms);

        var view = await service.GetAsync(id);
        Assert.Equal(AgreementState.Draft, view.State);
        Assert.Equal([PartyKind.Group, .. c.RegistrantIds.Select(_ => PartyKind.Registrant)], view.Parties.Select(p => p.Kind));
        Assert.All(view.Parties, p => Assert.Null(p.ConfirmedAt));
        Assert.Contains((await service.ListAsync()).Agreements, a => a.Id == id);
        Assert.DoesNotContain((await service.ListAsync()).Candidates, a => a.RequestId == c.RequestId);
    }

    [Fact]
    public async Task TheAgreementIsConfirmedOnceTheGroupAndEveryRegistrantHaveConfirmedAndEachStepIsAnnounced()
    {
        var c = await CollaborationSeed.CreateAsync(Services, registrants: 2);
        var id = await DraftAsync(c);
        var notices = new List<AgreementEvent>();
        using var subscription = Services.GetRequiredService<IEventBroker>().Subscribe(e =>
        {
            if (e is AgreementEvent changed)
            {
                lock (notices)
                {
                    notices.Add(changed);
                }
            }
            return Task.CompletedTask;
        });

        await using (var group = ScopeAs.User(Services, Roles.GroupContact, groupId: c.GroupId))
        {
            var service = group.ServiceProvider.GetRequiredService<AgreementService>();
            Assert.True((await service.GetAsync(id)).ViewerMustConfirm);
            Assert.Contains((await service.ListAsync()).Agreements, a => a.Id == id && a.AwaitsViewer);
            await service.ConfirmAsync(id);
            var view = await service.GetAsync(id);
            Assert.Equal(AgreementState.Draft, view.State);
            Assert.False(view.ViewerMustConfirm);
        }
        await ConfirmAsRegistrantAsync(c.RegistrantIds[0], id);
        Assert.Equal(AgreementState.Draft, (await ViewAsCoordinatorAsync(id)).State);
        await ConfirmAsRegistrantAsync(c.RegistrantIds[1], id);

        var final = await ViewAsCoordinatorAsync(id);
        Assert.Equal(AgreementState.Confirmed, final.State);
        Assert.All(final.Parties, p => Assert.NotNull(p.ConfirmedAt));
        // Live events are delivered after the save; with a backplane they may arrive a moment later.
        AgreementState[] States()
        {
            lock (notices)
            {
                return [.. notices.Where(n => n.AgreementId == id).Select(n => n.State)];
            }
        }
        for (var waited = 0; States().Length < 3 && waited < 100; waited++)
        {
            await Task.Delay(100);
        }
        Assert.Equal([AgreementState.Draft, AgreementState.Draft, AgreementState.Confirmed], States());
    }

    [Fact]
    public async Task AGroupContactOfAnotherGroupCanNeitherSeeNorConfirmIt()
    {
        var c = await CollaborationSeed.CreateAsync(Services);
        var id = await DraftAsync(c);
        await using var other = ScopeAs.User(Services, Roles.GroupContact, groupId: c.GroupId + 100_000);
        var service = other.ServiceProvider.GetRequiredService<AgreementService>();
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.GetAsync(id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.ConfirmAsync(id));
        Assert.DoesNotContain((await service.ListAsync()).Agreements, a => a.Id == id);
    }

    [Fact]
    public async Task ARegistrantWhoIsNotAPartyCannotConfirmIt()
    {
        var c = await CollaborationSeed.CreateAsync(Services);
        var outsider = await CollaborationSeed.CreateAsync(Services, registrants: 1);
        var id = await DraftAsync(c);
        await Assert.ThrowsAsync<AccessDeniedException>(() => ConfirmAsRegistrantAsync(outsider.RegistrantIds[0], id));
        Assert.All((await ViewAsCoordinatorAsync(id)).Parties, p => Assert.Null(p.ConfirmedAt));
    }

    [Fact]
    public async Task RevisingTheTermsVoidsTheConfirmationsGivenSoFar()
    {
        var c = await CollaborationSeed.CreateAsync(Services, registrants: 1);
        var id = await DraftAsync(c);
        await ConfirmAsRegistrantAsync(c.RegistrantIds[0], id);
        await using var coordinator = ScopeAs.User(Services, Roles.Coordinator);
        var service = coordinator.ServiceProvider.GetRequiredService<AgreementService>();
        var view = await service.GetAsync(id);

        await service.ReviseAsync(id, view.Terms with { CostSharing = "費用は折半とする。" }, view.Version);

        var revised = await service.GetAsync(id);
        Assert.Equal("費用は折半とする。", revised.Terms.CostSharing);
        Assert.All(revised.Parties, p => Assert.Null(p.ConfirmedAt));
        var stale = await Assert.ThrowsAsync<DomainRuleException>(() => service.ReviseAsync(id, view.Terms, view.Version));
        Assert.Equal("AgreementChangedMeanwhile", stale.Code);
    }

    [Fact]
    public async Task ASecondAgreementForTheSameRequestAndAnEmptyPurposeAreRefused()
    {
        var c = await CollaborationSeed.CreateAsync(Services);
        await using var coordinator = ScopeAs.User(Services, Roles.Coordinator);
        var service = coordinator.ServiceProvider.GetRequiredService<AgreementService>();
        var terms = (await service.PrepareAsync(c.RequestId)).Terms;
        var empty = await Assert.ThrowsAsync<DomainValidationException>(() => service.DraftAsync(c.RequestId, terms with { Purpose = " " }));
        Assert.Equal(nameof(Agreement.Purpose), empty.Field);
        await service.DraftAsync(c.RequestId, terms);
        var twice = await Assert.ThrowsAsync<DomainRuleException>(() => service.DraftAsync(c.RequestId, terms));
        Assert.Equal("AgreementExists", twice.Code);
    }

    [Fact]
    public async Task OnlyCoordinatorsDraft()
    {
        var c = await CollaborationSeed.CreateAsync(Services);
        await using var group = ScopeAs.User(Services, Roles.GroupContact, groupId: c.GroupId);
        await Assert.ThrowsAsync<AccessDeniedException>(() => group.ServiceProvider.GetRequiredService<AgreementService>().PrepareAsync(c.RequestId));
    }

    internal static async Task<int> DraftAsync(IServiceProvider services, Collaboration c)
    {
        await using var coordinator = ScopeAs.User(services, Roles.Coordinator, userName: "coordinator@kyodohub.example");
        var service = coordinator.ServiceProvider.GetRequiredService<AgreementService>();
        return await service.DraftAsync(c.RequestId, (await service.PrepareAsync(c.RequestId)).Terms);
    }

    private Task<int> DraftAsync(Collaboration c) => DraftAsync(Services, c);

    private async Task ConfirmAsRegistrantAsync(int registrantId, int agreementId)
    {
        await using var registrant = ScopeAs.User(Services, Roles.Registrant, registrantId: registrantId);
        await registrant.ServiceProvider.GetRequiredService<AgreementService>().ConfirmAsync(agreementId);
    }

    private async Task<AgreementView> ViewAsCoordinatorAsync(int id)
    {
        await using var coordinator = ScopeAs.User(Services, Roles.Coordinator);
        return await coordinator.ServiceProvider.GetRequiredService<AgreementService>().GetAsync(id);
    }
}
