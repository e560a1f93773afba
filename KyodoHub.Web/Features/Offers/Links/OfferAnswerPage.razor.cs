using KyodoHub.Core.Common;
using KyodoHub.Web.Features.Me;
using KyodoHub.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace KyodoHub.Web.Features.Offers.Links;

/// <summary>
/// The page an answer link of an offer's mail opens, signed in or not. Opening it shows the offer
/// and changes nothing, so a mail scanner that follows links answers nothing; only the button
/// answers. A link that cannot answer says why, and the address answers 400 or 410.
/// </summary>
public partial class OfferAnswerPage
{
    [Inject]
    private OfferLinkService Links { get; set; } = null!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = null!;

    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    [Parameter]
    public int OfferId { get; set; }

    [Parameter]
    public string Token { get; set; } = "";

    private OfferLinkView? _view;
    private string? _done;
    private string? _error;
    private string? _reasonError;
    private string? _reason;
    private string? _other;
    private bool _busy;

    private bool CanAnswer => _done is null && _view is { Status: OfferLinkStatus.Ready };

    private IEnumerable<string> DeclineReasons => OfferCard.ReasonKeys.Select(k => L[$"DeclineReason_{k}"].Value);

    private string StatusMessage => _view!.Status switch
    {
        OfferLinkStatus.Used or OfferLinkStatus.Answered when _view.State is { } state => L[$"LinkAnswer_{_view.Status}", L.Name(state)],
        var status => L[$"LinkAnswer_{status}"],
    };

    protected override async Task OnParametersSetAsync()
    {
        _view = await Links.ReadAsync(OfferId, Token);
        if (HttpContext is { Response.HasStarted: false } http)
        {
            http.Response.StatusCode = _view.Status switch
            {
                OfferLinkStatus.Ready => StatusCodes.Status200OK,
                // Not 404: that status makes the router show its not-found page instead of this one's words.
                OfferLinkStatus.Unknown or OfferLinkStatus.OtherOffer => StatusCodes.Status400BadRequest,
                _ => StatusCodes.Status410Gone,
            };
        }
    }

    private Task AcceptAsync() => AnswerAsync(() => Links.AcceptAsync(OfferId, Token), L["OfferAccepted"]);

    private Task DeclineAsync()
    {
        var reason = string.Join(" ", new[] { _reason, _other }.Where(s => !string.IsNullOrWhiteSpace(s)));
        if (reason.Length == 0)
        {
            _reasonError = L["FieldRequired", L["DeclineReason"]];
            return Task.CompletedTask;
        }
        _reasonError = null;
        return AnswerAsync(() => Links.DeclineAsync(OfferId, Token, reason), L["OfferDeclined"]);
    }

    private async Task AnswerAsync(Func<Task> answer, string done)
    {
        _busy = true;
        try
        {
            await answer();
            _done = done;
        }
        catch (DomainRuleException ex)
        {
            // Another click or another channel may have answered meanwhile: the page says what holds now.
            _error = L[$"Error_{ex.Code}"];
        }
        catch (DomainValidationException)
        {
            _reasonError = L["FieldRequired", L["DeclineReason"]];
        }
        finally
        {
            _busy = false;
        }
        _view = await Links.ReadAsync(OfferId, Token);
    }
}
