using System.Diagnostics;
using System.Text;
using Miyagi.ExchangeSessions.Summaries;
using Platform.Abstractions.Errors;
using Xunit.Abstractions;

namespace Platform.Host.Tests.ExchangeSessions;

/// <summary>
/// The parser takes time linear in its input, whatever the shape of the document: twice the text takes about twice the
/// time (allowed four times, plus a second for a busy machine; each the best of three parses), and 1 MB stays far below
/// the regression bound of 5 s.
/// </summary>
public class ParserLinearityTests(ITestOutputHelper output)
{
    private const string Head =
        "令和元年度第２回 情報交換会\n概要\n区分・会場 県北部 会場\n開催日時 令和元年１１月１９日（火）１０：００～１２：００\n";

    public static readonly string[] ShapeNames =
    [
        "counts-one-line",
        "counts-entries",
        "theme-continuations",
        "comment-header-line",
        "date-line",
        "advisor-line",
        "random",
    ];

    public static TheoryData<string> Shapes => [.. ShapeNames];

    public static string Document(string shape, int size)
    {
        var text = new StringBuilder(size + 200);
        var random = new Random(size);
        switch (shape)
        {
            case "counts-one-line":
                text.Append(Head).Append("出席市町村\n").Append('気', size);
                break;
            case "counts-entries":
                text.Append(Head).Append("出席市町村\n");
                for (var i = 0; text.Length < size; i++)
                    text.Append("気仙沼市(").Append(i % 30).Append(")，");
                break;
            case "theme-continuations":
                text.Append(Head).Append("主な意見・内容\nテーマ：担い手\n○始まり\n");
                while (text.Length < size)
                    text.Append("続きの行\n");
                break;
            case "comment-header-line":
                text.Append(Head)
                    .Append("アドバイザー\nよりコメント\n＜")
                    .Append('高', size)
                    .Append("委員＞\n・コメント\n");
                break;
            case "date-line":
                text.Append("区分・会場 県北部 会場\n開催日時 ").Append('1', size).Append('\n');
                break;
            case "advisor-line":
                text.Append(Head)
                    .Append("アドバイザー\n（運営委員）\n")
                    .Append(string.Concat(Enumerable.Repeat("協会 ", size / 3)))
                    .Append("会長 佐藤 花子 氏\n");
                break;
            default:
                const string alphabet =
                    "区分・会場出席市町村()（）0123456789０１２３４５６７８９٣ 　\n○・＜＞:：～名合計日月年令和元";
                text.Append(Head);
                while (text.Length < size)
                    text.Append(alphabet[random.Next(alphabet.Length)]);
                break;
        }
        return text.ToString();
    }

    /// <summary>The best of three parses: other tests share the machine, and a pause of theirs is not the parser's
    /// time.</summary>
    private static TimeSpan Time(string text) => Enumerable.Range(0, 3).Select(_ => TimeOnce(text)).Min();

    private static TimeSpan TimeOnce(string text)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            ExchangeSummaryParser.Parse(text);
        }
        catch (PlatformException e) when (e.Status < 500)
        {
            // Refused with a reason counts as answered.
        }
        return watch.Elapsed;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void One_and_two_megabytes_of_any_shape_take_linear_time(string shape)
    {
        const int megabyte = 1024 * 1024;
        TimeOnce(Document(shape, 64 * 1024));
        var (oneMegabyte, twoMegabytes) = (Document(shape, megabyte), Document(shape, 2 * megabyte));
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var one = Time(oneMegabyte);
        var oneCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var two = Time(twoMegabytes);
        // Wall time on a shared machine says little alone; the process's processor time beside it says how much was
        // waiting.
        output.WriteLine(
            $"{shape}: 1 MB {one.TotalMilliseconds:F0} ms (processor {oneCpu.TotalMilliseconds:F0} ms), 2 MB {two.TotalMilliseconds:F0} ms"
        );
        Assert.True(one < TimeSpan.FromSeconds(5), $"1 MB took {one}");
        Assert.True(two < 4 * one + TimeSpan.FromSeconds(1), $"1 MB took {one}, 2 MB {two}");
    }

    [Fact]
    public void A_parse_stops_when_the_request_is_abandoned()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() =>
            ExchangeSummaryParser.Parse(Document("theme-continuations", 100_000), null, cancelled.Token)
        );
    }
}
