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
    public const int MaxBytes = 10 * 1024 * 1024;

    /// <summary>The most rows a file may have.</summary>
    public const int MaxRows = 50_000;

    /// <summary>Rows saved per round trip to the database; all of them in one transaction.</summary>
    internal const int SaveBatch = 1_000;

    private const int SampleRows = 5;
    private const int ReportEvery = 250;

    /// <summary>Checks a file without saving anything: its rows, a sample and every problem.</summary>
    public async Task<ImportPreview> PreviewAsync(ImportKind kind, Stream file, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        await PreviewAsync(kind, await ReadAsync(file, cancellationToken), progress, cancellationToken);

    /// <inheritdoc cref="PreviewAsync(ImportKind, Stream, IProgress{ImportProgress}?, CancellationToken)"/>
    public async Task<ImportPreview> PreviewAsync(ImportKind kind, byte[] file, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var user = (await currentUser.GetAsync()).Require(Roles.Coordinator, Roles.Administrator);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var (preview, _) = await ParseAsync(db, kind, file, user, progress, cancellationToken);
        return preview;
    }

    /// <summary>
    /// Saves every row of the file, or nothing when any row has a problem, reporting rows checked
    /// and then rows saved. Rows are saved in batches inside one transaction, so that the match
    /// index hears of the whole import once, after the commit. Returns how many were saved.
    /// </summary>
    public async Task<int> ImportAsync(ImportKind kind, Stream file, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        await ImportAsync(kind, await ReadAsync(file, cancellationToken), progress, cancellationToken);

    /// <inheritdoc cref="ImportAsync(ImportKind, Stream, IProgress{ImportProgress}?, CancellationToken)"/>
    public async Task<int> ImportAsync(ImportKind kind, byte[] file, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var user = (await currentUser.GetAsync()).Require(Roles.Coordinator, Roles.Administrator);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var (preview, records) = await ParseAsync(db, kind, file, user, progress, cancellationToken);
        if (!preview.CanImport)
        {
            throw new DomainRuleException("ImportHasErrors", "The file has problems; nothing was imported.");
        }
        // New rows only, added once and never changed after: the tracker need not look for changes,
        // which it otherwise does over the whole batch several times per save.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            for (var saved = 0; saved < records.Count; saved += SaveBatch)
            {
                db.AddRange(records.GetRange(saved, Math.Min(SaveBatch, records.Count - saved)));
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                progress?.Report(new ImportProgress(records.Count, records.Count, Math.Min(records.Count, saved + SaveBatch)));
            }
            await db.CommitAsync(transaction, cancellationToken);
        }
        await db.RefreshAfterAsync(records.Count, cancellationToken);
        await audit.RecordAsync(AuditLog.Import, kind == ImportKind.Registrants ? "Registrant" : "Group", null,
            string.Create(CultureInfo.InvariantCulture, $"{records.Count} rows"), cancellationToken);
        return records.Count;
    }

    private async Task<(ImportPreview Preview, List<object> Records)> ParseAsync(
        KyodoDbContext db, ImportKind kind, byte[] file, UserContext user, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        if (file.Length > MaxBytes)
        {
            return (Refused(kind, 0, L["ImportTooLarge", MaxBytes / 1024 / 1024, MaxRows]), []);
        }
        var (header, rows) = CsvFiles.Read(CsvFiles.Decode(file));
        if (rows.Count > MaxRows)
        {
            return (Refused(kind, rows.Count, L["ImportTooManyRows", rows.Count, MaxRows]), []);
        }
        var reference = await ImportReferenceData.LoadAsync(db, cancellationToken);
        var parser = new ImportParser(reference, L, user.UserName, clock.GetUtcNow());
        var map = parser.MapHeader(kind, header);
        void Checked(int n)
        {
            if (n % ReportEvery == 0)
            {
                progress?.Report(new ImportProgress(rows.Count, n, 0));
            }
        }
        List<object> records = parser.Errors.Count > 0 ? []
            : kind == ImportKind.Registrants ? [.. parser.Registrants(rows, map, Checked)] : [.. parser.Groups(rows, map, Checked)];
        progress?.Report(new ImportProgress(rows.Count, rows.Count, 0));
        var errors = parser.Errors.ToList();
        if (header.Count > 0 && rows.Count == 0 && errors.Count == 0)
        {
            var none = L["ImportNoRows"];
            errors.Add(new ImportError(2, "", none, none.Name));
        }
        var sample = rows.Take(SampleRows).Select(r => (IReadOnlyList<string>)r.Fields.ToList()).ToList();
        return (new ImportPreview(kind, rows.Count, header, sample, errors), records);
    }

    private static ImportPreview Refused(ImportKind kind, int rowCount, LocalizedString why) =>
        new(kind, rowCount, [], [], [new ImportError(0, "", why, why.Name)]);

    // Read whole, but never more than the limit and one byte: enough to tell that a file is too large.
    private static async Task<byte[]> ReadAsync(Stream file, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while (copy.Length <= MaxBytes && (read = await file.ReadAsync(buffer, cancellationToken)) > 0)
        {
            copy.Write(buffer, 0, read);
        }
        return copy.ToArray();
    }
}
