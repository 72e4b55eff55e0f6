using System.Text.Json.Nodes;
using IncLearn.Runner;
using static IncLearn.Runner.Tests.TestNotebooks;

namespace IncLearn.Runner.Tests;

/// <summary>Each rule by which a stored number is compared with its re-execution: a check's actual within the check's own
/// tolerance, an error measurement by magnitude, everything exact strictly, a figure's numbers at the figure tolerance.</summary>
public class StoredOutputComparisonTests
{
    private const double Rtol = 1e-9;

    private static JsonObject CheckOutput(string kind, double actual, double expected, double? tolerance = null, string precision = "exact")
    {
        var check = new JsonObject
        {
            ["name"] = "claim", ["passed"] = true, ["kind"] = kind, ["actual"] = actual, ["expected"] = expected,
            ["tolerance"] = tolerance, ["detail"] = $"{actual} vs {expected}", ["status"] = "passed", ["buildIt"] = false, ["precision"] = precision,
        };
        return Executed(new JsonObject
        {
            ["data"] = new JsonObject { [ChecksOutput.MimeType] = new JsonArray(check).ToJsonString(), ["text/plain"] = $"✓ claim: {actual}" },
            ["metadata"] = new JsonObject(), ["output_type"] = "display_data",
        });
    }

    private static JsonObject Executed(params JsonObject[] outputs)
    {
        var cell = Cell("x");
        cell["execution_count"] = 1;
        cell["outputs"] = new JsonArray(outputs);
        return Notebook(cell);
    }

    [Fact]
    public void CloseCheckActualAgreesWithinTheChecksOwnTolerance()
    {
        // tolerance 1e-6 of expected 2: the actuals may differ by 2e-6, though that is 1000× rtol.
        Assert.Null(Comparison.Compare(CheckOutput("close", 2.000001, 2, 1e-6), CheckOutput("close", 2.0000005, 2, 1e-6), Rtol));
        Assert.NotNull(Comparison.Compare(CheckOutput("close", 2.000001, 2, 1e-6), CheckOutput("close", 1.999995, 2, 1e-6), Rtol));
    }

    [Fact]
    public void ErrorMeasurementAgreesByMagnitude()
    {
        Assert.Null(Comparison.Compare(CheckOutput("at-most", 1.0e-9, 1e-6, precision: "magnitude"), CheckOutput("at-most", 1.2e-9, 1e-6, precision: "magnitude"), Rtol));
        var diff = Comparison.Compare(CheckOutput("at-most", 1.0e-9, 1e-6, precision: "magnitude"), CheckOutput("at-most", 1.0e-7, 1e-6, precision: "magnitude"), Rtol);
        Assert.Contains("factor", diff);
    }

    [Fact]
    public void ExactQuantityDiffersInItsLastDigit()
    {
        // An at-most check whose value is fixed by the math (a ratio, a time): rtol, not magnitude.
        Assert.NotNull(Comparison.Compare(CheckOutput("at-most", 0.9900990099019324, 1), CheckOutput("at-most", 0.9900990199019324, 1), Rtol));
        // The expected value or bound is what the check certifies: strict for every kind, even a magnitude check.
        Assert.NotNull(Comparison.Compare(CheckOutput("at-most", 1e-9, 1.0000001e-6, precision: "magnitude"), CheckOutput("at-most", 1e-9, 1e-6, precision: "magnitude"), Rtol));
        // A text number (a constant, α_max, a window end) stays strict too.
        Assert.NotNull(Comparison.Compare(Printed("log10 α_max = -22.113658251804531\n"), Printed("log10 α_max = -22.113658251804532\n"), 1e-17));
        Assert.NotNull(Comparison.Compare(Printed("window [1.2345, 3.5]\n"), Printed("window [1.2346, 3.5]\n"), Rtol));
    }

    [Fact]
    public void VerdictMustAgree()
    {
        var failed = CheckOutput("at-most", 1e-9, 1e-6, precision: "magnitude");
        var check = (JsonObject)JsonNode.Parse(failed["cells"]![0]!["outputs"]![0]!["data"]![ChecksOutput.MimeType]!.GetValue<string>())!.AsArray()[0]!;
        check["passed"] = false; check["status"] = "failed";
        failed["cells"]![0]!["outputs"]![0]!["data"]![ChecksOutput.MimeType] = new JsonArray(check.DeepClone()).ToJsonString();
        Assert.Contains("Failed", Comparison.Compare(CheckOutput("at-most", 1e-9, 1e-6, precision: "magnitude"), failed, Rtol));
    }

    [Fact]
    public void FigureErrorSeriesAgreesByMagnitudeAndOtherSeriesAtTheFigureTolerance()
    {
        static JsonObject FigureOutput(double value, double error) => Executed(new JsonObject
        {
            ["data"] = new JsonObject
            {
                [Comparison.PlotlyMimeType] = new JsonObject
                {
                    ["data"] = new JsonArray(
                        new JsonObject { ["name"] = "σ₁(t)", ["y"] = new JsonArray(1e-8, value) },
                        new JsonObject { ["name"] = "printed − stable", ["meta"] = FigureComparison.ErrorSeriesMeta, ["y"] = new JsonArray(error) }),
                    ["layout"] = new JsonObject { ["title"] = "t" },
                },
                ["text/html"] = $"<div>{value} {error}</div>", ["text/plain"] = "Figure: t",
            },
            ["metadata"] = new JsonObject(), ["output_type"] = "display_data",
        });
        Assert.Null(Comparison.Compare(FigureOutput(3.0, 0.3), FigureOutput(3.0 * (1 + 1e-8), 4.0), Rtol)); // 13× in the error series
        Assert.NotNull(Comparison.Compare(FigureOutput(3.0, 0.3), FigureOutput(3.0, 30.0), Rtol));           // 100×
        Assert.NotNull(Comparison.Compare(FigureOutput(3.0, 0.3), FigureOutput(3.0 * (1 + 1e-5), 0.3), Rtol)); // a value series moved
    }

    [Fact]
    public void AmplifiedRoundingSeriesAgreesWithinThreeDecadesAndOnlyWhenBothCopiesCarryTheMark()
    {
        static JsonObject FigureOutput(double error, string? meta = FigureComparison.AmplifiedRoundingSeriesMeta) => Executed(new JsonObject
        {
            ["data"] = new JsonObject
            {
                [Comparison.PlotlyMimeType] = new JsonObject
                {
                    ["data"] = new JsonArray(new JsonObject { ["name"] = "eq. (5) as printed", ["meta"] = meta, ["y"] = new JsonArray(1e-17, error) }),
                    ["layout"] = new JsonObject { ["title"] = "t" },
                },
                ["text/html"] = $"<div>{error}</div>", ["text/plain"] = "Figure: t",
            },
            ["metadata"] = new JsonObject(), ["output_type"] = "display_data",
        });
        // 525073.77 stored, 25238416.58 on OpenBLAS's Sandybridge kernel: 48×, the same growth from another first rounding.
        Assert.Null(Comparison.Compare(FigureOutput(525073.7726295764), FigureOutput(25238416.58042197), Rtol));
        Assert.NotNull(Comparison.Compare(FigureOutput(1e5), FigureOutput(2e8), Rtol));   // 2000×: another growth
        Assert.NotNull(Comparison.Compare(FigureOutput(1e5), FigureOutput(-1e5), Rtol));  // sign
        // A plain error series keeps its 1.5 decades, and a mark on one copy only compares strictly.
        Assert.NotNull(Comparison.Compare(FigureOutput(1e5, FigureComparison.ErrorSeriesMeta), FigureOutput(5e6, FigureComparison.ErrorSeriesMeta), Rtol));
        Assert.NotNull(Comparison.Compare(FigureOutput(1e5), FigureOutput(2e5, FigureComparison.ErrorSeriesMeta), Rtol));
    }

    private static JsonObject Printed(string text)
        => Executed(new JsonObject { ["name"] = "stdout", ["output_type"] = "stream", ["text"] = text });
}
