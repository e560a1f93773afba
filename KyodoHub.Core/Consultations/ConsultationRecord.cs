using KyodoHub.Core.Common;

namespace KyodoHub.Core.Consultations;

/// <summary>How a consultation reached the desk.</summary>
public enum ConsultationChannel
{
    WalkIn = 0, // 来所
    Phone = 1,  // 電話
    Email = 2,  // メール
}

/// <summary>A consultation at the citizens' activity centre desk (相談記録).</summary>
public sealed class ConsultationRecord : AggregateRoot
{
    private ConsultationRecord() { }

    public ConsultationRecord(string visitorName, ConsultationChannel channel, string topic, string outcome, DateOnly? followUpOn, string staffUserName, DateTimeOffset at, int? registrantId = null, int? groupId = null)
    {
        VisitorName = Guard.Required(visitorName, nameof(VisitorName), 60);
        Channel = Guard.Defined(channel, nameof(Channel));
        Topic = Guard.Required(topic, nameof(Topic), 200);
        Outcome = Guard.Required(outcome, nameof(Outcome), 2000);
        At = at.ToUniversalTime();
        if (followUpOn is { } date && date < DateOnly.FromDateTime(TokyoTime.ToLocal(at)))
        {
            throw new DomainValidationException(nameof(FollowUpOn), "InPast", "The follow-up date cannot be in the past.");
        }
        FollowUpOn = followUpOn;
        StaffUserName = Guard.Required(staffUserName, nameof(StaffUserName), 256);
        RegistrantId = registrantId;
        GroupId = groupId;
    }

    public string VisitorName { get; private set; } = "";
    public ConsultationChannel Channel { get; private set; }
    public string Topic { get; private set; } = "";
    public string Outcome { get; private set; } = "";
    public DateOnly? FollowUpOn { get; private set; }
    public bool FollowUpDone { get; private set; }
    public string StaffUserName { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
    public int? RegistrantId { get; private set; }
    public int? GroupId { get; private set; }

    public void MarkFollowUpDone() => FollowUpDone = true;

    /// <summary>Removes the visitor's name and the free text about them, keeping when, how and by whom.</summary>
    public void Anonymise() =>
        (VisitorName, Topic, Outcome) = (Registrants.Registrant.AnonymousName, Registrants.Registrant.AnonymousName, Registrants.Registrant.AnonymousName);
}
