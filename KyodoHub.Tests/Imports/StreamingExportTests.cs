using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Imports;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Imports;

/// <summary>The registrant export as a coordinator downloads it: the same file as ever, sent as it is read.</summary>
[Collection(AppCollection.Name)]
public class StreamingExportTests(AppFixture fixture)
{
    [Fact]
    public async Task TheDownloadedRegistrantExportIsTheFileTheImportColumnsDescribeByteForByte()
    {
        using var client = await CoordinatorAsync();
        var downloaded = await client.GetByteArrayAsync("/exports/registrants.csv");

        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        var rows = new ExportRows(await db.Areas.ToDictionaryAsync(a => a.Id), await db.SkillTags.ToDictionaryAsync(t => t.Id));
        var registrants = await db.Registrants.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
        var expected = CsvFiles.Write(ExportRows.Header(ImportKind.Registrants), registrants.Select(rows.Registrant));

        Assert.Equal([0xEF, 0xBB, 0xBF], downloaded[..3]);
        Assert.Equal(registrants.Count, CsvFiles.Read(CsvFiles.Decode(downloaded)).Records.Count);
        Assert.Equal(expected, downloaded);
    }

    [Fact]
    public async Task TheRegistrantExportIsSentAsItIsWrittenNotAfterItIsBuilt()
    {
        using var client = await CoordinatorAsync();
        using var response = await client.GetAsync("/exports/registrants.csv", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();

        // A file built first would be sent with its length; a stream has none and goes in chunks.
        Assert.Null(response.Content.Headers.ContentLength);
        Assert.True(response.Headers.TransferEncodingChunked);
        Assert.Equal("registrants.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.StartsWith("氏名,フリガナ,", await reader.ReadLineAsync(), StringComparison.Ordinal);
    }

    private async Task<HttpClient> CoordinatorAsync()
    {
        var client = fixture.App.NewClient();
        await SignInForm.PostAsync(client, DemoUsers.EmailOf(Roles.Coordinator), DemoUsers.Password);
        return client;
    }
}
