using System.Globalization;

namespace Platform.Bench;

/// <summary>
/// The one format every benchmark prints its figures in, a line per figure, so that runs can be compared and pasted
/// into the README's table: <c>figure | benchmark | database | name | value | unit</c>. Human-readable lines may come
/// between them; only these lines are the result.
/// </summary>
public static class Figures
{
    public static void Print(string benchmark, string database, string name, double value, string unit) =>
        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"figure | {benchmark} | {database} | {name} | {value:0.##} | {unit}"
            )
        );

    /// <summary>The <paramref name="p"/>-th percentile (0–100) of latencies, nearest rank.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0
            ? double.NaN
            : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>Prints p50, p95, p99 and max of a set of latencies in milliseconds, as <c>{name}.p50</c> and so
    /// on.</summary>
    public static void Latencies(string benchmark, string database, string name, IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToList();
        foreach (var p in new[] { 50, 95, 99 })
            Print(benchmark, database, $"{name}.p{p}", Percentile(sorted, p), "ms");
        Print(benchmark, database, $"{name}.max", sorted.Count == 0 ? double.NaN : sorted[^1], "ms");
        Print(benchmark, database, $"{name}.count", sorted.Count, "samples");
    }
}
