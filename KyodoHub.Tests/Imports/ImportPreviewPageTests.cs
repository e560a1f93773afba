using System.Text;
using Bunit;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Features.Audit;
using KyodoHub.Web.Features.Imports;
using KyodoHub.Web.Identity;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Imports;

[Collection(AppCollection.Name)]
public class ImportPreviewPageTests : KyodoBunitContext
{
    public ImportPreviewPageTests(AppFixture fixture)
    {
        this.AddAppServices(fixture.App);
        Services.AddScoped<ClientAddress>();
        Services.AddSingleton<RefusalLog>();
        Services.AddScoped<AuditActorSource>();
        Services.AddScoped<AuditLog>();
        Services.AddScoped<ImportService>();
        AddAuthorization().SetAuthorized("coordinator@kyodohub.example").SetRoles(Roles.Coordinator);
        UseInteractiveServerRenderer();
    }

    [Fact]
    public void AFileOfTenThousandBadRowsShowsASummaryByKindAndOnePageOfRows()
    {
        var text = new StringBuilder("氏名,フリガナ,メールアドレス,地域,制度,空き時間\r\n");
        for (var i = 0; i < 10_000; i++)
        {
            text.Append(i % 2 == 0 ? $"悪い {i},ワルイ,bad-{i}@example.jp,どこか町,ちょこっとボランティア,\r\n" : $"悪い {i},ワルイ,bad-{i}@example.jp,曙町,ちょこっとボランティア,月 25:00-26:00\r\n");
        }
        var page = Render<ImportPage>();
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(Encoding.UTF8.GetBytes(text.ToString()), "bad.csv"));

        var summary = page.WaitForElement("[data-testid=import-problem-summary]", Patience);
        var kinds = summary.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, kinds.Count);
        Assert.Contains(kinds, k => k.Contains("地域", StringComparison.Ordinal) && k.Contains("5000", StringComparison.Ordinal));
        Assert.Contains(kinds, k => k.Contains("空き時間「月 25:00-26:00」の時刻が正しくありません。", StringComparison.Ordinal) && k.Contains("5000", StringComparison.Ordinal));
        Assert.Equal(ImportPage.ProblemsPerPage, page.FindAll("[data-testid=import-errors] tbody tr").Count);
        // Bounded whatever the file's size: a page of rows, not ten thousand.
        var elements = page.FindAll("*").Count;
        Assert.True(elements < 2_000, $"{elements} elements");
        Assert.NotEmpty(page.FindAll("[data-testid=import-error-pages]"));
    }
}
