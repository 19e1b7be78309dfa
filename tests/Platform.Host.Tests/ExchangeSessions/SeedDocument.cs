namespace Platform.Host.Tests.ExchangeSessions;

/// <summary>The source document of the Miyagi demo tenant, as the repository's seeds hold it.</summary>
public static class SeedDocument
{
    public static string Text =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "miyagi-exchange-sessions-2019.txt"));

    /// <summary>The positions the Miyagi seed records for its advisors (see seeds/miyagi.json).</summary>
    public static readonly IReadOnlyDictionary<string, string> Positions = new Dictionary<string, string>
    {
        ["大坂純"] = "委員長",
        ["高橋誠一"] = "副委員長",
    };
}
