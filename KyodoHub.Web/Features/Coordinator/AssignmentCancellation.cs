namespace KyodoHub.Web.Features.Coordinator;

/// <summary>A coordinator's request to cancel one assignment, with the reason typed.</summary>
public sealed record AssignmentCancellation(int AssignmentId, string Reason);
