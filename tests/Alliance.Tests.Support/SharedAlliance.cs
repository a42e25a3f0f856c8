namespace Alliance.Tests.Support;

/// <summary>
/// The test collection whose classes share one <see cref="AllianceApp"/> — one host and one demo alliance per test
/// project — instead of starting their own. A host and a database copy per class cost about 2.5 s of CPU each
/// (database copy, host start, first request with Hangfire's server), about a fifth of the suite on CI's two cores.
/// A class joins with <c>[Collection(SharedAlliance.Collection)]</c> and must then not depend on what other classes
/// do to the demo alliance: it creates what it changes (a meeting, a lab, a person of its own), asserts on its own
/// rows rather than on totals, and reads mails by their subject or a token, not by count. A class that needs an
/// untouched alliance, changes the host's settings or restarts it keeps its own <c>IClassFixture&lt;AllianceApp&gt;</c>.
/// Each test project declares the collection once (xUnit looks for collection definitions in the test assembly).
/// </summary>
public static class SharedAlliance
{
    /// <summary>The collection's name, for <c>[Collection]</c> and <c>[CollectionDefinition]</c>.</summary>
    public const string Collection = "One demo alliance per test project";
}
