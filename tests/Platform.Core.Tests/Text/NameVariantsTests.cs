using Dapper;
using Platform.Core.Storage;
using Platform.Testing;

namespace Platform.Core.Tests.Text;

public class NameVariantsTests
{
    public static TheoryData<string, string> Pairs()
    {
        var data = new TheoryData<string, string>();
        foreach (var (variant, representative) in NameVariants.Table)
            data.Add(variant, representative);
        return data;
    }

    [Theory, MemberData(nameof(Pairs))]
    public void Each_variant_folds_like_its_representative(string variant, string representative)
    {
        Assert.Equal(SearchText.Fold($"山{representative}様"), SearchText.Fold($"山{variant}様"));
        Assert.Equal($"山{representative}様", SearchText.Fold($"山{variant}様"));
        // The representative is itself no variant: folding twice changes nothing.
        Assert.False(NameVariants.Table.ContainsKey(representative));
    }

    [Theory]
    [InlineData("渡辺", "渡邊")]
    [InlineData("渡辺", "渡邉")]
    [InlineData("渡邊", "渡邉")]
    [InlineData("高橋", "髙橋")]
    [InlineData("山崎", "山﨑")]
    [InlineData("山崎", "山嵜")]
    [InlineData("斎藤", "齋藤")]
    [InlineData("斉藤", "齊藤")]
    [InlineData("吉田", "𠮷田")]
    [InlineData("ワタナベ", "わたなべ")]
    public void Variants_of_one_name_fold_alike(string a, string b) =>
        Assert.Equal(SearchText.Fold(a), SearchText.Fold(b));

    [Theory]
    [InlineData("渡辺", "渡部")]
    [InlineData("渡邊", "渡部")]
    [InlineData("藤井", "籐井")]
    [InlineData("高橋", "高梁")]
    public void Different_names_stay_apart(string a, string b) =>
        Assert.NotEqual(SearchText.Fold(a), SearchText.Fold(b));

    [Fact]
    public void Text_without_variants_is_not_copied()
    {
        var text = "渡辺さんの意見";
        Assert.Same(text, NameVariants.Fold(text));
        Assert.Equal("a\ud800b", NameVariants.Fold("a\ud800b"));
    }

    /// <summary>The migration that refolded stored rows holds the same table as the code (each provider).</summary>
    [SkippableTheory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_migration_refolds_stored_search_text_as_the_code_does(DatabaseProvider provider)
    {
        await using var test = await Migrated.DatabaseAsync(provider);
        var database = test.Open();
        var stored = "渡邊 " + string.Join(" ", NameVariants.Table.Keys) + " 渡部";
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(
            "INSERT INTO tenants (tenant_id, name, kind, local_government_code, host_name, created_at) "
                + "VALUES ('t1', 'T', 'municipality', '000000', NULL, '2026-01-01')"
        );
        await connection.ExecuteAsync(
            "INSERT INTO organisations (tenant_id, organisation_id, name, type_id, district_id, search_text, created_at) "
                + "VALUES ('t1', 'o1', 'x', 'x', NULL, @stored, '2026-01-01')",
            new { stored }
        );
        var migration = Migrator.Discover(typeof(Migrator).Assembly, provider).Single(m => m.Name == "name_variants");

        await connection.ExecuteAsync(migration.Sql);

        Assert.Equal(
            SearchText.Fold(stored),
            await connection.QuerySingleAsync<string>("SELECT search_text FROM organisations WHERE tenant_id = 't1'")
        );
    }
}
