using System.Text.Json;
using KyodoHub.Core.Requests;

namespace KyodoHub.Web.Features.Api;

/// <summary>
/// Checks a posted request field by field and reports every bad field at once (the domain then
/// checks again, and the intake checks that referenced ids exist). Field names are the JSON names.
/// </summary>
internal static class CreateRequestValidator
{
    public static Dictionary<string, string[]> Validate(CreateRequestDto dto, out RequestDetails? details)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message)
        {
            var key = JsonNamingPolicy.CamelCase.ConvertName(field);
            if (!errors.TryGetValue(key, out var list))
            {
                errors[key] = list = [];
            }
            list.Add(message);
        }

        if (dto.GroupId <= 0) Add(nameof(dto.GroupId), "groupId is required.");
        if (string.IsNullOrWhiteSpace(dto.Title)) Add(nameof(dto.Title), "title is required.");
        else if (dto.Title.Trim().Length > 120) Add(nameof(dto.Title), "title must be at most 120 characters.");
        if (string.IsNullOrWhiteSpace(dto.Description)) Add(nameof(dto.Description), "description is required.");
        else if (dto.Description.Length > 4000) Add(nameof(dto.Description), "description must be at most 4000 characters.");
        if (dto.CategoryId <= 0) Add(nameof(dto.CategoryId), "categoryId is required.");
        if (dto.AreaId <= 0) Add(nameof(dto.AreaId), "areaId is required.");
        if (string.IsNullOrWhiteSpace(dto.Place)) Add(nameof(dto.Place), "place is required.");
        if (dto.Headcount is < 1 or > Request.MaxHeadcount) Add(nameof(dto.Headcount), $"headcount must be between 1 and {Request.MaxHeadcount}.");
        if (dto.FillBy is null) Add(nameof(dto.FillBy), "fillBy is required.");
        var programs = Core.Common.Program.None;
        if (dto.Programs is not { Length: > 0 } || !ProgramNames.TryParse(dto.Programs, out programs))
        {
            Add(nameof(dto.Programs), "programs must list LifelongLearningLeader and/or ChokottoVolunteer.");
        }
        var sessions = new List<RequestSession>();
        if (dto.Sessions is not { Length: > 0 })
        {
            Add(nameof(dto.Sessions), "at least one session is required.");
        }
        else
        {
            for (var i = 0; i < dto.Sessions.Length; i++)
            {
                var s = dto.Sessions[i];
                if (s is null || s.End <= s.Start)
                {
                    Add($"{nameof(dto.Sessions)}[{i}].end", "a session must end after it starts.");
                }
                else if (s.End - s.Start > RequestSession.MaxLength)
                {
                    Add($"{nameof(dto.Sessions)}[{i}].end", "a session may last at most 24 hours.");
                }
                else
                {
                    sessions.Add(new RequestSession(s.Start, s.End));
                }
            }
        }
        if (dto.FillBy is { } fillBy && sessions.Count > 0 && fillBy > sessions.Min(s => s.Start))
        {
            Add(nameof(dto.FillBy), "fillBy must be before the first session starts.");
        }

        details = errors.Count == 0
            ? new RequestDetails(dto.Title!, dto.Description!, dto.CategoryId, programs, sessions, dto.AreaId, dto.Place!, dto.Headcount,
                dto.FillBy!.Value, dto.RequiredSkillIds ?? [], dto.WelcomeSkillIds ?? [], dto.Languages ?? [], dto.AccessibilityNotes)
            : null;
        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }
}
