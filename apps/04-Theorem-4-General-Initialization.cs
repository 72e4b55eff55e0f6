// Generated from ../notebooks/04-Theorem-4-General-Initialization.ipynb by `inclearn-nb export --to cs`: edit the notebook, not this file.
// Run from the repository: dotnet run apps/04-Theorem-4-General-Initialization.cs
#:property ManagePackageVersionsCentrally=false
#:property WarningsNotAsErrors=NU1603
#:property PublishAot=false
#:package MathNet.Numerics@5.0.0
#:project ../src/IncLearn.Interactive/IncLearn.Interactive.csproj

using IncLearn;
using IncLearn.Interactive;
using MathNet.Numerics.LinearAlgebra;

// ═══ 04 · Theorem 4: general initialization ═══
//
// **In this notebook you will learn to**
// - compute Theorem 4's constant $M = \max(\|V\|, \|V^{-1}\|)$ for a general shape $\bar U_0$;
// - see how tiny the $\alpha$ it demands is (shown in $\log_{10}$), and why the stable closed form can still be evaluated there;
// - measure the gap between the theorem's $\alpha$ and the largest $\alpha$ that works in practice.

// ═══ Setup ═══
//
// The same cell opens every notebook: packages, this project's library, formatters (explained in [00-Start-Here](00-Start-Here.ipynb)).

// ── cell 1 ──
Notebook.Setup();

// ═══ The statement ═══
//
// **Theorem 4.** Let $\sigma_1 > \dots > \sigma_K > 0$ be distinct and $\tilde W_0 = \Phi^\top\bar U_0\bar U_0^\top\Phi$ invertible with inverse $V$; $M = \max(\|V\|, \|V^{-1}\|)$. For $0 < \varepsilon \le \min(\sigma_K, 1)$ put
//
// $$c_\varepsilon = \frac{\varepsilon}{16M^2},\qquad C_\varepsilon = \frac{16\sigma_1^2M^2}{\varepsilon}.$$
//
// If $\alpha \le c_\varepsilon/M$ and the same ratio condition as Theorem 3 holds, then the windows $\mathcal{I}_k$ of (16) are non-empty and $\|W(t) - \hat Y_k\|_2 \le \varepsilon$ on each — eq. (23). No spectral alignment is needed; the price is the factor $M$ in the constants.

// ── cell 2 ──
var data = NotebookData.Open("theorem4.json");
var y = data.Target();
double epsilon = data.Double("epsilon");
var widths = data.Ints("widths");
var theorems = widths.Select(r => new Theorem4(y, Initialization.RandomGaussian(y.N, r, 1.0, data.Int("shapeSeed")).Shape, epsilon)).ToArray();
display(theorems[0]);
display(theorems[1]);

// ═══ How small is $\alpha_{\max}$? ═══
//
// The ratio condition gives $-\log\alpha_{\max} = (\rho\log C_\varepsilon - \log c_\varepsilon)/(1-\rho)$. With $M$ in both constants this grows like $\frac{2(1+\rho)}{1-\rho}\log M$: for $\rho = 0.6$ every decade of $M$ costs eight decades of $\alpha$. Close singular values make it far worse: $\rho$ near 1 multiplies everything by $1/(1-\rho)$, and $\alpha_{\max}$ leaves the range of doubles ($10^{-308}$) — see the second case below.
//
// That is why the library keeps $\alpha$ as $\log\alpha$ everywhere. The stable form $\tilde W(t) = (S^{-1}VS^{-1}/\alpha + D(t))^{-1}$ is scaled to unit diagonal in log space before its Cholesky factorization, so $e^{-2\sigma t}/\alpha$ is never formed as a number — only its logarithm $-2\sigma t - \log\alpha$.

// ── cell 3 ──
display(string.Join("\n", theorems.Select((t, i) => $"r = {widths[i]}: M = {t.M:G4}, log10 α_max = {t.Log10AlphaMax:F2}, α_max as a double = {t.AlphaMax:G3}")));

// A harder target with $\sigma_2/\sigma_1 = 0.97$ (eigenvalues $10, 9.7, 3, 1$) and the same $r = n$ shape: $\alpha_{\max}$ is far below the smallest double, so `AlphaMax` underflows to 0 — yet the conclusion is verified exactly there, at $\log\alpha$, because the closed form never forms $\alpha$. Checks: $\log_{10}\alpha_{\max} < -308$, and the sampled ratio is $\le 1$ on every window.

// ── cell 4 ──
var hard = new Theorem4(Target.FromSpectrum(new[] { 10, 9.7, 3, 1 }, y.N, data.Int("phiSeed")), theorems[0].InitializationAt(0).Shape, epsilon);
var hardReport = hard.Report(hard.LogAlphaMax, 50);
display($"ρ = {hard.Rho:F2}: log10 α_max = {hard.Log10AlphaMax:F1}, α_max as a double = {hard.AlphaMax}");
display(Check.All(
    Check.AtMost("log10 α_max for ρ = 0.97 (below the double range)", hard.Log10AlphaMax, -308),
    Check.AtMost("ρ = 0.97: max over all I_k of ‖W(t) − Ŷ_k‖₂ / ε at that α", hardReport.Verification!.MaxRatio, 1.0)));

// ═══ Check: the conclusion holds at the theorem's $\alpha$ ═══
//
// At $\alpha_{\max}$ (in log space) every hypothesis holds, and we sample $W(t)$ on each window ($100$ times per window): $\max_t\|W(t) - \hat Y_k\|_2/\varepsilon \le 1$ for every $k$ and both widths $r = n$, $r = 2n$.

// ── cell 5 ──
var reports = theorems.Select(t => t.Report(t.LogAlphaMax, data.Int("samplesPerWindow"))).ToArray();
display(reports[0]);
display(Check.All(reports.SelectMany((rep, i) => new[]
{
    Check.That($"r = {widths[i]}: every hypothesis holds at α_max", rep.Hypotheses.All(h => h.Holds), $"log10 α_max = {rep.Log10Alpha:F2}"),
    Check.AtMost($"r = {widths[i]}: max over all I_k of ‖W(t) − Ŷ_k‖₂ / ε", rep.Verification!.MaxRatio, 1.0),
}).ToArray()));

// ═══ The gap to practice ═══
//
// The bound is sufficient, not necessary. We find numerically the largest $\alpha$ at which every rank-$k$ plateau is still visited within $\varepsilon$ (bisection on $\log\alpha$ over the closed form) and compare it with $\alpha_{\max}$.

// ── cell 6 ──
var working = theorems.Select(t => Measurements.LargestWorkingLog10Alpha(t)).ToArray();
var gap = theorems.Select((t, i) => working[i] - t.Log10AlphaMax).ToArray();
display(Figures.Series(widths.Select(w => (double)w).ToArray(), new[] { ("log10 α_max (Theorem 4)", theorems.Select(t => t.Log10AlphaMax).ToArray()), ("largest working log10 α (measured)", working) },
    "Theorem 4's α vs the α that works in practice", "width r of Ū₀", "log10 α", markers: true));
display(Check.All(theorems.Select((t, i) => Check.AtLeast($"r = {widths[i]}: measured largest working log10 α − log10 α_max (decades)", gap[i], 10)).ToArray()));

// The theorem is off by many decades: the constants $16M^2$ and the condition $\alpha \le c_\varepsilon/M$ come from worst-case norm bounds in the proof (block inverses, interlacing), each of which costs powers of $M$.

// ═══ Summary ═══
//
// - Theorem 4 gives the same windows as Theorem 3 for any invertible $\tilde W_0$, with $M$ entering both constants.
// - The admissible $\alpha$ is astronomically small — below the double range for $r = n$ — and is handled exactly in log space; the conclusion still checks out there.
// - In practice incremental learning is visible at $\alpha$ many decades larger: the theorem is a sufficient condition.
//
// ═══ Exercises ═══
//
// 1. Replace the Gaussian shape with a spectral one (`Initialization.Spectral(...).Shape`). What is $M$, and how does Theorem 4's $\alpha_{\max}$ compare with Theorem 3's? *Hint: for $\sigma_{i,0} = 1$, $V = I$.*
// 2. Scale the shape by 10. How do $M$ and $\alpha_{\max}$ change, and is that reasonable? *Hint: $\alpha\bar U_0\bar U_0^\top$ only depends on the product.*

// ── what the notebook displays, on the console (generated) ──
static void display(object? value) => NotebookConsole.Show(value);

/// <summary>Prints values as the kernel's text/plain formatting; a value that can save itself as a page (a figure) is
/// written beside the app (or into $INCLEARN_APP_OUTPUT), with a PNG when it can draw one, and its path printed.</summary>
static class NotebookConsole
{
    private static int figures;

    public static void Show(object? value)
    {
        if (value is null) { Console.WriteLine("<null>"); return; }
        if (value.GetType().GetMethod("SaveHtml", [typeof(string)]) is { } save)
        {
            string folder = Environment.GetEnvironmentVariable("INCLEARN_APP_OUTPUT") is { Length: > 0 } o ? o : Path.Combine("apps", "output");
            string page = Path.GetFullPath(Path.Combine(folder, $"04-Theorem-4-General-Initialization-figure-{++figures}.html"));
            save.Invoke(value, [page]);
            Console.WriteLine($"figure: {page}");
            if (value.GetType().GetMethod("Png", Type.EmptyTypes) is { } png)
            {
                try
                {
                    File.WriteAllBytes(Path.ChangeExtension(page, ".png"), Convert.FromBase64String((string)png.Invoke(value, null)!));
                    Console.WriteLine($"figure: {Path.ChangeExtension(page, ".png")}");
                }
                catch (System.Reflection.TargetInvocationException e) { Console.WriteLine($"(no PNG: {e.InnerException?.Message})"); }
            }
        }
        Console.WriteLine(Microsoft.DotNet.Interactive.Formatting.Formatter.ToDisplayString(value, "text/plain"));
    }
}
