// Generated from ../notebooks/05-Random-Initialization.ipynb by `inclearn-nb export --to cs`: edit the notebook, not this file.
// Run from the repository: dotnet run apps/05-Random-Initialization.cs
#:property ManagePackageVersionsCentrally=false
#:property TreatWarningsAsErrors=false
#:property PublishAot=false
#:package MathNet.Numerics@5.0.0
#:project ../src/IncLearn.Interactive/IncLearn.Interactive.csproj

using IncLearn;
using IncLearn.Interactive;
using MathNet.Numerics.LinearAlgebra;

// ═══ 05 · Random initialization (Remark III-C1) ═══
//
// **In this notebook you will learn to**
// - compute the extreme eigenvalues of $\bar W_0 = \bar U_0\bar U_0^\top$ from sampled singular values yourself, and compare them with Marchenko–Pastur;
// - estimate $M_\delta$ by Monte Carlo and bound it with published non-asymptotic inequalities;
// - check that Theorem 4's conclusion holds with probability at least $1-\delta$, for $r = n$, $2n$, $4n$.
//
// **Time:** about 15 min to read, about 45 s to run, kernel start included (measured in the real kernel on a shared 2-core machine).

// ═══ Setup ═══
//
// The same cell opens every notebook: packages, this project's library, formatters (explained in [00-Start-Here](00-Start-Here.ipynb)).

// ── cell 1 ──
Notebook.Setup();

// ═══ Parameters ═══
//
// The cell below is tagged `parameters`. Change a value there and *Run All*, or let the runner inject one: `-p delta=0.2` adds a cell tagged `injected-parameters` right after it holding the C# assignment `delta = 0.2;` (the convention is stated in [00-Start-Here](00-Start-Here.ipynb#parameters-one-cell-per-notebook)). Every check below derives its expectation from these values. (This chapter has no `alpha` parameter: its $\alpha$ come from Theorem 4 with $M_\delta$, or from `practicalAlphas`.)

// ── cell 2 ──
double[] eigenvalues = { 10, 6, 3, 1 };   // σ₁ > … > σ_K > 0
int n = 6;
int phiSeed = 7;
int[] ratios = { 1, 2, 4 };               // widths r = ratio·n (r ≥ n)
int trials = 2000;                        // Monte Carlo shapes per width for M_δ
int verifyTrials = 100;                   // shapes per width on which Theorem 4's conclusion is verified
double delta = 0.1;                       // failure probability δ
double epsilon = 0.1;
int seed = 2025;                          // shape i of a width uses seed + i
double[] practicalAlphas = { 1e-2, 1e-4, 1e-6, 1e-8, 1e-10, 1e-12 };
int practicalTrials = 50;                 // shapes per width and α in the practical-α figure

// ═══ The remark ═══
//
// *In words:* Theorem 4 needs a number $M$ that bounds how far the start $\bar W_0$ is from the identity, in both directions ($\|\bar W_0\|$ and $\|\bar W_0^{-1}\|$). A random start has a random $M$. The remark's idea: choose $M_\delta$ so large that a random start satisfies $M \le M_\delta$ with probability $1-\delta$; then Theorem 4 with $M_\delta$ holds with that probability.
//
// With $U(0) = \alpha^{1/2}\bar U_0$ and $\bar U_0\in\mathbb{R}^{n\times r}$ with i.i.d. $\mathcal N(0,1)$ entries (**no** $1/\sqrt r$ scaling — as in the paper), $r \ge n$: if
//
// $$\mathbb{P}\big(\max(\|\bar W_0\|, \|\bar W_0^{-1}\|) \le M_\delta\big) \ge 1 - \delta,$$
//
// then Theorem 4 with $M_\delta$ in place of $M$ (in $c_\varepsilon$, $C_\varepsilon$ and $\alpha \le c_\varepsilon/M_\delta$) holds with probability $\ge 1-\delta$. ($\|\bar W_0\| = \|\tilde W_0\|$ since $\Phi$ is orthogonal.)

// ── cell 3 ──
var y = Target.FromSpectrum(eigenvalues, n, phiSeed);
var widths = ratios.Select(k => k * n).ToArray();
var remarks = widths.Select(r => new RandomInitialization(n, r, seed)).ToArray();
var samples = remarks.Select(m => m.Sample(trials)).ToArray();
display($"{trials} Gaussian shapes for each r in {{{string.Join(", ", widths)}}}, n = {n}"); 

// ═══ The spectrum of $\bar W_0$ against Marchenko–Pastur ═══
//
// For large $n, r$ with $n/r$ fixed, the eigenvalues of $\bar W_0/r$ follow the Marchenko–Pastur law on $[(1-\sqrt{n/r})^2, (1+\sqrt{n/r})^2]$, i.e. $\bar W_0$'s spectrum fills $[(\sqrt r - \sqrt n)^2, (\sqrt r + \sqrt n)^2]$. At $r = n$ the lower edge is 0: $\bar W_0$ is nearly singular and $\|\bar W_0^{-1}\|$ is large. Both edges move up with $r$: the shape is not normalised, so $\lambda_{\max}$ grows like $r$.

// ── cell 4 ──
display(Figures.EigenvalueHistogram(remarks[0], samples[0], $"Spectrum of W̄₀ = Ū₀Ū₀ᵀ, n = {n}, r = {widths[0]}"));
display(Figures.EigenvalueHistogram(remarks[^1], samples[^1], $"Spectrum of W̄₀ = Ū₀Ū₀ᵀ, n = {n}, r = {widths[^1]}"));

// ═══ Build it: the edges from sampled singular values ═══
//
// The eigenvalues of $\bar W_0 = \bar U_0\bar U_0^\top$ are the squared singular values of $\bar U_0$. In the cell below, compute for each width the smallest and the largest eigenvalue of $\bar W_0$ from the singular values of `remark.Shape(i)`, averaged over the first shapes, and compare them with the Marchenko–Pastur edges $(\sqrt r \mp \sqrt n)^2$ printed next to them. The check compares your averages with the library's samples (computed from an eigen-decomposition of $\bar W_0$); it says *not yet implemented* until you fill the scaffold.

// ── cell 5 ──
// Build it — the extreme eigenvalues of W̄₀ = Ū₀Ū₀ᵀ from the singular values of Ū₀, averaged over the first `shapes` shapes.
(double Lower, double Upper) MyEdges(RandomInitialization remark, int shapes)
    => throw new NotImplementedException("for i < shapes: the singular values s of remark.Shape(i) (MathNet: .Svd(false).S); the eigenvalues of W̄₀ are s²; average the smallest and the largest over the shapes");

int edgeShapes = Math.Min(200, trials);
display(Check.BuildIt("Marchenko–Pastur: sampled extreme eigenvalues of W̄₀", () =>
{
    var mine = remarks.Select(m => MyEdges(m, edgeShapes)).ToArray();
    var checks = widths.SelectMany((r, i) => new[]
    {
        Check.Close($"r = {r}: mean smallest eigenvalue of W̄₀", mine[i].Lower, samples[i].LambdaMin.Take(edgeShapes).Average(), 1e-8),
        Check.Close($"r = {r}: mean largest eigenvalue of W̄₀", mine[i].Upper, samples[i].LambdaMax.Take(edgeShapes).Average(), 1e-8),
    }).ToArray();
    display(string.Join("\n", widths.Select((r, i) =>
        $"r = {r}: sampled mean [λ_min, λ_max] = [{mine[i].Lower:F2}, {mine[i].Upper:F2}];  (√r ∓ √n)² = [{remarks[i].MarchenkoPasturEdges.Lower:F2}, {remarks[i].MarchenkoPasturEdges.Upper:F2}]")));
    return Check.All(checks);
}));

// *Tolerance.* A singular value decomposition of $\bar U_0$ and an eigen-decomposition of $\bar W_0$ give the same numbers up to rounding, relative to $\lambda_{\max}$: for a $\lambda_{\min}$ near $10^{-3}$ (at $r = n$) that is about $10^{-11}$ relative, hence $10^{-8}$. Forgetting to square, or taking the singular values of $\bar W_0$'s transpose-less product, changes the values by a factor. *What to look for:* at $n = 6$ the Marchenko–Pastur edges are only approximate (they are the limit $n, r \to \infty$); compare the sampled means with $(\sqrt r \mp \sqrt n)^2$ printed by the cell, and note that at $r = n$ the smallest eigenvalue is small but not 0 (it is of order $1/n$, Edelman).

// **Exercise 2 (try it now).** Replace the Gaussian entries by Rademacher signs ($\pm1$). Does the Marchenko–Pastur picture change? *Hint: universality — compare the mean extreme eigenvalues.*

// ── cell 6 ──
// Exercise 2 — scaffold: a Rademacher shape
Matrix<double> RademacherShape(int rows, int cols, int s) { var rng = new Random(s); return Matrix<double>.Build.Dense(rows, cols, (i, j) => rng.Next(2) == 0 ? -1.0 : 1.0); }
// var eig = (RademacherShape(n, widths[^1], seed) * RademacherShape(…).Transpose()) …

// ═══ $M_\delta$: Monte Carlo and a non-asymptotic bound ═══
//
// *In words:* $M$ is set by whichever end of $\bar W_0$'s spectrum is further from 1: a tiny $\lambda_{\min}$ (then $1/\lambda_{\min}$ is large) or a large $\lambda_{\max}$.
//
// $M_\delta$ (Monte Carlo) is the empirical $(1-\delta)$-quantile of $M = \max(\lambda_{\max}, 1/\lambda_{\min})$ over the trials, with a distribution-free 95 % interval from order statistics. Which term sets it follows Marchenko–Pastur: at $r = n$ the lower edge is 0 and $1/\lambda_{\min}$ dominates; once $(\sqrt r - \sqrt n)^2$ is well above $1/(\sqrt r + \sqrt n)^2$, $\lambda_{\max}\approx(\sqrt r + \sqrt n)^2$ does. So, **for the theorem's constant $M_\delta$**, a wider $r$ first helps (from $r = n$ to $2n$, $\lambda_{\min}$ leaves 0) and then hurts ($\lambda_{\max}$ keeps growing with $r$): $M_\delta$ is not monotone in $r$. (What a wider $r$ does to the *learning* at a fixed $\alpha$ is another matter — see the practical-$\alpha$ figure below.) Checks: for each $r$, the term that sets $M_\delta$ is the one Marchenko–Pastur predicts, and when it is $\lambda_{\max}$, $M_\delta$ is within 25 % of the upper edge $(\sqrt r + \sqrt n)^2$; and, with three or more widths, the non-monotonicity itself: $M_\delta$ is smallest at an interior width, with 95 % intervals that do not overlap those of its neighbours.

// ── cell 7 ──
var mDelta = samples.Select(s => RandomInitialization.Quantile(s.M, 1 - delta)).ToArray();
var lambdaMaxQ = samples.Select(s => RandomInitialization.Quantile(s.LambdaMax, 1 - delta).Value).ToArray();
var invLambdaMinQ = samples.Select(s => RandomInitialization.Quantile(s.LambdaMin.Select(l => 1 / l).ToArray(), 1 - delta).Value).ToArray();
var edges = remarks.Select(m => m.MarchenkoPasturEdges).ToArray();
bool PredictLambdaMax(int i) => edges[i].Lower > 0 && edges[i].Lower > 1 / edges[i].Upper;
display(string.Join("\n", widths.Select((r, i) =>
    $"r = {r}: M_δ = {mDelta[i].Value:F2} [{mDelta[i].Lower:F2}, {mDelta[i].Upper:F2}]; (1−δ)-quantiles: λ_max {lambdaMaxQ[i]:F2}, 1/λ_min {invLambdaMinQ[i]:F2}; MP edges [{edges[i].Lower:F3}, {edges[i].Upper:F2}]")));
display(Figures.MCdf(samples[0], mDelta[0].Value, delta, $"CDF of M = max(‖W̄₀‖, ‖W̄₀⁻¹‖), r = {widths[0]}"));
int smallest = Enumerable.Range(0, widths.Length).MinBy(i => mDelta[i].Value);
var monotonicity = widths.Length >= 3
    ? new[] { Check.That("M_δ is not monotone in r: smallest at an interior width, its 95 % interval below both neighbours'",
        smallest > 0 && smallest < widths.Length - 1 && mDelta[smallest].Upper < mDelta[smallest - 1].Lower && mDelta[smallest].Upper < mDelta[smallest + 1].Lower,
        string.Join("; ", widths.Select((r, i) => $"r = {r}: [{mDelta[i].Lower:F2}, {mDelta[i].Upper:F2}]"))) }
    : Array.Empty<CheckResult>();
if (widths.Length < 3) display("skipped 'M_δ is not monotone in r': it needs three or more widths");
display(Check.All(monotonicity.Concat(widths.SelectMany((r, i) => PredictLambdaMax(i)
    ? new[] { Check.That($"r = {r}: M_δ is set by λ_max, as Marchenko–Pastur predicts", lambdaMaxQ[i] >= invLambdaMinQ[i], $"λ_max quantile {lambdaMaxQ[i]:F2} vs 1/λ_min quantile {invLambdaMinQ[i]:F2}"),
              Check.Close($"r = {r}: M_δ ≈ (√r + √n)² (upper MP edge, 25 %)", mDelta[i].Value, edges[i].Upper, 0.25) }
    : new[] { Check.That($"r = {r}: M_δ is set by 1/λ_min, as Marchenko–Pastur predicts", invLambdaMinQ[i] > lambdaMaxQ[i], $"1/λ_min quantile {invLambdaMinQ[i]:F2} vs λ_max quantile {lambdaMaxQ[i]:F2}") })).ToArray()));

// The bound combines, by a union bound with $\delta/2$ each:
// - $\lambda_{\max} \le (\sqrt n + \sqrt r + \sqrt{2\log(2/\delta)})^2$ (Davidson–Szarek; Vershynin 2012, Cor. 5.35);
// - $\lambda_{\min} \ge$ the larger of $(\sqrt r - \sqrt n - \sqrt{2\log(2/\delta)})^2$ (same source; vacuous unless $\sqrt r - \sqrt n > \sqrt{2\log(2/\delta)}$) and $\big(\delta/(4.7\sqrt n)\big)^2$ (Sankar–Spielman–Teng 2006, $\mathbb P(s_{\min}(G)\le x)\le 2.35x\sqrt n$ for the $n\times n$ Gaussian block $G$ of the first $n$ columns).
//
// **Why the bound can be the same for every $r$:** the Sankar–Spielman–Teng term does not depend on $r$ (it only looks at $n$ columns), and while the Davidson–Szarek lower bound is vacuous or smaller, $1/\lambda_{\min}\le(4.7\sqrt n/\delta)^2$ is the whole bound — for $n = 6$, $\delta = 0.1$ that is $13254$ for $r = n, 2n, 4n$ alike. The bound holds with probability $\ge 1 - \delta$, so it must lie above the Monte Carlo quantile (up to its interval). Check: that. Which term sets the bound is printed as a sanity line, not a check: the library computes the bound as the larger of its terms, so "the bound equals the term that sets it" could not fail.

// ── cell 8 ──
var mBound = remarks.Select(m => m.MBound(delta)).ToArray();
double sstTerm = Math.Pow(2 * 2.35 * Math.Sqrt(n) / delta, 2);
bool SetBySst(int i) => Math.Abs(1 / remarks[i].LambdaMinBound(delta) - sstTerm) <= 1e-9 * sstTerm && sstTerm >= remarks[i].LambdaMaxBound(delta);
display("sanity (not a check): " + string.Join("\n", widths.Select((r, i) => $"r = {r}: M_δ bound = {mBound[i]:F1}, set by {(SetBySst(i) ? "the r-independent 1/λ_min term (4.7√n/δ)²" : "an r-dependent term")}")));
display(Check.All(widths.Select((r, i) => Check.AtLeast($"r = {r}: M_δ bound ≥ Monte Carlo M_δ (upper end of its 95 % interval)", mBound[i], mDelta[i].Upper)).ToArray()));

// **Exercise 1 (try it now).** Normalise the shape by $1/\sqrt r$. How do $M_\delta$ and the admissible $\alpha$ change? *Hint: $\bar W_0/r$ has eigenvalues $\lambda/r$, so $M$ becomes $\max(\lambda_{\max}/r,\ r/\lambda_{\min})$; the samples already hold $\lambda_{\max}$ and $\lambda_{\min}$.*

// ── cell 9 ──
// Exercise 1 — scaffold: M of the normalised shape Ū₀/√r, from the samples of each width
var mNormalisedEx1 = samples.Select((s, i) => s.LambdaMax.Zip(s.LambdaMin, (hi, lo) => Math.Max(hi / widths[i], widths[i] / lo)).ToArray()).ToArray();
// RandomInitialization.Quantile(mNormalisedEx1[i], 1 - delta) …

// ═══ Check: the remark's premise on fresh shapes, and its conclusion ═══
//
// *In words:* the remark rests on one probabilistic fact — a fresh random shape has $M \le M_\delta$ with probability at least $1-\delta$ — and then applies Theorem 4. We test the fact on `verifyTrials` shapes *not* used to estimate $M_\delta$ (indices `trials`, `trials + 1`, …): the fraction with $M \le M_\delta$ must be $\ge 1 - \delta - 3\,\mathrm{SE}$, $\mathrm{SE} = \sqrt{\hat p(1-\hat p)/T}$ (a 3-sigma allowance for Monte Carlo error). Taking the $\delta$-quantile instead of the $(1-\delta)$-quantile, or only one of the two norms, fails it.
//
// Then, for each of the first `verifyTrials` shapes, we build Theorem 4 with $M_\delta$ in the constants, take its largest admissible $\alpha$ (log space) and verify $\|W(t) - \hat Y_k\|_2 \le \varepsilon$ on every window (40 samples per window). This is shown as a sanity line, not a check: at $\alpha(M_\delta)$, some twenty decades below where learning is visible, the measured ratios are about $10^{-3}$, so it passes in every trial and no plausible mistake would make it fail.

// ── cell 10 ──
var freshM = remarks.Select(m => Enumerable.Range(trials, verifyTrials).Select(i =>
{
    var s = m.Shape(i).Svd(false).S;
    return Math.Max(s.Maximum() * s.Maximum(), 1 / (s.Minimum() * s.Minimum()));
}).ToArray()).ToArray();
var covered = freshM.Select((ms, i) => (double)ms.Count(v => v <= mDelta[i].Value) / verifyTrials).ToArray();
var probability = remarks.Select((m, i) => m.ProbabilityTheorem4Holds(y, epsilon, mDelta[i].Value, verifyTrials)).ToArray();
var thAlpha = remarks.Select((m, i) => new Theorem4(y, m.Shape(0), epsilon, Math.Max(mDelta[i].Value, 1)).Log10AlphaMax).ToArray();
display("sanity (not a check): " + string.Join("\n", widths.Select((r, i) => $"r = {r}: α from M_δ = 10^{thAlpha[i]:F1}; Theorem 4's conclusion held for {probability[i].Probability * verifyTrials:F0} of {verifyTrials} shapes")));
display(Check.All(widths.Select((r, i) => Check.AtLeast($"r = {r}: fraction of {verifyTrials} fresh shapes with M ≤ M_δ, vs 1 − δ − 3·SE",
    covered[i], 1 - delta - 3 * Math.Sqrt(covered[i] * (1 - covered[i]) / verifyTrials))).ToArray()));

// ═══ Practical $\alpha$: where the theorem says nothing ═══
//
// *In words:* at practical scales the hypotheses fail (compare with $\alpha(M_\delta)$ above), yet incremental learning may still be visible. And here a wider $r$ does **not** help: the shape is not normalised, so $\|\bar W_0\| \approx (\sqrt r + \sqrt n)^2$ grows with $r$ and a wider shape at the same $\alpha$ starts larger — it behaves like a larger $\alpha$, and its transitions overlap more. The small $\lambda_{\min}$ that made $M_\delta$ large at $r = n$ barely matters to the flow.
//
// We measure the fraction of `practicalTrials` shapes for which every rank-$k$ plateau is *visited* within $\varepsilon$ at some time (the weaker, empirical criterion of notebook 03, not the theorem's windows); the dashed line is $1-\delta$. Checks, for each $r$: at the largest practical $\alpha$ the transitions still overlap (fraction $\le \delta$); the largest practical $\alpha$ at which the fraction reaches $1 - \delta$ exists and is more than ten decades above $\alpha(M_\delta)$. And across widths: the fraction summed over the practical $\alpha$ decreases as $r$ grows (wider is worse at fixed $\alpha$).

// ── cell 11 ──
var visited = remarks.Select(m => practicalAlphas.Select(a => m.ProbabilityPlateausVisited(y, epsilon, a, practicalTrials).Probability).ToArray()).ToArray();
display(Figures.SeriesWithThresholds(practicalAlphas, widths.Select((r, i) => ($"r = {r}", visited[i])).ToArray(), "Shapes whose W(t) visits every plateau within ε",
    "α (log)", $"fraction of {practicalTrials} shapes", horizontal: new[] { ($"1 − δ = {Notebook.Num(1 - delta)}", 1 - delta) }, logX: true));
var firstReliable = visited.Select(v => practicalAlphas.Select((a, j) => (a, f: v[j])).Where(p => p.f >= 1 - delta).Select(p => Math.Log10(p.a)).DefaultIfEmpty(double.NaN).Max()).ToArray();
int largestAlpha = Array.IndexOf(practicalAlphas, practicalAlphas.Max());
display(string.Join("\n", widths.Select((r, i) => $"r = {r}: largest practical log10 α with fraction ≥ 1 − δ: {firstReliable[i]:F0}; theorem: {thAlpha[i]:F1}")));
var area = visited.Select(v => v.Sum()).ToArray();
display(Check.All(widths.SelectMany((r, i) => new[]
{
    Check.AtMost($"r = {r}: fraction visiting every plateau at the largest practical α (overlap)", visited[i][largestAlpha], delta),
    Check.AtLeast($"r = {r}: largest practical log10 α with fraction ≥ 1 − δ, minus log10 α(M_δ) (decades)", double.IsNaN(firstReliable[i]) ? double.NegativeInfinity : firstReliable[i] - thAlpha[i], 10),
}).Append(Check.That("wider is worse at fixed α: the fraction summed over the practical α decreases with r", area.Zip(area.Skip(1)).All(q => q.First > q.Second),
    string.Join(" > ", widths.Select((r, i) => $"r = {r}: {area[i]:F2}")))).ToArray()));

// ═══ Summary ═══
//
// - For Gaussian shapes, $\bar W_0$'s spectrum follows Marchenko–Pastur (you computed its extremes from singular values). At $r = n$ its smallest eigenvalue is tiny and $M_\delta$ is set by $1/\lambda_{\min}$; for wider $r$ it is set by $\lambda_{\max}\approx(\sqrt r + \sqrt n)^2$, which grows with $r$ — so, for the theorem's $M_\delta$, widening helps once (from $r = n$ to $2n$) and then hurts: $M_\delta$ is not monotone in $r$ (checked above, with non-overlapping intervals).
// - For the learning itself at a fixed practical $\alpha$, wider is simply worse: an unnormalised wider shape starts larger (checked above: the visiting fraction falls with $r$).
// - $M_\delta$ from Monte Carlo sits below the non-asymptotic bound, as it must; the bound here is the same for every $r$ because its $r$-independent $\lambda_{\min}$ term dominates. Fresh shapes satisfy $M \le M_\delta$ in (at least) a $1-\delta$ fraction, as the remark needs; with $M_\delta$ in Theorem 4 the conclusion then held in every trial, far inside its tolerance.
// - At practical $\alpha$ the answer is measured, not promised: every plateau is visited for most shapes at $\alpha$ more than ten decades above the theorem's $\alpha(M_\delta)$ (the largest such practical $\alpha$ per width is printed above).
//
// ═══ Exercises ═══
//
// Exercise 1 sits in the $M_\delta$ section and Exercise 2 in the Marchenko–Pastur section, each with its scaffold; worked solutions, and the filled-in *build it* cell: [solutions/05-Random-Initialization-Solutions.ipynb](solutions/05-Random-Initialization-Solutions.ipynb).

// ← Previous: [04 · Theorem 4](04-Theorem-4-General-Initialization.ipynb) · Next: [06 · Beyond the paper](06-Beyond-The-Paper.ipynb) →

// ── what the notebook displays, on the console (generated) ──
static void display(object? value) => IncLearn.Interactive.ConsoleDisplay.Show(value, "05-Random-Initialization");
