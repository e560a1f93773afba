using KyodoHub.Core.Requests;

namespace KyodoHub.Web.Features.Reports;

/// <summary>
/// The one definition of "fill rate" the public results and the reports share: of the requests
/// whose recruiting is over (not cancelled, and no longer open with a fill-by date ahead), the
/// share whose every seat was filled.
/// </summary>
public static class FillRate
{
    public static bool IsDecided(Request request, DateTimeOffset now) =>
        request.State != RequestState.Cancelled && !(request.IsFillable && request.FillBy > now);

    public static bool IsFilled(Request request) => request.FilledAt is not null;

    /// <summary>Filled ÷ decided, or null when nothing is decided yet.</summary>
    public static double? Of(int filled, int decided) => decided == 0 ? null : (double)filled / decided;
}
