using System.Globalization;
using KyodoHub.Core.Notifications;
using KyodoHub.Core.Offers;
using KyodoHub.Core.Requests;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Offers.Links;
using KyodoHub.Web.Features.Public;
using KyodoHub.Web.Hosting;
using KyodoHub.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace KyodoHub.Web.Features.Notifications;

/// <summary>
/// Writes an outbox row out as a message, from the data as it is now, in the recipient's language.
/// Each kind says only what its recipient already sees in the app: a registrant reads the request
/// as their inbox shows it; a coordinator reads who answered, as the request's page shows it.
/// </summary>
public sealed class NotificationComposer(
    IStringLocalizer<SharedResource> localizer,
    IOptions<CentreOptions> centre,
    IOptions<NotificationOptions> options,
    PublicOrigins origins,
    OfferLinkIssuer links)
{
    private const string DefaultAddress = "http://localhost:5080/";

    public async Task<ComposedMessage> ComposeAsync(KyodoDbContext db, Notification notification, CancellationToken cancellationToken)
    {
        var offer = await db.Offers.AsNoTracking().SingleOrDefaultAsync(o => o.Id == notification.SubjectId, cancellationToken)
            ?? throw new DeliveryException($"Offer {notification.SubjectId} no longer exists.", permanent: true);
        var request = await db.Requests.AsNoTracking().SingleAsync(r => r.Id == offer.RequestId, cancellationToken);
        var registrant = await db.Registrants.AsNoTracking().Where(r => r.Id == offer.RegistrantId).Select(r => new { r.Name, r.Email }).SingleAsync(cancellationToken);
        var recipient = notification.RecipientKind switch
        {
            RecipientKind.Registrant => new MessageRecipient(registrant.Name, registrant.Email),
            _ => await db.Users.AsNoTracking().Where(u => u.UserName == notification.RecipientId)
                    .Select(u => new MessageRecipient(u.DisplayName, u.Email)).SingleOrDefaultAsync(cancellationToken)
                ?? throw new DeliveryException($"No user {notification.RecipientId}.", permanent: true),
        };
        if (string.IsNullOrWhiteSpace(recipient.Email))
        {
            throw new DeliveryException($"{notification.RecipientKind} {notification.RecipientId} has no e-mail address.", permanent: true);
        }
        // Changing the culture here changes it for this call only: an async method's changes do not flow back.
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = LanguageOf(recipient);
        var (subject, layout) = notification.Kind switch
        {
            NotificationKind.OfferSent => OfferSent(recipient, offer, request, await links.IssueAsync(offer, notification.MessageId, cancellationToken)),
            NotificationKind.OfferAnswered => OfferAnswered(recipient, offer, request, registrant.Name),
            NotificationKind.AnswerRecorded => AnswerRecorded(recipient, offer, request),
            _ => throw new DeliveryException($"Kind {notification.Kind} has no message.", permanent: true),
        };
        return new ComposedMessage(notification.MessageId, recipient, subject, layout.ToText(), layout.ToHtml());
    }

    /// <summary>Nobody stores a language yet (the app keeps the choice in a browser cookie): Japanese, as the app starts.</summary>
    private static CultureInfo LanguageOf(MessageRecipient recipient) => LocalizationSetup.Japanese;

    private (string, MessageLayout) OfferSent(MessageRecipient recipient, Offer offer, Request request, OfferAnswerTokens tokens) =>
        (localizer["Mail_OfferSent_Subject", request.Title],
         new MessageLayout(
             localizer["Mail_Greeting", recipient.Name],
             localizer["Mail_OfferSent_Opening"],
             [
                 (localizer["Mail_Request"], request.Title),
                 (localizer["Mail_Description"], request.Description),
                 (localizer["Sessions"], SessionLines(request)),
                 (localizer["Place"], request.Place),
                 (localizer["Mail_AnswerBy"], DisplayFormats.DateTime(offer.ExpiresAt)),
             ],
             (localizer["Mail_OfferSent_Link"], Link("me/offers")),
             Footer(),
             [
                 (localizer["Mail_OfferSent_AcceptLink"], Link(OfferLinkPaths.Of(offer.Id, tokens.Accept))),
                 (localizer["Mail_OfferSent_DeclineLink"], Link(OfferLinkPaths.Of(offer.Id, tokens.Decline))),
             ]));

    private (string, MessageLayout) OfferAnswered(MessageRecipient recipient, Offer offer, Request request, string registrantName)
    {
        var answer = localizer.Name(offer.State);
        List<(string, string)> facts =
        [
            (localizer["Mail_Request"], request.Title),
            (localizer["Mail_Registrant"], registrantName),
            (localizer["Mail_Answer"], answer),
        ];
        if (offer.DeclineReason is { } reason)
        {
            facts.Add((localizer["Mail_DeclineReason"], reason));
        }
        return (localizer["Mail_OfferAnswered_Subject", answer, request.Title],
            new MessageLayout(
                localizer["Mail_Greeting", recipient.Name],
                localizer["Mail_OfferAnswered_Opening"],
                facts,
                (localizer["Mail_OfferAnswered_Link"], Link($"coordinator/requests/{request.Id.ToString(CultureInfo.InvariantCulture)}")),
                Footer()));
    }

    /// <summary>What the desk recorded of a caller's answer, so that the registrant can catch a mistake; not who recorded it.</summary>
    private (string, MessageLayout) AnswerRecorded(MessageRecipient recipient, Offer offer, Request request)
    {
        var answer = localizer.Name(offer.State);
        List<(string, string)> facts =
        [
            (localizer["Mail_Request"], request.Title),
            (localizer["Sessions"], SessionLines(request)),
            (localizer["Mail_Answer"], answer),
        ];
        if (offer.DeclineReason is { } reason)
        {
            facts.Add((localizer["Mail_DeclineReason"], reason));
        }
        facts.Add((localizer["Mail_AnswerRecorded_At"], DisplayFormats.DateTime(offer.AnsweredAt ?? offer.SentAt)));
        return (localizer["Mail_AnswerRecorded_Subject", answer, request.Title],
            new MessageLayout(
                localizer["Mail_Greeting", recipient.Name],
                localizer["Mail_AnswerRecorded_Opening"],
                facts,
                (localizer["Mail_AnswerRecorded_Link"], Link("me/offers")),
                Footer()));
    }

    private static string SessionLines(Request request) =>
        string.Join('\n', request.Sessions.Select(s => $"{DisplayFormats.Date(s.Start)} {DisplayFormats.TimeRange(s.Start, s.End)}"));

    private List<string> Footer()
    {
        var c = centre.Value;
        return [c.Name, localizer["Mail_CentreAddress", c.Address], localizer["Mail_CentrePhone", c.Phone], localizer["Mail_CentreHours", c.Hours], localizer["Mail_NoReply"]];
    }

    private Uri Link(string path)
    {
        var root = options.Value.AppAddress is { Length: > 0 } configured ? new Uri(configured) : origins.Origins.FirstOrDefault() ?? new Uri(DefaultAddress);
        return new Uri(root, path);
    }
}
