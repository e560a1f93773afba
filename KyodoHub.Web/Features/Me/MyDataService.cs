using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using KyodoHub.Core.Common;
using KyodoHub.Core.Registrants;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Features.Me;

public sealed record DeletionRequestView(int Id, DateTimeOffset RequestedAt, string? Reason, DeletionRequestState State, DateTimeOffset? ClosedAt);

/// <summary>The registrant's deletion requests, newest first; <see cref="Waiting"/> is the one staff still have to act on.</summary>
public sealed record MyDataView(int RegistrantId, IReadOnlyList<DeletionRequestView> DeletionRequests)
{
    public DeletionRequestView? Waiting => DeletionRequests.FirstOrDefault(d => d.State == DeletionRequestState.Requested);
}

/// <summary>
/// The registrant's rights over their own data: a download of all of it, and a request that the
/// centre delete it (stored, shown, cancellable while waiting, and audited). Only their own record.
/// </summary>
public sealed class MyDataService(IDbContextFactory<KyodoDbContext> factory, MyRegistrant me, TimeProvider clock)
{
    // Written for people to read in a file they download (never into a page): Japanese and
    // punctuation as they are, not as \u escapes.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task<MyDataView?> GetAsync(CancellationToken cancellationToken = default)
    {
        var (_, id) = await me.WhoAsync();
        if (id is not { } registrantId)
        {
            return null;
        }
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return new MyDataView(registrantId, await DeletionRequestsAsync(db, registrantId, cancellationToken));
    }

    /// <summary>All the registrant's data; the download is audited.</summary>
    public async Task<MyDataExport> ExportAsync(int registrantId, CancellationToken cancellationToken = default)
    {
        var user = await me.RequireOwnAsync(registrantId);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var export = await MyDataExportQuery.LoadAsync(db, registrantId, clock.GetUtcNow(), cancellationToken);
        db.AuditEntries.Add(me.Audit(user, registrantId, "ExportData"));
        await db.SaveChangesAsync(cancellationToken);
        return export;
    }

    public static byte[] ToJson(MyDataExport export) => JsonSerializer.SerializeToUtf8Bytes(export, Json);

    /// <summary>Files a deletion request; refused while another one waits.</summary>
    public async Task RequestDeletionAsync(int registrantId, string? reason, CancellationToken cancellationToken = default)
    {
        var user = await me.RequireOwnAsync(registrantId);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.DataDeletionRequests.AnyAsync(d => d.RegistrantId == registrantId && d.State == DeletionRequestState.Requested, cancellationToken))
        {
            throw new DomainRuleException("DeletionAlreadyRequested", "A deletion request is already waiting.");
        }
        var request = new DataDeletionRequest(registrantId, reason, user.UserName, clock.GetUtcNow());
        db.DataDeletionRequests.Add(request);
        db.AuditEntries.Add(me.Audit(user, registrantId, "RequestDeletion"));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // The filtered unique index caught a second request filed at the same moment.
            throw new DomainRuleException("DeletionAlreadyRequested", "A deletion request is already waiting.");
        }
    }

    /// <summary>Withdraws the registrant's waiting deletion request.</summary>
    public async Task CancelDeletionAsync(int registrantId, int requestId, CancellationToken cancellationToken = default)
    {
        var user = await me.RequireOwnAsync(registrantId);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var request = await db.DataDeletionRequests.SingleOrDefaultAsync(d => d.Id == requestId && d.RegistrantId == registrantId, cancellationToken)
            ?? throw new AccessDeniedException($"Deletion request {requestId} is not registrant {registrantId}'s.");
        request.Cancel(user.UserName, clock.GetUtcNow());
        db.AuditEntries.Add(me.Audit(user, registrantId, "CancelDeletion", $"request {requestId}"));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new EditConflictException();
        }
    }

    internal static async Task<List<DeletionRequestView>> DeletionRequestsAsync(KyodoDbContext db, int registrantId, CancellationToken cancellationToken) =>
        (await db.DataDeletionRequests.AsNoTracking().Where(d => d.RegistrantId == registrantId).ToListAsync(cancellationToken))
            .OrderByDescending(d => d.RequestedAt)
            .Select(d => new DeletionRequestView(d.Id, d.RequestedAt, d.Reason, d.State, d.ClosedAt))
            .ToList();
}
