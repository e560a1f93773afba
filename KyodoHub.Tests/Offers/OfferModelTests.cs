using CsCheck;
using KyodoHub.Core.Common;
using KyodoHub.Core.Offers;
using KyodoHub.Core.Requests;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Api;
using KyodoHub.Web.Features.Offers;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Offers;

/// <summary>
/// Random scripts of offers, accepts, declines, withdrawals and expiries by two coordinators and
/// several registrants — some steps run at the same moment — against the real offer service and
/// database. Whatever happens, no request holds more people than its headcount, seats, accepted
/// offers and assignments agree, and nobody is booked for two overlapping activities.
/// </summary>
[Collection(AppCollection.Name)]
public class OfferModelTests(AppFixture fixture)
{
    private static int _world;
    private int _accepted;

    private KyodoAppFactory App => fixture.App;

    private abstract record Step;

    private sealed record Send(int Request, int Candidate, bool SecondCoordinator) : Step;

    private sealed record Accept(int Offer) : Step;

    private sealed record Decline(int Offer) : Step;

    private sealed record Withdraw(int Offer) : Step;

    private sealed record Expire(int Request, int Candidate) : Step;

    private sealed record AtOnce(Step First, Step Second) : Step;

    private static readonly Gen<Step> OneStep = Gen.Frequency(
        (5, Gen.Select(Gen.Int[0, 2], Gen.Int[0, 5], Gen.Bool).Select(t => (Step)new Send(t.Item1, t.Item2, t.Item3))),
        (5, Gen.Int[0, 30].Select(o => (Step)new Accept(o))),
        (2, Gen.Int[0, 30].Select(o => (Step)new Decline(o))),
        (1, Gen.Int[0, 30].Select(o => (Step)new Withdraw(o))),
        (1, Gen.Select(Gen.Int[0, 2], Gen.Int[0, 5]).Select(t => (Step)new Expire(t.Item1, t.Item2))));

    private static readonly Gen<Step[]> Scripts = Gen.Frequency(
        (3, OneStep),
        (2, Gen.Select(OneStep, OneStep).Select(t => (Step)new AtOnce(t.Item1, t.Item2)))).Array[4, 16];

    [Fact]
    public async Task NoScriptOverfillsARequestOrDoubleBooksARegistrant()
    {
        await Scripts.SampleAsync(RunAsync, iter: 8, threads: 1, print: s => string.Join(", ", s.Select(x => x.ToString())));
        // The scripts did reach the interesting part: seats were actually taken.
        Assert.True(_accepted > 0);
    }

    private async Task RunAsync(Step[] script)
    {
        var world = await NewWorldAsync();
        foreach (var step in script)
        {
            await DoAsync(world, step);
            await AssertInvariantsAsync(world);
        }
    }

    /// <summary>Three requests on a day of their own: two that overlap in time (two seats and one), one later (two seats).</summary>
    private async Task<World> NewWorldAsync()
    {
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(420 + Interlocked.Increment(ref _world));
        (int Hour, int Seats)[] shapes = [(10, 2), (11, 1), (14, 2)];
        var requests = new List<int>();
        foreach (var (hour, seats) in shapes)
        {
            var start = TokyoTime.FromLocal(day, new TimeOnly(hour, 0));
            var dto = TestRequests.Valid(headcount: seats) with { Sessions = [new SessionDto(start, start.AddHours(2))], FillBy = start.AddDays(-3) };
            requests.Add((await TestRequests.PostAsync(App, dto)).Id);
        }
        var candidates = await OfferTestData.CandidatesAsync(App, requests[0], 6);
        Assert.True(candidates.Count >= 2, "the demo city has candidates for a weekday morning");
        return new World(requests, candidates, []);
    }

    private sealed record World(IReadOnlyList<int> Requests, IReadOnlyList<int> Candidates, List<(int Offer, int Registrant)> Offers)
    {
        public (int Offer, int Registrant)? OfferAt(int index)
        {
            lock (Offers)
            {
                return Offers.Count == 0 ? null : Offers[index % Offers.Count];
            }
        }

        public void Add(int offer, int registrant)
        {
            lock (Offers)
            {
                Offers.Add((offer, registrant));
            }
        }
    }

    private async Task DoAsync(World world, Step step)
    {
        if (step is AtOnce both)
        {
            await Task.WhenAll(DoAsync(world, both.First), DoAsync(world, both.Second));
            return;
        }
        try
        {
            switch (step)
            {
                case Send s:
                    var registrant = world.Candidates[s.Candidate % world.Candidates.Count];
                    var coordinator = s.SecondCoordinator ? "coordinator2@kyodohub.example" : "coordinator@kyodohub.example";
                    var sent = await AsCoordinator(coordinator, o => o.SendAsync(world.Requests[s.Request], [registrant]));
                    world.Add(sent[0], registrant);
                    break;
                case Accept a when world.OfferAt(a.Offer) is { } offer:
                    await AsRegistrant(offer.Registrant, o => o.AcceptAsync(offer.Offer));
                    Interlocked.Increment(ref _accepted);
                    break;
                case Decline d when world.OfferAt(d.Offer) is { } offer:
                    await AsRegistrant(offer.Registrant, o => o.DeclineAsync(offer.Offer, "都合がつきません"));
                    break;
                case Withdraw w when world.OfferAt(w.Offer) is { } offer:
                    await AsCoordinator("coordinator2@kyodohub.example", async o => { await o.WithdrawAsync(offer.Offer); return 0; });
                    break;
                case Expire e:
                    var late = world.Candidates[e.Candidate % world.Candidates.Count];
                    var inserted = await OfferTestData.InsertOffersAsync(App, world.Requests[e.Request], [late], sentAt: DateTimeOffset.UtcNow.AddHours(-49), expiresInHours: 48);
                    world.Add(inserted[0], late);
                    await AsCoordinator("coordinator@kyodohub.example", o => o.ExpireDueAsync());
                    break;
            }
        }
        catch (DomainRuleException)
        {
            // Refused by a rule (seat taken, overlap, already answered, not a candidate…): allowed.
        }
    }

    private async Task AssertInvariantsAsync(World world)
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        foreach (var requestId in world.Requests)
        {
            var request = await db.Requests.AsNoTracking().SingleAsync(r => r.Id == requestId);
            var accepted = await db.Offers.CountAsync(o => o.RequestId == requestId && o.State == OfferState.Accepted);
            var confirmed = await db.Assignments.CountAsync(a => a.RequestId == requestId && a.State == AssignmentState.Confirmed);
            Assert.InRange(request.FilledCount, 0, request.Headcount);
            Assert.Equal(request.FilledCount, accepted);
            Assert.Equal(request.FilledCount, confirmed);
            Assert.Equal(request.FilledCount == request.Headcount, request.State == RequestState.Filled);
        }
        foreach (var registrantId in world.Candidates)
        {
            var sessions = await (
                    from a in db.Assignments
                    join r in db.Requests on a.RequestId equals r.Id
                    where a.RegistrantId == registrantId && a.State == AssignmentState.Confirmed
                    select r)
                .AsNoTracking().ToListAsync();
            var all = sessions.SelectMany(r => r.Sessions.Select(s => (r.Id, Session: s))).ToList();
            foreach (var (first, second) in all.SelectMany((x, i) => all.Skip(i + 1).Select(y => (x, y))))
            {
                Assert.False(first.Id != second.Id && first.Session.Overlaps(second.Session), $"registrant {registrantId} is booked for requests {first.Id} and {second.Id} at once");
            }
        }
    }

    private async Task<T> AsCoordinator<T>(string userName, Func<OfferService, Task<T>> act)
    {
        await using var scope = ScopeAs.User(App.Services, Roles.Coordinator, userName: userName);
        return await act(scope.ServiceProvider.GetRequiredService<OfferService>());
    }

    private async Task AsRegistrant(int registrantId, Func<OfferService, Task> act)
    {
        await using var scope = ScopeAs.User(App.Services, Roles.Registrant, registrantId: registrantId);
        await act(scope.ServiceProvider.GetRequiredService<OfferService>());
    }
}
