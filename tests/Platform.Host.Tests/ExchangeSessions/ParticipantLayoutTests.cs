using System.Text.RegularExpressions;
using Miyagi.ExchangeSessions.Summaries;

namespace Platform.Host.Tests.ExchangeSessions;

/// <summary>
/// The importer's people: the title is split from the organisation however the document spaces them, and a heading
/// that carries its group label files the person under that group.
/// </summary>
public class ParticipantLayoutTests
{
    private const string SeedLine = "東北福祉大学                  教授 高橋 誠一 氏";

    [Theory]
    [InlineData("東北福祉大学　准教授　高橋 誠一 氏", "東北福祉大学", "准教授", "高橋 誠一")]
    [InlineData("東北福祉大学准教授 高橋 誠一 氏", "東北福祉大学", "准教授", "高橋 誠一")]
    [InlineData("東北福祉大学 准教授 高橋 誠一 氏", "東北福祉大学", "准教授", "高橋 誠一")]
    [InlineData("東北福祉大学　　　准教授  高橋　誠一　氏", "東北福祉大学", "准教授", "高橋 誠一")]
    [InlineData("東北福祉大学 准教授高橋誠一 氏", "東北福祉大学", "准教授", "高橋誠一")]
    [InlineData("東北福祉大学准教授　高橋誠一氏", "東北福祉大学", "准教授", "高橋誠一")]
    [InlineData(
        "宮城県社会福祉協議会 生活支援コーディネーター 佐藤 花子 氏",
        "宮城県社会福祉協議会",
        "生活支援コーディネーター",
        "佐藤 花子"
    )]
    [InlineData(
        "宮城県社会福祉協議会生活支援コーディネーター　佐藤 花子 氏",
        "宮城県社会福祉協議会",
        "生活支援コーディネーター",
        "佐藤 花子"
    )]
    [InlineData(
        "登米市社会福祉協議会 第２層生活支援コーディネーター 佐藤 花子 氏",
        "登米市社会福祉協議会",
        "第２層生活支援コーディネーター",
        "佐藤 花子"
    )]
    [InlineData(
        "ＮＰＯ法人みやぎ健康体操の会　インストラクター　鈴木 一郎 氏",
        "ＮＰＯ法人みやぎ健康体操の会",
        "インストラクター",
        "鈴木 一郎"
    )]
    [InlineData(
        "ＮＰＯ法人みやぎ健康体操の会インストラクター 鈴木 一郎 氏",
        "ＮＰＯ法人みやぎ健康体操の会",
        "インストラクター",
        "鈴木 一郎"
    )]
    [InlineData(
        "石巻市地域包括支援センター コーディネーター 阿部 三郎 氏",
        "石巻市地域包括支援センター",
        "コーディネーター",
        "阿部 三郎"
    )]
    [InlineData(
        "石巻市地域包括支援センターコーディネーター 阿部 三郎 氏",
        "石巻市地域包括支援センター",
        "コーディネーター",
        "阿部 三郎"
    )]
    [InlineData("新城町内会副会長 山田 太郎 氏", "新城町内会", "副会長", "山田 太郎")]
    [InlineData("大崎市役所長寿支援課課長 伊藤 次郎 氏", "大崎市役所長寿支援課", "課長", "伊藤 次郎")]
    [InlineData(
        "仙台市老人クラブ連合会       常務理事事務局長 二本柳 基 氏",
        "仙台市老人クラブ連合会",
        "常務理事事務局長",
        "二本柳 基"
    )]
    [InlineData(
        "東北こども福祉専門学院         副学院長 大坂 純   氏",
        "東北こども福祉専門学院",
        "副学院長",
        "大坂 純"
    )]
    [InlineData(
        "宮城県社会福祉協議会 震災復興・地域福祉部  部長 西塚 国彦 氏",
        "宮城県社会福祉協議会 震災復興・地域福祉部",
        "部長",
        "西塚 国彦"
    )]
    [InlineData(
        "仙台弁護士会   高齢者・障害者の権利に関する委員会 篠塚 功照 氏",
        "仙台弁護士会 高齢者・障害者の権利に関する委員会",
        null,
        "篠塚 功照"
    )]
    public void A_title_is_split_from_the_organisation_in_any_layout_of_spaces(
        string line,
        string organisation,
        string? title,
        string name
    )
    {
        Assert.Contains(SeedLine, SeedDocument.Text);
        var (document, _) = ExchangeSummaryParser.Parse(
            SeedDocument.Text.Replace(SeedLine, line),
            SeedDocument.Positions
        );

        var advisor = document.Sessions[1].Advisors[0];
        Assert.Equal((organisation, title, name), (advisor.Organisation, advisor.Title, advisor.Name));
        Assert.Equal(ParticipantKind.Advisor, advisor.Kind);
    }

    [Theory]
    [InlineData("連絡会議会員　")]
    [InlineData("連絡会議会員 ")]
    [InlineData("連絡会議会員：")]
    [InlineData("連絡会議会員　　")]
    public void A_heading_that_carries_the_group_label_files_the_person_as_a_member(string label)
    {
        // The seed's heading stands alone with the first member two lines below; here it carries the member.
        var text = Regex.Replace(SeedDocument.Text, @"連絡会議会員[ 　]*\r?\n[ 　]*\r?\n(一万人)", label + "$1");
        Assert.NotEqual(SeedDocument.Text, text);

        var (document, _) = ExchangeSummaryParser.Parse(text, SeedDocument.Positions);

        var sendai = document.Sessions[1];
        Assert.Equal(["高橋 誠一", "小野 哲", "髙橋 健一", "西塚 国彦"], sendai.Advisors.Select(a => a.Name));
        Assert.Equal(["仲野 紀夫", "篠塚 功照", "二本柳 基"], sendai.LiaisonMembers.Select(m => m.Name));
        var first = sendai.LiaisonMembers[0];
        Assert.Equal(
            (ParticipantKind.LiaisonMember, "一万人市民委員会宮城県民の会", "専務理事"),
            (first.Kind, first.Organisation, first.Title)
        );
    }

    [Fact]
    public void A_heading_that_carries_the_advisor_label_files_the_person_as_an_advisor()
    {
        var text = Regex.Replace(
            SeedDocument.Text,
            @"アドバイザー[ 　]*\r?\n[ 　]*\r?\n（運営委員）[ 　]*\r?\n[ 　]*\r?\n(東北福祉大学)",
            "アドバイザー（運営委員）　$1"
        );
        Assert.NotEqual(SeedDocument.Text, text);

        var (document, _) = ExchangeSummaryParser.Parse(text, SeedDocument.Positions);

        var sendai = document.Sessions[1];
        Assert.Equal(("東北福祉大学", "教授"), (sendai.Advisors[0].Organisation, sendai.Advisors[0].Title));
        Assert.Equal(4, sendai.Advisors.Count);
        Assert.Equal(3, sendai.LiaisonMembers.Count);
    }
}
