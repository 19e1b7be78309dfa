using Platform.Abstractions.Errors;
using Platform.Abstractions.Tenancy;
using Platform.Core.Accounts;
using Platform.Core.Storage;
using Platform.Core.Tenancy;
using Platform.Testing;

namespace Platform.Core.Tests.Accounts;

/// <summary>Finding the account a tenant's identity provider vouches for, on every database.</summary>
public class ExternalLoginTests
{
    [SkippableTheory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_subject_is_bound_at_the_first_sign_in_and_the_account_is_held_to_the_tenant(
        DatabaseProvider provider
    )
    {
        await using var test = await Migrated.DatabaseAsync(provider);
        var tenants = new TenantStore(test.Open());
        await tenants.CreateAsync(new NewTenant("aomori", "青森市", TenantKind.Municipality, "022012"));
        await tenants.CreateAsync(new NewTenant("miyagi", "宮城県", TenantKind.Prefecture, "040002"));
        var store = new AccountStore(test.Open(), TimeProvider.System, new SignInDelays(TimeProvider.System));
        var created = await store.CreateAsync(
            "tanaka",
            "田中",
            password: null,
            platformAdmin: false,
            [new Grant("aomori", Role.Coordinator), new Grant("miyagi", Role.TenantAdmin)],
            new ExternalLogin("aomori", " Tanaka@City.Example ")
        );

        var refused = await Assert.ThrowsAsync<PlatformException>(() =>
            store.SignInExternalAsync("aomori", "sub-9", "someone@city.example")
        );
        Assert.Equal("auth.external_not_registered", refused.Code);
        Assert.Equal(
            "auth.external_not_registered",
            (
                await Assert.ThrowsAsync<PlatformException>(() =>
                    store.SignInExternalAsync("miyagi", "sub-1", "tanaka@city.example")
                )
            ).Code
        );

        var first = await store.SignInExternalAsync("aomori", "sub-1", "TANAKA@city.example");
        Assert.Equal(created.Id, first.Id);
        Assert.Equal(["aomori"], first.Grants.Select(g => g.TenantId));
        Assert.Equal("aomori", first.OnlyTenant);
        Assert.Equal(created.Id, (await store.SignInExternalAsync("aomori", "sub-1", "renamed@city.example")).Id);
        Assert.Equal(
            "auth.external_subject_mismatch",
            (
                await Assert.ThrowsAsync<PlatformException>(() =>
                    store.SignInExternalAsync("aomori", "sub-2", "tanaka@city.example")
                )
            ).Code
        );
        Assert.Equal("tanaka@city.example", (await store.ExternalNamesAsync("aomori"))[created.Id]);

        var (token, _) = await store.IssueFeedTokenAsync(first);
        var byToken = await store.FindByTokenAsync(token);
        Assert.Equal(["aomori"], byToken!.Grants.Select(g => g.TenantId));
        Assert.Equal(2, (await store.FindAsync(created.Id))!.Grants.Count);
        Assert.Equal(
            "account.external_name_exists",
            (
                await Assert.ThrowsAsync<PlatformException>(() =>
                    store.CreateAsync(
                        "tanaka2",
                        "田中",
                        null,
                        false,
                        [new Grant("aomori", Role.Viewer)],
                        new ExternalLogin("aomori", "tanaka@city.example")
                    )
                )
            ).Code
        );
        var rules = new AccountRules(store);
        var weak = await Assert.ThrowsAsync<PlatformException>(() =>
            rules.CreateAsync("sato", "佐藤", null, false, [])
        );
        Assert.Contains("password", weak.Errors!.Keys);
    }
}
