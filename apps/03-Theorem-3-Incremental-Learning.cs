// Generated from ../notebooks/03-Theorem-3-Incremental-Learning.ipynb by `inclearn-nb export --to cs`: edit the notebook, not this file.
// Run from the repository: dotnet run apps/03-Theorem-3-Incremental-Learning.cs
#:property ManagePackageVersionsCentrally=false
#:property WarningsNotAsErrors=NU1603
#:property PublishAot=false
#:package MathNet.Numerics@5.0.0
#:project ../src/IncLearn.Interactive/IncLearn.Interactive.csproj

using IncLearn;
using IncLearn.Interactive;
using MathNet.Numerics.LinearAlgebra;

// ═══ 03 · Theorem 3: incremental learning under spectral initialization ═══
//
// **In this notebook you will learn to**
// - compute Theorem 3's constants $c_\varepsilon$, $C_\varepsilon$ and its windows $\mathcal{I}_k$;
// - evaluate its hypotheses and find the largest admissible $\alpha$ in closed form;
// - verify its conclusion $\|W(t) - \hat Y_k\|_2 \le \varepsilon$ on every $\mathcal{I}_k$, and see how tight it is.

// ═══ Setup ═══
//
// The same cell opens every notebook: packages, this project's library, formatters (explained in [00-Start-Here](00-Start-Here.ipynb)).

// ── cell 1 ──
Notebook.Setup();

// ═══ The statement ═══
//
// **Theorem 3.** Let $\sigma_1 > \dots > \sigma_K > 0$ be distinct, $\sigma_{i,0} > 0$ for $i \le K$, and $0 < \varepsilon \le \sigma_K$. Put
//
// $$c_\varepsilon = \frac{\varepsilon}{\max_i \sigma_{i,0}},\qquad C_\varepsilon = \frac{\sigma_1^2}{\varepsilon\,\min_{i\le K}\sigma_{i,0}}.$$
//
// If $\alpha \le c_\varepsilon$ and $\dfrac{-\log\alpha + \log c_\varepsilon}{-\log\alpha + \log C_\varepsilon} > \max_k \dfrac{\sigma_{k+1}}{\sigma_k}$, then every window
//
// $$\mathcal{I}_k = \Big[\frac{1}{2\sigma_k}\log\frac{C_\varepsilon}{\alpha},\ \frac{1}{2\sigma_{k+1}}\log\frac{c_\varepsilon}{\alpha}\Big]\qquad(16)$$
//
// is non-empty ($\sigma_{K+1} := 0$, so $\mathcal{I}_K$ is unbounded) and $\|W(t) - \hat Y_k\|_2 \le \varepsilon$ for all $t\in\mathcal{I}_k$ — eq. (17).

// ── cell 2 ──
var data = NotebookData.Open("figure1.json");
var y = data.Target();
var theorem = new Theorem3(y, data.Doubles("sigma0"), data.Double("epsilon"));
display(theorem);

// ═══ The largest admissible $\alpha$, in closed form ═══
//
// With $x = -\log\alpha$, the ratio condition reads $(x + \log c_\varepsilon)/(x + \log C_\varepsilon) > \rho$, $\rho = \max_k\sigma_{k+1}/\sigma_k$, i.e.
//
// $$x > \frac{\rho\log C_\varepsilon - \log c_\varepsilon}{1 - \rho}.$$
//
// Together with $\alpha \le c_\varepsilon$ this gives $\alpha_{\max}$ directly — no search. (The ratio condition is strict, so the library takes the supremum minus a $10^{-9}$ relative margin in $\log\alpha$.)

// ── cell 3 ──
double logAlpha = theorem.LogAlphaMax;
display(Check.All(
    Check.That("every hypothesis holds at α_max", theorem.HypothesesHold(logAlpha), $"log10 α_max = {theorem.Log10AlphaMax:F4}"),
    Check.That("1.01·α_max violates a hypothesis", !theorem.HypothesesHold(logAlpha + Math.Log(1.01)),
        string.Join("; ", theorem.Hypotheses(logAlpha + Math.Log(1.01)).Where(h => !h.Holds).Select(h => h.Name)))));

// ═══ The conclusion, verified ═══
//
// We sample $W(t)$ from the closed form at 200 evenly spaced times in each window (the unbounded $\mathcal{I}_K$ up to twice its start) and report $\max_t \|W(t) - \hat Y_k\|_2/\varepsilon$; the theorem says $\le 1$. Just outside the windows the ratio is larger.

// ── cell 4 ──
var report = theorem.Report(logAlpha, samplesPerWindow: 200);
display(report);

// ── cell 5 ──
display(Check.All(report.Verification!.Windows.Select(w =>
    Check.AtMost($"max over I_{w.Window.K} of ‖W(t) − Ŷ_{w.Window.K}‖₂ / ε", w.MaxRatioInside, 1.0)).ToArray()));

// The errors to each best rank-$k$ approximation over time (log axis), with $\varepsilon$ and the windows $\mathcal{I}_k$ shaded: each error dips below $\varepsilon$ on its window.

// ── cell 6 ──
var cf = new ClosedFormSolution(y, theorem.InitializationAt(logAlpha));
var windows = theorem.Windows(logAlpha);
double tEnd = 1.3 * windows[^1].Start;
var times = Enumerable.Range(0, 500).Select(j => tEnd * (j + 1) / 500).ToArray();
var errors = Measurements.ErrorsToBestRankK(cf, times);
display(Figures.ErrorToBestRankK(times, errors, theorem.Epsilon, windows.Select(w => (w.Start, w.End)), $"Theorem 3: ‖W(t) − Ŷ_k‖₂ with windows I_k (α = 10^{theorem.Log10AlphaMax:F2})"));

// ═══ How tight is the bound? ═══
//
// The largest ratio inside the windows tells how much of the $\varepsilon$ budget is used: the closer to 1, the tighter. Since the conclusion can fail, we also check that it is not vacuous — **well outside** a window the error exceeds $\varepsilon$: halfway to the start of $\mathcal{I}_1$ nothing has been learned and $\|W - \hat Y_1\|_2 \approx \sigma_1$.

// ── cell 7 ──
double tight = report.Verification!.MaxRatio;
double early = Numerics.SymmetricSpectralNorm(cf.At(windows[0].Start / 2) - y.BestRankK(1));
display(Check.All(
    Check.AtMost("largest ratio ‖W − Ŷ_k‖₂/ε over all windows (≤ 1: theorem holds)", tight, 1.0),
    Check.AtLeast("‖W(t) − Ŷ₁‖₂ / ε halfway to I₁ (the check can fail)", early / theorem.Epsilon, 1.0)));

// ═══ Larger $\alpha$: where the theorem is silent ═══
//
// Above $\alpha_{\max}$ the theorem says nothing. We measure, for several $\alpha$, $\min_t\|W(t) - \hat Y_k\|_2$ for every $k$: the rank-$k$ plateau is *visited* when this is $\le\varepsilon$. Then we find numerically (bisection on $\log\alpha$) the largest $\alpha$ at which every plateau is still visited.

// ── cell 8 ──
var trialAlphas = new[] { 1e-1, 1e-2, 1e-4, 1e-6, 1e-8 };
var plateau = trialAlphas.Select(a => Measurements.PlateauErrors(y, theorem.InitializationAt(Math.Log(a)))).ToArray();
display(Figures.Series(trialAlphas, Enumerable.Range(0, y.K).Select(k => ($"min_t ‖W(t) − Ŷ_{k + 1}‖₂", plateau.Select(p => p[k]).ToArray())).Append(("ε", trialAlphas.Select(_ => theorem.Epsilon).ToArray())).ToArray(),
    "Which rank-k plateaus are visited within ε, as α grows", "α (log)", "min over t of the error (log)", logY: true, logX: true, markers: true));

// ── cell 9 ──
double largestWorking = Measurements.LargestWorkingLog10Alpha(theorem);
display($"theorem: log10 α_max = {theorem.Log10AlphaMax:F3};  measured: every plateau visited within ε up to log10 α = {largestWorking:F3}");
display(Check.All(
    Check.That("at α = 1e-2 some plateau is missed (transitions overlap)", plateau[1].Any(e => e > theorem.Epsilon), string.Join(", ", plateau[1].Select(e => e.ToString("G3")))),
    Check.That("at α = 1e-8 (below α_max) every plateau is visited", plateau[4].All(e => e <= theorem.Epsilon), string.Join(", ", plateau[4].Select(e => e.ToString("G3")))),
    Check.AtLeast("measured largest working log10 α − theorem's log10 α_max (the theorem is sufficient)", largestWorking - theorem.Log10AlphaMax, 0),
    Check.AtMost("… and for spectral init the gap is below half a decade (nearly tight)", largestWorking - theorem.Log10AlphaMax, 0.5)));

// ═══ Summary ═══
//
// - Theorem 3 turns the time-scale separation of Corollary 2 into a guarantee with explicit constants and windows.
// - Its largest admissible $\alpha$ solves two inequalities in closed form; at it, every window's error stays below $\varepsilon$ (checked, ratio shown).
// - For spectral initialization the bound is nearly tight here: the ratio reaches 0.99 on $\mathcal{I}_1$, and the largest $\alpha$ that visits every plateau is within a fraction of a decade of $\alpha_{\max}$ (notebook 04 shows a very different picture for general initialization).
//
// ═══ Exercises ═══
//
// 1. Halve $\varepsilon$. How do $c_\varepsilon$, $C_\varepsilon$ and $\alpha_{\max}$ move? *Hint: $\log\alpha_{\max}$ is linear in $\log c_\varepsilon$ and $\log C_\varepsilon$.*
// 2. Make $\sigma_2$ close to $\sigma_1$ (e.g. eigenvalues 10, 9.5, 3, 1). What happens to $\alpha_{\max}$ and why? *Hint: $\rho$ appears as $1/(1-\rho)$.*

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
            string page = Path.GetFullPath(Path.Combine(folder, $"03-Theorem-3-Incremental-Learning-figure-{++figures}.html"));
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
