using System.Net;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Platform.Core.Clustering;
using Platform.Core.Storage;
using Platform.Testing;

namespace Platform.Core.Tests.Clustering;

public class DatabaseMembershipTableTests
{
    private static DatabaseMembershipTable Table(TestDatabase test) =>
        new(test.Open(), Options.Create(new ClusterOptions { ClusterId = "test", ServiceId = "sasaeai" }));

    private static MembershipEntry Entry(int port, SiloStatus status) =>
        new()
        {
            SiloAddress = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, port), 1),
            Status = status,
            HostName = "localhost",
            SiloName = $"silo-{port}",
            StartTime = DateTime.UtcNow,
            IAmAliveTime = DateTime.UtcNow,
            SuspectTimes = [],
        };

    [SkippableTheory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Rows_are_inserted_and_updated_only_against_the_current_table_version(DatabaseProvider provider)
    {
        await using var test = await Migrated.DatabaseAsync(provider);
        var table = Table(test);
        await table.InitializeMembershipTable(true);
        await Table(test).InitializeMembershipTable(true);

        var empty = await table.ReadAll();
        Assert.True(await table.InsertRow(Entry(1000, SiloStatus.Joining), empty.Version.Next()));
        Assert.False(await table.InsertRow(Entry(1001, SiloStatus.Joining), empty.Version.Next()));

        var afterInsert = await table.ReadAll();
        var (entry, etag) = afterInsert.Members.Single();
        entry.Status = SiloStatus.Active;
        Assert.False(await table.UpdateRow(entry, "999", afterInsert.Version.Next()));
        Assert.True(await table.UpdateRow(entry, etag, afterInsert.Version.Next()));

        var row = await Table(test).ReadRow(entry.SiloAddress);
        Assert.Equal(SiloStatus.Active, row.Members.Single().Item1.Status);
        Assert.Equal(2, row.Version.Version);
    }

    [SkippableTheory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task I_am_alive_does_not_change_the_version_and_defunct_silos_are_cleaned_up(DatabaseProvider provider)
    {
        await using var test = await Migrated.DatabaseAsync(provider);
        var table = Table(test);
        await table.InitializeMembershipTable(true);
        var dead = Entry(1000, SiloStatus.Dead);
        dead.IAmAliveTime = DateTime.UtcNow.AddDays(-2);
        Assert.True(await table.InsertRow(dead, (await table.ReadAll()).Version.Next()));
        var alive = Entry(1001, SiloStatus.Active);
        Assert.True(await table.InsertRow(alive, (await table.ReadAll()).Version.Next()));

        alive.IAmAliveTime = DateTime.UtcNow.AddMinutes(1);
        await table.UpdateIAmAlive(alive);
        await table.CleanupDefunctSiloEntries(DateTimeOffset.UtcNow.AddDays(-1));

        var all = await table.ReadAll();
        Assert.Equal(2, all.Version.Version);
        var remaining = Assert.Single(all.Members);
        Assert.Equal(alive.SiloAddress, remaining.Item1.SiloAddress);
        Assert.Equal(alive.IAmAliveTime, remaining.Item1.IAmAliveTime, TimeSpan.FromMilliseconds(1));
    }
}
