namespace Platform.Abstractions.Modules;

/// <summary>
/// The manifest of a module: put one <c>[assembly: Module(...)]</c> per module in the module's <c>Manifest.cs</c>.
/// The host discovers every assembly compiled with it (and every allowed plugin) that carries this attribute.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class ModuleAttribute(string id) : Attribute
{
    /// <summary>Stable identifier used in URLs, the database and the CLI, e.g. <c>Aomori.SupportMeetings</c>.</summary>
    public string Id { get; } = id;

    /// <summary>Name shown to admins, in Japanese.</summary>
    public string Name { get; set; } = "";

    /// <summary>A short Japanese description for the admin page.</summary>
    public string Description { get; set; } = "";

    /// <summary>Grouping on the admin page (e.g. <c>青森市</c>, <c>共通</c>).</summary>
    public string Category { get; set; } = "";

    /// <summary>Semantic version of the module.</summary>
    public string Version { get; set; } = "1.0.0";

    /// <summary>Ids of modules that must be enabled wherever this one is.</summary>
    public string[] Dependencies { get; set; } = [];

    /// <summary>Whether the module is switched per tenant or per district.</summary>
    public ModuleScope Scope { get; set; } = ModuleScope.Tenant;

    /// <summary>The module's startup class, deriving from <see cref="ModuleStartup"/>.</summary>
    public Type? Startup { get; set; }

    /// <summary>
    /// The module's per-district settings: a class with a public parameterless constructor whose property
    /// initialisers are the defaults, validated with data annotations and <see
    /// cref="System.ComponentModel.DataAnnotations.IValidatableObject"/>.
    /// </summary>
    public Type? Settings { get; set; }

    /// <summary>Part of the platform itself: always on, cannot be switched off.</summary>
    public bool AlwaysEnabled { get; set; }
}
