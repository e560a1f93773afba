using KyodoHub.Core.Common;
using KyodoHub.Web.Features.Offers;
using KyodoHub.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace KyodoHub.Web.Features.Desk;

/// <summary>
/// Staff record a caller's answer to a pending offer through <see cref="OfferService"/>, the inbox's
/// own rules: a confirmation that names the registrant and the request, a decline's reason as the
/// caller gave it, and the outcome announced and focused. The page reloads the record afterwards.
/// </summary>
public sealed partial class PendingOffersSection
{
    private CallerAnswer? _answering;
    private bool _focusConfirm;
    private ElementReference _confirm;
    private string? _reasonError;
    private string? _message;
    private Severity _severity;
    private int _answers;
    private bool _busy;

    [Parameter, EditorRequired]
    public required RegistrantRecord Record { get; set; }

    /// <summary>After an answer was recorded or refused: the page loads the record again.</summary>
    [Parameter, EditorRequired]
    public required EventCallback OnAnswered { get; set; }

    [Inject] private OfferService Offers { get; set; } = null!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = null!;

    private void Start(PendingOfferRow offer, bool decline)
    {
        (_answering, _reasonError, _focusConfirm) = (new CallerAnswer(offer.OfferId, decline), null, true);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_focusConfirm && _answering is not null)
        {
            _focusConfirm = false;
            await _confirm.FocusAsync();
        }
    }

    private async Task RecordAsync(PendingOfferRow offer)
    {
        var answer = _answering!;
        var reasonField = L["RegistrantPhoneReason"].Value;
        if (answer.Decline && string.IsNullOrWhiteSpace(answer.Reason))
        {
            _reasonError = L["FieldRequired", reasonField];
            return;
        }
        _busy = true;
        try
        {
            if (answer.Decline)
            {
                await Offers.DeclineForCallerAsync(offer.OfferId, answer.Reason!.Trim());
            }
            else
            {
                await Offers.AcceptForCallerAsync(offer.OfferId);
            }
            Say(L[answer.Decline ? "RegistrantPhoneDeclined" : "RegistrantPhoneAccepted", Record.Name, offer.Title], Severity.Success);
        }
        catch (DomainValidationException ex)
        {
            // Only the reason is the staff member's input; the service names it as the offer's DeclineReason.
            _reasonError = ex.Code == "Required" ? L["FieldRequired", reasonField] : L["Validation_TooLongMax", reasonField, Core.Offers.Offer.MaxDeclineReasonLength];
            return;
        }
        catch (DomainRuleException ex)
        {
            Say(L["RegistrantPhoneRefused", offer.Title, Refusal(ex)], Severity.Warning);
        }
        finally
        {
            _busy = false;
        }
        await OnAnswered.InvokeAsync();
    }

    private void Say(string message, Severity severity)
    {
        (_message, _severity, _answering, _reasonError) = (message, severity, null, null);
        _answers++;
    }

    private string Refusal(DomainRuleException ex)
    {
        var text = L[$"Error_{ex.Code}"];
        return text.ResourceNotFound ? RuleMessages.Of(L, ex) : text.Value;
    }

    /// <summary>The answer being recorded: which offer, accept or decline, and a decline's reason.</summary>
    private sealed class CallerAnswer(int offerId, bool decline)
    {
        public int OfferId { get; } = offerId;
        public bool Decline { get; } = decline;
        public string? Reason { get; set; }
    }
}
