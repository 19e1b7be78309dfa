using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Host.Tests.HostileInput;

/// <summary>
/// A valid-looking body for a route, which the generator then mutates: built from the type the handler binds, with
/// real ids in id fields and dates and times where the names say so, so that mutations hit validation, not a first
/// missing field. Routes that read their body themselves get one written here.
/// </summary>
public static class ExampleBodies
{
    private static readonly JsonNamingPolicy Names = JsonNamingPolicy.CamelCase;

    /// <param name="settingsType">The settings type of the module the route's <c>{moduleId}</c> names, if it has
    /// one.</param>
    public static JsonNode For(WriteRoute route, DemoIds ids, Type? settingsType) =>
        route.Pattern switch
        {
            // The 概要 importer reads {"text": …} itself; a short text of the seed's shape.
            _ when route.Pattern.EndsWith("/imports/exchange-summary", StringComparison.Ordinal) => new JsonObject
            {
                ["text"] = "令和元年度 第1回 情報交換会 概要\n日時：令和元年11月19日（火）10:00〜12:00\n場所：県庁\n",
                ["preview"] = true,
            },
            // The district settings are read as a bare JSON object: the module's own settings type says its fields.
            _ when route.Pattern.EndsWith("/settings", StringComparison.Ordinal) && settingsType is not null => Of(
                settingsType,
                "",
                ids,
                depth: 0
            )!,
            _ when route.Pattern == "/api/auth/token" => new JsonObject
            {
                ["userName"] = HostileInputHost.VictimUser,
                ["password"] = "wrong-password-0000",
            },
            _ when route.Pattern == "/api/auth/password" => new JsonObject
            {
                ["currentPassword"] = HostileInputHost.VictimPassword,
                ["newPassword"] = HostileInputHost.VictimPassword,
            },
            _ => route.BodyType is { } type && type != typeof(JsonObject)
                ? Of(type, "", ids, depth: 0) ?? new JsonObject()
                : new JsonObject(),
        };

    private static JsonNode? Of(Type type, string name, DemoIds ids, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
            return JsonValue.Create(Text(name, ids));
        if (type == typeof(bool))
            return JsonValue.Create(true);
        if (type == typeof(int) || type == typeof(long) || type == typeof(decimal) || type == typeof(double))
            return JsonValue.Create(1);
        if (type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset))
            return JsonValue.Create("2019-11-19");
        if (type == typeof(TimeOnly))
            return JsonValue.Create("10:00");
        if (type.IsEnum)
            return JsonValue.Create(Names.ConvertName(Enum.GetNames(type)[0]));
        if (depth > 3)
            return null;
        if (Dictionary(type) is { } valueType)
            return new JsonObject { ["note"] = Of(valueType, "note", ids, depth + 1) };
        if (Element(type) is { } element)
            return new JsonArray(Of(element, Singular(name), ids, depth + 1));
        var body = new JsonObject();
        foreach (
            var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanWrite || IsConstructorParameter(type, p))
        )
            body[Names.ConvertName(property.Name)] = Of(property.PropertyType, property.Name, ids, depth + 1);
        return body;
    }

    private static string Text(string name, DemoIds ids)
    {
        if (name.EndsWith("Id", StringComparison.Ordinal) || name.EndsWith("Ids", StringComparison.Ordinal))
        {
            var idName = name switch
            {
                "ParentId" => "districtId",
                "HostOrganisationId" or "OwnerOrganisationId" => "organisationId",
                "PromoterIds" => "personId",
                _ => Names.ConvertName(name.TrimEnd('s')),
            };
            return ids[idName];
        }
        if (
            name.Contains("Date", StringComparison.Ordinal)
            || name is "Since" or "Until" or "PledgedOn" or "LastConfirmed" or "ConsentedOn"
        )
            return "2019-11-19";
        if (name is "Start")
            return "10:00";
        if (name is "End")
            return "11:30";
        if (name.Contains("Password", StringComparison.Ordinal))
            return "hostile-input-password-2026";
        if (name is "UserName")
            return "hostile-input-user";
        return "検査用の入力";
    }

    private static Type? Dictionary(Type type) =>
        type.GetInterfaces()
            .Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
            ?.GetGenericArguments()[1];

    private static Type? Element(Type type) =>
        type.IsArray ? type.GetElementType()
        : type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) && type.IsGenericType
            ? type.GetGenericArguments()[0]
        : null;

    private static bool IsConstructorParameter(Type type, PropertyInfo property) =>
        type.GetConstructors()
            .Any(c =>
                c.GetParameters().Any(p => string.Equals(p.Name, property.Name, StringComparison.OrdinalIgnoreCase))
            );

    private static string Singular(string name) => name.EndsWith('s') ? name[..^1] : name;
}
