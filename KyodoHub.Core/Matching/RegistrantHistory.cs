using KyodoHub.Core.Common;

namespace KyodoHub.Core.Matching;

/// <summary>
/// What the match engine needs to know about a registrant's past and booked activities. The web
/// app computes it from its database (assignments, offers, evaluations) and passes it with the
/// registrant to <see cref="MatchIndex"/>; a new registrant has <see cref="Empty"/>.
/// </summary>
public sealed record RegistrantHistory
{
    /// <summary>Creates a history; every part is optional.</summary>
    /// <param name="activityDates">
    /// Tokyo dates of the registrant's confirmed or completed activities, one per activity. Dates
    /// in the last 90 days and any booked ahead count for fairness; older ones are ignored, so the
    /// caller may pass only recent ones.
    /// </param>
    /// <param name="completedCount">Assignments completed.</param>
    /// <param name="noShowCount">Assignments marked as a no-show.</param>
    /// <param name="ratingSum">Sum of the groups' ratings (1..5 each) of the registrant's work.</param>
    /// <param name="ratingCount">Number of those ratings.</param>
    /// <param name="commitments">Sessions of the registrant's confirmed assignments that have not ended.</param>
    /// <param name="monthlyActivities">
    /// Confirmed or completed activities per Tokyo calendar month, an activity counting once in each
    /// month one of its sessions falls in. Only months with a count are needed.
    /// </param>
    /// <param name="declinedGroupIds">Groups whose offer the registrant declined.</param>
    /// <param name="decliningGroupIds">Groups that declined the registrant.</param>
    /// <exception cref="DomainValidationException">A count is negative, the rating sum is outside 1..5 per rating, or a month appears twice.</exception>
    public RegistrantHistory(
        IEnumerable<DateOnly>? activityDates = null,
        int completedCount = 0,
        int noShowCount = 0,
        int ratingSum = 0,
        int ratingCount = 0,
        IEnumerable<Commitment>? commitments = null,
        IEnumerable<MonthlyActivityCount>? monthlyActivities = null,
        IEnumerable<int>? declinedGroupIds = null,
        IEnumerable<int>? decliningGroupIds = null)
    {
        ActivityDates = Sorted(activityDates ?? []);
        CompletedCount = Guard.InRange(completedCount, nameof(CompletedCount), 0, int.MaxValue);
        NoShowCount = Guard.InRange(noShowCount, nameof(NoShowCount), 0, int.MaxValue);
        RatingCount = Guard.InRange(ratingCount, nameof(RatingCount), 0, int.MaxValue / 5);
        RatingSum = Guard.InRange(ratingSum, nameof(RatingSum), RatingCount, RatingCount * 5);
        Commitments = (commitments ?? []).Select(c => c ?? throw new DomainValidationException(nameof(Commitments), "Required", "A commitment is missing."))
            .OrderBy(c => c.Start).ThenBy(c => c.End).ToList().AsReadOnly();
        var months = (monthlyActivities ?? []).Select(m => m ?? throw new DomainValidationException(nameof(MonthlyActivities), "Required", "A month is missing."))
            .OrderBy(m => m.Year).ThenBy(m => m.Month).ToList();
        for (var i = 1; i < months.Count; i++)
        {
            if ((months[i].Year, months[i].Month) == (months[i - 1].Year, months[i - 1].Month))
            {
                throw new DomainValidationException(nameof(MonthlyActivities), "Duplicate", "Each month may appear once.");
            }
        }
        MonthlyActivities = months.AsReadOnly();
        DeclinedGroupIds = Ids(declinedGroupIds, nameof(DeclinedGroupIds));
        DecliningGroupIds = Ids(decliningGroupIds, nameof(DecliningGroupIds));
    }

    /// <summary>No activities, ratings, commitments or declines: a newcomer.</summary>
    public static RegistrantHistory Empty { get; } = new();

    /// <summary>Tokyo dates of confirmed or completed activities, ascending.</summary>
    public IReadOnlyList<DateOnly> ActivityDates { get; }

    /// <summary>Assignments completed.</summary>
    public int CompletedCount { get; }

    /// <summary>Assignments marked as a no-show.</summary>
    public int NoShowCount { get; }

    /// <summary>Sum of the groups' ratings (1..5 each).</summary>
    public int RatingSum { get; }

    /// <summary>Number of ratings.</summary>
    public int RatingCount { get; }

    /// <summary>Confirmed sessions that have not ended, by start.</summary>
    public IReadOnlyList<Commitment> Commitments { get; }

    /// <summary>Activity counts per Tokyo month, by month.</summary>
    public IReadOnlyList<MonthlyActivityCount> MonthlyActivities { get; }

    /// <summary>Groups whose offer the registrant declined, ascending.</summary>
    public IReadOnlyList<int> DeclinedGroupIds { get; }

    /// <summary>Groups that declined the registrant, ascending.</summary>
    public IReadOnlyList<int> DecliningGroupIds { get; }

    private static IReadOnlyList<DateOnly> Sorted(IEnumerable<DateOnly> dates) => dates.Order().ToList().AsReadOnly();

    private static IReadOnlyList<int> Ids(IEnumerable<int>? ids, string field) =>
        (ids ?? []).Select(id => Guard.PositiveId(id, field)).Distinct().Order().ToList().AsReadOnly();
}

/// <summary>A confirmed session of the registrant, as UTC instants.</summary>
public sealed record Commitment
{
    /// <summary>Creates a commitment from <paramref name="start"/> (inclusive) to <paramref name="end"/> (exclusive).</summary>
    /// <exception cref="DomainValidationException">The end is not after the start.</exception>
    public Commitment(DateTimeOffset start, DateTimeOffset end)
    {
        if (end <= start)
        {
            throw new DomainValidationException(nameof(End), "EndBeforeStart", "A commitment must end after it starts.");
        }
        Start = start.ToUniversalTime();
        End = end.ToUniversalTime();
    }

    /// <summary>When the commitment starts (UTC).</summary>
    public DateTimeOffset Start { get; }

    /// <summary>When the commitment ends (UTC), exclusive.</summary>
    public DateTimeOffset End { get; }
}

/// <summary>How many activities a registrant has in one Tokyo calendar month.</summary>
public sealed record MonthlyActivityCount
{
    /// <summary>Creates a month's count.</summary>
    /// <exception cref="DomainValidationException">The month is not 1..12, the year not 1..9999, or the count negative.</exception>
    public MonthlyActivityCount(int year, int month, int count)
    {
        Year = Guard.InRange(year, nameof(Year), 1, 9999);
        Month = Guard.InRange(month, nameof(Month), 1, 12);
        Count = Guard.InRange(count, nameof(Count), 0, int.MaxValue);
    }

    /// <summary>The calendar year.</summary>
    public int Year { get; }

    /// <summary>The month, 1..12.</summary>
    public int Month { get; }

    /// <summary>Confirmed or completed activities in the month.</summary>
    public int Count { get; }

    /// <summary>The month's count key: months since year 0.</summary>
    internal int Key => (Year * 12) + Month - 1;
}
