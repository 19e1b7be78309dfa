using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using Platform.Core.Modules;

namespace Platform.Core.Tests.Modules;

public class ModuleSettingsBinderTests
{
    public sealed class Cadence : IValidatableObject
    {
        [Range(1, 12, ErrorMessage = "1〜12の範囲で入力してください。")]
        public int Min { get; set; } = 3;

        [Range(1, 12, ErrorMessage = "1〜12の範囲で入力してください。")]
        public int Max { get; set; } = 4;

        public bool MeetWithoutCase { get; set; } = true;

        public IEnumerable<ValidationResult> Validate(ValidationContext context)
        {
            if (Min > Max)
                yield return new ValidationResult("最少は最多以下にしてください。", [nameof(Min)]);
        }
    }

    [Fact]
    public void Defaults_come_from_the_class_when_nothing_is_stored()
    {
        var outcome = ModuleSettingsBinder.Apply(typeof(Cadence), null, []);
        Assert.Equal("""{"min":3,"max":4,"meetWithoutCase":true}""", outcome.Json);
    }

    [Fact]
    public void Full_width_digits_and_form_strings_are_accepted()
    {
        var outcome = ModuleSettingsBinder.Apply(
            typeof(Cadence),
            null,
            new JsonObject { ["min"] = "２", ["meetWithoutCase"] = "false" }
        );
        Assert.Equal("""{"min":2,"max":4,"meetWithoutCase":false}""", outcome.Json);
    }

    [Fact]
    public void Every_wrong_field_is_reported_not_only_the_first()
    {
        var outcome = ModuleSettingsBinder.Apply(
            typeof(Cadence),
            null,
            new JsonObject
            {
                ["min"] = "たくさん",
                ["meetWithoutCase"] = 7,
                ["colour"] = "red",
            }
        );

        Assert.Null(outcome.Json);
        Assert.Equal(["colour", "meetWithoutCase", "min"], outcome.Errors!.Keys.Order());
    }

    [Fact]
    public void Rules_across_fields_are_checked_after_the_values_convert()
    {
        var outcome = ModuleSettingsBinder.Apply(
            typeof(Cadence),
            """{"min":3,"max":4}""",
            new JsonObject { ["min"] = 5, ["max"] = 13 }
        );
        Assert.Equal(["max"], outcome.Errors!.Keys.Order());

        var crossed = ModuleSettingsBinder.Apply(
            typeof(Cadence),
            """{"min":3,"max":4}""",
            new JsonObject { ["min"] = 5 }
        );
        Assert.Equal(["最少は最多以下にしてください。"], crossed.Errors!["min"]);
    }
}
