using System.Globalization;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Features.Audit;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Features.Imports;

/// <summary>
/// Every registrant or group as CSV in the import file's columns (UTF-8 with a BOM), written to
/// the destination row by row as the database reads them, so an export of any size needs the
/// memory of one buffer. Exports carry contact details: each one is recorded in the audit log
/// with the rows it sent, even when the download stops part-way.
/// </summary>
public sealed class ExportService(IDbContextFactory<KyodoDbContext> factory, CurrentUser currentUser, AuditLog audit)
{
    public static string FileName(ImportKind kind) => kind == ImportKind.Registrants ? "registrants.csv" : "groups.csv";

    /// <summary>Writes the export to <paramref name="destination"/>; returns how many rows it wrote.</summary>
    public async Task<int> WriteAsync(ImportKind kind, Stream destination, CancellationToken cancellationToken = default)
    {
        (await currentUser.GetAsync()).Require(Roles.Coordinator, Roles.Administrator);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = new ExportRows(
            await db.Areas.AsNoTracking().ToDictionaryAsync(a => a.Id, cancellationToken),
            await db.SkillTags.AsNoTracking().ToDictionaryAsync(t => t.Id, cancellationToken));
        var header = ExportRows.Header(kind);
        var written = 0;
        try
        {
            return kind == ImportKind.Registrants
                ? await CsvFiles.WriteAsync(destination, header, db.Registrants.AsNoTracking().OrderBy(r => r.Id).AsAsyncEnumerable(), r => Counted(rows.Registrant(r)), cancellationToken)
                : await CsvFiles.WriteAsync(destination, header, db.Groups.AsNoTracking().OrderBy(g => g.Id).AsAsyncEnumerable(), g => Counted(rows.Group(g)), cancellationToken);
        }
        finally
        {
            await audit.RecordAsync(AuditLog.Export, kind == ImportKind.Registrants ? "Registrant" : "Group", null,
                string.Create(CultureInfo.InvariantCulture, $"{written} rows with contact details"), CancellationToken.None);
        }

        IReadOnlyList<string> Counted(IReadOnlyList<string> row)
        {
            written++;
            return row;
        }
    }
}
