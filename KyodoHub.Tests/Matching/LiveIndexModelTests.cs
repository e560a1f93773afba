using System.Globalization;
using CsCheck;
using KyodoHub.Core.Matching;
using KyodoHub.Core.Registrants;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Tests.Me;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Admin;
using KyodoHub.Web.Features.Desk;
using KyodoHub.Web.Features.Imports;
using KyodoHub.Web.Features.Matching;
using KyodoHub.Web.Features.Me;
using KyodoHub.Web.Features.Retention;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Matching;

/// <summary>
/// Random scripts of registrant changes through every path that makes them — a CSV import, the
/// desk's registration form, the registrant's own workspace, retention, a carried-out deletion
/// request and a bulk update that bypasses the change tracker — against the running app. After
/// every step the live match index holds exactly what an index built afresh from the database holds.
/// </summary>
[Collection(AppCollection.Name)]
public class LiveIndexModelTests(AppFixture fixture)
{
    // More rows than the index reads in one query, so that its batch arrives in chunks.
    private const int LargeImport = MatchIndexHolder.RefreshChunk + 7;

    private static int _counter;

    private KyodoAppFactory App => fixture.App;

    private abstract record Step;

    private sealed record Import(int Rows, bool WithSkills) : Step;

    private sealed record DeskRegistration(int Cap) : Step;

    private sealed record Weekly(int Who, int Day, int FromHour, int Hours) : Step;

    private sealed record Cap(int Who, int Value) : Step;

    private sealed record Pause(int Who) : Step;

    private sealed record Retention(int Who) : Step;

    private sealed record Deletion(int Who) : Step;

    private sealed record BulkCap(int Value) : Step;

    private static readonly Gen<Step> OneStep = Gen.Frequency(
        (3, Gen.Select(Gen.Int[1, 4], Gen.Bool).Select(t => (Step)new Import(t.Item1, t.Item2))),
        (1, Gen.Bool.Select(skills => (Step)new Import(LargeImport, skills))),
        (2, Gen.Int[1, 9].Select(c => (Step)new DeskRegistration(c))),
        (3, Gen.Select(Gen.Int[0, 20], Gen.Int[0, 6], Gen.Int[6, 18], Gen.Int[1, 4]).Select(t => (Step)new Weekly(t.Item1, t.Item2, t.Item3, t.Item4))),
        (2, Gen.Select(Gen.Int[0, 20], Gen.Int[1, 12]).Select(t => (Step)new Cap(t.Item1, t.Item2))),
        (1, Gen.Int[0, 20].Select(w => (Step)new Pause(w))),
        (1, Gen.Int[0, 20].Select(w => (Step)new Retention(w))),
        (1, Gen.Int[0, 20].Select(w => (Step)new Deletion(w))),
        (1, Gen.Int[1, 12].Select(c => (Step)new BulkCap(c))));

    [Fact]
    public async Task TheLiveIndexEqualsAFreshBuildAfterEveryKindOfChange()
    {
        await OneStep.Array[3, 10].SampleAsync(RunAsync, iter: 6, threads: 1, print: s => string.Join(", ", s.Select(x => x.ToString())));
    }

    [Fact]
    public async Task AnImportReadInSeveralChunksReachesTheIndexWhole()
    {
        await RunAsync([new Import(LargeImport, WithSkills: true), new Cap(7, 3), new Import(2, WithSkills: false), new BulkCap(5), new Deletion(3)]);
    }

    [Fact]
    public async Task ImportedRegistrantsWithoutSkillsOrCapAreRankedAtOnce()
    {
        var mine = new List<int>();
        await DoAsync(mine, new Import(3, WithSkills: false));

        var index = await App.Services.GetRequiredService<MatchIndexHolder>().GetAsync();
        Assert.Equal(3, mine.Count);
        Assert.All(mine, id => Assert.True(index.Contains(id)));
    }

    private async Task RunAsync(Step[] script)
    {
        var mine = new List<int>();
        foreach (var step in script)
        {
            await DoAsync(mine, step);
            await AssertLiveEqualsFreshAsync(step);
        }
    }

    private async Task AssertLiveEqualsFreshAsync(Step step)
    {
        var holder = App.Services.GetRequiredService<MatchIndexHolder>();
        var live = IndexRows.Describe(await holder.GetAsync());
        var fresh = IndexRows.Describe(await holder.BuildFreshAsync());
        Assert.True(fresh.SequenceEqual(live), $"After {step}: {string.Join(" / ", fresh.Except(live).Take(2))} is missing from the live index, which holds {string.Join(" / ", live.Except(fresh).Take(2))}");
    }

    private async Task DoAsync(List<int> mine, Step step)
    {
        switch (step)
        {
            case Import(var rows, var withSkills):
                await using (var scope = ScopeAs.User(App.Services, Roles.Coordinator))
                {
                    var emails = Enumerable.Range(0, rows).Select(_ => NewEmail()).ToList();
                    var file = CsvFiles.Write(["氏名", "フリガナ", "メールアドレス", "地域", "制度", "技能"],
                        emails.Select(e => (IReadOnlyList<string>)["取込 太郎", "トリコミ タロウ", e, "曙町", "ちょこっとボランティア", withSkills ? "将棋・囲碁" : ""]));
                    var result = await scope.ServiceProvider.GetRequiredService<ImportService>().ImportAsync(ImportKind.Registrants, file);
                    Assert.Equal(rows, result);
                    mine.AddRange(await IdsOfAsync(emails));
                }
                break;
            case DeskRegistration(var cap):
                await using (var scope = ScopeAs.User(App.Services, Roles.DeskStaff))
                {
                    var form = new RegistrationFormModel { Name = "窓口 花子", Furigana = "マドグチ ハナコ", Email = NewEmail(), HomeAreaId = 2, MonthlyCap = cap, Consent = true };
                    mine.Add(await scope.ServiceProvider.GetRequiredService<RegistrationService>().RegisterAsync(form));
                }
                break;
            case Weekly(var who, var day, var from, var hours) when Pick(mine, who) is { } id:
                await AsRegistrantAsync(id, (s, key) => s.SaveWeeklyAsync(key, [new AvailabilityWindow((DayOfWeek)day, from * 60, (from + hours) * 60)]));
                break;
            case Cap(var who, var value) when Pick(mine, who) is { } id:
                await AsRegistrantAsync(id, (s, key) => s.SetMonthlyCapAsync(key, value));
                break;
            case Pause(var who) when Pick(mine, who) is { } id && (await MeTestData.LoadAsync(App, id)).Status == RegistrantStatus.Active:
                await AsRegistrantAsync(id, (s, key) => s.PauseAsync(key));
                break;
            case Retention(var who) when Pick(mine, who) is { } id:
                await using (var db = await DbAsync())
                {
                    await RetentionService.AnonymiseAsync(db, [await db.Registrants.SingleAsync(r => r.Id == id)], CancellationToken.None);
                    await db.SaveChangesAsync();
                }
                // An anonymised record can no longer be edited, by its registrant or by staff.
                mine.Remove(id);
                break;
            case Deletion(var who) when Pick(mine, who) is { } id:
                await using (var scope = ScopeAs.User(App.Services, Roles.Registrant, registrantId: id))
                {
                    await scope.ServiceProvider.GetRequiredService<MyDataService>().RequestDeletionAsync(id, null);
                }
                await using (var scope = ScopeAs.User(App.Services, Roles.Administrator))
                {
                    await using var db = await DbAsync();
                    var request = await db.DataDeletionRequests.Where(d => d.RegistrantId == id).Select(d => d.Id).SingleAsync();
                    await scope.ServiceProvider.GetRequiredService<DeletionRequestService>().CompleteAsync(request);
                }
                mine.Remove(id);
                break;
            case BulkCap(var value) when mine.Count > 0:
                await using (var db = await DbAsync())
                {
                    await db.Registrants.Where(r => mine.Contains(r.Id)).ExecuteUpdateAsync(s => s.SetProperty(r => r.MonthlyCap, value));
                    await db.AnnounceMatchInputChangesAsync(new MatchInputChanges([.. mine], []));
                }
                break;
        }
    }

    private async Task AsRegistrantAsync(int id, Func<MyAvailabilityService, EditKey, Task<EditKey>> change)
    {
        await using var scope = ScopeAs.User(App.Services, Roles.Registrant, registrantId: id);
        var service = scope.ServiceProvider.GetRequiredService<MyAvailabilityService>();
        var view = await service.GetAsync();
        await change(service, view!.Key);
    }

    private async Task<List<int>> IdsOfAsync(List<string> emails)
    {
        await using var db = await DbAsync();
        return await db.Registrants.Where(r => emails.Contains(r.Email!)).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync();
    }

    private static int? Pick(List<int> mine, int who) => mine.Count == 0 ? null : mine[who % mine.Count];

    private static string NewEmail() =>
        string.Create(CultureInfo.InvariantCulture, $"index-model-{Interlocked.Increment(ref _counter)}-{Guid.NewGuid():N}@example.jp");

    private Task<KyodoDbContext> DbAsync() => App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
}
