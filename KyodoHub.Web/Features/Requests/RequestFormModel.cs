using KyodoHub.Core.Common;
using KyodoHub.Core.Requests;
using KyodoHub.Web.Features.Forms;

namespace KyodoHub.Web.Features.Requests;

/// <summary>One session as typed into a form: a Tokyo date and times.</summary>
public sealed class SessionInput
{
    public DateOnly? Date { get; set; }
    public TimeOnly? Start { get; set; } = new(10, 0);
    public TimeOnly? End { get; set; } = new(12, 0);
}

/// <summary>
/// What the desk or a group types for a new request. Checks as the user goes (required fields,
/// ranges, dates in order); the domain checks again on save.
/// </summary>
public sealed class RequestFormModel
{
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public int CategoryId { get; set; }
    public bool ForLeaders { get; set; }
    public bool ForChokotto { get; set; } = true;
    public List<SessionInput> Sessions { get; } = [new()];
    public int AreaId { get; set; }
    public string Place { get; set; } = "";
    public int Headcount { get; set; } = 1;
    public DateOnly? FillBy { get; set; }
    public HashSet<int> RequiredSkillIds { get; } = [];
    public HashSet<int> WelcomeSkillIds { get; } = [];
    public HashSet<string> Languages { get; } = [];
    public string? AccessibilityNotes { get; set; }

    /// <summary>The fill-by date, or three days before the first session when none was typed.</summary>
    public DateOnly? EffectiveFillBy =>
        FillBy ?? (Sessions.Any(s => s.Date is not null) ? Sessions.Where(s => s.Date is not null).Min(s => s.Date!.Value).AddDays(-3) : null);

    /// <summary>Checks every field and records messages; true when the form can be sent.</summary>
    public bool Validate(FormErrors errors, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(Title)) errors.Add(nameof(Title), "Required");
        else if (Title.Trim().Length > 120) errors.Add(nameof(Title), "TooLong");
        if (string.IsNullOrWhiteSpace(Description)) errors.Add(nameof(Description), "Required");
        if (CategoryId <= 0) errors.Add(nameof(CategoryId), "Required");
        if (!ForLeaders && !ForChokotto) errors.Add("Programs", "Required");
        if (AreaId <= 0) errors.Add(nameof(AreaId), "Required");
        if (string.IsNullOrWhiteSpace(Place)) errors.Add(nameof(Place), "Required");
        if (Headcount is < 1 or > Request.MaxHeadcount) errors.Add(nameof(Headcount), "OutOfRange");
        for (var i = 0; i < Sessions.Count; i++)
        {
            var s = Sessions[i];
            if (s.Date is null) errors.Add($"Sessions[{i}].Date", "Required", "SessionDate");
            else if (Request.IsPastDate(s.Date.Value, today)) errors.Add($"Sessions[{i}].Date", "InPast", "SessionDate");
            if (s.Start is null) errors.Add($"Sessions[{i}].Start", "Required", "Start");
            if (s.End is null) errors.Add($"Sessions[{i}].End", "Required", "End");
            else if (s.Start is not null && s.End <= s.Start) errors.Add($"Sessions[{i}].End", "EndBeforeStart", "End");
        }
        if (EffectiveFillBy is { } fillBy)
        {
            if (Request.IsPastDate(fillBy, today)) errors.Add(nameof(FillBy), "InPast");
            else if (Sessions.Any(s => s.Date is not null && s.Date < fillBy)) errors.Add(nameof(FillBy), "FillByAfterStart");
        }
        return !errors.Any;
    }

    /// <summary>The domain's view of the form; call after <see cref="Validate"/> succeeded.</summary>
    public RequestDetails ToDetails()
    {
        var sessions = Sessions.Select(s => new RequestSession(
            TokyoTime.FromLocal(s.Date!.Value, s.Start!.Value),
            TokyoTime.FromLocal(s.Date!.Value, s.End!.Value))).ToList();
        var programs = (ForLeaders ? Program.LifelongLearningLeader : Program.None) | (ForChokotto ? Program.ChokottoVolunteer : Program.None);
        var fillBy = TokyoTime.FromLocal(EffectiveFillBy!.Value, new TimeOnly(17, 0));
        if (fillBy > sessions.Min(s => s.Start))
        {
            fillBy = sessions.Min(s => s.Start);
        }
        return new RequestDetails(Title, Description, CategoryId, programs, sessions, AreaId, Place, Headcount, fillBy,
            [.. RequiredSkillIds], [.. WelcomeSkillIds.Except(RequiredSkillIds)], [.. Languages], AccessibilityNotes);
    }
}
