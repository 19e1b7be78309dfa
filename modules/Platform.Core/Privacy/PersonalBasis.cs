using Platform.Abstractions.Errors;

namespace Platform.Core.Privacy;

public enum BasisKind
{
    /// <summary>本人同意: the resident agreed, on a date, to a scope.</summary>
    Consent,

    /// <summary>条例等の例外: an ordinance or law allows sharing without consent (e.g. 個人情報保護法 第69条, the municipality's
    /// ordinance).</summary>
    Ordinance,
}

/// <summary>
/// Why content about a resident may be shared at the meeting. Sent with an item of level 個人情報 or above;
/// <see cref="ConsentedOn"/> is kept as an ISO date once checked.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PersonalBasis(
    BasisKind? Kind,
    string? ConsentedOn = null,
    string? Scope = null,
    string? Ordinance = null
)
{
    /// <summary>
    /// Checks an item's level and basis together and answers what to store: personal content needs a basis, consent
    /// needs its date and scope, an exception names its ordinance. Errors are added under <paramref name="field"/>.
    /// </summary>
    public static string RequiredMessage(Sensitivity level) =>
        $"{level.Japanese()}を記録するには、共有の根拠（本人同意または条例等の例外）を入力してください。";

    public static (Sensitivity Level, PersonalBasis? Basis) Check(
        Sensitivity? level,
        PersonalBasis? basis,
        ValidationErrors errors,
        string field = "basis"
    )
    {
        var chosen = level ?? Sensitivity.Participants;
        if (!Enum.IsDefined(chosen))
        {
            errors.Add(
                "sensitivity",
                "privacy.invalid_level",
                "公開区分は 公開・関係者限り・個人情報・要配慮個人情報 のいずれかです。"
            );
            return (Sensitivity.Participants, null);
        }
        if (!chosen.IsPersonal())
            return (chosen, null);
        if (basis?.Kind is not { } kind)
        {
            errors.Add(field, "privacy.basis_required", RequiredMessage(chosen));
            return (chosen, null);
        }
        var scope = JapaneseText.CleanOrNull(basis.Scope, 200);
        var ordinance = JapaneseText.CleanOrNull(basis.Ordinance, 200);
        if (kind == BasisKind.Ordinance)
        {
            if (ordinance is null)
                errors.Add(
                    $"{field}.ordinance",
                    "privacy.ordinance_required",
                    "根拠となる条例・法令の条項を入力してください。"
                );
            return (chosen, new PersonalBasis(kind, null, scope, ordinance));
        }
        DateOnly? on = null;
        if (string.IsNullOrWhiteSpace(basis.ConsentedOn))
            errors.Add($"{field}.consentedOn", "privacy.consent_date_required", "本人が同意した日を入力してください。");
        else if (JapaneseDate.TryParseDate(basis.ConsentedOn, out var d))
            on = d;
        else
            errors.Add(
                $"{field}.consentedOn",
                "privacy.invalid_consent_date",
                $"同意日「{basis.ConsentedOn}」は正しい日付ではありません。"
            );
        if (scope is null)
            errors.Add(
                $"{field}.scope",
                "privacy.consent_scope_required",
                "同意の範囲（誰に何を共有してよいか）を入力してください。"
            );
        return (chosen, new PersonalBasis(kind, on?.ToString("yyyy-MM-dd"), scope, null));
    }

    public string Japanese =>
        Kind == BasisKind.Ordinance ? $"条例等の例外（{Ordinance}）" : $"本人同意（{ConsentedOn}、{Scope}）";
}
