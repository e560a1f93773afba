using KyodoHub.Core.Consultations;
using KyodoHub.Core.Evaluations;
using KyodoHub.Core.Offers;
using KyodoHub.Core.Registrants;
using KyodoHub.Core.Skills;

namespace KyodoHub.Web.Features.Me;

/// <summary>
/// Everything the centre holds about a registrant, as they download it: their profile, skills,
/// availability, offers, activities, the evaluations they wrote, desk consultations about them,
/// their calendar address (when issued, never the token) and deletion requests.
/// </summary>
public sealed record MyDataExport(
    DateTimeOffset ExportedAt,
    ExportedProfile Profile,
    IReadOnlyList<ExportedSkill> Skills,
    ExportedAvailability Availability,
    IReadOnlyList<ExportedOffer> Offers,
    IReadOnlyList<ExportedAssignment> Assignments,
    IReadOnlyList<ExportedEvaluation> EvaluationsWritten,
    IReadOnlyList<ExportedConsultation> Consultations,
    DateTimeOffset? CalendarFeedIssuedAt,
    IReadOnlyList<ExportedDeletionRequest> DeletionRequests);

public sealed record ExportedProfile(
    int RegistrantId, string Name, string Furigana, string? Email, string? Phone, string HomeArea,
    IReadOnlyList<string> Programs, RegistrantStatus Status, IReadOnlyList<string> Languages, int MonthlyCap,
    IReadOnlyList<string> PreferredCategories, IReadOnlyList<string> PreferredGroupKinds,
    IReadOnlyList<string> LectureThemes, string? Audiences, FeePolicy? FeePolicy,
    DateTimeOffset RegisteredAt, ExportedConsent Consent);

public sealed record ExportedConsent(DateTimeOffset GivenAt, string PurposeVersion, string RecordedBy);

public sealed record ExportedSkill(int TagId, string NameJa, string NameEn, SkillLevel Level);

/// <summary>Weekly windows and dated exceptions as Tokyo wall-clock times ("09:00"–"12:00").</summary>
public sealed record ExportedAvailability(IReadOnlyList<ExportedWindow> Weekly, IReadOnlyList<ExportedException> Exceptions);

public sealed record ExportedWindow(DayOfWeek Day, string Start, string End);

public sealed record ExportedException(DateOnly Date, ExceptionKind Kind, string Start, string End);

public sealed record ExportedSession(DateTimeOffset Start, DateTimeOffset End);

public sealed record ExportedOffer(
    int OfferId, int RequestId, string RequestTitle, string GroupName, DateTimeOffset SentAt, DateTimeOffset ExpiresAt,
    OfferState State, DateTimeOffset? AnsweredAt, string? DeclineReason, double Score);

public sealed record ExportedAssignment(
    int AssignmentId, int RequestId, string RequestTitle, string GroupName, string Place, IReadOnlyList<ExportedSession> Sessions,
    AssignmentState State, DateTimeOffset ConfirmedAt, DateTimeOffset? ClosedAt, double? Hours, string? CancelReason);

public sealed record ExportedEvaluation(
    int RequestId, string RequestTitle, int GoalsMet, int Rating, SynergyAnswer Synergy, string? Comment, bool ConsentToPublish, DateTimeOffset SubmittedAt);

public sealed record ExportedConsultation(
    DateTimeOffset At, ConsultationChannel Channel, string VisitorName, string Topic, string Outcome, DateOnly? FollowUpOn, bool FollowUpDone);

public sealed record ExportedDeletionRequest(DateTimeOffset RequestedAt, string? Reason, DeletionRequestState State, DateTimeOffset? ClosedAt);
