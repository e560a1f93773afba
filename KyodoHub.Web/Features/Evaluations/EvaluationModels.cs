using KyodoHub.Core.Agreements;
using KyodoHub.Core.Evaluations;
using KyodoHub.Core.Requests;

namespace KyodoHub.Web.Features.Evaluations;

/// <summary>A finished request the signed-in party is asked to evaluate.</summary>
public sealed record EvaluationTask(int RequestId, string Title, string GroupName, DateTimeOffset FirstStart, DateTimeOffset LastEnd, PartyKind As);

/// <summary>What a party answers. Unanswered choices are null or 0 so the form can name them.</summary>
public sealed record EvaluationInput(int GoalsMet, int Rating, SynergyAnswer? Synergy, string? Comment, bool ConsentToPublish);

/// <summary>For coordinators: how far the evaluation of a finished request has come.</summary>
public sealed record EvaluationProgress(int RequestId, string Title, string GroupName, RequestState State, DateTimeOffset LastEnd, int Submitted, int Expected);

/// <summary>
/// What the match engine's reliability component needs about one registrant: assignments
/// completed and missed, and the ratings that groups gave the requests they completed.
/// </summary>
public sealed record ReliabilityFigures(int RegistrantId, int Completed, int NoShows, int RatingSum, int RatingCount)
{
    public static ReliabilityFigures None(int registrantId) => new(registrantId, 0, 0, 0, 0);
}
