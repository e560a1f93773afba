using KyodoHub.Core.Common;
using KyodoHub.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace KyodoHub.Web.Features.Imports;

public partial class ImportPage
{
    /// <summary>Problem rows shown per page of the preview, whatever the size of the file.</summary>
    internal const int ProblemsPerPage = 50;

    private ImportKind _kind = ImportKind.Registrants;
    private byte[]? _file;
    private string? _fileName;
    private ImportPreview? _preview;
    private string? _message;
    private Severity _messageSeverity = Severity.Info;
    private bool _busy;
    private ImportProgress? _progress;
    private DateTimeOffset _lastRender;
    private bool _renderScheduled;
    private static readonly TimeSpan RenderEvery = TimeSpan.FromMilliseconds(200);
    private int _problemPage;

    [Inject]
    private ImportService Imports { get; set; } = null!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = null!;

    [Inject]
    private TimeProvider Clock { get; set; } = null!;

    private int ProblemPages => _preview is null ? 0 : (_preview.Errors.Count + ProblemsPerPage - 1) / ProblemsPerPage;

    private IEnumerable<ImportError> ProblemsShown => _preview?.Errors.Skip(_problemPage * ProblemsPerPage).Take(ProblemsPerPage) ?? [];

    private async Task KindChanged(ImportKind kind)
    {
        _kind = kind;
        if (_file is not null)
        {
            await CheckAsync(_file);
        }
    }

    private async Task FileChosenAsync(InputFileChangeEventArgs e)
    {
        _message = null;
        _preview = null;
        if (e.File.Size > ImportService.MaxBytes)
        {
            Show(Severity.Error, L["ImportTooLarge", ImportService.MaxBytes / 1024 / 1024, ImportService.MaxRows]);
            return;
        }
        using var stream = new MemoryStream();
        await using (var upload = e.File.OpenReadStream(ImportService.MaxBytes))
        {
            await upload.CopyToAsync(stream);
        }
        _file = stream.ToArray();
        _fileName = e.File.Name;
        await CheckAsync(_file);
    }

    private async Task CheckAsync(byte[] file)
    {
        _busy = true;
        try
        {
            var kind = _kind;
            var progress = Progress();
            _preview = await Task.Run(() => Imports.PreviewAsync(kind, file, progress));
            _problemPage = 0;
        }
        finally
        {
            (_busy, _progress) = (false, null);
        }
    }

    private async Task ImportAsync()
    {
        if (_file is null || _busy)
        {
            return;
        }
        _busy = true;
        try
        {
            var (kind, file, progress) = (_kind, _file, Progress());
            // Off the render thread: the page keeps answering and shows how far the import has come.
            var count = await Task.Run(() => Imports.ImportAsync(kind, file, progress));
            Show(Severity.Success, L["ImportDone", count]);
            _preview = null;
            _file = null;
        }
        catch (DomainRuleException ex)
        {
            Show(Severity.Error, RuleMessages.Of(L, ex));
        }
        finally
        {
            (_busy, _progress) = (false, null);
        }
    }

    // Reports arrive on a worker thread; render at most a few times a second, and always the latest:
    // a report that comes too soon is shown once the interval has passed, so a batch that takes long
    // to save never leaves an older count on screen.
    private Progress<ImportProgress> Progress() => new(p => _ = InvokeAsync(async () =>
    {
        _progress = p;
        var wait = RenderEvery - (Clock.GetUtcNow() - _lastRender);
        if (wait > TimeSpan.Zero && p.RowsSaved != p.RowCount)
        {
            if (_renderScheduled)
            {
                return;
            }
            _renderScheduled = true;
            await Task.Delay(wait, Clock);
            _renderScheduled = false;
        }
        _lastRender = Clock.GetUtcNow();
        StateHasChanged();
    }));

    private void ShowProblemPage(int page) => _problemPage = Math.Clamp(page - 1, 0, Math.Max(0, ProblemPages - 1));

    private void Show(Severity severity, string message) => (_messageSeverity, _message) = (severity, message);
}
