using Platform.Abstractions.Errors;
using Platform.Abstractions.Tenancy;
using Platform.Core.Storage;
using Platform.Core.Tenancy;
using Platform.Testing;

namespace Platform.Core.Tests.Tenancy;

public class TenantStoreTests
{
    [SkippableTheory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_tenant_is_stored_with_its_Japanese_name_and_found_by_slug_and_host_name(
        DatabaseProvider provider
    )
    {
        await using var test = await Migrated.DatabaseAsync(provider);
        var store = new TenantStore(test.Open());

        await store.CreateAsync(
            new NewTenant("aomori", "青森市", TenantKind.Municipality, "０２２０１２", "Sasaeai.City.Aomori.example")
        );

        Assert.Equal(
            new TenantInfo("aomori", "青森市", TenantKind.Municipality, "022012"),
            await store.FindAsync("aomori")
        );
        Assert.Null(await store.FindAsync("miyagi"));
        Assert.Equal("aomori", (await store.HostNamesAsync())["sasaeai.city.aomori.example"]);
    }

    [SkippableTheory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_second_tenant_with_the_same_slug_is_a_conflict(DatabaseProvider provider)
    {
        await using var test = await Migrated.DatabaseAsync(provider);
        var store = new TenantStore(test.Open());
        await store.CreateAsync(new NewTenant("aomori", "青森市", TenantKind.Municipality, "022012"));

        var error = await Assert.ThrowsAsync<PlatformException>(() =>
            store.CreateAsync(new NewTenant("aomori", "別の市", TenantKind.Municipality, "022012"))
        );

        Assert.Equal("tenant.exists", error.Code);
        Assert.Equal("青森市", (await store.FindAsync("aomori"))!.Name);
    }

    [Theory]
    [InlineData("Aomori")]
    [InlineData("aomori city")]
    [InlineData("a")]
    [InlineData("1aomori")]
    [InlineData("api")]
    public async Task Slugs_with_spaces_upper_case_or_reserved_words_are_refused(string slug)
    {
        var error = await Assert.ThrowsAsync<PlatformException>(() =>
            Task.FromResult(new NewTenant(slug, "青森市", TenantKind.Municipality, "022012").Validate())
        );
        Assert.Equal("validation.failed", error.Code);
        Assert.Contains("id", error.Errors!.Keys);
    }

    [Theory]
    [InlineData("022012", true)] // 青森市
    [InlineData("040002", true)] // 宮城県
    [InlineData("011002", true)] // 札幌市
    [InlineData("131016", true)] // 千代田区
    [InlineData("022011", false)]
    [InlineData("02201", false)]
    [InlineData("02201a", false)]
    public void Local_government_codes_carry_a_check_digit(string code, bool valid) =>
        Assert.Equal(valid, TenantRules.IsValidLocalGovernmentCode(code));
}
