using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Core.Modules;

/// <summary>
/// Reads a module's settings from their stored JSON (defaults where nothing is stored) and applies changes to them,
/// collecting an error for every field that is wrong rather than stopping at the first. Values may come as JSON
/// types or as the strings a form posts; strings are normalised first, so full-width digits are accepted.
/// </summary>
public static class ModuleSettingsBinder
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static object Load(Type settingsType, string? json) =>
        (json is null ? null : JsonSerializer.Deserialize(json, settingsType, Json))
        ?? Activator.CreateInstance(settingsType)!;

    public static IEnumerable<PropertyInfo> Fields(Type settingsType) =>
        settingsType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.CanRead);

    public static string FieldName(PropertyInfo property) => JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    /// <summary>Applies <paramref name="changes"/> over the current values; fields not named keep their
    /// values.</summary>
    public static SettingsOutcome Apply(Type settingsType, string? currentJson, JsonObject changes)
    {
        var target = Load(settingsType, currentJson);
        var fields = Fields(settingsType).ToDictionary(FieldName, StringComparer.OrdinalIgnoreCase);
        var errors = new Dictionary<string, string[]>();
        foreach (var (key, node) in changes)
        {
            if (!fields.TryGetValue(key, out var field))
            {
                errors[key] = ["この設定項目はありません。"];
                continue;
            }
            if (TryConvert(node, field.PropertyType, out var value, out var message))
                field.SetValue(target, value);
            else
                errors[FieldName(field)] = [message];
        }
        // The rules run even when some values did not convert, so that every wrong field is reported at once;
        // a field that failed to convert keeps its own message.
        var unconverted = errors.Keys.ToHashSet();
        var results = new List<ValidationResult>();
        var context = new ValidationContext(target);
        Validator.TryValidateObject(target, context, results, validateAllProperties: true);
        // The Validator skips IValidatableObject when a property failed; people want both at once.
        if (target is IValidatableObject crossField && results.Count > 0)
            results.AddRange(
                crossField
                    .Validate(context)
                    .Where(r =>
                        !results.Any(seen =>
                            seen.ErrorMessage == r.ErrorMessage && seen.MemberNames.SequenceEqual(r.MemberNames)
                        )
                    )
            );
        foreach (var result in results)
        foreach (var member in result.MemberNames.DefaultIfEmpty(""))
        {
            var name = member.Length == 0 ? "" : JsonNamingPolicy.CamelCase.ConvertName(member);
            if (unconverted.Contains(name))
                continue;
            errors[name] = [.. errors.GetValueOrDefault(name, []), result.ErrorMessage ?? "値が正しくありません。"];
        }
        return errors.Count > 0
            ? new SettingsOutcome(null, errors)
            : new SettingsOutcome(JsonSerializer.Serialize(target, settingsType, Json), null);
    }

    private static bool TryConvert(JsonNode? node, Type type, out object? value, out string message)
    {
        message = "";
        value = null;
        var underlying = Nullable.GetUnderlyingType(type);
        var text = node is JsonValue v && v.TryGetValue<string>(out var s) ? JapaneseText.Normalize(s) : null;
        if (node is null || text == "")
        {
            if (underlying is not null || !type.IsValueType)
                return true;
            message = "値を入力してください。";
            return false;
        }
        type = underlying ?? type;
        if (type == typeof(string))
        {
            value = text ?? node.ToJsonString();
            return true;
        }
        if (type == typeof(bool))
        {
            if (node.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
                value = node.GetValue<bool>();
            else if (text is "true" or "on" or "1" or "はい")
                value = true;
            else if (text is "false" or "off" or "0" or "いいえ")
                value = false;
            message = "はい・いいえで指定してください。";
            return value is not null;
        }
        if (type == typeof(int))
        {
            if (node.GetValueKind() == JsonValueKind.Number && node.AsValue().TryGetValue<int>(out var n))
                value = n;
            else if (
                text is not null
                && JapaneseNumber.TryRead(text, int.MaxValue, out var parsed) == NumberReading.Read
            )
                value = (int)parsed;
            message = JapaneseNumber.HasForeignDigits(text)
                ? "数字は半角または全角（0〜9・０〜９）で入力してください。"
                : "整数で入力してください。";
            return value is not null;
        }
        if (type.IsEnum)
        {
            if (
                text is not null
                && Enum.TryParse(type, text, ignoreCase: true, out var parsed)
                && Enum.IsDefined(type, parsed!)
            )
                value = parsed;
            message = "選択肢から選んでください。";
            return value is not null;
        }
        if (type == typeof(string[]))
        {
            value = node is JsonArray array
                ? array.Select(i => JapaneseText.Normalize(i?.ToString())).Where(i => i.Length > 0).ToArray()
                : (text ?? "").Split(
                    [',', '、', '\n'],
                    StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries
                );
            return true;
        }
        message = "この形式の値は受け付けられません。";
        return false;
    }
}

/// <summary>Either the settings to store, as JSON, or the errors by field.</summary>
public sealed record SettingsOutcome(string? Json, IReadOnlyDictionary<string, string[]>? Errors);
