using KyodoHub.Core.Common;
using KyodoHub.Core.Evaluations;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Features.Forms;
using KyodoHub.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;

namespace KyodoHub.Web.Features.Evaluations;

public partial class EvaluationForm
{
    private const int MaxComment = 2000;
    private FormErrors _errors = null!;
    private EvaluationTask? _task;
    private string? _problem;
    private bool _busy;
    private bool _done;
    private readonly EvaluationDraft _input = new();
    private EditContext _context = null!;

    [Parameter]
    public int RequestId { get; set; }

    [Inject]
    private EvaluationService Evaluations { get; set; } = null!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        _errors = new FormErrors(L);
        _context = new EditContext(_input);
        try
        {
            _task = await Evaluations.GetTaskAsync(RequestId);
        }
        catch (DomainRuleException ex)
        {
            _problem = RuleMessages.Of(L, ex);
        }
    }

    private async Task SubmitAsync()
    {
        _errors.Clear();
        Check(_errors);
        if (_busy || _errors.Any)
        {
            return;
        }
        _busy = true;
        _problem = null;
        try
        {
            await Evaluations.SubmitAsync(RequestId, new EvaluationInput(_input.GoalsMet, _input.Rating, _input.Synergy, _input.Comment, _input.Consent));
            _done = true;
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

    // The form's own check; FormChecks runs it again as answers change, so a fixed field's message goes.
    private void Check(FormErrors errors)
    {
        if (_input.GoalsMet is < 1 or > 5)
        {
            errors.AddMessage(nameof(Evaluation.GoalsMet), L["ChoiceRequired", LabelOf(nameof(Evaluation.GoalsMet))]);
        }
        if (_input.Rating is < 1 or > 5)
        {
            errors.AddMessage(nameof(Evaluation.Rating), L["ChoiceRequired", LabelOf(nameof(Evaluation.Rating))]);
        }
        if (_input.Synergy is null)
        {
            errors.AddMessage(nameof(Evaluation.Synergy), L["ChoiceRequired", LabelOf(nameof(Evaluation.Synergy))]);
        }
        if ((_input.Comment?.Trim().Length ?? 0) > MaxComment)
        {
            errors.AddMessage(nameof(Evaluation.Comment), L["Validation_TooLongMax", LabelOf(nameof(Evaluation.Comment)), MaxComment]);
        }
    }

    // A radio group tells the form it changed without a For: with one, MudBlazor would show the
    // form's message a second time under the group.
    private void Changed(string field) => _context.NotifyFieldChanged(_context.Field(field));

    private string LabelOf(string field) => field switch
    {
        nameof(Evaluation.GoalsMet) => L["EvaluationGoalsMetShort"],
        nameof(Evaluation.Rating) => L["EvaluationRatingShort"],
        nameof(Evaluation.Synergy) => L["EvaluationSynergyShort"],
        _ => L["EvaluationComment"],
    };

    /// <summary>The form's answers; field names match the domain's so its errors land beside them.</summary>
    private sealed class EvaluationDraft
    {
        public int GoalsMet { get; set; }
        public int Rating { get; set; }
        public SynergyAnswer? Synergy { get; set; }
        public string? Comment { get; set; }
        public bool Consent { get; set; }
    }
}
