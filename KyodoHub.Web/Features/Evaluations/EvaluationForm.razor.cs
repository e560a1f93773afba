using KyodoHub.Core.Common;
using KyodoHub.Core.Evaluations;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Features.Forms;
using KyodoHub.Web.Localization;
using Microsoft.AspNetCore.Components;
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
    private int _goalsMet;
    private int _rating;
    private SynergyAnswer? _synergy;
    private string? _comment;
    private bool _consent;

    [Parameter]
    public int RequestId { get; set; }

    [Inject]
    private EvaluationService Evaluations { get; set; } = null!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        _errors = new FormErrors(L);
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
        if (_busy || !Validate())
        {
            return;
        }
        _busy = true;
        _problem = null;
        try
        {
            await Evaluations.SubmitAsync(RequestId, new EvaluationInput(_goalsMet, _rating, _synergy, _comment, _consent));
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

    private bool Validate()
    {
        _errors.Clear();
        if (_goalsMet is < 1 or > 5)
        {
            _errors.AddMessage(nameof(Evaluation.GoalsMet), L["ChoiceRequired", LabelOf(nameof(Evaluation.GoalsMet))]);
        }
        if (_rating is < 1 or > 5)
        {
            _errors.AddMessage(nameof(Evaluation.Rating), L["ChoiceRequired", LabelOf(nameof(Evaluation.Rating))]);
        }
        if (_synergy is null)
        {
            _errors.AddMessage(nameof(Evaluation.Synergy), L["ChoiceRequired", LabelOf(nameof(Evaluation.Synergy))]);
        }
        if ((_comment?.Trim().Length ?? 0) > MaxComment)
        {
            _errors.AddMessage(nameof(Evaluation.Comment), L["Validation_TooLongMax", LabelOf(nameof(Evaluation.Comment)), MaxComment]);
        }
        return !_errors.Any;
    }

    private string LabelOf(string field) => field switch
    {
        nameof(Evaluation.GoalsMet) => L["EvaluationGoalsMetShort"],
        nameof(Evaluation.Rating) => L["EvaluationRatingShort"],
        nameof(Evaluation.Synergy) => L["EvaluationSynergyShort"],
        _ => L["EvaluationComment"],
    };
}
