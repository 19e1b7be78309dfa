using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Abstractions.Seeds;

/// <summary>How seed files are read: camelCase names, enums as camelCase text, comments allowed. Use it to read a
/// module's part.</summary>
public static class SeedJson
{
    /// <summary>The options the seed loader reads with.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        ReadCommentHandling = JsonCommentHandling.Skip,
    };
}
