namespace Platform.Core.Tests.Text;

public class SearchTextTests
{
    [Theory]
    [InlineData("ﾈｯﾄﾜｰｸ", "ねっとわーく")]
    [InlineData("ネットワーク会議", "ねっとわーく会議")]
    [InlineData("ＰＴＡ　と　pta", "pta と pta")]
    [InlineData("１層Ｃｏ", "1層co")]
    public void Widths_kana_and_case_fold_to_one_form(string text, string folded) =>
        Assert.Equal(folded, SearchText.Fold(text));

    [Fact]
    public void Like_wildcards_in_a_query_are_literal() => Assert.Equal("%100\\%\\_a%", SearchText.Contains("100%_a"));
}
