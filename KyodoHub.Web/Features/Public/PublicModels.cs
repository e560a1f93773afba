using KyodoHub.Core.Groups;

namespace KyodoHub.Web.Features.Public;

/// <summary>An open request as the public sees it: no names, no contact, no place beyond the town.</summary>
public sealed record PublicOpenRequest(
    int Id, string Title, string CategoryJa, string CategoryEn, string AreaJa, string AreaEn, Core.Common.Program Programs,
    GroupKind GroupKind, DateTimeOffset FirstStart, DateTimeOffset FirstEnd, int SessionCount, int OpenSeats, DateTimeOffset FillBy);

/// <summary>
/// One open request's public page: what, when, where (the town only), for whom and how many seats
/// are left. Never a name, a contact, the place or the notes.
/// </summary>
public sealed record PublicRequestDetail(
    int Id, string Title, string CategoryJa, string CategoryEn, string AreaJa, string AreaEn, Core.Common.Program Programs,
    GroupKind GroupKind, IReadOnlyList<Core.Requests.RequestSession> Sessions, int Headcount, int OpenSeats, DateTimeOffset FillBy,
    IReadOnlyList<(string Ja, string En)> Skills);

/// <summary>
/// One line of the published results: requests and how many were filled, and the published
/// evaluations (those whose authors consented) averaged.
/// </summary>
public sealed record ResultRow(
    string NameJa, string NameEn, int Requests, int Decided, int Filled,
    int Evaluations, double? AverageGoalsMet, double? AverageRating, double? SynergyYesShare)
{
    public double? FillRate => Reports.FillRate.Of(Filled, Decided);
}

public sealed record PublicResults(ResultRow Total, IReadOnlyList<ResultRow> ByCategory, IReadOnlyList<ResultRow> ByArea);
