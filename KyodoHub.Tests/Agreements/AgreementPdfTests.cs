using System.Diagnostics;
using System.Net;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Features.Agreements;
using KyodoHub.Web.Identity;

namespace KyodoHub.Tests.Agreements;

[Collection(AppCollection.Name)]
public class AgreementPdfTests(AppFixture fixture)
{
    [Fact]
    public async Task ThePdfOpensAndItsTextHoldsTheRequestTitleAndBothPartiesNames()
    {
        var c = await CollaborationSeed.CreateAsync(fixture.App.Services, registrants: 1, title: "夏休み子ども書道教室の講師");
        var id = await AgreementServiceTests.DraftAsync(fixture.App.Services, c);
        using var client = fixture.App.NewClient();
        await SignInForm.PostAsync(client, DemoUsers.EmailOf(Roles.Coordinator), DemoUsers.Password);

        using var response = await client.GetAsync($"/agreements/{id}/pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var text = await PdfTextAsync(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("協定書", text, StringComparison.Ordinal);
        Assert.Contains("夏休み子ども書道教室の講師", text, StringComparison.Ordinal);
        Assert.Contains(c.GroupName, text, StringComparison.Ordinal);
        Assert.Contains(c.RegistrantNames[0], text, StringComparison.Ordinal);
        Assert.Matches("令和\\d+年\\d+月\\d+日", text);
    }

    [Fact]
    public async Task AGroupContactOfAnotherGroupGetsNoPdf()
    {
        var c = await CollaborationSeed.CreateAsync(fixture.App.Services, registrants: 1);
        var id = await AgreementServiceTests.DraftAsync(fixture.App.Services, c);
        using var client = fixture.App.NewClient();
        await SignInForm.PostAsync(client, DemoUsers.EmailOf(Roles.GroupContact), DemoUsers.Password);
        using var response = await client.GetAsync($"/agreements/{id}/pdf");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void TheFontIsFoundInTheSystemFoldersAndAMissingConfiguredFileMeansNoFont()
    {
        Assert.True(new JapaneseFont(new PdfOptions()).IsAvailable, "Debian's fonts-ipaexfont-gothic is installed by test.sh");
        Assert.False(new JapaneseFont(new PdfOptions { FontPath = "/nowhere/ipaexg.ttf" }).IsAvailable);
        Assert.Null(JapaneseFont.Locate(null, ["/nowhere"]));
    }

    [Fact]
    public void LongJapaneseLinesBreakByWidthAndNeverStartWithClosingPunctuation()
    {
        var lines = AgreementPdf.Wrap("あいうえおかきくけこ。さしす", s => s.Length * 10.0, 100);
        Assert.Equal(["あいうえおかきくけこ。", "さしす"], lines);
    }

    private static async Task<string> PdfTextAsync(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"kyodohub-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", path, "-"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.Equal(0, process.ExitCode);
            return text;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
