using KyodoHub.Core.Common;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace KyodoHub.Web.Features.Coordinator;

/// <summary>
/// Edits a request's title, description, place and headcount. The edit remembers the version it
/// started from; when another coordinator saved in between, it shows both versions side by side
/// and lets the coordinator keep theirs or save their own over it.
/// </summary>
public sealed partial class RequestEditor
{
    private Form _form = new();
    private int _version;
    private int _requestId;
    private EditConflict? _conflict;
    private string? _message;
    private Severity _severity = Severity.Success;
    private bool _saving;

    [Parameter, EditorRequired]
    public required RequestDetail Request { get; set; }

    /// <summary>Raised after a save, so that the page can show the saved request.</summary>
    [Parameter]
    public EventCallback Saved { get; set; }

    [Inject] private RequestEditing Editing { get; set; } = null!;

    protected override void OnParametersSet()
    {
        // Only a different request resets the form: live refreshes of the same request must not
        // wipe what the coordinator is typing, nor move the version the edit started from.
        if (Request.Id != _requestId)
        {
            _requestId = Request.Id;
            Start(RequestEdit.Of(Request), Request.Version);
        }
    }

    private Task SaveAsync() => SubmitAsync(_form.ToEdit(), _version);

    private Task UseMineAsync() => _conflict is { } c ? SubmitAsync(c.Yours, c.TheirVersion) : Task.CompletedTask;

    private void KeepTheirs()
    {
        if (_conflict is { } c)
        {
            Start(c.Theirs, c.TheirVersion);
        }
    }

    private async Task SubmitAsync(RequestEdit edit, int expectedVersion)
    {
        _saving = true;
        try
        {
            switch (await Editing.SaveAsync(Request.Id, edit, expectedVersion))
            {
                case EditSaved saved:
                    Start(edit, saved.Version);
                    (_message, _severity) = (L["EditSavedMessage"], Severity.Success);
                    await Saved.InvokeAsync();
                    break;
                case EditConflict conflict:
                    (_conflict, _message) = (conflict, null);
                    break;
            }
        }
        catch (DomainValidationException ex)
        {
            (_message, _severity) = (L[$"Error_{ex.Code}"], Severity.Warning);
        }
        catch (DomainRuleException ex)
        {
            (_message, _severity) = (L[$"Error_{ex.Code}"], Severity.Warning);
        }
        finally
        {
            _saving = false;
        }
    }

    private void Start(RequestEdit edit, int version)
    {
        _form = Form.From(edit);
        _version = version;
        _conflict = null;
    }

    private sealed class Form
    {
        public string Title { get; set; } = "";
        public string Description { get; set; } = "";
        public string Place { get; set; } = "";
        public int Headcount { get; set; } = 1;

        public static Form From(RequestEdit edit) => new() { Title = edit.Title, Description = edit.Description, Place = edit.Place, Headcount = edit.Headcount };

        public RequestEdit ToEdit() => new(Title, Description, Place, Headcount);
    }
}
