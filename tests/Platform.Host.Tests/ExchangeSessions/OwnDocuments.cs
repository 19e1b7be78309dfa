namespace Platform.Host.Tests.ExchangeSessions;

/// <summary>
/// 概要 documents written for the tests in the seed's format, with what real documents do: 圏域・会場, "、" and
/// full-width brackets, an opinion wrapped over a blank line, a page number between sections, a name with no space
/// before 氏, a glyph variant (渡辺 for 渡邊), a shortened organisation (ケアマネ協会), a speaker not in the lists, and a
/// total that does not add up.
/// </summary>
public static class OwnDocuments
{
    public const string South = """
        令和２年度第１回宮城県地域支え合い・生活支援推進連絡会議 情報交換会

        概要

        圏域・会場 県南部  大河原合同庁舎 ３階大会議室

        開催日時 令和２年１０月６日（火）１３：３０～１５：３０

        出席市町村

        （出席者数）

        白石市(5)、角田市(4)、蔵王町(2)、大河原町（３）

        柴田町(6)   合計 ２１名

        アドバイザー

        （運営委員）

        宮城県ケアマネジャー協会   会長 佐藤 花子氏

        東北学院大学  准教授 渡邊 一郎 氏

        情報交換での

        主な意見・内容

        テーマ：担い手の育成

        ○ 退職した男性に声をかけ，まずは月１回のお茶会から始めたところ，

        少しずつ参加者が増えてきた。

        ○ 中学生のボランティアが高齢者の買い物を手伝っている。

        ⇒ 学校との連携の仕方を知りたい。

        - 2 -

        テーマ：移動支援

        ○ 地区社協の車両を使った送迎を検討している。

        アドバイザー

        よりコメント

        ＜ケアマネ協会佐藤委員＞

        ○ ケアマネジャーにも地域の情報を届けてほしい。

        ＜渡辺委員＞

        ○ 小さな成功を積み重ねることが大切。

        ＜町田課長＞

        ○ 予算の確保に努めたい。

        全体講評

        渡辺委員

        ○ 本日の意見を次回につなげてほしい。
        """;

    /// <summary>Two sessions, the second with a date nobody can read: the whole document must be refused.</summary>
    public const string BrokenSecondSession = """
        令和２年度第２回 情報交換会

        区分・会場 県北部  栗原文化会館

        開催日時 令和２年１１月４日（水）１０：００～１２：００

        出席市町村

        栗原市(8)   合計 ８名

        情報交換での

        主な意見・内容

        テーマ：見守り

        ○ 郵便局と見守り協定を結んだ。

        区分・会場 仙台  仙台合同庁舎

        開催日時 未定

        テーマ：見守り

        ○ 新聞販売店と連携している。
        """;
}
