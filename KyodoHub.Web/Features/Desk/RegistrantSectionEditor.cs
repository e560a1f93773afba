using KyodoHub.Core.Common;
using KyodoHub.Web.Features.Forms;
using KyodoHub.Web.Features.Me;
using KyodoHub.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace KyodoHub.Web.Features.Desk;

/// <summary>What the registrant page says after a staff change: saved, or why not.</summary>
public sealed record StaffEditOutcome(string Message, Severity Severity);

/// <summary>
/// A section of the registrant page where staff change part of the record for a caller through
/// the registrant's own workspace services. A field problem stays with the editor, beside the
/// field; a save, a record changed meanwhile or a refused rule go up for the page to reload and say.
/// </summary>
public abstract class RegistrantSectionEditor : ComponentBase
{
    private EditKey? _shown;

    [Parameter, EditorRequired]
    public required RegistrantRecord Record { get; set; }

    [Parameter, EditorRequired]
    public required EventCallback<StaffEditOutcome> OnDone { get; set; }

    [Parameter]
    public EventCallback OnClose { get; set; }

    [Inject] protected IStringLocalizer<SharedResource> L { get; set; } = null!;

    protected bool Busy { get; private set; }

    /// <summary>Whether the record was (re)loaded since the editor last took its values: saved, or changed elsewhere.</summary>
    protected bool TakeReloadedRecord()
    {
        if (_shown == Record.Key)
        {
            return false;
        }
        _shown = Record.Key;
        return true;
    }

    /// <summary>Runs one save; answers whether it was saved and what was wrong with which field.</summary>
    protected async Task<(bool Saved, FieldErrors Errors)> SaveAsync(Func<Task> save, string done)
    {
        Busy = true;
        try
        {
            var (outcome, errors) = await OutcomeOfAsync(save, done);
            if (outcome is not null)
            {
                await OnDone.InvokeAsync(outcome);
            }
            return (outcome?.Severity == Severity.Success, errors);
        }
        finally
        {
            Busy = false;
        }
    }

    private async Task<(StaffEditOutcome? Outcome, FieldErrors Errors)> OutcomeOfAsync(Func<Task> save, string done)
    {
        try
        {
            await save();
            return (new StaffEditOutcome(done, Severity.Success), FieldErrors.None);
        }
        catch (DomainValidationException ex)
        {
            return (null, FieldErrors.From(ex, L));
        }
        catch (EditConflictException)
        {
            return (new StaffEditOutcome(L["RegistrantConflict"], Severity.Warning), FieldErrors.None);
        }
        catch (DomainRuleException ex)
        {
            return (new StaffEditOutcome(RuleMessages.Of(L, ex), Severity.Warning), FieldErrors.None);
        }
    }
}
