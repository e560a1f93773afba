using KyodoHub.Core.Requests;

namespace KyodoHub.Web.Features.Api;

/// <summary>
/// Checks a posted request field by field and reports every bad field at once (the domain then
/// checks again, and the intake checks that referenced ids exist). Fields are named as the domain
/// names them; <see cref="ApiFieldErrors"/> turns them into JSON paths.
/// </summary>
internal static class CreateRequestValidator
{
    public static RequestDetails? Validate(CreateRequestDto dto, ApiFieldErrors errors)
    {
        if (dto.GroupId <= 0) errors.Add(nameof(dto.GroupId), "Required");
        if (string.IsNullOrWhiteSpace(dto.Title)) errors.Add(nameof(dto.Title), "Required");
        else if (dto.Title.Trim().Length > 120) errors.Add(nameof(dto.Title), "TooLong");
        if (string.IsNullOrWhiteSpace(dto.Description)) errors.Add(nameof(dto.Description), "Required");
        else if (dto.Description.Length > 4000) errors.Add(nameof(dto.Description), "TooLong");
        if (dto.CategoryId <= 0) errors.Add(nameof(dto.CategoryId), "Required");
        if (dto.AreaId <= 0) errors.Add(nameof(dto.AreaId), "Required");
        if (string.IsNullOrWhiteSpace(dto.Place)) errors.Add(nameof(dto.Place), "Required");
        if (dto.Headcount is < 1 or > Request.MaxHeadcount) errors.Add(nameof(dto.Headcount), "OutOfRange");
        if (dto.FillBy is null) errors.Add(nameof(dto.FillBy), "Required");
        var programs = Core.Common.Program.None;
        if (dto.Programs is not { Length: > 0 } || !ProgramNames.TryParse(dto.Programs, out programs))
        {
            errors.Add(nameof(dto.Programs), "Invalid");
        }
        var sessions = new List<RequestSession>();
        if (dto.Sessions is not { Length: > 0 })
        {
            errors.Add(nameof(dto.Sessions), "Required");
        }
        else
        {
            for (var i = 0; i < dto.Sessions.Length; i++)
            {
                var field = $"{nameof(dto.Sessions)}[{i}]";
                var s = dto.Sessions[i];
                if (s is null) errors.Add(field, "Required");
                else if (s.Start == default) errors.Add($"{field}.{nameof(s.Start)}", "Required");
                else if (s.End == default) errors.Add($"{field}.{nameof(s.End)}", "Required");
                else if (s.End <= s.Start) errors.Add($"{field}.{nameof(s.End)}", "EndBeforeStart");
                else if (s.End - s.Start > RequestSession.MaxLength) errors.Add($"{field}.{nameof(s.End)}", "SessionTooLong");
                else sessions.Add(new RequestSession(s.Start, s.End));
            }
        }
        if (!RequiredSkillRuleNames.TryParse(dto.RequiredSkillRule, out _))
        {
            errors.Add(nameof(dto.RequiredSkillRule), "Invalid");
        }
        if (dto.FillBy is { } fillBy && sessions.Count > 0 && fillBy > sessions.Min(s => s.Start))
        {
            errors.Add(nameof(dto.FillBy), "FillByAfterStart");
        }

        return errors.Any
            ? null
            : new RequestDetails(dto.Title!, dto.Description!, dto.CategoryId, programs, sessions, dto.AreaId, dto.Place!, dto.Headcount,
                dto.FillBy!.Value, dto.RequiredSkillIds ?? [], dto.WelcomeSkillIds ?? [], dto.Languages ?? [], dto.AccessibilityNotes);
    }
}
