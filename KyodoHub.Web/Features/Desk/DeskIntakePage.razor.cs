using KyodoHub.Core.Common;
using KyodoHub.Web.Features.Forms;
using KyodoHub.Web.Features.Requests;
using KyodoHub.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace KyodoHub.Web.Features.Desk;

/// <summary>
/// A request taken at the counter in one screen: the group (registered or new), then the request.
/// Built for the keyboard: plain inputs in tab order, Enter saves, sensible defaults.
/// </summary>
public sealed partial class DeskIntakePage
{
    private RequestFormModel _request = new();
    private GroupFormModel _group = new();
    private FormErrors _errors = null!;
    private ReferenceLists? _lists;
    private IReadOnlyList<GroupChoice> _groups = [];
    private GroupChoiceModel _choice = new();
    private bool _newGroup;
    private bool _saving;
    private int? _savedId;
    private int _saves;

    [Inject] private DeskIntakeService Intake { get; set; } = null!;
    [Inject] private ReferenceData Reference { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        _errors = new FormErrors(L);
        _lists = await Reference.LoadAsync();
        _groups = await Intake.GroupsAsync();
        Reset();
    }

    // The session date stays empty: a date the caller never said would be saved without anyone noticing.
    private void Reset()
    {
        _request = new RequestFormModel();
        _group = new GroupFormModel();
        _choice = new GroupChoiceModel();
    }

    private void ChooseGroup(int id)
    {
        _choice.GroupId = id;
        // The request usually happens where the group is.
        if (_groups.FirstOrDefault(g => g.Id == id) is { } group && _request.AreaId == 0)
        {
            _request.AreaId = group.AreaId;
        }
    }

    private void Check(FormErrors errors)
    {
        if (_newGroup)
        {
            _group.Validate(errors);
        }
        else if (_choice.GroupId <= 0)
        {
            errors.Add("GroupId", "Required");
        }
        _request.Validate(errors, TokyoTime.Today(Clock));
    }

    private async Task SaveAsync()
    {
        _errors.Clear();
        _savedId = null;
        Check(_errors);
        if (_errors.Any)
        {
            return;
        }
        _saving = true;
        try
        {
            _savedId = await Intake.CreateAsync(_newGroup ? null : _choice.GroupId, _newGroup ? _group : null, _request.ToDetails());
            _saves++;
            if (_newGroup)
            {
                _groups = await Intake.GroupsAsync();
            }
            Reset();
        }
        catch (DomainValidationException ex)
        {
            _errors.Add(ex);
        }
        finally
        {
            _saving = false;
        }
    }

    /// <summary>The registered group chosen, under the field name the checks use, so that its select is marked like every other input.</summary>
    private sealed class GroupChoiceModel
    {
        public int GroupId { get; set; }
    }
}
