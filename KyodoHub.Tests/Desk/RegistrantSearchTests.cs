using KyodoHub.Core.Common;
using KyodoHub.Core.Registrants;
using KyodoHub.Core.Skills;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Desk;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Desk;

/// <summary>A registry of 10,000 generated registrants plus a few known ones, in its own database.</summary>
public sealed class LargeRegistryFixture : IAsyncLifetime
{
    public CapturedLogs Logs { get; } = new();

    public KyodoAppFactory App { get; }

    public LargeRegistryFixture() => App = new KyodoAppFactory { Logs = Logs };

    public async Task InitializeAsync()
    {
        App.Start();
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        var sportsTag = await db.SkillTags.Where(t => t.NameJa.Contains("体操") || t.NameJa.Contains("スポーツ")).Select(t => t.Id).FirstAsync();
        var otherTag = await db.SkillTags.Where(t => t.Id != sportsTag).Select(t => t.Id).FirstAsync();
        var now = DateTimeOffset.UtcNow;
        var random = new Random(7);
        var list = new List<Registrant>();
        for (var i = 0; i < 10_000; i++)
        {
            var r = new Registrant($"生成 {i:00000}", $"セイセイ {KanaDigits(i)}", null, $"090-0000-{i % 10000:0000}", random.Next(1, 17),
                i % 2 == 0 ? Program.ChokottoVolunteer : Program.LifelongLearningLeader, new ConsentRecord(now, "2026-04", "test"), now);
            r.SetSkills([new RegistrantSkill(otherTag, SkillLevel.Beginner)]);
            list.Add(r);
        }
        var yamada = new Registrant("山田 太郎", "ヤマダ タロウ", "yamada@example.jp", null, 7, Program.ChokottoVolunteer, new ConsentRecord(now, "2026-04", "test"), now);
        var sporty = new Registrant("体育 好子", "タイイク ヨシコ", "sport@example.jp", null, 3, Program.LifelongLearningLeader, new ConsentRecord(now, "2026-04", "test"), now);
        sporty.SetSkills([new RegistrantSkill(sportsTag, SkillLevel.Expert)]);
        list.Add(yamada);
        list.Add(sporty);
        db.Registrants.AddRange(list);
        await db.SaveChangesAsync();
    }

    // Readings are kana only: digits written with kana that sort in the same order.
    private static string KanaDigits(int n) => string.Concat(n.ToString("00000", System.Globalization.CultureInfo.InvariantCulture).Select(d => "アイウエオカキクケコ"[d - '0']));

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public class RegistrantSearchTests(LargeRegistryFixture fixture) : IClassFixture<LargeRegistryFixture>
{
    private async Task<SearchPage> SearchAsync(string? text, int page = 1, int? areaId = null, Program? program = null)
    {
        await using var scope = ScopeAs.User(fixture.App.Services, Roles.DeskStaff);
        return await scope.ServiceProvider.GetRequiredService<RegistrantSearchService>().SearchAsync(new RegistrantQuery(text, areaId, program), page);
    }

    private async Task<SearchPage> TurnToAsync(SearchPage current, int page)
    {
        await using var scope = ScopeAs.User(fixture.App.Services, Roles.DeskStaff);
        return await scope.ServiceProvider.GetRequiredService<RegistrantSearchService>().TurnToAsync(current, page);
    }

    private async Task<List<RegistrantHit>> AllAsync(string? text, int? areaId = null, Program? program = null)
    {
        var page = await SearchAsync(text, 1, areaId, program);
        var all = new List<RegistrantHit>(page.Hits);
        while (page.Page < page.PageCount)
        {
            page = await TurnToAsync(page, page.Page + 1);
            all.AddRange(page.Hits);
        }
        return all;
    }

    // The statements run that count a search's matches (the one query that filters on the search key and counts).
    private int SearchCounts() => fixture.Logs.Entries.Count(e => e.Category == DbLoggerCategory.Database.Command.Name
        && e.Message.StartsWith("Executed DbCommand", StringComparison.Ordinal)
        && e.Message.Contains("COUNT(*)", StringComparison.OrdinalIgnoreCase) && e.Message.Contains("SearchKey", StringComparison.Ordinal));

    [Theory]
    [InlineData("やまだ")]
    [InlineData("ヤマダ")]
    [InlineData("ﾔﾏﾀﾞ")]
    [InlineData("山田")]
    public async Task FindsYamadaByHiraganaKatakanaHalfWidthOrKanji(string text)
    {
        var page = await SearchAsync(text);
        Assert.Contains(page.Hits, h => h.Name == "山田 太郎");
    }

    [Fact]
    public async Task HalfWidthKatakanaFindsASkillWrittenInFullWidth()
    {
        var hits = await AllAsync("ｽﾎﾟｰﾂ");
        Assert.Contains(hits, h => h.Name == "体育 好子");
        Assert.DoesNotContain(hits, h => h.Name.StartsWith("生成", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PagesThroughTenThousandRegistrantsWithoutGapsOrRepeats()
    {
        var first = await SearchAsync("せいせい", page: 1);
        Assert.Equal(10_000, first.Total);
        Assert.Equal(500, first.PageCount);
        var seen = new HashSet<int>(first.Hits.Select(h => h.Id));
        foreach (var p in new[] { 2, 250, 500 })
        {
            var page = await SearchAsync("せいせい", page: p);
            Assert.Equal(20, page.Hits.Count);
            Assert.All(page.Hits, h => Assert.True(seen.Add(h.Id)));
        }
        var last = await SearchAsync("せいせい", page: 500);
        Assert.Equal("生成 09999", last.Hits[^1].Name);
        Assert.Empty((await SearchAsync("せいせい", page: 501)).Hits);
    }

    [Fact]
    public async Task TurningThePagesOfASearchCountsTheRegistryOnlyOnce()
    {
        var before = SearchCounts();
        var first = await SearchAsync("せいせい");
        var second = await TurnToAsync(first, 2);
        var last = await TurnToAsync(second, first.PageCount);

        Assert.Equal(1, SearchCounts() - before);
        Assert.Equal(10_000, last.Total);
        Assert.Equal(500, last.Page);
        Assert.Equal("生成 09999", last.Hits[^1].Name);
        Assert.Empty(first.Hits.Select(h => h.Id).Intersect(second.Hits.Select(h => h.Id)));

        await SearchAsync("せいせい");
        Assert.Equal(2, SearchCounts() - before);
    }

    [Fact]
    public async Task TurningAPageKeepsTheSearchThatRanNotANewOne()
    {
        var sport = await SearchAsync("ｽﾎﾟｰﾂ", areaId: 3);
        var again = await TurnToAsync(sport, 1);
        Assert.Equal(sport.Query, again.Query);
        Assert.Equal(sport.Hits.Select(h => h.Id), again.Hits.Select(h => h.Id));
        Assert.Contains(again.Hits, h => h.Name == "体育 好子");
    }

    [Fact]
    public async Task FiltersByAreaAndProgramme()
    {
        var hits = await AllAsync(null, areaId: 3, program: Program.LifelongLearningLeader);
        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.True(h.Programs.HasFlag(Program.LifelongLearningLeader)));
        Assert.All(hits, h => Assert.Equal("一番町", h.AreaJa));
        Assert.Contains(hits, h => h.Name == "体育 好子");
    }

    [Fact]
    public async Task ARegistrantCannotSearchTheRegistry()
    {
        await using var scope = ScopeAs.User(fixture.App.Services, Roles.Registrant, registrantId: 1);
        await Assert.ThrowsAsync<Web.Features.Account.AccessDeniedException>(() =>
            scope.ServiceProvider.GetRequiredService<RegistrantSearchService>().SearchAsync(new RegistrantQuery("やまだ")));
    }
}
