using IncLearn.Interactive;
using Microsoft.DotNet.Interactive.Formatting;

namespace IncLearn.Interactive.Tests;

/// <summary>Theorem cards show each quantity in its heading's units: α as 10^x, sides that differ printed apart, no bare NaN.</summary>
public class TheoremCardUnitsTests
{
    public TheoremCardUnitsTests() => Notebook.Setup();

    private static readonly Target Y = Target.FromSpectrum([10, 6, 3, 1], 6, 7);

    private static readonly Theorem3 Theorem = new(Y, Enumerable.Repeat(1.0, 6).ToArray(), 0.1);

    private static Hypothesis AlphaHypothesis(double logAlpha) => Theorem.Hypotheses(logAlpha).Single(h => h.SidesAreLog10);

    [Fact]
    public void AlphaAndItsBoundShowAsPowersOfTen()
    {
        var (left, right) = TheoremCards.Sides(AlphaHypothesis(Math.Log(1e-7)));
        Assert.Equal("10^-7", left);
        Assert.Equal("10^-1", right); // c_ε = ε / max σ_{i,0} = 0.1
        string text = TheoremCards.Text(Theorem.Report(Math.Log(1e-7), 0));
        Assert.Contains("α ≤ c_ε: 10^-7 ≤ 10^-1", text);
        Assert.DoesNotContain("-7 ≤ -1", text.Replace("10^-7 ≤ 10^-1", ""));
    }

    [Fact]
    public void TightRatioConditionPrintsSidesThatDiffer()
    {
        var ratio = Theorem.Hypotheses(Theorem.LogAlphaMax).Single(h => h.Relation == ">" && h.Name.StartsWith("(−log α"));
        Assert.True(ratio.Holds);
        var (left, right) = TheoremCards.Sides(ratio);
        Assert.NotEqual(left, right);
        Assert.True(double.Parse(left, System.Globalization.CultureInfo.InvariantCulture) > double.Parse(right, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void NoBareNaNInCardsOrVerification()
    {
        // α far above α_max: some windows are empty (their inside ratio is not measured), I_K has no "after", and I_1's "before" may be at t < 0.
        var report = Theorem.Report(Math.Log(0.05), 20);
        Assert.Contains(report.Verification!.Windows, w => double.IsNaN(w.MaxRatioInside) || double.IsNaN(w.RatioAfter));
        foreach (string shown in new[]
                 {
                     TheoremCards.Text(report), TheoremCards.Html(report), TheoremCards.VerificationText(report.Verification!),
                     TheoremCards.VerificationHtml(report.Verification!), report.ToDisplayString("text/html"),
                 })
            Assert.DoesNotMatch(@"(?<![A-Za-z])NaN(?![A-Za-z])", shown);
        Assert.Contains("— (I_K is unbounded)", TheoremCards.Text(report) + TheoremCards.VerificationHtml(report.Verification!));
    }

    [Fact]
    public void UndefinedSideIsNamed()
    {
        var h = new Hypothesis("ratio", false, double.NaN, ">", 0.6, "why");
        Assert.Equal(("undefined", "0.6"), TheoremCards.Sides(h));
        Assert.Equal(("10^-3", "undefined"), TheoremCards.Sides(new Hypothesis("α ≤ c", false, -3, "≤", double.NaN, "why") { SidesAreLog10 = true }));
    }
}
