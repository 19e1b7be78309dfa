using Platform.Abstractions.Modules;
using Platform.Core.Modules;

namespace Platform.Core.Tests.Modules;

public class ModuleCatalogTests
{
    private static ModuleDescriptor Module(
        string id,
        ModuleScope scope = ModuleScope.District,
        params string[] dependencies
    ) => new(id, id, "", "", "1.0.0", dependencies, scope, false, null, null, typeof(ModuleCatalogTests).Assembly);

    private static readonly ModuleCatalog Catalog = new([
        Module("Meetings.Roll", ModuleScope.District, "Meetings"),
        Module("Meetings"),
        Module("Exchange", ModuleScope.Tenant),
    ]);

    [Fact]
    public void Modules_come_after_what_they_depend_on() =>
        Assert.True(
            Catalog.Modules.ToList().FindIndex(m => m.Id == "Meetings")
                < Catalog.Modules.ToList().FindIndex(m => m.Id == "Meetings.Roll")
        );

    [Fact]
    public void A_module_is_in_effect_only_where_its_dependency_is()
    {
        string[] tenant = ["Meetings", "Meetings.Roll", "Exchange"];

        Assert.Equal(["Exchange", "Meetings", "Meetings.Roll"], Catalog.Effective(tenant, []).Order());
        Assert.Equal(["Exchange"], Catalog.Effective(tenant, ["Meetings"]).Order());
        Assert.Equal(["Exchange", "Meetings"], Catalog.Effective(tenant, ["Meetings.Roll"]).Order());
        Assert.Empty(Catalog.Effective(["Meetings.Roll"], []));
    }

    [Fact]
    public void A_tenant_scoped_module_cannot_be_switched_off_by_a_district() =>
        Assert.Contains("Exchange", Catalog.Effective(["Exchange"], ["Exchange"]));

    [Fact]
    public void Cycles_and_missing_dependencies_stop_start_up()
    {
        var cycle = Assert.Throws<InvalidOperationException>(() =>
            new ModuleCatalog([Module("A", ModuleScope.Tenant, "B"), Module("B", ModuleScope.Tenant, "A")])
        );
        var missing = Assert.Throws<InvalidOperationException>(() =>
            new ModuleCatalog([Module("A", ModuleScope.Tenant, "Z")])
        );
        Assert.Contains("cycle", cycle.Message);
        Assert.Contains("'Z'", missing.Message);
    }
}
