using System.Xml.Linq;
using Dapper;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Core.Storage;

namespace Platform.Core.Accounts;

/// <summary>
/// ASP.NET Core's data protection keys (sign-in cookies, anti-forgery tokens, reply links) in the platform database
/// rather than in each host's home folder: a cookie issued by one host of a cluster is read by every other, so nginx
/// may send any request anywhere. Keys are only ever added (a revocation is a new element), never changed.
/// </summary>
public sealed class DatabaseKeyRing(Database database) : IXmlRepository
{
    private const string AllSql = "SELECT xml FROM data_protection_keys";

    private const string InsertSql = "INSERT INTO data_protection_keys (name, xml) VALUES (@name, @xml)";

    // The interface is synchronous; it is called at start and when the key ring is refreshed (daily), never per request.
    public IReadOnlyCollection<XElement> GetAllElements() =>
        Task.Run(async () =>
            {
                await using var connection = await database.OpenAsync();
                return (await connection.QueryAsync<string>(AllSql)).Select(XElement.Parse).ToList();
            })
            .GetAwaiter()
            .GetResult();

    // The friendly name is "key-{id}": unique however many hosts make keys at once.
    public void StoreElement(XElement element, string friendlyName) =>
        Task.Run(async () =>
            {
                await using var connection = await database.OpenAsync();
                await connection.ExecuteAsync(
                    InsertSql,
                    new { name = friendlyName, xml = element.ToString(SaveOptions.DisableFormatting) }
                );
            })
            .GetAwaiter()
            .GetResult();
}

public static class DatabaseKeyRingRegistration
{
    /// <summary>One key ring for every host of a cluster, whatever folder each host runs from.</summary>
    public static void AddDatabaseKeyRing(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("sasaeai");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(
            o => o.XmlRepository = new DatabaseKeyRing(sp.GetRequiredService<Database>())
        ));
    }
}
