using Xunit.Abstractions;
using Xunit.Sdk;

namespace Platform.Testing;

/// <summary>
/// How long a test class takes, about, on CI's machine (its host starts included). Classes that say so start before
/// the others, longest first (<see cref="LongestFirst"/>): a class's tests run one after another, so a long class that
/// happened to start last would be the run's tail, alone on one core.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RunsLongAttribute(int seconds) : Attribute
{
    public int Seconds { get; } = seconds;
}

/// <summary>
/// Orders test classes (one collection each) longest first by <see cref="RunsLongAttribute"/>; the rest keep xunit's
/// own order after them. Used by <c>[assembly: TestCollectionOrderer("Platform.Testing.LongestFirst",
/// "Platform.Testing")]</c>.
/// </summary>
public sealed class LongestFirst : ITestCollectionOrderer
{
    private const string Prefix = "Test collection for ";

    private readonly DefaultTestCollectionOrderer _default = new();

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        _default.OrderTestCollections(testCollections).OrderByDescending(SecondsOf).ToList();

    private static int SecondsOf(ITestCollection collection)
    {
        // A class's own collection is named after the class ("Test collection for Namespace.Class", perhaps followed
        // by an id); a collection defined by a [CollectionDefinition] has that type instead.
        var type = collection.CollectionDefinition;
        if (type is null && collection.DisplayName.StartsWith(Prefix, StringComparison.Ordinal))
            type = collection.TestAssembly.Assembly.GetType(collection.DisplayName[Prefix.Length..].Split(' ')[0]);
        var attribute = type?.GetCustomAttributes(typeof(RunsLongAttribute).AssemblyQualifiedName).FirstOrDefault();
        return attribute?.GetConstructorArguments().FirstOrDefault() as int? ?? 0;
    }
}
