namespace Platform.Abstractions.Modules;

/// <summary>
/// A module's settings for one district: the class named by <see cref="ModuleAttribute.Settings"/>, whose property
/// initialisers are the defaults. Admins change them on the module's settings page, where they are validated with
/// the class's data annotations and <see cref="System.ComponentModel.DataAnnotations.IValidatableObject"/>; saving
/// raises <see cref="Events.ModuleSettingsChanged"/>. Inject <c>IModuleSettings&lt;YourSettings&gt;</c>.
/// </summary>
public interface IModuleSettings<TSettings>
    where TSettings : class, new()
{
    /// <summary>The district's settings: the saved values over the defaults.</summary>
    Task<TSettings> GetAsync(string tenantId, string districtId);
}
