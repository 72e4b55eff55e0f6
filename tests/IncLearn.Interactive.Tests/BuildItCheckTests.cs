using System.Text.Json;
using IncLearn.Interactive;
using Microsoft.DotNet.Interactive.Formatting;

namespace IncLearn.Interactive.Tests;

/// <summary>Check.BuildIt: a scaffold that still throws NotImplementedException reads "not yet implemented" (neither pass nor
/// fail) in every view; filled in, it passes or fails like the check it wraps, marked as a build-it check.</summary>
public class BuildItCheckTests
{
    private static double Scaffold(double t) => throw new NotImplementedException("write eq. (12) here");

    private static double Filled(double t) => SpectralTrajectory.Evaluate(3, 1, Math.Log(1e-3), t);

    private static double Wrong(double t) => 1e-3 * Math.Exp(6 * t); // the denominator forgotten

    private static CheckResult Confirm(Func<double, double> learner)
        => Check.BuildIt("eq. (12) by hand", () => Check.Close("σ_1,W(1)", learner(1), SpectralTrajectory.Evaluate(3, 1, Math.Log(1e-3), 1), 1e-9));

    [Fact]
    public void AScaffoldIsNotImplementedInEveryView()
    {
        Notebook.Setup();
        var result = Confirm(Scaffold);
        Assert.Equal(CheckStatus.NotImplemented, result.Status);
        Assert.False(result.Passed);
        Assert.True(result.BuildIt);
        Assert.Equal("eq. (12) by hand", result.Name);
        Assert.Contains("not yet implemented", result.ToDisplayString(PlainTextFormatter.MimeType));
        var json = JsonDocument.Parse(result.ToDisplayString(Notebook.ChecksMimeType)).RootElement[0];
        Assert.Equal("not-implemented", json.GetProperty("status").GetString());
        Assert.False(json.GetProperty("passed").GetBoolean());
        Assert.True(json.GetProperty("buildIt").GetBoolean());
        Assert.Contains("not yet implemented", result.ToDisplayString(HtmlFormatter.MimeType));
    }

    [Fact]
    public void AFilledScaffoldPasses()
    {
        Notebook.Setup();
        var result = Confirm(Filled);
        Assert.Equal(CheckStatus.Passed, result.Status);
        Assert.True(result.BuildIt);
        var json = JsonDocument.Parse(result.ToDisplayString(Notebook.ChecksMimeType)).RootElement[0];
        Assert.Equal("passed", json.GetProperty("status").GetString());
        Assert.True(json.GetProperty("buildIt").GetBoolean());
    }

    [Fact]
    public void AWrongFillingFailsAsABuildItCheck()
    {
        Notebook.Setup();
        var failure = Assert.Throws<CheckFailedException>(() => Confirm(Wrong));
        Assert.Equal(CheckStatus.Failed, failure.Result.Status);
        Assert.True(failure.Result.BuildIt);
        var json = JsonDocument.Parse(CheckFormatter.Json([failure.Result])).RootElement[0];
        Assert.Equal("failed", json.GetProperty("status").GetString());
        Assert.True(json.GetProperty("buildIt").GetBoolean());
        // Outside Check.BuildIt the same check is an ordinary one.
        Assert.False(Assert.Throws<CheckFailedException>(() => Check.Close("plain", Wrong(1), Filled(1), 1e-9)).Result.BuildIt);
    }
}
