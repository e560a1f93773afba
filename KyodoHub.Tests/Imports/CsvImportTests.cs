using System.Text;
using KyodoHub.Core.Common;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Imports;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Imports;

[Collection(AppCollection.Name)]
public class CsvImportTests(AppFixture fixture)
{
    private IServiceProvider Services => fixture.App.Services;

    [Fact]
    public async Task AShiftJisFileWithoutBomImportsWithItsJapaneseIntact()
    {
        var tag = Tag();
        var text = "氏名,フリガナ,メールアドレス,電話番号,地域,制度,月の活動上限,技能\r\n"
                 + $"大河内 {tag}一,オオコウチ イチ,sjis1-{tag}@example.jp,042-555-0001,柴崎町,ちょこっとボランティア,３,書道\r\n"
                 + $"髙橋 {tag}二,タカハシ ニ,,090-1234-5678,錦町,両方,,\r\n";
        var bytes = CsvFiles.ShiftJis.GetBytes(text);
        Assert.NotEqual(0xEF, bytes[0]);

        var service = await ServiceAsync();
        var preview = await service.PreviewAsync(ImportKind.Registrants, bytes);
        Assert.True(preview.CanImport, string.Join("; ", preview.Errors));
        Assert.Equal(2, await service.ImportAsync(ImportKind.Registrants, bytes));

        await using var db = await DbAsync();
        var first = await db.Registrants.SingleAsync(r => r.Email == $"sjis1-{tag}@example.jp");
        Assert.Equal($"大河内 {tag}一", first.Name);
        Assert.Equal(3, first.MonthlyCap);
        Assert.Single(first.Skills);
        Assert.Equal(Program.Both, (await db.Registrants.SingleAsync(r => r.Name == $"髙橋 {tag}二")).Programs);
    }

    [Fact]
    public async Task AUtf8FileWithBomImportsGroups()
    {
        var tag = Tag();
        var text = "\uFEFF団体名,種別,地域,担当者,メールアドレス,電話番号\r\n"
                 + $"若葉町こども会{tag},自治会,若葉町,松本 さくら,kodomo-{tag}@example.jp,\r\n";
        var service = await ServiceAsync();
        Assert.Equal(1, await service.ImportAsync(ImportKind.Groups, Encoding.UTF8.GetBytes(text)));
        await using var db = await DbAsync();
        Assert.True(await db.Groups.AnyAsync(g => g.Name == $"若葉町こども会{tag}" && g.ContactName == "松本 さくら"));
    }

    [Fact]
    public async Task AFileWithABadRowImportsNothingAndNamesTheRowAndColumn()
    {
        var tag = Tag();
        var text = "氏名,フリガナ,メールアドレス,電話番号,地域,制度\n"
                 + $"良い {tag},ヨイ,ok-{tag}@example.jp,,柴崎町,ちょこっとボランティア\n"
                 + $"悪い {tag},ワルイ,not-an-address,,どこか町,ちょこっとボランティア\n"
                 + $"連絡先なし {tag},レンラクサキナシ,,,柴崎町,リーダー\n";
        var bytes = new UTF8Encoding(false).GetBytes(text);
        var service = await ServiceAsync();
        var before = await CountAsync();

        var preview = await service.PreviewAsync(ImportKind.Registrants, bytes);
        Assert.False(preview.CanImport);
        Assert.Contains(preview.Errors, e => e.Row == 3 && e.Column == "地域" && e.Message.Contains("どこか町", StringComparison.Ordinal));
        Assert.Contains(preview.Errors, e => e.Row == 4 && e.Column == "電話番号");
        Assert.DoesNotContain(preview.Errors, e => e.Row == 2);

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => service.ImportAsync(ImportKind.Registrants, bytes));
        Assert.Equal("ImportHasErrors", refused.Code);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task QuotedCommasAndLineBreaksInFieldsAreRead()
    {
        var tag = Tag();
        var text = "団体名,種別,地域,担当者,メールアドレス,電話番号\r\n"
                 + $"\"たちかわ子ども食堂, 北口{tag}\",NPO,曙町,\"山本 花子\",,\"042-555-\r\n0002\"\r\n"
                 + $"\"読書会 \"\"ひまわり\"\"{tag}\",市民グループ,錦町,\"中野\n太郎\",hima-{tag}@example.jp,\r\n";
        var service = await ServiceAsync();
        var preview = await service.PreviewAsync(ImportKind.Groups, Encoding.UTF8.GetBytes(text));

        Assert.Equal(2, preview.RowCount);
        Assert.Equal($"たちかわ子ども食堂, 北口{tag}", preview.Sample[0][0]);
        Assert.Equal($"読書会 \"ひまわり\"{tag}", preview.Sample[1][0]);
        Assert.Equal("中野\n太郎", preview.Sample[1][3]);
        // The phone number broken over two lines is read as one field, which the domain then refuses.
        Assert.Equal([2], preview.Errors.Select(e => e.Row));
        Assert.Equal("電話番号", preview.Errors[0].Column);
    }

    [Fact]
    public async Task TheExportIsUtf8WithABomAndReadsBackWithTheSameColumns()
    {
        var service = await ServiceAsync();
        using var file = new MemoryStream();
        await ScopeAs.User(Services, Roles.Coordinator).ServiceProvider.GetRequiredService<ExportService>().WriteAsync(ImportKind.Groups, file);
        var bytes = file.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("団体名,種別,地域,担当者,メールアドレス,電話番号\r\n", text, StringComparison.Ordinal);

        var preview = await service.PreviewAsync(ImportKind.Groups, bytes);
        await using var db = await DbAsync();
        Assert.Equal(await db.Groups.CountAsync(), preview.RowCount);
        Assert.All(preview.Errors, e => Assert.Equal("団体名", e.Column)); // every group is already registered
    }

    [Fact]
    public async Task ADeskStaffMemberCannotExport()
    {
        await using var desk = ScopeAs.User(Services, Roles.DeskStaff);
        await Assert.ThrowsAsync<Web.Features.Account.AccessDeniedException>(() =>
            desk.ServiceProvider.GetRequiredService<ExportService>().WriteAsync(ImportKind.Registrants, Stream.Null));
    }

    [Fact]
    public async Task AnExportOverHttpIsAuditedWithWhoAndTheClientAddress()
    {
        using var client = fixture.App.NewClient();
        await SignInForm.PostAsync(client, DemoUsers.EmailOf(Roles.Coordinator), DemoUsers.Password);
        using var response = await client.GetAsync("/exports/registrants.csv");
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);

        await using var db = await DbAsync();
        var entry = await db.AuditEntries.OrderByDescending(e => e.Id).FirstAsync(e => e.Action == "Export" && e.EntityType == "Registrant");
        Assert.Equal(DemoUsers.EmailOf(Roles.Coordinator), entry.UserName);
        Assert.Equal("127.0.0.1", entry.Address);
    }

    private static string Tag() => Guid.NewGuid().ToString("N")[..6];

    // The scope lives as long as the test class instance, which xunit creates per test.
    private Task<ImportService> ServiceAsync() =>
        Task.FromResult(ScopeAs.User(Services, Roles.Coordinator).ServiceProvider.GetRequiredService<ImportService>());

    private Task<KyodoDbContext> DbAsync() => Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();

    private async Task<int> CountAsync()
    {
        await using var db = await DbAsync();
        return await db.Registrants.CountAsync();
    }
}
