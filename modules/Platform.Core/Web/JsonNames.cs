using System.Text.Json;

namespace Platform.Core.Web;

/// <summary>An enum value as the JSON API spells it (camelCase), for the values of a page's form fields.</summary>
public static class JsonNames
{
    public static string Of(Enum value) => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
