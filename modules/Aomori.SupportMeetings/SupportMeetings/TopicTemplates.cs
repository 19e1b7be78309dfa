using Platform.Abstractions.Meetings;

namespace Aomori.SupportMeetings.SupportMeetings;

/// <summary>The topics Aomori's design suggests for support meetings (地域支え合い会議で話し合う事項（例）), as an agenda to start
/// from.</summary>
public sealed class TopicTemplates : IAgendaTemplateSource
{
    public IEnumerable<AgendaTemplate> Templates =>
        [
            new(
                "aomori.example-topics",
                "地域支え合い会議で話し合う事項（例）",
                [
                    "「困りごと」の相談先の情報共有",
                    "地域住民を地域ぐるみで支える場合の個人情報の取扱い",
                    "災害時の防災体制に係る各地域での取組に関する情報共有",
                    "地域の環境問題（ごみ出し）・雪処理問題について",
                    "担い手不足による町会活動の維持",
                ]
            ),
        ];
}
