using Xunit.Abstractions;
using Xunit.Sdk;

namespace IncLearn.Browser.Tests;

/// <summary>Runs a class's tests in the order its methods are declared (cases of one theory in their data order): the
/// offline pass reopens the notebooks the first pass executed and saved.</summary>
public sealed class DeclarationOrderer : ITestCaseOrderer
{
    public const string TypeName = "IncLearn.Browser.Tests.DeclarationOrderer";
    public const string AssemblyName = "IncLearn.Browser.Tests";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases) where TTestCase : ITestCase
        => testCases.Select((testCase, index) => (testCase, index))
            .OrderBy(c => c.testCase.TestMethod.Method.ToRuntimeMethod().MetadataToken)
            .ThenBy(c => c.index)
            .Select(c => c.testCase);
}
