using Miyagi.ExchangeSessions.Summaries;

namespace Platform.Host.Tests.ExchangeSessions;

public class ParserTests
{
    [Fact]
    public void The_seed_gives_both_sessions_whole_with_the_one_weekday_warning()
    {
        var (document, warnings) = ExchangeSummaryParser.Parse(SeedDocument.Text, SeedDocument.Positions);

        Assert.Equal("令和元年度第２回宮城県地域支え合い・生活支援推進連絡会議 情報交換会", document.Title);
        Assert.Equal(["県北部", "仙台"], document.Sessions.Select(s => s.Region));
        var north = document.Sessions[0];
        Assert.Equal(new DateOnly(2019, 11, 19), north.Date);
        Assert.Equal(["10:00", "13:30"], north.Slots.Select(s => s.Start));
        Assert.Equal("ホテルサンシャイン佐沼 ２階 鳳凰の間", north.Venue);
        Assert.Equal(9, north.Counts.Count);
        Assert.Equal(("気仙沼市", 19), (north.Counts[0].Name, north.Counts[0].Count));
        Assert.Equal(70, north.StatedTotal);
        Assert.Equal(70, north.Counts.Sum(c => c.Count));
        Assert.Equal(["大坂 純", "鈴木 守幸", "西塚 国彦"], north.Advisors.Select(a => a.Name));
        Assert.Equal(
            ("宮城県社会福祉協議会 震災復興・地域福祉部", "部長"),
            (north.Advisors[2].Organisation, north.Advisors[2].Title)
        );
        Assert.Equal(4, north.Themes.Count);
        Assert.Equal([5, 7, 6, 7], north.Themes.Select(t => t.Opinions.Count));
        Assert.Equal(["大坂委員長", "鈴木委員", "西塚委員", "県伊藤主事"], north.Comments.Select(c => c.Header));
        Assert.Equal(
            "協議の場で，自分たちのしていることを知ってもらうこと，他の人たちがしていることを伝えてもらうことをまず行う。その後に，どのような情報が欲しいかを伝えていく。",
            north.Comments[0].Texts[0]
        );
        Assert.Equal(
            ("伊藤", ParticipantKind.Other, "県"),
            (north.Comments[3].Speaker!.Name, north.Comments[3].Speaker!.Kind, north.Comments[3].Speaker!.Organisation)
        );
        Assert.Equal(4, Assert.Single(north.Reviews).Texts.Count);

        var sendai = document.Sessions[1];
        Assert.Equal(39, sendai.StatedTotal);
        Assert.Equal(10, sendai.Counts.Count);
        Assert.Equal(4, sendai.Advisors.Count);
        Assert.Equal(["仲野 紀夫", "篠塚 功照", "二本柳 基"], sendai.LiaisonMembers.Select(m => m.Name));
        Assert.Equal("仙台弁護士会 高齢者・障害者の権利に関する委員会", sendai.LiaisonMembers[1].Organisation);
        Assert.Equal("高橋 誠一", sendai.Comments.Single(c => c.Header == "高橋副委員長").Speaker!.Name);
        Assert.Equal("髙橋 健一", sendai.Comments.Single(c => c.Header == "高橋委員").Speaker!.Name);
        Assert.Contains(
            "お宝発表会に市長を呼ぶことで，部長，課長クラスも芋づる式で巻き込むことができる。",
            sendai.Themes[0].Opinions
        );

        var warning = Assert.Single(warnings);
        Assert.Equal("import.weekday_mismatch", warning.Code);
        Assert.Equal(2, warning.Session);
        Assert.Contains("火曜日", warning.Message);
    }

    [Fact]
    public void Without_recorded_positions_two_advisors_of_one_surname_are_reported_not_guessed()
    {
        var (document, warnings) = ExchangeSummaryParser.Parse(SeedDocument.Text);

        // 高橋副委員長 twice (a comment and the overall review) and 高橋委員 once.
        Assert.Equal(3, warnings.Count(w => w.Code == "import.ambiguous_speaker"));
        Assert.Equal(
            ParticipantKind.Other,
            document.Sessions[1].Comments.Single(c => c.Header == "高橋委員").Speaker!.Kind
        );
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n  ")]
    public void An_empty_document_is_refused(string text) =>
        Assert.Equal(
            "import.empty",
            Assert.Throws<Platform.Abstractions.Errors.PlatformException>(() => ExchangeSummaryParser.Parse(text)).Code
        );

    [Fact]
    public void Text_that_is_not_a_summary_and_binary_data_are_refused()
    {
        Assert.Equal(
            "import.not_a_summary",
            Assert
                .Throws<Platform.Abstractions.Errors.PlatformException>(() =>
                    ExchangeSummaryParser.Parse("議事録\n本日は晴天なり。")
                )
                .Code
        );
        Assert.Equal(
            "import.binary",
            Assert
                .Throws<Platform.Abstractions.Errors.PlatformException>(() =>
                    ExchangeSummaryParser.Parse("%PDF-1.7\0\u0001\u0002")
                )
                .Code
        );
    }
}
