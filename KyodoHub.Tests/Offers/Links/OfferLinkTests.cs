using System.Net;
using KyodoHub.Core.Common;
using KyodoHub.Core.Offers;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Tests.Notifications;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Offers.Links;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Offers.Links;

/// <summary>The answer links of an offer's mail: what they carry, what the database keeps, and what they refuse.</summary>
public class OfferLinkTests(MailingAppFixture fixture) : IClassFixture<MailingAppFixture>
{
    private KyodoAppFactory App => fixture.App;

    private async Task<OfferLinkMail> SentAsync(int daysAhead) =>
        await OfferLinkMail.SentAsync(App, (await TestRequests.PostAsync(App, TestRequests.Valid(headcount: 1, daysAhead: daysAhead))).Id);

    private async Task<T> ReadAsync<T>(Func<KyodoDbContext, Task<T>> read)
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        return await read(db);
    }

    private Task<Offer> OfferAsync(int offerId) => ReadAsync(db => db.Offers.AsNoTracking().SingleAsync(o => o.Id == offerId));

    private async Task AsAnyoneAsync(Func<OfferLinkService, Task> act)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await act(scope.ServiceProvider.GetRequiredService<OfferLinkService>());
    }

    private async Task<(HttpStatusCode Status, string Html)> OpenAsync(string path)
    {
        using var client = App.NewClient();
        using var response = await client.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnOfferSentByACoordinatorIsDeliveredWithBothLinksWhoseTokensTheDatabaseDoesNotHold()
    {
        var sent = await SentAsync(daysAhead: 300);

        var text = sent.Mail.TextBody;
        Assert.Contains("引き受ける\nhttp", text);
        Assert.Contains("辞退する\n", text);
        Assert.Contains("/me/offers", text);
        Assert.Matches($"href=\"http[^\"]*{sent.AcceptPath}\">引き受ける</a>", sent.Mail.HtmlBody);
        Assert.Matches($"href=\"http[^\"]*{sent.DeclinePath}\">辞退する</a>", sent.Mail.HtmlBody);
        Assert.NotEqual(sent.AcceptToken, sent.DeclineToken);

        var links = await ReadAsync(db => db.OfferAnswerLinks.AsNoTracking().Where(l => l.OfferId == sent.OfferId).ToListAsync());
        Assert.Equal([OfferLinkAnswer.Accept, OfferLinkAnswer.Decline], links.Select(l => l.Answer).Order());
        Assert.All(links, l => Assert.Null(l.UsedAt));
        Assert.False(await DatabaseHoldsAsync(sent.AcceptToken), "The accept token is stored in clear.");
        Assert.False(await DatabaseHoldsAsync(sent.DeclineToken), "The decline token is stored in clear.");
    }

    [Fact]
    public async Task OpeningALinkAnswersNothingHoweverOftenItIsOpened()
    {
        var sent = await SentAsync(daysAhead: 301);

        for (var i = 0; i < 2; i++)
        {
            var (status, html) = await OpenAsync(sent.AcceptPath);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains("この依頼を引き受けますか。", html);
            Assert.Equal(HttpStatusCode.OK, (await OpenAsync(sent.DeclinePath)).Status);
        }

        Assert.Equal(OfferState.Offered, (await OfferAsync(sent.OfferId)).State);
        Assert.All(await ReadAsync(db => db.OfferAnswerLinks.AsNoTracking().Where(l => l.OfferId == sent.OfferId).ToListAsync()), l => Assert.Null(l.UsedAt));
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("%3Cscript%3E")]
    public async Task AMalformedOrUnknownTokenIsRefusedWith400AndChangesNothing(string token)
    {
        var sent = await SentAsync(daysAhead: 302);

        var (status, html) = await OpenAsync($"/offers/{sent.OfferId}/answer/{token}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("このリンクは正しくないか、使えません。", html);
        Assert.DoesNotContain("<script>", html);
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => AsAnyoneAsync(s => s.AcceptAsync(sent.OfferId, Uri.UnescapeDataString(token))));
        Assert.Equal("LinkUnknown", refused.Code);
        Assert.Equal(OfferState.Offered, (await OfferAsync(sent.OfferId)).State);
    }

    [Fact]
    public async Task AnotherOffersTokenIsRefusedAndShowsNothingOfEitherOffer()
    {
        var first = await SentAsync(daysAhead: 303);
        var second = await SentAsync(daysAhead: 304);

        var (status, html) = await OpenAsync($"/offers/{first.OfferId}/answer/{second.AcceptToken}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("このリンクは別の打診のものです。", html);
        Assert.DoesNotContain("data-testid=\"link-offer\"", html);
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => AsAnyoneAsync(s => s.AcceptAsync(first.OfferId, second.AcceptToken)));
        Assert.Equal("LinkOtherOffer", refused.Code);
        Assert.Equal(OfferState.Offered, (await OfferAsync(first.OfferId)).State);
        Assert.Equal(OfferState.Offered, (await OfferAsync(second.OfferId)).State);
    }

    [Fact]
    public async Task AUsedLinkIsRefusedWith410AndSaysWhatTheAnswerWas()
    {
        var sent = await SentAsync(daysAhead: 305);
        await AsAnyoneAsync(s => s.AcceptAsync(sent.OfferId, sent.AcceptToken));

        var again = await Assert.ThrowsAsync<DomainRuleException>(() => AsAnyoneAsync(s => s.AcceptAsync(sent.OfferId, sent.AcceptToken)));
        Assert.Equal("LinkUsed", again.Code);
        var (status, html) = await OpenAsync(sent.AcceptPath);
        Assert.Equal(HttpStatusCode.Gone, status);
        Assert.Contains("このリンクはすでに使われています（回答：引き受け）。", html);
        var (declineStatus, declineHtml) = await OpenAsync(sent.DeclinePath);
        Assert.Equal(HttpStatusCode.Gone, declineStatus);
        Assert.Contains("この打診にはすでに回答済みです（回答：引き受け）。", declineHtml);
        await Assert.ThrowsAsync<DomainRuleException>(() => AsAnyoneAsync(s => s.DeclineAsync(sent.OfferId, sent.DeclineToken, "予定が合わない")));

        var offer = await OfferAsync(sent.OfferId);
        Assert.Equal(OfferState.Accepted, offer.State);
        Assert.Equal(AnswerChannel.MailLink, offer.AnsweredVia);
        Assert.Equal(1, await ReadAsync(db => db.Assignments.CountAsync(a => a.OfferId == sent.OfferId)));
    }

    [Fact]
    public async Task TwoClicksAtOnceAnswerOnce()
    {
        var sent = await SentAsync(daysAhead: 306);

        var clicks = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            try
            {
                await AsAnyoneAsync(s => s.AcceptAsync(sent.OfferId, sent.AcceptToken));
                return true;
            }
            catch (DomainRuleException)
            {
                return false;
            }
        }));

        Assert.Single(clicks, won => won);
        Assert.Equal(1, await ReadAsync(db => db.Assignments.CountAsync(a => a.OfferId == sent.OfferId)));
        Assert.Single(await ReadAsync(db => db.OfferAnswerLinks.AsNoTracking().Where(l => l.OfferId == sent.OfferId && l.UsedAt != null).ToListAsync()));
    }

    [Fact]
    public async Task ADeclineWithoutAReasonIsRefusedAndLeavesTheLinkUnused()
    {
        var sent = await SentAsync(daysAhead: 307);

        await Assert.ThrowsAsync<DomainValidationException>(() => AsAnyoneAsync(s => s.DeclineAsync(sent.OfferId, sent.DeclineToken, "  ")));
        var wrongAnswer = await Assert.ThrowsAsync<DomainRuleException>(() => AsAnyoneAsync(s => s.DeclineAsync(sent.OfferId, sent.AcceptToken, "予定が合わない")));
        Assert.Equal("LinkUnknown", wrongAnswer.Code);

        Assert.Equal(OfferState.Offered, (await OfferAsync(sent.OfferId)).State);
        Assert.All(await ReadAsync(db => db.OfferAnswerLinks.AsNoTracking().Where(l => l.OfferId == sent.OfferId).ToListAsync()), l => Assert.Null(l.UsedAt));
        await AsAnyoneAsync(s => s.DeclineAsync(sent.OfferId, sent.DeclineToken, "予定が合わない"));
        var offer = await OfferAsync(sent.OfferId);
        Assert.Equal((OfferState.Declined, "予定が合わない", AnswerChannel.MailLink), (offer.State, offer.DeclineReason, offer.AnsweredVia));
    }

    /// <summary>Whether any row of any table holds the text: every column of every table, as the database stores it.</summary>
    private async Task<bool> DatabaseHoldsAsync(string secret)
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        if (db.Database.IsNpgsql())
        {
            var tables = await db.Database.SqlQueryRaw<string>("SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'").ToListAsync();
            foreach (var table in tables)
            {
                // Table names come from the catalogue, the secret goes as a parameter.
                var sql = string.Concat("SELECT COUNT(*)::int AS \"Value\" FROM \"", table, "\" t WHERE CAST(row_to_json(t) AS text) LIKE {0}");
                var hits = await db.Database.SqlQueryRaw<int>(sql, $"%{secret}%").SingleAsync();
                if (hits > 0)
                {
                    return true;
                }
            }
            return false;
        }
        // SQLite: the file and its write-ahead log, byte for byte.
        var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        var wanted = System.Text.Encoding.ASCII.GetBytes(secret);
        return new[] { file, file + "-wal" }.Where(File.Exists).Any(path => Read(path).AsSpan().IndexOf(wanted) >= 0);
    }

    private static byte[] Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
