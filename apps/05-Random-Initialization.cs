// Generated from ../notebooks/05-Random-Initialization.ipynb by `inclearn-nb export --to cs`: edit the notebook, not this file.
// Run from the repository: dotnet run apps/05-Random-Initialization.cs
#:property ManagePackageVersionsCentrally=false
#:property WarningsNotAsErrors=NU1603
#:property PublishAot=false
#:package MathNet.Numerics@5.0.0
#:project ../src/IncLearn.Interactive/IncLearn.Interactive.csproj

using IncLearn;
using IncLearn.Interactive;
using MathNet.Numerics.LinearAlgebra;

// ═══ 05 · Random initialization (Remark III-C1) ═══
//
// **In this notebook you will learn to**
// - describe the spectrum of $\bar W_0 = \bar U_0\bar U_0^\top$ for a Gaussian $\bar U_0$ and compare it with Marchenko–Pastur;
// - estimate $M_\delta$ by Monte Carlo and bound it with published non-asymptotic inequalities;
// - check that Theorem 4's conclusion holds with probability at least $1-\delta$, for $r = n$, $2n$, $4n$.

// ═══ Setup ═══
//
// The same cell opens every notebook: packages, this project's library, formatters (explained in [00-Start-Here](00-Start-Here.ipynb)).

// ── cell 1 ──
Notebook.Setup();

// ═══ The remark ═══
//
// With $U(0) = \alpha^{1/2}\bar U_0$ and $\bar U_0\in\mathbb{R}^{n\times r}$ with i.i.d. $\mathcal N(0,1)$ entries (**no** $1/\sqrt r$ scaling — as in the paper), $r \ge n$: if
//
// $$\mathbb{P}\big(\max(\|\bar W_0\|, \|\bar W_0^{-1}\|) \le M_\delta\big) \ge 1 - \delta,$$
//
// then Theorem 4 with $M_\delta$ in place of $M$ (in $c_\varepsilon$, $C_\varepsilon$ and $\alpha \le c_\varepsilon/M_\delta$) holds with probability $\ge 1-\delta$. ($\|\bar W_0\| = \|\tilde W_0\|$ since $\Phi$ is orthogonal.)

// ── cell 2 ──
var data = NotebookData.Open("random-init.json");
var y = data.Target();
int n = y.N, trials = data.Int("trials");
double delta = data.Double("delta"), epsilon = data.Double("epsilon");
var widths = data.Ints("ratios").Select(k => k * n).ToArray();
var remarks = widths.Select(r => new RandomInitialization(n, r, data.Int("seed"))).ToArray();
var samples = remarks.Select(m => m.Sample(trials)).ToArray();
display($"{trials} Gaussian shapes for each r in {{{string.Join(", ", widths)}}}, n = {n}");

// ═══ The spectrum of $\bar W_0$ against Marchenko–Pastur ═══
//
// For large $n, r$ with $n/r = y$ fixed, the eigenvalues of $\bar W_0/r$ follow the Marchenko–Pastur law on $[(1-\sqrt y)^2, (1+\sqrt y)^2]$, i.e. $\bar W_0$'s spectrum fills $[(\sqrt r - \sqrt n)^2, (\sqrt r + \sqrt n)^2]$. At $r = n$ the lower edge is 0: $\bar W_0$ is nearly singular and $\|\bar W_0^{-1}\|$ is large.

// ── cell 3 ──
var figures = remarks.Select((m, i) =>
{
    var (lo, hi) = m.MarchenkoPasturEdges;
    var grid = Enumerable.Range(1, 299).Select(j => lo + (hi - lo) * j / 300.0).ToArray();
    return Figures.HistogramWithDensity(samples[i].AllEigenvalues, grid, grid.Select(m.MarchenkoPasturDensity).ToArray(),
        $"eigenvalues of W̄₀ (200 trials)", "Marchenko–Pastur density", $"Spectrum of W̄₀ = Ū₀Ū₀ᵀ, n = {n}, r = {widths[i]}", "eigenvalue λ");
}).ToArray();
display(figures[0]); display(figures[2]);

// ═══ $M_\delta$: Monte Carlo and a non-asymptotic bound ═══
//
// $M_\delta$ (Monte Carlo) is the empirical $(1-\delta)$-quantile of $\max(\lambda_{\max}, 1/\lambda_{\min})$ over the trials, with a distribution-free 95 % interval from order statistics. The bound combines, by a union bound with $\delta/2$ each:
// - $\lambda_{\max} \le (\sqrt n + \sqrt r + \sqrt{2\log(2/\delta)})^2$ (Davidson–Szarek; Vershynin 2012, Cor. 5.35);
// - $\lambda_{\min} \ge$ the larger of $(\sqrt r - \sqrt n - \sqrt{2\log(2/\delta)})^2$ (same source; vacuous near $r = n$) and $\big(\delta/(4.7\sqrt n)\big)^2$ (Sankar–Spielman–Teng 2006, $\mathbb P(s_{\min}(G)\le x)\le 2.35x\sqrt n$ for an $n\times n$ Gaussian block).
//
// The bound holds with probability $\ge 1 - \delta$, so it must lie above the Monte Carlo quantile (up to its interval).

// ── cell 4 ──
var mDelta = samples.Select(s => RandomInitialization.Quantile(s.M, 1 - delta)).ToArray();
var mBound = remarks.Select(m => m.MBound(delta)).ToArray();
display(string.Join("\n", widths.Select((r, i) =>
    $"r = {r}: mean λ_max = {samples[i].LambdaMax.Average():F2} (MP edge {remarks[i].MarchenkoPasturEdges.Upper:F2}), mean λ_min = {samples[i].LambdaMin.Average():F3} (MP edge {remarks[i].MarchenkoPasturEdges.Lower:F3}); "
    + $"M_δ (Monte Carlo) = {mDelta[i].Value:F2} [{mDelta[i].Lower:F2}, {mDelta[i].Upper:F2}], M_δ (bound) = {mBound[i]:F1}")));
display(Figures.EmpiricalCdf(samples[0].M, mDelta[0].Value, $"max(‖W̄₀‖, ‖W̄₀⁻¹‖), r = {widths[0]}", $"M_δ (δ = {delta})", "Empirical CDF of M for r = n, with M_δ marked", "M (log)"));
display(Check.All(widths.Select((r, i) => Check.AtLeast($"r = {r}: M_δ bound ≥ Monte Carlo M_δ (upper end of its 95 % interval)", mBound[i], mDelta[i].Upper)).ToArray()));

// ═══ Check: the conclusion holds with probability $\ge 1-\delta$ ═══
//
// For each width and each of the first trials we build Theorem 4 with $M_\delta$ (Monte Carlo) in the constants, take its largest admissible $\alpha$ (log space), and verify $\|W(t) - \hat Y_k\|_2 \le \varepsilon$ on every window (40 samples per window). The estimated probability $\hat p$ must be $\ge 1 - \delta - 3\,\mathrm{SE}$, $\mathrm{SE} = \sqrt{\hat p(1-\hat p)/T}$ (a 3-sigma allowance for Monte Carlo error; when $\hat p = 1$ the check is simply $1 \ge 1-\delta$).

// ── cell 5 ──
int verifyTrials = data.Int("verifyTrials");
var probability = remarks.Select((m, i) => m.ProbabilityTheorem4Holds(y, epsilon, mDelta[i].Value, verifyTrials)).ToArray();
var thAlpha = remarks.Select((m, i) => new Theorem4(y, m.Shape(0), epsilon, Math.Max(mDelta[i].Value, 1)).Log10AlphaMax).ToArray();
display(string.Join("\n", widths.Select((r, i) => $"r = {r}: α from M_δ = 10^{thAlpha[i]:F1}; P(conclusion) ≈ {probability[i].Probability:F3} ± {probability[i].StandardError:F3} over {verifyTrials} trials")));
display(Check.All(widths.Select((r, i) => Check.AtLeast($"r = {r}: P(Theorem 4's conclusion at α(M_δ)) ≥ 1 − δ − 3·SE", probability[i].Probability, 1 - delta - 3 * probability[i].StandardError)).ToArray()));

// ═══ Practical $\alpha$: where the theorem says nothing ═══
//
// At practical scales ($10^{-2}\dots10^{-12}$) the hypotheses fail (compare with $\alpha(M_\delta)$ above), yet incremental learning may still be visible. We measure the fraction of shapes for which every rank-$k$ plateau is visited within $\varepsilon$ at some time (an empirical criterion, not the theorem's windows).

// ── cell 6 ──
var practical = data.Doubles("practicalAlphas");
var visited = remarks.Select(m => practical.Select(a => m.ProbabilityPlateausVisited(y, epsilon, a, 50).Probability).ToArray()).ToArray();
display(Figures.Series(practical, widths.Select((r, i) => ($"r = {r}", visited[i])).ToArray(), "Fraction of Gaussian shapes whose W(t) visits every rank-k plateau within ε", "α (log)", "fraction of 50 shapes", logX: true, markers: true));
display(Check.All(
    Check.AtLeast("r = 4n: fraction visiting every plateau at α = 1e-10", visited[2][^2], 0.9),
    Check.AtLeast("r = 2n: fraction visiting every plateau at α = 1e-12", visited[1][^1], 0.9),
    Check.AtLeast("r = 4n: fraction visiting every plateau at α = 1e-12", visited[2][^1], 0.9),
    Check.AtMost("r = 4n: fraction at α = 1e-2 (transitions still overlap)", visited[2][0], 0.1)));

// ═══ Summary ═══
//
// - For Gaussian shapes, $\bar W_0$'s spectrum follows Marchenko–Pastur; at $r = n$ its smallest eigenvalue is tiny, so $M$ and hence the required $\alpha$ are extreme; wider $r$ helps a lot.
// - $M_\delta$ from Monte Carlo sits below the non-asymptotic bound, as it must; with $M_\delta$ in Theorem 4, the conclusion held in (at least) a $1-\delta$ fraction of trials.
// - At practical $\alpha$ the answer is measured, not promised: here (with $\sigma_2/\sigma_1 = 0.6$ and $\varepsilon = 0.1$) the rank-1 plateau needs $\alpha\|\bar W_0\|$ below about $10^{-7}$, reached around $\alpha = 10^{-10}$ — still more than ten decades above the theorem's $\alpha(M_\delta)$.
//
// ═══ Exercises ═══
//
// 1. Normalise the shape by $1/\sqrt r$. How do $M_\delta$ and the admissible $\alpha$ change? *Hint: $\alpha\bar U_0\bar U_0^\top$ only sees $\alpha/r$.*
// 2. Replace the Gaussian entries by Rademacher signs ($\pm1$). Does the Marchenko–Pastur picture change? *Hint: universality.*

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
            string page = Path.GetFullPath(Path.Combine(folder, $"05-Random-Initialization-figure-{++figures}.html"));
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
