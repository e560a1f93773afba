using KyodoHub.Core.Common;

namespace KyodoHub.Core.Requests;

/// <summary>
/// What a group needs (依頼). Lifecycle <c>Open → PartiallyFilled → Filled → Completed →
/// Evaluated</c>, or <c>Cancelled</c> / <c>Expired</c>; every change goes through a method that
/// enforces it and raises an event.
/// </summary>
public sealed class Request : AggregateRoot
{
    /// <summary>Largest headcount one request may ask for.</summary>
    public const int MaxHeadcount = 100;

    private readonly List<RequestSession> _sessions = [];

    private Request() { }

    public Request(int groupId, RequestDetails details, RequestOrigin origin, DateTimeOffset createdAt, bool autoCascade = false,
        RequiredSkillRule requiredSkillRule = RequiredSkillRule.Score)
    {
        AutoCascade = autoCascade;
        RequiredSkillRule = Guard.Defined(requiredSkillRule, nameof(RequiredSkillRule));
        GroupId = Guard.PositiveId(groupId, nameof(GroupId));
        Origin = Guard.Defined(origin, nameof(Origin));
        CreatedAt = createdAt.ToUniversalTime();
        Apply(details, createdAt);
        State = RequestState.Open;
        Raise(new RequestCreated(this));
    }

    public int GroupId { get; private set; }
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public int CategoryId { get; private set; }
    public Program Programs { get; private set; }
    public IReadOnlyList<RequestSession> Sessions => _sessions;
    public int AreaId { get; private set; }
    public string Place { get; private set; } = "";
    public int Headcount { get; private set; }
    public int FilledCount { get; private set; }
    public DateTimeOffset FillBy { get; private set; }
    public List<int> RequiredSkillIds { get; private set; } = [];
    public List<int> WelcomeSkillIds { get; private set; } = [];
    public List<string> Languages { get; private set; } = [];
    public string? AccessibilityNotes { get; private set; }
    public RequestOrigin Origin { get; private set; }
    public RequestState State { get; private set; }

    /// <summary>When on, a declined or expired offer is followed by one to the next candidate.</summary>
    public bool AutoCascade { get; private set; }

    /// <summary>Whether missing a required skill excludes a registrant or only lowers their score.</summary>
    public RequiredSkillRule RequiredSkillRule { get; private set; }

    public string? CancelReason { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>When the last seat was filled; time to fill is measured with it.</summary>
    public DateTimeOffset? FilledAt { get; private set; }

    /// <summary>
    /// Whether a date is too early for a new or edited request: no session and no fill-by date
    /// before today in Tokyo. The forms check with this rule as the user types; the domain refuses.
    /// </summary>
    public static bool IsPastDate(DateOnly date, DateOnly today) => date < today;

    public int OpenSeats => Headcount - FilledCount;
    public DateTimeOffset FirstStart => _sessions[0].Start;
    public DateTimeOffset LastEnd => _sessions.Max(s => s.End);

    /// <summary>Whether offers may still be sent and accepted.</summary>
    public bool IsFillable => State is RequestState.Open or RequestState.PartiallyFilled;

    public bool IsClosed => State is RequestState.Completed or RequestState.Evaluated or RequestState.Cancelled or RequestState.Expired;

    /// <summary>Edits the details while the request is still open and no seat is filled.</summary>
    public void UpdateDetails(RequestDetails details, DateTimeOffset now)
    {
        if (State != RequestState.Open || FilledCount > 0)
        {
            throw new DomainRuleException("RequestNotEditable", "Only an open request without accepted offers can be edited.");
        }
        Apply(details, now);
        RaiseOnce(new RequestDetailsChanged(this));
    }

    public void SetAutoCascade(bool on, DateTimeOffset now)
    {
        if (AutoCascade == on)
        {
            return;
        }
        AutoCascade = on;
        UpdatedAt = now.ToUniversalTime();
        RaiseOnce(new RequestDetailsChanged(this));
    }

    /// <summary>Sets the required-skill rule while offers may still be sent.</summary>
    public void SetRequiredSkillRule(RequiredSkillRule rule, DateTimeOffset now)
    {
        var valid = Guard.Defined(rule, nameof(RequiredSkillRule));
        if (!IsFillable)
        {
            throw new DomainRuleException("RequestNotFillable", $"A {State} request cannot change how it matches.");
        }
        if (RequiredSkillRule == valid)
        {
            return;
        }
        RequiredSkillRule = valid;
        UpdatedAt = now.ToUniversalTime();
        RaiseOnce(new RequestDetailsChanged(this));
    }

    /// <summary>Takes one seat for an accepted offer. Fails when the request is not fillable or full.</summary>
    public void FillSeat(DateTimeOffset now)
    {
        if (!IsFillable)
        {
            throw new DomainRuleException("RequestNotFillable", $"A {State} request cannot take more people.");
        }
        if (FillBy < now && State == RequestState.Open)
        {
            throw new DomainRuleException("RequestPastFillBy", "The request's fill-by date has passed.");
        }
        if (FilledCount >= Headcount)
        {
            throw new DomainRuleException("RequestFull", "All seats of this request are already filled.");
        }
        FilledCount++;
        if (FilledCount == Headcount)
        {
            FilledAt = now.ToUniversalTime();
        }
        MoveTo(FilledCount == Headcount ? RequestState.Filled : RequestState.PartiallyFilled, now);
    }

    /// <summary>Gives a seat back when an assignment is cancelled before the activity.</summary>
    public void ReleaseSeat(DateTimeOffset now)
    {
        if (State is not (RequestState.PartiallyFilled or RequestState.Filled) || FilledCount == 0)
        {
            throw new DomainRuleException("RequestNoSeatToRelease", $"A {State} request has no seat to give back.");
        }
        FilledCount--;
        FilledAt = null;
        MoveTo(FilledCount == 0 ? RequestState.Open : RequestState.PartiallyFilled, now);
    }

    /// <summary>Records an event about this request that an operation across aggregates raised.</summary>
    public void Record(IDomainEvent domainEvent) => Raise(domainEvent);

    /// <summary>Marks the activity done, after its last session has ended.</summary>
    public void Complete(DateTimeOffset now)
    {
        if (State is not (RequestState.PartiallyFilled or RequestState.Filled))
        {
            throw new DomainRuleException("RequestNotCompletable", $"A {State} request cannot be completed.");
        }
        if (LastEnd > now)
        {
            throw new DomainRuleException("RequestNotFinished", "The request's last session has not ended yet.");
        }
        MoveTo(RequestState.Completed, now);
    }

    public void MarkEvaluated(DateTimeOffset now)
    {
        if (State != RequestState.Completed)
        {
            throw new DomainRuleException("RequestNotEvaluable", $"A {State} request cannot be evaluated.");
        }
        MoveTo(RequestState.Evaluated, now);
    }

    public void Cancel(string reason, DateTimeOffset now)
    {
        var valid = Guard.Required(reason, nameof(CancelReason), 500);
        if (IsClosed)
        {
            throw new DomainRuleException("RequestNotCancellable", $"A {State} request cannot be cancelled.");
        }
        CancelReason = valid;
        MoveTo(RequestState.Cancelled, now);
    }

    /// <summary>Expires an open request whose fill-by date has passed with no seat filled.</summary>
    public void Expire(DateTimeOffset now)
    {
        if (State != RequestState.Open)
        {
            throw new DomainRuleException("RequestNotExpirable", $"A {State} request cannot expire.");
        }
        if (FillBy > now)
        {
            throw new DomainRuleException("RequestNotDue", "The request's fill-by date has not passed.");
        }
        MoveTo(RequestState.Expired, now);
    }

    private void MoveTo(RequestState to, DateTimeOffset now)
    {
        var from = State;
        UpdatedAt = now.ToUniversalTime();
        // A seat change inside PartiallyFilled is still news to the dashboards.
        Raise(new RequestStateChanged(this, from, to));
        State = to;
    }

    private void Apply(RequestDetails d, DateTimeOffset now)
    {
        var title = Guard.Required(d.Title, nameof(Title), 120);
        var description = Guard.Required(d.Description, nameof(Description), 4000);
        var category = Guard.PositiveId(d.CategoryId, nameof(CategoryId));
        if (d.Programs == Program.None || (d.Programs & ~Program.Both) != 0)
        {
            throw new DomainValidationException(nameof(Programs), "Required", "Choose at least one programme.");
        }
        if (d.Sessions is null || d.Sessions.Count == 0)
        {
            throw new DomainValidationException(nameof(Sessions), "Required", "At least one session is required.");
        }
        if (d.Sessions.Count > 50)
        {
            throw new DomainValidationException(nameof(Sessions), "TooMany", "At most 50 sessions.");
        }
        var today = TokyoTime.DateOf(now);
        for (var i = 0; i < d.Sessions.Count; i++)
        {
            if (IsPastDate(TokyoTime.DateOf(d.Sessions[i].Start), today))
            {
                throw new DomainValidationException($"{nameof(Sessions)}[{i}].{nameof(RequestSession.Start)}", "InPast", "A session cannot be in the past.");
            }
        }
        var sessions = d.Sessions.OrderBy(s => s.Start).ToList();
        for (var i = 1; i < sessions.Count; i++)
        {
            if (sessions[i].Overlaps(sessions[i - 1]))
            {
                throw new DomainValidationException(nameof(Sessions), "SessionsOverlap", "Sessions must not overlap.");
            }
        }
        var area = Guard.PositiveId(d.AreaId, nameof(AreaId));
        var place = Guard.Required(d.Place, nameof(Place), 200);
        var headcount = Guard.InRange(d.Headcount, nameof(Headcount), 1, MaxHeadcount);
        if (headcount < FilledCount)
        {
            throw new DomainValidationException(nameof(Headcount), "BelowFilled", "The headcount cannot go below the seats already filled.");
        }
        var fillBy = d.FillBy.ToUniversalTime();
        if (IsPastDate(TokyoTime.DateOf(fillBy), today))
        {
            throw new DomainValidationException(nameof(FillBy), "InPast", "The fill-by date cannot be in the past.");
        }
        if (fillBy > sessions[0].Start)
        {
            throw new DomainValidationException(nameof(FillBy), "FillByAfterStart", "The fill-by date must be before the first session starts.");
        }
        var required = d.RequiredSkillIds.Distinct().Order().ToList();
        var welcome = d.WelcomeSkillIds.Distinct().Except(required).Order().ToList();
        if (required.Any(id => id <= 0) || welcome.Any(id => id <= 0))
        {
            throw new DomainValidationException(nameof(RequiredSkillIds), "Invalid", "Unknown skill.");
        }
        var languages = d.Languages.Select(l => l.Trim().ToLowerInvariant()).Where(l => l.Length > 0).Distinct().Order().ToList();
        if (languages.Any(l => l.Length is < 2 or > 3 || !l.All(char.IsAsciiLetterLower)))
        {
            throw new DomainValidationException(nameof(Languages), "Invalid", "Languages are two- or three-letter codes such as ja or en.");
        }
        var notes = Guard.Optional(d.AccessibilityNotes, nameof(AccessibilityNotes), 1000);

        (Title, Description, CategoryId, Programs, AreaId, Place, Headcount, FillBy) =
            (title, description, category, d.Programs, area, place, headcount, fillBy);
        _sessions.Clear();
        _sessions.AddRange(sessions);
        (RequiredSkillIds, WelcomeSkillIds, Languages) = (required, welcome, languages);
        AccessibilityNotes = notes.Length == 0 ? null : notes;
        UpdatedAt = now.ToUniversalTime();
    }
}
