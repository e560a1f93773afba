using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KyodoHub.Tests.Infrastructure;

namespace KyodoHub.Tests.Api;

/// <summary>One malformed call to <c>POST /api/requests</c> and the field its problem details must name.</summary>
public sealed record MalformedBody(string Name, byte[] Body, string? ContentType, int Status, string Field)
{
    public override string ToString() => Name;
}

/// <summary>
/// Bodies that are not JSON, have a wrong type, a duplicated or unknown property, a forbidden
/// character or a date in the past: each built from a valid request with one part broken.
/// </summary>
internal static class MalformedBodies
{
    private const string JsonType = "application/json";

    public static List<MalformedBody> All()
    {
        var cases = new List<MalformedBody>();
        void Raw(string name, string body, string field) => cases.Add(new MalformedBody(name, Encoding.UTF8.GetBytes(body), JsonType, 400, field));
        void With(string name, string property, string raw, string field) => Raw(name, Replacing(property, raw), field);
        var session = Valid()["sessions"]![0]!;
        string Session(string start, string end) => $"[{{\"start\":{start},\"end\":{end}}}]";
        var start = session["start"]!.ToJsonString();
        var end = session["end"]!.ToJsonString();

        Raw("text that is not JSON", "hello", "$");
        Raw("an empty body", "", "$");
        Raw("a body cut short", "{\"title\": ", "title");
        Raw("text after the object", Valid().ToJsonString() + " x", "$");
        Raw("an array instead of an object", "[1]", "$");
        Raw("null instead of an object", "null", "$");
        Raw("a string instead of an object", "\"request\"", "$");
        With("a word for groupId", "groupId", "\"one\"", "groupId");
        With("a number in a string for groupId", "groupId", "\"2\"", "groupId");
        With("a word for headcount", "headcount", "\"two\"", "headcount");
        With("a number in a string for headcount", "headcount", "\"3\"", "headcount");
        With("groupId beyond a 32-bit integer", "groupId", "2147483648", "groupId");
        With("headcount below a 32-bit integer", "headcount", "-2147483649", "headcount");
        With("a fraction for headcount", "headcount", "1.5", "headcount");
        With("an exponent for headcount", "headcount", "1e2", "headcount");
        With("null for headcount", "headcount", "null", "headcount");
        With("true for headcount", "headcount", "true", "headcount");
        With("an object for categoryId", "categoryId", "{}", "categoryId");
        With("an array for areaId", "areaId", "[]", "areaId");
        With("a lone high surrogate in title", "title", "\"\\uD800\"", "title");
        With("a lone low surrogate in title", "title", "\"\\uDC00公園\"", "title");
        With("a bell character in description", "description", "\"清掃\\u0007です\"", "description");
        With("a NUL character in place", "place", "\"柴崎町\\u0000\"", "place");
        With("an escape character in title", "title", "\"\\u001b[31m公園\"", "title");
        With("a DEL character in accessibilityNotes", "accessibilityNotes", "\"段差\\u007f\"", "accessibilityNotes");
        With("a control character in a language", "languages", "[\"ja\\u0001\"]", "languages[0]");
        With("an unescaped control character in title", "title", "\"公園\u0001\"", "title");
        With("a number for title", "title", "12", "title");
        With("an object for title", "title", "{}", "title");
        With("an object where programs is an array", "programs", "{\"ChokottoVolunteer\":true}", "programs");
        With("a string where programs is an array", "programs", "\"ChokottoVolunteer\"", "programs");
        With("a number in programs", "programs", "[1]", "programs[0]");
        With("an object where sessions is an array", "sessions", "{}", "sessions");
        With("a number in sessions", "sessions", "[1]", "sessions[0]");
        With("a word for a session's start", "sessions", Session("\"tomorrow\"", end), "sessions[0].start");
        With("a number for a session's end", "sessions", Session(start, "12"), "sessions[0].end");
        With("a thirteenth month for a session's start", "sessions", Session("\"2027-13-01T10:00:00+09:00\"", end), "sessions[0].start");
        With("a session's start given twice", "sessions", $"[{{\"start\":{start},\"start\":{start},\"end\":{end}}}]", "sessions[0].start");
        With("an unknown property in a session", "sessions", $"[{{\"start\":{start},\"end\":{end},\"room\":\"A\"}}]", "sessions[0].room");
        Raw("a session in 2020", Replacing(("sessions", Session("\"2020-06-01T10:00:00+09:00\"", "\"2020-06-01T12:00:00+09:00\"")), ("fillBy", "\"2020-05-29T17:00:00+09:00\"")), "sessions[0].start");
        With("a fill-by date in 2020", "fillBy", "\"2020-06-01T17:00:00+09:00\"", "fillBy");
        With("words for fillBy", "fillBy", "\"next week\"", "fillBy");
        With("a number for fillBy", "fillBy", "20270101", "fillBy");
        With("a string where requiredSkillIds is an array", "requiredSkillIds", "\"1,2\"", "requiredSkillIds");
        With("a number in a string in requiredSkillIds", "requiredSkillIds", "[\"1\"]", "requiredSkillIds[0]");
        With("a skill id beyond a 32-bit integer", "welcomeSkillIds", "[2147483648]", "welcomeSkillIds[0]");
        With("a string for autoCascade", "autoCascade", "\"true\"", "autoCascade");
        With("a number for autoCascade", "autoCascade", "1", "autoCascade");
        Raw("title given twice", Replacing("title", "\"公園\"").TrimEnd('}') + ",\"title\":\"公園の清掃\"}", "title");
        Raw("groupId given twice in another case", Replacing("groupId", "2").TrimEnd('}') + ",\"GroupId\":3}", "groupId");
        With("an unknown property", "colour", "\"green\"", "colour");
        var invalidUtf8 = Encoding.UTF8.GetBytes(Replacing("title", "\"公園XX\""));
        var marker = Array.IndexOf(invalidUtf8, (byte)'X');
        (invalidUtf8[marker], invalidUtf8[marker + 1]) = (0xC3, 0x28);
        cases.Add(new MalformedBody("bytes that are not UTF-8 in title", invalidUtf8, JsonType, 400, "title"));
        foreach (var type in new[] { "text/plain", "application/xml", "application/x-www-form-urlencoded" })
        {
            cases.Add(new MalformedBody($"a {type} body", Encoding.UTF8.GetBytes(Valid().ToJsonString()), type, 415, "Content-Type"));
        }
        cases.Add(new MalformedBody("a body without a content type", Encoding.UTF8.GetBytes(Valid().ToJsonString()), null, 415, "Content-Type"));
        return cases;
    }

    private static JsonObject Valid() => JsonSerializer.SerializeToNode(TestRequests.Valid(), Json.Options)!.AsObject();

    // The valid request with properties, last, as the raw JSON given.
    private static string Replacing(string property, string raw) => Replacing((property, raw));

    private static string Replacing(params (string Property, string Raw)[] replacements)
    {
        var valid = Valid();
        foreach (var (property, _) in replacements)
        {
            valid.Remove(property);
        }
        return valid.ToJsonString().TrimEnd('}') + string.Concat(replacements.Select(r => $",\"{r.Property}\":{r.Raw}")) + "}";
    }
}
