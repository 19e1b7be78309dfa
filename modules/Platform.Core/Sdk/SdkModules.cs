using System.Data.Common;
using Platform.Abstractions.Modules;
using Platform.Core.Grains;
using Platform.Core.Modules;
using Platform.Core.Storage;

namespace Platform.Core.Sdk;

/// <summary>The SDK's module gate and per-district module state, both kept by the tenant's and districts'
/// grains.</summary>
public sealed class SdkModules(ModuleGate gate, ModuleCatalog catalog, IGrainFactory grains)
    : IModuleGate,
        IDistrictModuleState
{
    public Task<bool> IsEnabledAsync(string tenantId, string? districtId, string moduleId) =>
        gate.IsEnabledAsync(tenantId, districtId, catalog.Get(moduleId));

    public Task<string?> GetAsync(string tenantId, string districtId, string moduleId) =>
        District(tenantId, districtId).GetModuleState(moduleId);

    public Task<bool> CompareAndSetAsync(
        string tenantId,
        string districtId,
        string moduleId,
        string? expected,
        string next
    ) => District(tenantId, districtId).UpdateModuleState(moduleId, expected, next);

    private IDistrictGrain District(string tenantId, string districtId) =>
        grains.GetGrain<IDistrictGrain>(DistrictGrainKey.For(tenantId, districtId));
}

/// <summary>A module's settings for a district: the module whose manifest names <typeparamref name="TSettings"/>, read
/// from its district grain.</summary>
public sealed class SdkModuleSettings<TSettings>(ModuleCatalog catalog, IGrainFactory grains)
    : IModuleSettings<TSettings>
    where TSettings : class, new()
{
    private readonly string _moduleId =
        catalog.Modules.FirstOrDefault(m => m.SettingsType == typeof(TSettings))?.Id
        ?? throw new InvalidOperationException($"No module's manifest names {typeof(TSettings).Name} as its settings.");

    public async Task<TSettings> GetAsync(string tenantId, string districtId) =>
        (TSettings)
            ModuleSettingsBinder.Load(
                typeof(TSettings),
                await grains.GetGrain<IDistrictGrain>(DistrictGrainKey.For(tenantId, districtId)).GetSettings(_moduleId)
            );
}

/// <summary>The database for modules' own tables.</summary>
public sealed class SdkModuleDatabase(Database database) : IModuleDatabase
{
    public SqlProvider Provider =>
        database.Provider switch
        {
            DatabaseProvider.Postgres => SqlProvider.Postgres,
            DatabaseProvider.SqlServer => SqlProvider.SqlServer,
            _ => SqlProvider.Sqlite,
        };

    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default) =>
        database.OpenAsync(cancellationToken);

    public Task<T> InTransactionAsync<T>(
        Func<IModuleTransaction, Task<T>> work,
        CancellationToken cancellationToken = default
    ) =>
        database.InTransactionAsync(
            (connection, transaction) => work(new ModuleTransaction(connection, transaction)),
            cancellationToken
        );
}

/// <summary>The connection and transaction a module writes its rows in.</summary>
internal sealed record ModuleTransaction(DbConnection Connection, DbTransaction Transaction) : IModuleTransaction;
