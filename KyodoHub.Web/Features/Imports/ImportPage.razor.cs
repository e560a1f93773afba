using KyodoHub.Core.Common;
using KyodoHub.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace KyodoHub.Web.Features.Imports;

public partial class ImportPage
{
    private ImportKind _kind = ImportKind.Registrants;
    private byte[]? _file;
    private string? _fileName;
    private ImportPreview? _preview;
    private string? _message;
    private Severity _messageSeverity = Severity.Info;
    private bool _busy;

    [Inject]
    private ImportService Imports { get; set; } = null!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = null!;

    private async Task KindChanged(ImportKind kind)
    {
        _kind = kind;
        if (_file is not null)
        {
            _preview = await Imports.PreviewAsync(_kind, _file);
        }
    }

    private async Task FileChosenAsync(InputFileChangeEventArgs e)
    {
        _message = null;
        _preview = null;
        if (e.File.Size > ImportService.MaxBytes)
        {
            Show(Severity.Error, L["ImportTooLarge", ImportService.MaxBytes / 1024 / 1024]);
            return;
        }
        using var stream = new MemoryStream();
        await using (var upload = e.File.OpenReadStream(ImportService.MaxBytes))
        {
            await upload.CopyToAsync(stream);
        }
        _file = stream.ToArray();
        _fileName = e.File.Name;
        _preview = await Imports.PreviewAsync(_kind, _file);
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
            var count = await Imports.ImportAsync(_kind, _file);
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
            _busy = false;
        }
    }

    private void Show(Severity severity, string message) => (_messageSeverity, _message) = (severity, message);
}
