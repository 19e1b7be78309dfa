namespace Platform.Core.Privacy;

/// <summary>
/// How widely something said or handed out at a meeting may be read. Each level includes the ones below it: a grant
/// cleared for 個人情報 reads 関係者限り and 公開 too.
/// </summary>
public enum Sensitivity
{
    /// <summary>公開: may appear in published outputs.</summary>
    Public = 0,

    /// <summary>関係者限り: staff of the tenant with a grant; the default for what is recorded.</summary>
    Participants = 1,

    /// <summary>個人情報: about an identifiable resident.</summary>
    Personal = 2,

    /// <summary>要配慮個人情報: a resident's health, disability, care and the like (個人情報保護法 第2条第3項).</summary>
    Sensitive = 3,
}

/// <summary>Why an item is not shown to its reader; the item keeps its place with a marker instead of its
/// content.</summary>
public enum Withheld
{
    /// <summary>The reader's clearance (or the public version) does not reach the item's level.</summary>
    Level,

    /// <summary>The meeting handles personal information and the reader has not pledged confidentiality for
    /// it.</summary>
    NoPledge,

    /// <summary>The resident withdrew consent.</summary>
    ConsentWithdrawn,

    /// <summary>The retention period passed and the content was erased.</summary>
    Erased,
}

public static class SensitivityNames
{
    public static string Japanese(this Sensitivity level) =>
        level switch
        {
            Sensitivity.Public => "公開",
            Sensitivity.Participants => "関係者限り",
            Sensitivity.Personal => "個人情報",
            _ => "要配慮個人情報",
        };

    /// <summary>Whether content of this level is about a resident, and so needs a basis, a pledge and a retention
    /// period.</summary>
    public static bool IsPersonal(this Sensitivity level) => level >= Sensitivity.Personal;

    /// <summary>What stands in an output where a withheld item would be.</summary>
    public static string Marker(Sensitivity level, Withheld why) =>
        why switch
        {
            Withheld.ConsentWithdrawn => "［本人の同意撤回により非表示］",
            Withheld.Erased => "［保存期間の経過により消去済み］",
            Withheld.NoPledge => $"［{level.Japanese()}：守秘の誓約書が未提出のため非表示］",
            _ => $"［{level.Japanese()}のため非表示］",
        };
}
