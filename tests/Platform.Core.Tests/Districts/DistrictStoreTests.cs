using Platform.Abstractions.Errors;
using Platform.Abstractions.Tenancy;
using Platform.Core.Districts;
using Platform.Core.Storage;
using Platform.Core.Tenancy;
using Platform.Testing;

namespace Platform.Core.Tests.Districts;

public class DistrictStoreTests
{
    private static async Task<(TestDatabase Test, DistrictStore Store, DistrictRules Rules)> ArrangeAsync(
        DatabaseProvider provider
    )
    {
        var test = await Migrated.DatabaseAsync(provider);
        var tenants = new TenantStore(test.Open());
        await tenants.CreateAsync(new NewTenant("aomori", "青森市", TenantKind.Municipality, "022012"));
        await tenants.CreateAsync(new NewTenant("miyagi", "宮城県", TenantKind.Prefecture, "040002"));
        var store = new DistrictStore(test.Open());
        return (test, store, new DistrictRules(store));
    }

    [SkippableTheory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Districts_are_created_listed_in_order_and_renamed(DatabaseProvider provider)
    {
        var (test, store, rules) = await ArrangeAsync(provider);
        await using var _ = test;

        var shinjo = await rules.CreateAsync("aomori", new DistrictInput("　新城　"), "aomori-shinjo");
        var ono = await rules.CreateAsync("aomori", new DistrictInput("大野", DistrictKind.District));
        var renamed = await rules.UpdateAsync("aomori", ono.Id, new DistrictInput("大野地区"));

        Assert.Equal("新城", shinjo.Name);
        Assert.Equal(16, ono.Id.Length);
        Assert.Equal(["新城", "大野地区"], (await store.ListAsync("aomori")).Select(d => d.Name));
        Assert.Equal("大野地区", renamed.Name);
        Assert.Empty(await store.ListAsync("miyagi"));
    }

    [SkippableTheory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_district_is_invisible_under_another_tenant(DatabaseProvider provider)
    {
        var (test, store, rules) = await ArrangeAsync(provider);
        await using var _ = test;
        var shinjo = await rules.CreateAsync("aomori", new DistrictInput("新城"));

        Assert.Null(await store.FindAsync("miyagi", shinjo.Id));
        var error = await Assert.ThrowsAsync<PlatformException>(() =>
            rules.UpdateAsync("miyagi", shinjo.Id, new DistrictInput("乗っ取り"))
        );
        Assert.Equal(404, error.Status);
        var parentError = await Assert.ThrowsAsync<PlatformException>(() =>
            rules.CreateAsync("miyagi", new DistrictInput("仙台", DistrictKind.Region, shinjo.Id))
        );
        Assert.Contains("parentId", parentError.Errors!.Keys);
        Assert.Equal("新城", (await store.FindAsync("aomori", shinjo.Id))!.Name);
    }

    [SkippableTheory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_empty_or_overlong_name_is_refused_and_nothing_is_written(DatabaseProvider provider)
    {
        var (test, store, rules) = await ArrangeAsync(provider);
        await using var _ = test;
        var shinjo = await rules.CreateAsync("aomori", new DistrictInput("新城"));

        var empty = await Assert.ThrowsAsync<PlatformException>(() =>
            rules.CreateAsync("aomori", new DistrictInput("　"))
        );
        var longName = await Assert.ThrowsAsync<PlatformException>(() =>
            rules.UpdateAsync("aomori", shinjo.Id, new DistrictInput(new string('地', 101)))
        );

        Assert.Equal("validation.failed", empty.Code);
        Assert.Contains("name", longName.Errors!.Keys);
        Assert.Equal(["新城"], (await store.ListAsync("aomori")).Select(d => d.Name));
    }
}
