using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace KyodoHub.Web.Features.Api;

/// <summary>
/// What went wrong in a body that did not deserialize: the field's path in the contract's own
/// names (<c>sessions[0].start</c>, or <c>$</c> for the body itself), its label and a rule code,
/// found from the exception's path, the contract's metadata and the JSON as sent.
/// </summary>
internal sealed record JsonFailure(string Path, string Label, string Code)
{
    public const string Root = "$";
    public const string BodyLabel = "Body";

    public static JsonFailure Of(JsonException error, ReadOnlyMemory<byte> body, Type contract)
    {
        JsonDocument? document = null;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
        }
        using (document)
        {
            return Walk(Segments(error.Path), document?.RootElement, StrictJson.Options.GetTypeInfo(contract), syntax: document is null);
        }
    }

    private static JsonFailure Walk(List<object> segments, JsonElement? element, JsonTypeInfo? info, bool syntax)
    {
        var path = "";
        var label = BodyLabel;
        bool unknown = false, duplicate = false;
        foreach (var segment in segments)
        {
            if (segment is int index)
            {
                path += $"[{index}]";
                info = info?.ElementType is { } elementType ? StrictJson.Options.GetTypeInfo(elementType) : null;
                element = element is { ValueKind: JsonValueKind.Array } array && index < array.GetArrayLength() ? array[index] : null;
                continue;
            }
            var name = (string)segment;
            var property = info?.Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            unknown = property is null;
            name = property?.Name ?? name;
            path += path.Length == 0 ? name : $".{name}";
            label = unknown ? name : char.ToUpperInvariant(name[0]) + name[1..];
            info = property is null ? null : StrictJson.Options.GetTypeInfo(property.PropertyType);
            var sameName = element is { ValueKind: JsonValueKind.Object } parent
                ? parent.EnumerateObject().Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Select(p => p.Value).ToList()
                : [];
            duplicate = sameName.Count > 1;
            element = sameName.Count > 0 ? sameName[0] : null;
        }
        var code = syntax ? "JsonSyntax"
            : unknown ? "JsonUnknown"
            : duplicate ? "JsonDuplicate"
            : ExpectedKind(info, element);
        return new JsonFailure(path.Length == 0 ? Root : path, label, code);
    }

    private static string ExpectedKind(JsonTypeInfo? info, JsonElement? sent)
    {
        if (info is null)
        {
            return "Invalid";
        }
        var type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
        return type switch
        {
            _ when type == typeof(string) => sent?.ValueKind == JsonValueKind.String ? "JsonText" : "JsonString",
            _ when type == typeof(int) || type == typeof(long) || type == typeof(short) => "JsonInteger",
            _ when type == typeof(bool) => "JsonBoolean",
            _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => "JsonDateTime",
            _ when info.Kind == JsonTypeInfoKind.Enumerable => "JsonArray",
            _ when info.Kind == JsonTypeInfoKind.Object => "JsonObject",
            _ => "Invalid",
        };
    }

    // "$.sessions[0].start" and "$['odd name']" as names and indexes.
    private static List<object> Segments(string? path)
    {
        var segments = new List<object>();
        var i = path is ['$', ..] ? 1 : 0;
        while (path is not null && i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                segments.Add(path[(i + 1)..end]);
                i = end;
            }
            else if (path.AsSpan(i).StartsWith("['"))
            {
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                end = end < 0 ? path.Length : end;
                segments.Add(path[(i + 2)..end]);
                i = end + 2;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                end = end < 0 ? path.Length : end;
                segments.Add(int.TryParse(path.AsSpan(i + 1, end - i - 1), out var index) ? index : 0);
                i = end + 1;
            }
            else
            {
                break;
            }
        }
        return segments;
    }
}
