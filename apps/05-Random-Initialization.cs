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
// - describe the spectrum of $\bar W_0 = \bar U_0\bar U_0^\top$ for a Gaussian $\bar U_0$ and compare it with Marchenko–Pastur;
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
// The cell below is tagged `parameters`. Change a value there and *Run All*, or let the runner inject one: `-p alpha=1e-5` adds a cell tagged `injected-parameters` right after it holding the C# assignment `alpha = 1e-5;` (the convention is stated in [00-Start-Here](00-Start-Here.ipynb#parameters-one-cell-per-notebook)). Every check below derives its expectation from these values.

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

// ═══ $M_\delta$: Monte Carlo and a non-asymptotic bound ═══
//
// $M_\delta$ (Monte Carlo) is the empirical $(1-\delta)$-quantile of $M = \max(\lambda_{\max}, 1/\lambda_{\min})$ over the trials, with a distribution-free 95 % interval from order statistics. Which term sets it follows Marchenko–Pastur: at $r = n$ the lower edge is 0 and $1/\lambda_{\min}$ dominates; once $(\sqrt r - \sqrt n)^2$ is well above $1/(\sqrt r + \sqrt n)^2$, $\lambda_{\max}\approx(\sqrt r + \sqrt n)^2$ does. So **a wider $r$ first helps** (from $r = n$ to $2n$, $\lambda_{\min}$ leaves 0) **and then hurts** ($\lambda_{\max}$ keeps growing with $r$): $M_\delta$ is not monotone in $r$. Checks: for each $r$, the term that sets $M_\delta$ is the one Marchenko–Pastur predicts, and when it is $\lambda_{\max}$, $M_\delta$ is within 25 % of the upper edge $(\sqrt r + \sqrt n)^2$.

// ── cell 5 ──
var mDelta = samples.Select(s => RandomInitialization.Quantile(s.M, 1 - delta)).ToArray();
var lambdaMaxQ = samples.Select(s => RandomInitialization.Quantile(s.LambdaMax, 1 - delta).Value).ToArray();
var invLambdaMinQ = samples.Select(s => RandomInitialization.Quantile(s.LambdaMin.Select(l => 1 / l).ToArray(), 1 - delta).Value).ToArray();
var edges = remarks.Select(m => m.MarchenkoPasturEdges).ToArray();
bool PredictLambdaMax(int i) => edges[i].Lower > 0 && edges[i].Lower > 1 / edges[i].Upper;
display(string.Join("\n", widths.Select((r, i) =>
    $"r = {r}: M_δ = {mDelta[i].Value:F2} [{mDelta[i].Lower:F2}, {mDelta[i].Upper:F2}]; (1−δ)-quantiles: λ_max {lambdaMaxQ[i]:F2}, 1/λ_min {invLambdaMinQ[i]:F2}; MP edges [{edges[i].Lower:F3}, {edges[i].Upper:F2}]")));
display(Figures.MCdf(samples[0], mDelta[0].Value, delta, $"Empirical CDF of M = max(‖W̄₀‖, ‖W̄₀⁻¹‖) for r = {widths[0]}, with M_δ marked"));
display(Check.All(widths.SelectMany((r, i) => PredictLambdaMax(i)
    ? new[] { Check.That($"r = {r}: M_δ is set by λ_max, as Marchenko–Pastur predicts", lambdaMaxQ[i] >= invLambdaMinQ[i], $"λ_max quantile {lambdaMaxQ[i]:F2} vs 1/λ_min quantile {invLambdaMinQ[i]:F2}"),
              Check.Close($"r = {r}: M_δ ≈ (√r + √n)² (upper MP edge, 25 %)", mDelta[i].Value, edges[i].Upper, 0.25) }
    : new[] { Check.That($"r = {r}: M_δ is set by 1/λ_min, as Marchenko–Pastur predicts", invLambdaMinQ[i] > lambdaMaxQ[i], $"1/λ_min quantile {invLambdaMinQ[i]:F2} vs λ_max quantile {lambdaMaxQ[i]:F2}") }).ToArray()));

// The bound combines, by a union bound with $\delta/2$ each:
// - $\lambda_{\max} \le (\sqrt n + \sqrt r + \sqrt{2\log(2/\delta)})^2$ (Davidson–Szarek; Vershynin 2012, Cor. 5.35);
// - $\lambda_{\min} \ge$ the larger of $(\sqrt r - \sqrt n - \sqrt{2\log(2/\delta)})^2$ (same source; vacuous unless $\sqrt r - \sqrt n > \sqrt{2\log(2/\delta)}$) and $\big(\delta/(4.7\sqrt n)\big)^2$ (Sankar–Spielman–Teng 2006, $\mathbb P(s_{\min}(G)\le x)\le 2.35x\sqrt n$ for the $n\times n$ Gaussian block $G$ of the first $n$ columns).
//
// **Why the bound can be the same for every $r$:** the Sankar–Spielman–Teng term does not depend on $r$ (it only looks at $n$ columns), and while the Davidson–Szarek lower bound is vacuous or smaller, $1/\lambda_{\min}\le(4.7\sqrt n/\delta)^2$ is the whole bound — for $n = 6$, $\delta = 0.1$ that is $13254$ for $r = n, 2n, 4n$ alike. The bound holds with probability $\ge 1 - \delta$, so it must lie above the Monte Carlo quantile (up to its interval). Checks: that, and for each $r$ the term that sets the bound.

// ── cell 6 ──
var mBound = remarks.Select(m => m.MBound(delta)).ToArray();
double sstTerm = Math.Pow(2 * 2.35 * Math.Sqrt(n) / delta, 2);
bool SetBySst(int i) => Math.Abs(1 / remarks[i].LambdaMinBound(delta) - sstTerm) <= 1e-9 * sstTerm && sstTerm >= remarks[i].LambdaMaxBound(delta);
display(string.Join("\n", widths.Select((r, i) => $"r = {r}: M_δ bound = {mBound[i]:F1}, set by {(SetBySst(i) ? "the r-independent 1/λ_min term (4.7√n/δ)²" : "an r-dependent term")}")));
display(Check.All(widths.SelectMany((r, i) => new[]
{
    Check.AtLeast($"r = {r}: M_δ bound ≥ Monte Carlo M_δ (upper end of its 95 % interval)", mBound[i], mDelta[i].Upper),
    SetBySst(i) ? Check.Close($"r = {r}: the bound equals the r-independent term (4.7√n/δ)²", mBound[i], sstTerm, 1e-9)
                : Check.That($"r = {r}: the bound is set by an r-dependent term", mBound[i] > sstTerm || 1 / remarks[i].LambdaMinBound(delta) < sstTerm, $"bound {mBound[i]:F1}, (4.7√n/δ)² = {sstTerm:F1}"),
}).ToArray()));

// ═══ Check: the conclusion holds with probability $\ge 1-\delta$ ═══
//
// For each width and each of the first `verifyTrials` shapes we build Theorem 4 with $M_\delta$ (Monte Carlo) in the constants, take its largest admissible $\alpha$ (log space), and verify $\|W(t) - \hat Y_k\|_2 \le \varepsilon$ on every window (40 samples per window). The estimated probability $\hat p$ must be $\ge 1 - \delta - 3\,\mathrm{SE}$, $\mathrm{SE} = \sqrt{\hat p(1-\hat p)/T}$ (a 3-sigma allowance for Monte Carlo error; when $\hat p = 1$ the check is simply $1 \ge 1-\delta$).

// ── cell 7 ──
var probability = remarks.Select((m, i) => m.ProbabilityTheorem4Holds(y, epsilon, mDelta[i].Value, verifyTrials)).ToArray();
var thAlpha = remarks.Select((m, i) => new Theorem4(y, m.Shape(0), epsilon, Math.Max(mDelta[i].Value, 1)).Log10AlphaMax).ToArray();
display(string.Join("\n", widths.Select((r, i) => $"r = {r}: α from M_δ = 10^{thAlpha[i]:F1}; P(conclusion) ≈ {probability[i].Probability:F3} ± {probability[i].StandardError:F3} over {verifyTrials} trials")));
display(Check.All(widths.Select((r, i) => Check.AtLeast($"r = {r}: P(Theorem 4's conclusion at α(M_δ)) ≥ 1 − δ − 3·SE", probability[i].Probability, 1 - delta - 3 * probability[i].StandardError)).ToArray()));

// ═══ Practical $\alpha$: where the theorem says nothing ═══
//
// At practical scales the hypotheses fail (compare with $\alpha(M_\delta)$ above), yet incremental learning may still be visible. We measure the fraction of `practicalTrials` shapes for which every rank-$k$ plateau is *visited* within $\varepsilon$ at some time (the weaker, empirical criterion of notebook 03, not the theorem's windows). Checks, for each $r$: at the largest practical $\alpha$ the transitions still overlap (fraction $\le \delta$); the largest practical $\alpha$ at which the fraction reaches $1 - \delta$ exists and is more than ten decades above $\alpha(M_\delta)$.

// ── cell 8 ──
var visited = remarks.Select(m => practicalAlphas.Select(a => m.ProbabilityPlateausVisited(y, epsilon, a, practicalTrials).Probability).ToArray()).ToArray();
display(Figures.Series(practicalAlphas, widths.Select((r, i) => ($"r = {r}", visited[i])).ToArray(), "Fraction of Gaussian shapes whose W(t) visits every rank-k plateau within ε",
    "α (log)", $"fraction of {practicalTrials} shapes", logX: true, markers: true));
var firstReliable = visited.Select(v => practicalAlphas.Select((a, j) => (a, f: v[j])).Where(p => p.f >= 1 - delta).Select(p => Math.Log10(p.a)).DefaultIfEmpty(double.NaN).Max()).ToArray();
int largestAlpha = Array.IndexOf(practicalAlphas, practicalAlphas.Max());
display(string.Join("\n", widths.Select((r, i) => $"r = {r}: largest practical log10 α with fraction ≥ 1 − δ: {firstReliable[i]:F0}; theorem: {thAlpha[i]:F1}")));
display(Check.All(widths.SelectMany((r, i) => new[]
{
    Check.AtMost($"r = {r}: fraction visiting every plateau at the largest practical α (overlap)", visited[i][largestAlpha], delta),
    Check.AtLeast($"r = {r}: largest practical log10 α with fraction ≥ 1 − δ, minus log10 α(M_δ) (decades)", double.IsNaN(firstReliable[i]) ? double.NegativeInfinity : firstReliable[i] - thAlpha[i], 10),
}).ToArray()));

// ═══ Summary ═══
//
// - For Gaussian shapes, $\bar W_0$'s spectrum follows Marchenko–Pastur. At $r = n$ its smallest eigenvalue is tiny and $M_\delta$ is set by $1/\lambda_{\min}$; for wider $r$ it is set by $\lambda_{\max}\approx(\sqrt r + \sqrt n)^2$, which grows with $r$ — so widening helps once (from $r = n$ to $2n$) and then hurts: $M_\delta$ is not monotone in $r$ (checked per width above).
// - $M_\delta$ from Monte Carlo sits below the non-asymptotic bound, as it must; the bound here is the same for every $r$ because its $r$-independent $\lambda_{\min}$ term dominates. With $M_\delta$ in Theorem 4, the conclusion held in (at least) a $1-\delta$ fraction of trials.
// - At practical $\alpha$ the answer is measured, not promised: every plateau is visited for most shapes at $\alpha$ more than ten decades above the theorem's $\alpha(M_\delta)$ (the largest such practical $\alpha$ per width is printed above).
//
// ═══ Exercises ═══
//
// Scaffolds below work on their own variables; solutions: [solutions/05-Random-Initialization-Solutions.ipynb](solutions/05-Random-Initialization-Solutions.ipynb).
//
// 1. Normalise the shape by $1/\sqrt r$. How do $M_\delta$ and the admissible $\alpha$ change? *Hint: $\bar W_0/r$ has eigenvalues $\lambda/r$, so $M$ becomes $\max(\lambda_{\max}/r,\ r/\lambda_{\min})$; the samples already hold $\lambda_{\max}$ and $\lambda_{\min}$.*
// 2. Replace the Gaussian entries by Rademacher signs ($\pm1$). Does the Marchenko–Pastur picture change? *Hint: universality — compare the mean extreme eigenvalues.*

// ── cell 9 ──
// Exercise 1 — scaffold: M of the normalised shape Ū₀/√r, from the samples of each width
var mNormalisedEx1 = samples.Select((s, i) => s.LambdaMax.Zip(s.LambdaMin, (hi, lo) => Math.Max(hi / widths[i], widths[i] / lo)).ToArray()).ToArray();
// RandomInitialization.Quantile(mNormalisedEx1[i], 1 - delta) …

// ── cell 10 ──
// Exercise 2 — scaffold: a Rademacher shape
Matrix<double> RademacherShape(int rows, int cols, int s) { var rng = new Random(s); return Matrix<double>.Build.Dense(rows, cols, (i, j) => rng.Next(2) == 0 ? -1.0 : 1.0); }
// var eig = (RademacherShape(n, widths[^1], seed) * RademacherShape(…).Transpose()) …

// ← Previous: [04 · Theorem 4](04-Theorem-4-General-Initialization.ipynb) · Next: [06 · Beyond the paper](06-Beyond-The-Paper.ipynb) →

// ── what the notebook displays, on the console (generated) ──
static void display(object? value) => IncLearn.Interactive.ConsoleDisplay.Show(value, "05-Random-Initialization");
