using System.Text.Json;
using System.Text.Json.Serialization;

namespace KyodoHub.Web.Features.Api;

/// <summary>
/// How the API reads a body: a number is a JSON number, never a string; a property appears once
/// and must be one the contract knows; text holds no control characters but tab and line breaks.
/// </summary>
internal static class StrictJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.Strict,
        AllowDuplicateProperties = false,
        RespectNullableAnnotations = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(), new PlainTextConverter() },
    };

    /// <summary>Whether a string is free of the control characters text must not carry.</summary>
    public static bool IsPlainText(string value) => !value.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r'));

    private sealed class PlainTextConverter : JsonConverter<string>
    {
        public override bool HandleNull => false;

        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException();
            }
            var value = reader.GetString()!;
            return IsPlainText(value) ? value : throw new JsonException();
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}
