using KyodoHub.Core.Common;
using KyodoHub.Core.Consultations;
using KyodoHub.Core.Registrants;
using KyodoHub.Core.Skills;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KyodoHub.Tests.Security;

/// <summary>An app whose clock the test moves, keeping personal data for two years of inactivity.</summary>
public sealed class FakeClockFixture : AppFixture
{
    public FakeClockFixture()
        : this(new FakeTimeProvider(DateTimeOffset.UtcNow))
    {
    }

    private FakeClockFixture(FakeTimeProvider clock)
        : base(new KyodoAppFactory(settings: new Dictionary<string, string>
        {
            ["Retention:InactiveRegistrantYears"] = "2",
            // Checks every 30 days, and offers expire monthly, so that moving the clock by months fires few timers.
            ["Retention:CheckInterval"] = "30.00:00:00",
            ["Offers:ExpiryCheckSeconds"] = "2592000",
        })
        {
            TestServices = services => services.AddSingleton<TimeProvider>(clock),
        }) => Clock = clock;

    public FakeTimeProvider Clock { get; }
}

public class RetentionTests(FakeClockFixture fixture) : IClassFixture<FakeClockFixture>
{
    private KyodoAppFactory App => fixture.App;

    [Fact]
    public async Task AfterTheRetentionPeriodAnInactiveRegistrantIsAnonymisedAndAnActiveOneIsNot()
    {
        var clock = fixture.Clock;
        var request = await TestRequests.PostAsync(App, TestRequests.Valid());
        var inactive = await AddRegistrantAsync("休眠 花子", "kyumin@example.jp", clock.GetUtcNow().AddYears(-1));
        var active = await AddRegistrantAsync("活動 太郎", "katsudo@example.jp", clock.GetUtcNow().AddYears(-1));
        await using (var db = await Factory().CreateDbContextAsync())
        {
            db.Consultations.Add(new ConsultationRecord("休眠 花子", ConsultationChannel.Phone, "登録内容の相談", "電話番号 090-1111-2222 を確認", null, "desk@kyodohub.example", clock.GetUtcNow(), inactive));
            await db.SaveChangesAsync();
        }
        var statisticsBefore = await StatisticsAsync();

        // Some months later the active one gets an offer; the inactive one is not heard from again.
        clock.Advance(TimeSpan.FromDays(300));
        await OfferTestData.InsertOffersAsync(App, request.Id, [active], sentAt: clock.GetUtcNow());
        clock.Advance(TimeSpan.FromDays(466));

        var gone = await EventuallyAnonymisedAsync(inactive);
        Assert.Equal((Registrant.AnonymousName, (string?)null, (string?)null, RegistrantStatus.Retired), (gone.Name, gone.Email, gone.Phone, gone.Status));
        Assert.DoesNotContain("休眠", gone.SearchKey, StringComparison.Ordinal);
        Assert.NotEmpty(gone.Skills);
        await using (var db = await Factory().CreateDbContextAsync())
        {
            var kept = await db.Registrants.AsNoTracking().SingleAsync(r => r.Id == active);
            Assert.Equal(("活動 太郎", "katsudo@example.jp"), (kept.Name, kept.Email));
            var consultation = await db.Consultations.AsNoTracking().SingleAsync(c => c.RegistrantId == inactive);
            Assert.DoesNotContain("090-1111-2222", consultation.Outcome, StringComparison.Ordinal);
            Assert.DoesNotContain("花子", consultation.VisitorName, StringComparison.Ordinal);
        }
        // Aggregate statistics stay as they were: how many registrants, by area and programme.
        Assert.Equal(statisticsBefore, await StatisticsAsync());
    }

    private IDbContextFactory<KyodoDbContext> Factory() => App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>();

    private async Task<int> AddRegistrantAsync(string name, string email, DateTimeOffset registeredAt)
    {
        await using var db = await Factory().CreateDbContextAsync();
        var skill = await db.SkillTags.Select(t => t.Id).FirstAsync();
        var registrant = new Registrant(name, "テスト", email, "090-0000-1234", 5, Program.ChokottoVolunteer, new ConsentRecord(registeredAt, "2026-04", "self"), registeredAt);
        registrant.SetSkills([new RegistrantSkill(skill, SkillLevel.Experienced)]);
        db.Registrants.Add(registrant);
        await db.SaveChangesAsync();
        return registrant.Id;
    }

    private async Task<Registrant> EventuallyAnonymisedAsync(int id)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            await using var db = await Factory().CreateDbContextAsync();
            var registrant = await db.Registrants.AsNoTracking().SingleAsync(r => r.Id == id);
            if (registrant.IsAnonymised)
            {
                return registrant;
            }
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"Registrant {id} was not anonymised within 10 seconds of the retention period passing.");
    }

    private async Task<string> StatisticsAsync()
    {
        await using var db = await Factory().CreateDbContextAsync();
        var rows = await db.Registrants.GroupBy(r => new { r.HomeAreaId, r.Programs }).Select(g => new { g.Key.HomeAreaId, g.Key.Programs, Count = g.Count() }).ToListAsync();
        return string.Join(';', rows.OrderBy(r => r.HomeAreaId).ThenBy(r => r.Programs).Select(r => $"{r.HomeAreaId}/{r.Programs}/{r.Count}"));
    }
}
