namespace Platform.Abstractions.Meetings;

/// <summary>A ready-made list of agenda items or themes that a meeting can start from.</summary>
/// <param name="Id">Stable id, prefixed by the module that adds it.</param>
/// <param name="Name">Japanese name shown to staff.</param>
/// <param name="Items">The agenda items, in order.</param>
public sealed record AgendaTemplate(string Id, string Name, IReadOnlyList<string> Items);

/// <summary>Adds agenda templates; offered where the module is enabled.</summary>
public interface IAgendaTemplateSource
{
    /// <summary>The templates this module adds.</summary>
    IEnumerable<AgendaTemplate> Templates { get; }
}
