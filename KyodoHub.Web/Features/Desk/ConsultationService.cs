using KyodoHub.Core.Common;
using KyodoHub.Core.Consultations;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Features.Desk;

/// <summary>A consultation as typed at the desk.</summary>
public sealed class ConsultationFormModel
{
    public string VisitorName { get; set; } = "";
    public ConsultationChannel Channel { get; set; } = ConsultationChannel.WalkIn;
    public string Topic { get; set; } = "";
    public string Outcome { get; set; } = "";
    public DateOnly? FollowUpOn { get; set; }

    public bool Validate(Forms.FormErrors errors, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(VisitorName)) errors.Add(nameof(VisitorName), "Required");
        if (string.IsNullOrWhiteSpace(Topic)) errors.Add(nameof(Topic), "Required");
        if (string.IsNullOrWhiteSpace(Outcome)) errors.Add(nameof(Outcome), "Required");
        if (FollowUpOn < today) errors.Add(nameof(FollowUpOn), "InPast");
        return !errors.Any;
    }
}

/// <summary>The consultation log (相談記録): writing entries and closing follow-ups.</summary>
public sealed class ConsultationService(IDbContextFactory<KyodoDbContext> factory, CurrentUser currentUser, TimeProvider clock)
{
    public async Task<int> LogAsync(ConsultationFormModel form, CancellationToken cancellationToken = default)
    {
        var user = (await currentUser.GetAsync()).Require(Roles.DeskStaff);
        var record = new ConsultationRecord(form.VisitorName, form.Channel, form.Topic, form.Outcome, form.FollowUpOn, user.UserName, clock.GetUtcNow());
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.Consultations.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return record.Id;
    }

    public async Task MarkFollowUpDoneAsync(int id, CancellationToken cancellationToken = default)
    {
        (await currentUser.GetAsync()).Require(Roles.DeskStaff);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var record = await db.Consultations.SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new DomainValidationException("Id", "Unknown", $"Consultation {id} does not exist.");
        record.MarkFollowUpDone();
        await db.SaveChangesAsync(cancellationToken);
    }
}
