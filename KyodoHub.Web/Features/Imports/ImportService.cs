using System.Globalization;
using KyodoHub.Core.Common;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Features.Audit;
using KyodoHub.Web.Identity;
using KyodoHub.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KyodoHub.Web.Features.Imports;

/// <summary>
/// CSV import and export of registrants and groups, for the registries that still live in
/// spreadsheets. An import is checked first (a preview with every row's problems) and then saved
/// all rows or none. (Exports, in the same columns, are <see cref="ExportService"/>'s.)
/// </summary>
public sealed class ImportService(
    IDbContextFactory<KyodoDbContext> factory, CurrentUser currentUser, AuditLog audit, IStringLocalizer<SharedResource> L, TimeProvider clock)
{
    /// <summary>The largest file accepted.</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    private const int SampleRows = 5;

    public async Task<ImportPreview> PreviewAsync(ImportKind kind, byte[] file, CancellationToken cancellationToken = default)
    {
        var user = (await currentUser.GetAsync()).Require(Roles.Coordinator, Roles.Administrator);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var (preview, _) = await ParseAsync(db, kind, file, user, cancellationToken);
        return preview;
    }

    /// <summary>Saves every row of the file, or nothing when any row has a problem. Returns how many were saved.</summary>
    public async Task<int> ImportAsync(ImportKind kind, byte[] file, CancellationToken cancellationToken = default)
    {
        var user = (await currentUser.GetAsync()).Require(Roles.Coordinator, Roles.Administrator);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var (preview, records) = await ParseAsync(db, kind, file, user, cancellationToken);
        if (!preview.CanImport)
        {
            throw new DomainRuleException("ImportHasErrors", "The file has problems; nothing was imported.");
        }
        db.AddRange(records);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditLog.Import, kind == ImportKind.Registrants ? "Registrant" : "Group", null,
            string.Create(CultureInfo.InvariantCulture, $"{records.Count} rows"), cancellationToken);
        return records.Count;
    }

    private async Task<(ImportPreview Preview, List<object> Records)> ParseAsync(KyodoDbContext db, ImportKind kind, byte[] file, UserContext user, CancellationToken cancellationToken)
    {
        if (file.Length > MaxBytes)
        {
            return (new ImportPreview(kind, 0, [], [], [new ImportError(0, "", L["ImportTooLarge", MaxBytes / 1024 / 1024])]), []);
        }
        var (header, rows) = CsvFiles.Read(CsvFiles.Decode(file));
        var reference = await ImportReferenceData.LoadAsync(db, cancellationToken);
        var parser = new ImportParser(reference, L, user.UserName, clock.GetUtcNow());
        var map = parser.MapHeader(kind, header);
        List<object> records = parser.Errors.Count > 0 ? []
            : kind == ImportKind.Registrants ? [.. parser.Registrants(rows, map)] : [.. parser.Groups(rows, map)];
        var errors = parser.Errors.ToList();
        if (header.Count > 0 && rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new ImportError(2, "", L["ImportNoRows"]));
        }
        var sample = rows.Take(SampleRows).Select(r => (IReadOnlyList<string>)r.Fields.ToList()).ToList();
        return (new ImportPreview(kind, rows.Count, header, sample, errors), records);
    }
}
