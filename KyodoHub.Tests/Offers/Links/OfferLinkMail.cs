using System.Text.RegularExpressions;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Tests.Notifications;
using KyodoHub.Web.Identity;
using KyodoHub.Web.Features.Offers;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace KyodoHub.Tests.Offers.Links;

/// <summary>An offer's mail as the registrant receives it, and the answer links it carries.</summary>
internal sealed partial record OfferLinkMail(int OfferId, MimeMessage Mail, string AcceptPath, string DeclinePath)
{
    public const string Coordinator = "coordinator@kyodohub.example";

    public string AcceptToken => AcceptPath[(AcceptPath.LastIndexOf('/') + 1)..];
    public string DeclineToken => DeclinePath[(DeclinePath.LastIndexOf('/') + 1)..];

    /// <summary>A coordinator sends the request's top candidate an offer; waits for its mail.</summary>
    public static async Task<OfferLinkMail> SentAsync(KyodoAppFactory app, int requestId)
    {
        int offerId;
        await using (var scope = ScopeAs.User(app.Services, Roles.Coordinator, userName: Coordinator))
        {
            var top = await OfferTestData.TopCandidateAsync(app, requestId);
            offerId = (await scope.ServiceProvider.GetRequiredService<OfferService>().SendAsync(requestId, [top]))[0];
        }
        return await DeliveredAsync(app, offerId);
    }

    /// <summary>Waits for the mail of an offer already in the database.</summary>
    public static async Task<OfferLinkMail> DeliveredAsync(KyodoAppFactory app, int offerId)
    {
        var notification = Assert.Single(await MailTestData.NotificationsAboutAsync(app, [offerId]));
        var id = MailTestData.MessageIdOf(notification);
        var messages = await SmtpServer.Shared.WaitForAsync(all => all.Any(m => m.MessageId == id), TimeSpan.FromSeconds(10));
        var mail = messages.First(m => m.MessageId == id);
        var text = mail.TextBody ?? "";
        return new OfferLinkMail(offerId, mail, LinkAfter(text, "引き受ける"), LinkAfter(text, "辞退する"));
    }

    /// <summary>The path of the link the plain text puts on the line after <paramref name="label"/>.</summary>
    private static string LinkAfter(string text, string label)
    {
        var match = Regex.Match(text, $"(?m)^{label}\\n(?<url>http\\S+)$");
        Assert.True(match.Success, $"No link labelled {label} in:\n{text}");
        var path = new Uri(match.Groups["url"].Value).AbsolutePath;
        Assert.Matches(AnswerPath(), path);
        return path;
    }

    [GeneratedRegex(@"^/offers/\d+/answer/[A-Za-z0-9_-]{43}$")]
    private static partial Regex AnswerPath();
}
