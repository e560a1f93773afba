using KyodoHub.Core.Skills;

namespace KyodoHub.Core.Matching;

/// <summary>
/// The constants and formulas of the match score, in one place so that the index, the engine and
/// any reference implementation score alike, bit for bit.
/// </summary>
internal static class ScoringRules
{
    /// <summary>Availability is compared in slots of this many minutes.</summary>
    public const int SlotMinutes = 15;

    public const int SlotsPerDay = 24 * 60 / SlotMinutes;
    public const int SlotsPerWeek = 7 * SlotsPerDay;

    /// <summary>64-bit words of a weekly availability mask.</summary>
    public const int WeekWords = (SlotsPerWeek + 63) / 64;

    public const long TicksPerSlot = TimeSpan.TicksPerMinute * SlotMinutes;

    /// <summary>Free slots counted on each side of a session for slack (an hour).</summary>
    public const int SlackSlots = 4;

    public const double BeginnerCredit = 0.8;
    public const double ExperiencedCredit = 0.9;
    public const double ExpertCredit = 1.0;

    /// <summary>Credit for holding a different tag that shares a name or synonym with the needed one.</summary>
    public const double SynonymCredit = 0.6;

    /// <summary>Credit for holding a different tag of the needed one's category.</summary>
    public const double NeighbourCredit = 0.3;

    /// <summary>Share of required skills in the skill fit when the request also welcomes skills.</summary>
    public const double RequiredShare = 0.8;

    /// <summary>Proximity halves with every this many kilometres between the area centroids.</summary>
    public const double ProximityHalfDistanceKm = 2.5;

    /// <summary>Activities from this many days ago onwards (including booked ones) count against fairness.</summary>
    public const int RecentDays = 90;

    public const double RecentActivityShare = 0.7;

    /// <summary>The newness part of fairness halves with every this many days since registration.</summary>
    public const double NewnessHalfLifeDays = 365;

    /// <summary>Prior completion rate and its weight in pseudo-assignments (Bayesian smoothing).</summary>
    public const double CompletionPrior = 0.9;

    public const double CompletionPriorWeight = 5;

    /// <summary>Prior rating (1..5) and its weight in pseudo-ratings.</summary>
    public const double RatingPrior = 4.0;

    public const double RatingPriorWeight = 3;

    public const double CompletionShare = 0.6;

    /// <summary>Preference part of a registrant who states no preference on that dimension.</summary>
    public const double NoPreference = 0.5;

    public static double HeldCredit(SkillLevel level) => level switch
    {
        SkillLevel.Expert => ExpertCredit,
        SkillLevel.Experienced => ExperiencedCredit,
        _ => BeginnerCredit,
    };

    /// <summary>Required skills dominate, welcome skills add; a request that needs no skill fits everyone.</summary>
    public static double SkillFit(double requiredCreditSum, int requiredCount, double welcomeCreditSum, int welcomeCount)
    {
        if (requiredCount == 0)
        {
            return welcomeCount == 0 ? 1.0 : welcomeCreditSum / welcomeCount;
        }
        var required = requiredCreditSum / requiredCount;
        return welcomeCount == 0
            ? required
            : (RequiredShare * required) + ((1 - RequiredShare) * (welcomeCreditSum / welcomeCount));
    }

    public static double Proximity(double distanceKm) => Math.Pow(0.5, distanceKm / ProximityHalfDistanceKm);

    public static double Slack(int freeBufferSlots, int sessionCount) =>
        freeBufferSlots / (double)(2 * SlackSlots * sessionCount);

    public static double Fairness(int recentActivities, int daysSinceRegistered)
    {
        var activity = 1.0 / (1 + recentActivities);
        var newness = Math.Pow(0.5, Math.Max(0, daysSinceRegistered) / NewnessHalfLifeDays);
        return (RecentActivityShare * activity) + ((1 - RecentActivityShare) * newness);
    }

    /// <summary>Completion rate and rating, each smoothed towards its prior so that a newcomer sits at the prior.</summary>
    public static double Reliability(int completed, int noShows, int ratingSum, int ratingCount)
    {
        var completion = (completed + (CompletionPrior * CompletionPriorWeight)) / ((double)completed + noShows + CompletionPriorWeight);
        var rating = (ratingSum + (RatingPrior * RatingPriorWeight)) / (ratingCount + RatingPriorWeight);
        return (CompletionShare * completion) + ((1 - CompletionShare) * ((rating - 1) / 4));
    }

    /// <summary>One dimension of preference fit: stated and met 1, stated and not met 0, not stated ½.</summary>
    public static double PreferencePart(bool stated, bool met) => !stated ? NoPreference : met ? 1.0 : 0.0;

    public static double Preference(double categoryPart, double groupKindPart) => (categoryPart + groupKindPart) / 2;

    /// <summary>Months since year 0 of a Tokyo date, the key of monthly counts.</summary>
    public static int MonthKey(DateOnly date) => (date.Year * 12) + date.Month - 1;
}
