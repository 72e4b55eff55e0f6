using Xunit.Abstractions;

[assembly: TestCollectionOrderer("IncLearn.Tests.MutationTestsFirst", "IncLearn.Tests")]

namespace IncLearn.Tests;

/// <summary>
/// Starts the test classes of <c>IncLearn.Tests.Mutation</c> first, then the rest by name. Why: under Stryker (issue 25) a
/// mutant that makes an integrator or a loop crawl is caught in milliseconds by those exact, step-capped tests, and Stryker
/// stops at the first failure; started after the slow accuracy suites, the same mutant costs the whole run's timeout
/// (26 s on this machine). The order does not change any result: every class still runs.
/// </summary>
public sealed class MutationTestsFirst : ITestCollectionOrderer
{
    private const string FirstNamespace = "IncLearn.Tests.Mutation.";

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections
            .OrderBy(c => c.DisplayName.Contains(FirstNamespace, StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(c => c.DisplayName, StringComparer.Ordinal);
}
