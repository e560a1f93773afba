using KyodoHub.Core.Agreements;
using KyodoHub.Core.Common;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Features.Forms;
using KyodoHub.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace KyodoHub.Web.Features.Agreements;

public partial class AgreementEditor
{
    private const int MaxText = 2000;
    private readonly TermsInput _input = new();
    private FormErrors _errors = null!;
    private AgreementDraft? _draft;
    private string? _problem;
    private bool _busy;

    [Parameter]
    public int RequestId { get; set; }

    [Inject]
    private AgreementService Agreements { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        _errors = new FormErrors(L);
        try
        {
            _draft = await Agreements.PrepareAsync(RequestId);
            _input.From(_draft.Terms);
        }
        catch (DomainRuleException ex)
        {
            _problem = RuleMessages.Of(L, ex);
        }
    }

    private async Task SaveAsync()
    {
        _errors.Clear();
        Check(_errors);
        if (_draft is null || _busy || _errors.Any)
        {
            return;
        }
        _busy = true;
        _problem = null;
        try
        {
            var terms = _input.ToTerms();
            var id = _draft.AgreementId;
            if (id is null)
            {
                id = await Agreements.DraftAsync(RequestId, terms);
            }
            else
            {
                await Agreements.ReviseAsync(id.Value, terms, _draft.Version);
            }
            // The agreement's page announces the save (see AgreementDetail); the address stays the agreement's own.
            Navigation.NavigateTo($"/agreements/{id}", new NavigationOptions { HistoryEntryState = AgreementSaved.State });
        }
        catch (DomainValidationException ex)
        {
            _errors.AddLabelled(ex, LabelOf(ex.Field));
        }
        catch (DomainRuleException ex)
        {
            _problem = RuleMessages.Of(L, ex);
        }
        catch (AccessDeniedException)
        {
            _problem = L["AccessDeniedLead"];
        }
        finally
        {
            _busy = false;
        }
    }

    // The form's own check; FormChecks runs it again as fields change, so a fixed field's message goes.
    private void Check(FormErrors errors)
    {
        errors.Required(nameof(TermsInput.Purpose), _input.Purpose, MaxText, LabelOf(nameof(TermsInput.Purpose)));
        errors.Required(nameof(TermsInput.GroupRole), _input.GroupRole, MaxText, LabelOf(nameof(TermsInput.GroupRole)));
        errors.Required(nameof(TermsInput.RegistrantRole), _input.RegistrantRole, MaxText, LabelOf(nameof(TermsInput.RegistrantRole)));
        errors.Required(nameof(TermsInput.Responsibilities), _input.Responsibilities, MaxText, LabelOf(nameof(TermsInput.Responsibilities)));
        errors.Required(nameof(TermsInput.CostSharing), _input.CostSharing, MaxText, LabelOf(nameof(TermsInput.CostSharing)));
        errors.Required(nameof(TermsInput.ResultsOwnership), _input.ResultsOwnership, MaxText, LabelOf(nameof(TermsInput.ResultsOwnership)));
        if (_input.PeriodStart is null)
        {
            errors.AddMessage(nameof(TermsInput.PeriodStart), L["FieldRequired", LabelOf(nameof(TermsInput.PeriodStart))]);
        }
        if (_input.PeriodEnd is null)
        {
            errors.AddMessage(nameof(TermsInput.PeriodEnd), L["FieldRequired", LabelOf(nameof(TermsInput.PeriodEnd))]);
        }
        else if (_input.PeriodStart is { } start && _input.PeriodEnd < start)
        {
            errors.AddMessage(nameof(TermsInput.PeriodEnd), L["Validation_EndBeforeStart", LabelOf(nameof(TermsInput.PeriodEnd))]);
        }
    }

    // MudBlazor's own check of a required field speaks with the same words as the form's.
    private string RequiredText(string field) => L["FieldRequired", LabelOf(field)];

    private string LabelOf(string field) => field switch
    {
        nameof(TermsInput.Purpose) => L["AgreementPurpose"],
        nameof(TermsInput.GroupRole) => L["AgreementGroupRole"],
        nameof(TermsInput.RegistrantRole) => L["AgreementRegistrantRole"],
        nameof(TermsInput.Responsibilities) => L["AgreementResponsibilities"],
        nameof(TermsInput.CostSharing) => L["AgreementCostSharing"],
        nameof(TermsInput.ResultsOwnership) => L["AgreementResultsOwnership"],
        nameof(TermsInput.PeriodStart) => L["AgreementPeriodStart"],
        _ => L["AgreementPeriodEnd"],
    };

    /// <summary>The form's fields; field names match the domain's so its errors land beside them.</summary>
    private sealed class TermsInput
    {
        public string Purpose { get; set; } = "";
        public string GroupRole { get; set; } = "";
        public string RegistrantRole { get; set; } = "";
        public string Responsibilities { get; set; } = "";
        public string CostSharing { get; set; } = "";
        public string ResultsOwnership { get; set; } = "";
        public DateTime? PeriodStart { get; set; }
        public DateTime? PeriodEnd { get; set; }

        public void From(AgreementTerms terms)
        {
            (Purpose, GroupRole, RegistrantRole, Responsibilities, CostSharing, ResultsOwnership) =
                (terms.Purpose, terms.GroupRole, terms.RegistrantRole, terms.Responsibilities, terms.CostSharing, terms.ResultsOwnership);
            PeriodStart = terms.PeriodStart.ToDateTime(TimeOnly.MinValue);
            PeriodEnd = terms.PeriodEnd.ToDateTime(TimeOnly.MinValue);
        }

        public AgreementTerms ToTerms() => new(
            Purpose, GroupRole, RegistrantRole, Responsibilities, CostSharing, ResultsOwnership,
            DateOnly.FromDateTime(PeriodStart!.Value), DateOnly.FromDateTime(PeriodEnd!.Value));
    }
}
