using Platform.Abstractions.Calendar;
using Platform.Abstractions.Export;
using Platform.Core.Organisations;
using Platform.Core.Web;

namespace Platform.Core.People;

/// <summary>
/// The people list's filters (<c>organisationId</c>, <c>role</c> as the API spells it: <c>supportPromoter</c>) and its
/// Excel export, with the page's columns. People here work in or with the programme; no resident is among them.
/// </summary>
public static class PeopleList
{
    public static readonly string[] Header = ["氏名", "よみがな", "肩書", "所属", "役割"];

    /// <summary>The role asked for, or null with a notice for what cannot be read.</summary>
    public static PersonRoleKind? Role(string? role, List<string> notices)
    {
        if (ListState.Value(role) is not { } text)
            return null;
        foreach (var kind in Enum.GetValues<PersonRoleKind>())
            if (string.Equals(JsonNames.Of(kind), text, StringComparison.OrdinalIgnoreCase))
                return kind;
        notices.Add($"役割「{role}」は読めないため、すべての役割を表示しています。");
        return null;
    }

    public static IReadOnlyList<Person> Filter(IReadOnlyList<Person> people, PersonRoleKind? role) =>
        role is { } kind ? people.Where(p => p.Roles.Any(r => r.Role == kind)).ToList() : people;

    public static IReadOnlyDictionary<string, string?> Links(string? organisationId, PersonRoleKind? role) =>
        new Dictionary<string, string?>
        {
            ["organisationId"] = organisationId,
            ["role"] = role is { } r ? JsonNames.Of(r) : null,
        };

    public static byte[] Write(IEnumerable<Person> people, IReadOnlyList<Organisation> organisations)
    {
        var names = organisations.ToDictionary(o => o.Id, o => o.Name);
        return XlsxTable.Write(
            "人",
            Header,
            people.Select(p =>
                (IReadOnlyList<object?>)
                    [
                        p.Name,
                        p.Reading,
                        p.Title,
                        p.OrganisationId is null ? null : names.GetValueOrDefault(p.OrganisationId, p.OrganisationId),
                        string.Join("、", p.Roles.Select(RoleText)),
                    ]
            )
        );
    }

    private static string RoleText(PersonRole r) =>
        r.Role.Japanese()
        + (r.Position is { } p ? $"・{p.Japanese()}" : "")
        + (r.Since is null && r.Until is null ? "" : $"［{Date(r.Since)}〜{Date(r.Until)}］");

    private static string Date(DateOnly? date) =>
        date is { } d ? Wareki.Format(d, fullWidth: false, weekday: false) : "";
}
