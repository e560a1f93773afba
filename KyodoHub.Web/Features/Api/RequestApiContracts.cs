using KyodoHub.Core.Requests;

namespace KyodoHub.Web.Features.Api;

/// <summary>A session of a request; times with an offset (Asia/Tokyo is +09:00).</summary>
public sealed record SessionDto(DateTimeOffset Start, DateTimeOffset End);

/// <summary>A new request from another system.</summary>
public sealed record CreateRequestDto(
    int GroupId,
    string? Title,
    string? Description,
    int CategoryId,
    string[]? Programs,
    SessionDto[]? Sessions,
    int AreaId,
    string? Place,
    int Headcount,
    DateTimeOffset? FillBy,
    int[]? RequiredSkillIds,
    int[]? WelcomeSkillIds,
    string[]? Languages,
    string? AccessibilityNotes,
    bool AutoCascade = false,
    string? RequiredSkillRule = null);

/// <summary>A request as the API shows it: no personal data.</summary>
public sealed record RequestDto(
    int Id, string Title, string Description, int GroupId, int CategoryId, string[] Programs, SessionDto[] Sessions,
    int AreaId, string Place, int Headcount, int FilledCount, DateTimeOffset FillBy, int[] RequiredSkillIds, int[] WelcomeSkillIds,
    string[] Languages, string? AccessibilityNotes, RequestState State, RequestOrigin Origin, bool AutoCascade, DateTimeOffset CreatedAt,
    string RequiredSkillRule)
{
    public static RequestDto From(Request r) => new(
        r.Id, r.Title, r.Description, r.GroupId, r.CategoryId, ProgramNames.Of(r.Programs),
        r.Sessions.Select(s => new SessionDto(s.Start, s.End)).ToArray(), r.AreaId, r.Place, r.Headcount, r.FilledCount, r.FillBy,
        [.. r.RequiredSkillIds], [.. r.WelcomeSkillIds], [.. r.Languages], r.AccessibilityNotes, r.State, r.Origin, r.AutoCascade, r.CreatedAt,
        r.RequiredSkillRule.ToString());
}

/// <summary>A ranked candidate: the registrant's id and how they score, never who they are.</summary>
public sealed record CandidateDto(int RegistrantId, int Rank, double Total, double SkillFit, double Proximity, double Slack, double Fairness, double Reliability, double Preference);

public sealed record CandidatesDto(int RequestId, int EligibleCount, int ExcludedCount, IReadOnlyDictionary<string, int> ExcludedByReason, IReadOnlyList<CandidateDto> Candidates);

internal static class RequiredSkillRuleNames
{
    /// <summary>Reads <c>Score</c> or <c>Exclude</c> (any case); absent means <c>Score</c>. Numbers are refused.</summary>
    public static bool TryParse(string? name, out RequiredSkillRule rule)
    {
        rule = RequiredSkillRule.Score;
        if (name is null)
        {
            return true;
        }
        return Enum.GetNames<RequiredSkillRule>().FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)) is { } known
            && Enum.TryParse(known, out rule);
    }
}

internal static class ProgramNames
{
    public static string[] Of(Core.Common.Program programs) =>
        new[] { Core.Common.Program.LifelongLearningLeader, Core.Common.Program.ChokottoVolunteer }
            .Where(p => programs.HasFlag(p)).Select(p => p.ToString()).ToArray();

    public static bool TryParse(IEnumerable<string> names, out Core.Common.Program programs)
    {
        programs = Core.Common.Program.None;
        foreach (var name in names)
        {
            if (!Enum.TryParse<Core.Common.Program>(name, ignoreCase: true, out var one) || one is Core.Common.Program.None or Core.Common.Program.Both)
            {
                return false;
            }
            programs |= one;
        }
        return programs != Core.Common.Program.None;
    }
}
