using KyodoHub.Core.Common;
using KyodoHub.Core.Registrants;
using KyodoHub.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Features.Me;

/// <summary>When the registrant can take part, their monthly cap and status, as the availability page shows them.</summary>
public sealed record AvailabilityView(
    EditKey Key, IReadOnlyList<AvailabilityWindow> Weekly, IReadOnlyList<AvailabilityException> Exceptions,
    int MonthlyCap, RegistrantStatus Status, DateOnly Today);

/// <summary>
/// The signed-in registrant's weekly availability, dated exceptions, monthly cap and pause. Each
/// change is one save of their own record; the match index follows through the registrant's event.
/// </summary>
public sealed class MyAvailabilityService(IDbContextFactory<KyodoDbContext> factory, MyRegistrant me, TimeProvider clock)
{
    public async Task<AvailabilityView?> GetAsync(CancellationToken cancellationToken = default)
    {
        var (_, id) = await me.WhoAsync();
        if (id is null)
        {
            return null;
        }
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var r = await db.Registrants.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (r is null)
        {
            return null;
        }
        var today = TokyoTime.Today(clock);
        return new AvailabilityView(new EditKey(r.Id, r.Version), r.WeeklyAvailability, r.AvailabilityExceptions.Where(e => e.Date >= today).ToList(),
            r.MonthlyCap, r.Status, today);
    }

    public Task<EditKey> SaveWeeklyAsync(EditKey key, IEnumerable<AvailabilityWindow> windows, CancellationToken cancellationToken = default) =>
        ChangeAsync(key, "UpdateWeeklyAvailability", r => r.SetWeeklyAvailability(windows), cancellationToken);

    /// <summary>Adds a dated exception from today on; exceptions whose date has passed are dropped meanwhile.</summary>
    public Task<EditKey> AddExceptionAsync(EditKey key, AvailabilityException exception, CancellationToken cancellationToken = default)
    {
        var today = TokyoTime.Today(clock);
        if (exception.Date < today)
        {
            throw new DomainValidationException(nameof(AvailabilityException.Date), "InPast", "The date has passed.");
        }
        return ChangeAsync(key, "AddAvailabilityException",
            r => r.SetAvailabilityExceptions(r.AvailabilityExceptions.Where(e => e.Date >= today).Append(exception)), cancellationToken);
    }

    public Task<EditKey> RemoveExceptionAsync(EditKey key, AvailabilityException exception, CancellationToken cancellationToken = default)
    {
        var today = TokyoTime.Today(clock);
        return ChangeAsync(key, "RemoveAvailabilityException",
            r => r.SetAvailabilityExceptions(r.AvailabilityExceptions.Where(e => e.Date >= today && e != exception)), cancellationToken);
    }

    public Task<EditKey> SetMonthlyCapAsync(EditKey key, int cap, CancellationToken cancellationToken = default) =>
        ChangeAsync(key, "SetMonthlyCap", r => r.SetMonthlyCap(cap), cancellationToken);

    /// <summary>Stops new offers until resumed. A retired registrant cannot pause or resume (DomainRuleException).</summary>
    public Task<EditKey> PauseAsync(EditKey key, CancellationToken cancellationToken = default) =>
        ChangeAsync(key, "Pause", r => r.Pause(), cancellationToken);

    public Task<EditKey> ResumeAsync(EditKey key, CancellationToken cancellationToken = default) =>
        ChangeAsync(key, "Resume", r => r.Resume(), cancellationToken);

    private async Task<EditKey> ChangeAsync(EditKey key, string action, Action<Registrant> change, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var (registrant, user) = await me.LoadForEditAsync(db, key, cancellationToken);
        change(registrant);
        if (registrant.DomainEvents.Count > 0)
        {
            db.AuditEntries.Add(me.Audit(user, registrant.Id, action));
        }
        return await MyRegistrant.SaveAsync(db, registrant, cancellationToken);
    }
}
