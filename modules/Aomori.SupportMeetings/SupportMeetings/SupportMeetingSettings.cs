using System.ComponentModel.DataAnnotations;

namespace Aomori.SupportMeetings.SupportMeetings;

/// <summary>
/// A district's rules for its support meetings. The defaults are Aomori city's design (年３〜４回). The cadence
/// fields are copied onto the district's support-meeting body whenever they are saved (see <see cref="SettingsSync"/>),
/// so the shared core's cadence follows them.
/// </summary>
public sealed class SupportMeetingSettings : IValidatableObject
{
    [Display(Name = "年度あたりの最少開催回数")]
    [Range(1, 12, ErrorMessage = "1〜12の範囲で入力してください。")]
    public int MinMeetingsPerFiscalYear { get; set; } = 3;

    [Display(Name = "年度あたりの最多開催回数")]
    [Range(1, 12, ErrorMessage = "1〜12の範囲で入力してください。")]
    public int MaxMeetingsPerFiscalYear { get; set; } = 4;

    [Display(Name = "事案がなくても定期的に開催する")]
    public bool MeetEvenWithoutCase { get; set; } = true;

    [Display(
        Name = "最初の会議の前に幹事会を開く",
        Description = "大野地区のように、幹事会で骨格を作ってから全体会議を開く場合"
    )]
    public bool RequireSteeringCommitteeFirst { get; set; }

    [Display(Name = "モデル地区", Description = "全地区に拡げる前に先行して取り組む地区（青森市の新城・大野）")]
    public bool ModelDistrict { get; set; }

    [Display(Name = "主な会場")]
    [StringLength(100, ErrorMessage = "100文字以内で入力してください。")]
    public string Venue { get; set; } = "地域の集会所等";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MinMeetingsPerFiscalYear > MaxMeetingsPerFiscalYear)
            yield return new ValidationResult(
                "最少開催回数は最多開催回数以下にしてください。",
                [nameof(MinMeetingsPerFiscalYear), nameof(MaxMeetingsPerFiscalYear)]
            );
    }
}
