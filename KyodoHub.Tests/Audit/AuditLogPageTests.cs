using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using KyodoHub.Core.Audit;
using KyodoHub.Tests.Desk;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Features.Audit;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Tests.Audit;

/// <summary>The audit log page reads as words and names, pages and filters in the database, and keeps its search in the address.</summary>
[Collection(AppCollection.Name)]
public class AuditLogPageTests(AppFixture fixture)
{
    private KyodoAppFactory App => fixture.App;

    private sealed record Seeded(string UserName, string UserId, DeskPagesTestData.Person Person, string AccountId, string AccountName, DateOnly ExportDay);

    /// <summary>An actor of its own with 55 contact views of one registrant, a sign-in to a known account and an export 40 days ago.</summary>
    private async Task<Seeded> SeedAsync()
    {
        var user = $"audit-{Guid.NewGuid():N}@kyodohub.example";
        var userId = Guid.NewGuid().ToString();
        var person = await DeskPagesTestData.PersonWithHistoryAsync(App);
        var key = person.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var now = DateTimeOffset.UtcNow;
        await using var db = await DeskPagesTestData.Db(App);
        var admin = await db.Users.AsNoTracking().SingleAsync(u => u.Email == DemoUsers.EmailOf(Roles.Administrator));
        for (var i = 0; i < 55; i++)
        {
            db.AuditEntries.Add(new AuditEntry(now.AddMinutes(-i), userId, user, AuditLog.ViewContact, "Registrant", key, "192.0.2.10", null));
        }
        db.AuditEntries.Add(new AuditEntry(now.AddMinutes(-100), userId, user, AuditLog.SignIn, "User", admin.Id, "192.0.2.10", null));
        var exportAt = now.AddDays(-40);
        db.AuditEntries.Add(new AuditEntry(exportAt, userId, user, AuditLog.Export, "Registrant", null, "2001:db8:85a3::8a2e:370:7334", "kind=Registrants rows=10000 columns=name,furigana,area,programmes,skills,languages,availability"));
        await db.SaveChangesAsync();
        return new Seeded(user, userId, person, admin.Id, admin.DisplayName, DateOnly.FromDateTime(Core.Common.TokyoTime.ToLocal(exportAt)));
    }

    private async Task<IDocument> OpenAsync(string query)
    {
        var email = await TestAccounts.NewStaffAsync(App, Roles.Administrator);
        using var client = App.NewClient();
        await SignInForm.PostAsync(client, email, TestAccounts.Password);
        using var response = await client.GetAsync($"/admin/audit?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    private static List<IElement> Rows(IDocument page) => [.. page.QuerySelectorAll("[data-testid=audit-row]")];

    private static string Q(string text) => Uri.EscapeDataString(text);

    [Fact]
    public async Task ActionsAndRecordsReadInJapaneseWithNamesAndTheIdsOnHover()
    {
        var s = await SeedAsync();
        var page = await OpenAsync($"user={Q(s.UserName)}&action=SignIn");

        var row = Assert.Single(Rows(page));
        Assert.Contains("ログイン", row.QuerySelector(".kh-audit-action")!.TextContent, StringComparison.Ordinal);
        var record = row.QuerySelector("[data-testid=audit-record]")!;
        Assert.Equal($"利用者アカウント：{s.AccountName}", record.TextContent.Trim());
        Assert.Contains(s.AccountId, record.GetAttribute("title"), StringComparison.Ordinal);
        Assert.DoesNotContain(s.AccountId, row.TextContent, StringComparison.Ordinal);
        var user = row.QuerySelector("[data-testid=audit-user]")!;
        Assert.Equal((s.UserName, s.UserId), (user.TextContent, user.GetAttribute("title")));
        Assert.DoesNotContain(s.UserId, row.TextContent, StringComparison.Ordinal);

        var views = await OpenAsync($"user={Q(s.UserName)}&action=ViewContact");
        var view = Rows(views)[0];
        Assert.Contains("連絡先の閲覧", view.TextContent, StringComparison.Ordinal);
        var link = view.QuerySelector("[data-testid=audit-record] a")!;
        Assert.Equal((s.Person.Name, $"/desk/registrants/{s.Person.Id}"), (link.TextContent, link.GetAttribute("href")));
        Assert.Contains("192.0.2.10", view.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePageShowsFiftyEntriesAndTheNextPageTheRest()
    {
        var s = await SeedAsync();
        var first = await OpenAsync($"user={Q(s.UserName)}&action=ViewContact");
        Assert.Equal(50, Rows(first).Count);
        Assert.Equal("55件", first.QuerySelector("[role=status]")!.TextContent.Trim());

        var second = await OpenAsync($"user={Q(s.UserName)}&action=ViewContact&page=2");
        Assert.Equal(5, Rows(second).Count);
        Assert.Equal("51", second.QuerySelector("[data-testid=audit-entries]")!.GetAttribute("start"));
        Assert.Empty(Rows(first).Select(r => r.OuterHtml).Intersect(Rows(second).Select(r => r.OuterHtml)));
    }

    [Fact]
    public async Task FiltersByPersonActionRecordAndDate()
    {
        var s = await SeedAsync();
        Assert.Equal("57件", (await OpenAsync($"user={Q(s.UserName)}")).QuerySelector("[role=status]")!.TextContent.Trim());
        Assert.Equal("55件", (await OpenAsync($"user={Q(s.UserName)}&type=Registrant&id={s.Person.Id}")).QuerySelector("[role=status]")!.TextContent.Trim());

        var day = s.ExportDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var onTheDay = await OpenAsync($"user={Q(s.UserName)}&from={day}&to={day}");
        var export = Assert.Single(Rows(onTheDay));
        Assert.Equal("Export", export.GetAttribute("data-action"));
        Assert.Contains("エクスポート", export.TextContent, StringComparison.Ordinal);
        Assert.Contains("2001:db8:85a3::8a2e:370:7334", export.QuerySelector("dd.kh-break:not([data-testid])")!.TextContent, StringComparison.Ordinal);

        var after = await OpenAsync($"user={Q(s.UserName)}&from={s.ExportDay.AddDays(1):yyyy-MM-dd}");
        Assert.DoesNotContain(Rows(after), r => r.GetAttribute("data-action") == "Export");
        Assert.Equal($"{s.UserName}", (await OpenAsync($"user={Q(s.UserName)}")).QuerySelector("#audit-user")!.GetAttribute("value"));
    }
}
