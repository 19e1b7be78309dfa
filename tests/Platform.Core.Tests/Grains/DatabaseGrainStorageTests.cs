using System.Net;
using Dapper;
using Orleans.Storage;
using Platform.Core.Grains;
using Platform.Core.Storage;
using Platform.Testing;

namespace Platform.Core.Tests.Grains;

public class DatabaseGrainStorageTests
{
    private static readonly GrainId Shinjo = GrainId.Create("district", "aomori/aomori-shinjo");

    [SkippableTheory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task State_survives_a_new_storage_instance_and_records_its_tenant(DatabaseProvider provider)
    {
        await using var test = await Migrated.DatabaseAsync(provider);
        var state = new GrainState<DistrictState>
        {
            State = new DistrictState { Disabled = { "Aomori.SupportMeetings" } },
        };
        await new DatabaseGrainStorage(test.Open()).WriteStateAsync("district", Shinjo, state);

        var read = new GrainState<DistrictState> { State = new DistrictState() };
        await new DatabaseGrainStorage(test.Open()).ReadStateAsync("district", Shinjo, read);

        Assert.True(read.RecordExists);
        Assert.Equal(["Aomori.SupportMeetings"], read.State!.Disabled);
        await using var connection = await test.Open().OpenAsync();
        Assert.Equal("aomori", await connection.ExecuteScalarAsync<string>("SELECT tenant_id FROM grain_state"));
    }

    [SkippableTheory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_write_based_on_a_stale_version_is_refused(DatabaseProvider provider)
    {
        await using var test = await Migrated.DatabaseAsync(provider);
        var storage = new DatabaseGrainStorage(test.Open());
        var first = new GrainState<DistrictState> { State = new DistrictState() };
        await storage.WriteStateAsync("district", Shinjo, first);
        var stale = new GrainState<DistrictState> { State = new DistrictState(), ETag = first.ETag };
        first.State!.Disabled.Add("A");
        await storage.WriteStateAsync("district", Shinjo, first);

        stale.State!.Disabled.Add("B");
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("district", Shinjo, stale));
        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            storage.WriteStateAsync("district", Shinjo, new GrainState<DistrictState> { State = new DistrictState() })
        );

        var read = new GrainState<DistrictState> { State = new DistrictState() };
        await storage.ReadStateAsync("district", Shinjo, read);
        Assert.Equal(["A"], read.State!.Disabled);
    }

    [SkippableTheory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Clearing_removes_the_row(DatabaseProvider provider)
    {
        await using var test = await Migrated.DatabaseAsync(provider);
        var storage = new DatabaseGrainStorage(test.Open());
        var state = new GrainState<DistrictState> { State = new DistrictState() };
        await storage.WriteStateAsync("district", Shinjo, state);
        await storage.ClearStateAsync("district", Shinjo, state);

        var read = new GrainState<DistrictState> { State = new DistrictState() };
        await storage.ReadStateAsync("district", Shinjo, read);
        Assert.False(read.RecordExists);
    }
}
