using KyodoHub.Core.Common;

namespace KyodoHub.Core.Requests;

/// <summary>Lifecycle of a request (依頼).</summary>
public enum RequestState
{
    Open = 0,
    PartiallyFilled = 1,
    Filled = 2,
    Completed = 3,
    Evaluated = 4,
    Cancelled = 5,
    Expired = 6,
}

/// <summary>What missing a required skill does to a registrant for this request.</summary>
public enum RequiredSkillRule
{
    /// <summary>A missing required skill only lowers the skill fit.</summary>
    Score = 0,

    /// <summary>A registrant without every required skill (or a synonym of it) is not a candidate.</summary>
    Exclude = 1,
}

/// <summary>How a request came in.</summary>
public enum RequestOrigin
{
    Desk = 0,   // 窓口 (walk-in or phone)
    Online = 1, // the group's own workspace
    Api = 2,    // another system
}

/// <summary>
/// One dated session of a request. Instants are stored in UTC; the product shows them in
/// Asia/Tokyo.
/// </summary>
public sealed record RequestSession
{
    /// <summary>The longest session accepted, so that a typo in a date is caught.</summary>
    public static readonly TimeSpan MaxLength = TimeSpan.FromHours(24);

    public RequestSession(DateTimeOffset start, DateTimeOffset end)
    {
        if (end <= start)
        {
            throw new DomainValidationException(nameof(End), "EndBeforeStart", "A session must end after it starts.");
        }
        if (end - start > MaxLength)
        {
            throw new DomainValidationException(nameof(End), "SessionTooLong", "A session may last at most 24 hours.");
        }
        Start = start.ToUniversalTime();
        End = end.ToUniversalTime();
    }

    public DateTimeOffset Start { get; }
    public DateTimeOffset End { get; }

    public TimeSpan Duration => End - Start;

    public bool Overlaps(RequestSession other) => Start < other.End && other.Start < End;

    public bool Overlaps(DateTimeOffset start, DateTimeOffset end) => Start < end && start < End;
}

/// <summary>What a request needs, as entered by the group or the desk. Validated by <see cref="Request"/>.</summary>
public sealed record RequestDetails(
    string Title,
    string Description,
    int CategoryId,
    Program Programs,
    IReadOnlyList<RequestSession> Sessions,
    int AreaId,
    string Place,
    int Headcount,
    DateTimeOffset FillBy,
    IReadOnlyList<int> RequiredSkillIds,
    IReadOnlyList<int> WelcomeSkillIds,
    IReadOnlyList<string> Languages,
    string? AccessibilityNotes);

/// <summary>A new request was saved.</summary>
public sealed record RequestCreated(Request Request) : IDomainEvent;

/// <summary>A request moved from one state to another (or its filled seats changed).</summary>
public sealed record RequestStateChanged(Request Request, RequestState From, RequestState To) : IDomainEvent;

/// <summary>A request's details were edited.</summary>
public sealed record RequestDetailsChanged(Request Request) : IDomainEvent;
