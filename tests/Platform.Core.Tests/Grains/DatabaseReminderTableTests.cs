using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Platform.Core.Grains;
using Platform.Core.Storage;
using Platform.Testing;

namespace Platform.Core.Tests.Grains;

public class DatabaseReminderTableTests
{
    private static DatabaseReminderTable Table(TestDatabase test) =>
        new(test.Open(), Options.Create(new ClusterOptions { ServiceId = "sasaeai", ClusterId = "test" }));

    private static ReminderEntry Entry(string district) =>
        new()
        {
            GrainId = GrainId.Create("district", $"aomori/{district}"),
            ReminderName = "cadence-daily",
            StartAt = new DateTime(2026, 11, 22, 15, 5, 0, DateTimeKind.Utc),
            Period = TimeSpan.FromDays(1),
        };

    [SkippableTheory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Reminders_are_upserted_read_by_hash_range_and_removed_by_etag(DatabaseProvider provider)
    {
        await using var test = await Migrated.DatabaseAsync(provider);
        var table = Table(test);
        var shinjo = Entry("aomori-shinjo");
        var ono = Entry("aomori-ono");

        var first = await table.UpsertRow(shinjo);
        var second = await table.UpsertRow(shinjo);
        await table.UpsertRow(ono);

        Assert.NotEqual(first, second);
        var read = await Table(test).ReadRow(shinjo.GrainId, "cadence-daily");
        Assert.Equal(
            (shinjo.StartAt, shinjo.Period, second),
            (read!.StartAt.ToUniversalTime(), read.Period, read.ETag)
        );
        Assert.Equal(2, (await table.ReadRows(0, 0)).Reminders.Count);
        var hash = shinjo.GrainId.GetUniformHashCode();
        Assert.Contains((await table.ReadRows(hash - 1, hash)).Reminders, r => r.GrainId == shinjo.GrainId);
        Assert.DoesNotContain(
            (await table.ReadRows(hash, hash + 1 == 0 ? 1 : hash + 1)).Reminders,
            r => r.GrainId == shinjo.GrainId
        );

        Assert.False(await table.RemoveRow(shinjo.GrainId, "cadence-daily", first!));
        Assert.True(await table.RemoveRow(shinjo.GrainId, "cadence-daily", second!));
        Assert.Single((await table.ReadRows(0, 0)).Reminders);
    }
}
