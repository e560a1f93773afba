using System.Text.Json;
using System.Text.Json.Serialization;

namespace KyodoHub.Web.Live;

/// <summary>A live event on its way between instances, with the instance that published it.</summary>
public sealed record LiveEnvelope(string Instance, LiveEvent Event);

/// <summary>
/// The wire form of <see cref="LiveEnvelope"/>: JSON, the event named by its type discriminator
/// (see <see cref="LiveEvent"/>), enums by name so that reordering them breaks nothing.
/// </summary>
public static class LiveEventJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static string Write(LiveEnvelope envelope) => JsonSerializer.Serialize(envelope, Options);

    /// <exception cref="JsonException">The text is not an envelope.</exception>
    public static LiveEnvelope? Read(string json) => JsonSerializer.Deserialize<LiveEnvelope>(json, Options);
}
