// Generated from ../notebooks/04-Theorem-4-General-Initialization.ipynb by `inclearn-nb export --to cs`: edit the notebook, not this file.
// Run from the repository: dotnet run apps/04-Theorem-4-General-Initialization.cs
#:property ManagePackageVersionsCentrally=false
#:property TreatWarningsAsErrors=false
#:property PublishAot=false
#:package MathNet.Numerics@5.0.0
#:project ../src/IncLearn.Interactive/IncLearn.Interactive.csproj

using IncLearn;
using IncLearn.Interactive;
using MathNet.Numerics.LinearAlgebra;

// ═══ 04 · Theorem 4: general initialization ═══
//
// **In this notebook you will learn to**
// - compute Theorem 4's constant $M = \max(\|V\|, \|V^{-1}\|)$ for a general shape $\bar U_0$, and build its largest admissible $\alpha$ yourself;
// - see how tiny the $\alpha$ it demands is (shown in $\log_{10}$), and why the stable closed form can still be evaluated there;
// - measure the gap between the theorem's $\alpha$ and the largest $\alpha$ that works in practice.
//
// **Time:** about 12 min to read, about 17 s to run, kernel start included (measured in the real kernel on a shared 2-core machine).
// Notation: $\tilde W_0 = \Phi^\top\bar U_0\bar U_0^\top\Phi$ carries **no** $\alpha$ (as in the paper's Theorem 4), $V = \tilde W_0^{-1}$.

// ═══ Setup ═══
//
// The same cell opens every notebook: packages, this project's library, formatters (explained in [00-Start-Here](00-Start-Here.ipynb)).

// ── cell 1 ──
Notebook.Setup();

// ═══ Parameters ═══
//
// The cell below is tagged `parameters`. Change a value there and *Run All*, or let the runner inject one: `-p epsilon=0.05` adds a cell tagged `injected-parameters` right after it holding the C# assignment `epsilon = 0.05;` (the convention is stated in [00-Start-Here](00-Start-Here.ipynb#parameters-one-cell-per-notebook)). Every check below derives its expectation from these values. (This chapter has no `alpha` parameter: every $\alpha$ it uses is computed — the theorem's $\alpha_{\max}$, or the largest $\alpha$ that works in practice.)

// ── cell 2 ──
double[] eigenvalues = { 10, 6, 3, 1 };         // σ₁ > … > σ_K > 0
int n = 6;
int phiSeed = 7;
int[] widths = { 6, 12 };                       // widths r ≥ n of the Gaussian shapes Ū₀ (n×r, N(0,1) entries)
int shapeSeed = 11;
double epsilon = 0.1;                           // 0 < ε ≤ min(σ_K, 1)
int samplesPerWindow = 100;
double[] hardEigenvalues = { 10, 9.7, 3, 1 };   // a target with ρ = σ₂/σ₁ = 0.97

// ── cell 3 ──
bool atDefaults = eigenvalues.SequenceEqual(new double[] { 10, 6, 3, 1 }) && n == 6 && phiSeed == 7 && widths.SequenceEqual(new[] { 6, 12 })
    && shapeSeed == 11 && epsilon == 0.1 && hardEigenvalues.SequenceEqual(new[] { 10, 9.7, 3, 1 });
display($"parameters are the defaults: {atDefaults} (checks marked 'defaults only' run only then)"); 

// ═══ The statement ═══
//
// *In words:* Theorem 3 needed a start aligned with $Y$'s eigenvectors. A general start $\bar U_0$ mixes the modes, and the proof has to control how much: $M$ measures how far $\tilde W_0$ is from the identity, in both directions. The conclusion is the same plateaus on the same windows — but every constant pays powers of $M$, so $\alpha$ must be much smaller.
//
// **Theorem 4.** Let $\sigma_1 > \dots > \sigma_K > 0$ be distinct and $\tilde W_0 = \Phi^\top\bar U_0\bar U_0^\top\Phi$ invertible with inverse $V$; $M = \max(\|V\|, \|V^{-1}\|)$. For $0 < \varepsilon \le \min(\sigma_K, 1)$ put
//
// $$c_\varepsilon = \frac{\varepsilon}{16M^2},\qquad C_\varepsilon = \frac{16\sigma_1^2M^2}{\varepsilon}.$$
//
// If $\alpha \le c_\varepsilon/M$ and the same ratio condition as Theorem 3 holds, then the windows $\mathcal{I}_k$ of (16) are non-empty and $\|W(t) - \hat Y_k\|_2 \le \varepsilon$ on each — eq. (23). No spectral alignment is needed; the price is the factor $M$ in the constants.

// ── cell 4 ──
var y = Target.FromSpectrum(eigenvalues, n, phiSeed);
var shapes = widths.Select(r => Initialization.RandomGaussian(n, r, 1.0, shapeSeed).Shape).ToArray();
var theorems = shapes.Select(shape => new Theorem4(y, shape, epsilon)).ToArray();
display(string.Join("\n", theorems.Select((t, i) => $"r = {widths[i]}: ‖V‖ = {Notebook.Num(t.NormV)}, ‖V⁻¹‖ = {Notebook.Num(t.NormVInverse)}, M = {Notebook.Num(t.M)}")));

// **Exercise 1 (try it now).** Replace the Gaussian shape with a spectral one. What is $M$, and how does Theorem 4's $\alpha_{\max}$ compare with Theorem 3's? *Hint: for $\sigma_{i,0} = 1$, $V = I$.*

// ── cell 5 ──
// Exercise 1 — scaffold (solution in the solutions notebook)
var spectralShape = Initialization.Spectral(y, Enumerable.Repeat(1.0, n).ToArray(), 1.0).Shape;
// new Theorem4(y, spectralShape, epsilon) vs new Theorem3(y, Enumerable.Repeat(1.0, n).ToArray(), epsilon)

// ═══ How small is $\alpha_{\max}$? ═══
//
// The ratio condition gives $-\log\alpha_{\max} = (\rho\log C_\varepsilon - \log c_\varepsilon)/(1-\rho)$. With $M$ in both constants this grows like $\frac{2(1+\rho)}{1-\rho}\log M$: for $\rho = 0.6$ every decade of $M$ costs eight decades of $\alpha$ (shown below as a sanity line, evaluating the theorem with $M$ and $10M$: it restates the formula, so it is not a check). Close singular values make it far worse: $\rho$ near 1 multiplies everything by $1/(1-\rho)$ — see the second target below.
//
// That is why the library keeps $\alpha$ as $\log\alpha$ everywhere. The stable form $\tilde W(t) = (S^{-1}VS^{-1}/\alpha + D(t))^{-1}$ is scaled to unit diagonal in log space before its Cholesky factorization, so $e^{-2\sigma t}/\alpha$ is never formed as a number — only its logarithm $-2\sigma t - \log\alpha$.
//
// Below: the theorem's card for $r = n$ at its $\alpha_{\max}$ ($\alpha$ and its bound as powers of ten), then $\alpha_{\max}$ for each width.

// ── cell 6 ──
display(theorems[0]);
var tenfold = new Theorem4(y, shapes[0], epsilon, 10 * theorems[0].M);
double decadesPerDecade = theorems[0].Log10AlphaMax - tenfold.Log10AlphaMax;
display(string.Join("\n", theorems.Select((t, i) => $"r = {widths[i]}: M = {t.M:G4}, log10 α_max = {t.Log10AlphaMax:F2}, α_max as a double = {t.AlphaMax:G3}")));
display($"sanity (the formula restated, not a check): decades of α_max lost per decade of M = {decadesPerDecade:F3}; 2(1 + ρ)/(1 − ρ) = {2 * (1 + theorems[0].Rho) / (1 - theorems[0].Rho):F3}");
if (atDefaults) display(Check.Close("defaults only: log10 α_max for r = n is −22.1 (inside the double range)", theorems[0].Log10AlphaMax, -22.1, 0.005));
else display("skipped 'log10 α_max = −22.1 for r = n': it holds for the default parameters only");

// ═══ Build it: Theorem 4's admissible $\alpha$ ═══
//
// Write the largest $\alpha$ that meets both hypotheses — $\alpha \le c_\varepsilon/M$ and the ratio condition — as $\log\alpha$, in the cell below. The check compares your value with the library's `LogAlphaMax` for both widths and for the theorem built with $10M$; it says *not yet implemented* until you fill the scaffold.

// ── cell 7 ──
// Build it — Theorem 4's largest admissible α, in log space (α itself can be far below the smallest double).
double MyLogAlphaMax(Theorem4 t)
    => throw new NotImplementedException("c_ε = ε/(16M²), C_ε = 16σ₁²M²/ε; log α_max = min(log c_ε − log M, (log c_ε − ρ log C_ε)/(1 − ρ)); use t.Epsilon, t.M, t.Rho, t.Target.SigmaY[0]");
var buildTheorems = theorems.Append(tenfold).ToArray();
display(Check.BuildIt("Theorem 4: the largest admissible α", () => Check.All(buildTheorems.Select(t =>
    Check.Close($"log α_max for M = {Notebook.Num(t.M)}", MyLogAlphaMax(t), t.LogAlphaMax, 1e-6)).ToArray())));

// *Tolerance.* The library takes the supremum of the (strict) ratio condition minus a $10^{-9}$ relative margin in $\log\alpha$; $10^{-6}$ relative covers that margin and rounding. A plausible slip — $16M$ for $16M^2$, forgetting the extra $1/M$ of $\alpha \le c_\varepsilon/M$, or $\rho$ on the wrong constant — moves $\log\alpha_{\max}$ by a few units, far beyond it.

// **Exercise 2 (try it now).** Scale the shape by 10. How do $M$ and $\alpha_{\max}$ change, and is that reasonable? *Hint: the flow only depends on $\alpha\bar U_0\bar U_0^\top$.*

// ── cell 8 ──
// Exercise 2 — scaffold (solution in the solutions notebook)
var scaledShape = 10 * shapes[0];
// new Theorem4(y, scaledShape, epsilon).M, .Log10AlphaMax

// A harder target, `hardEigenvalues` (default $10, 9.7, 3, 1$, so $\rho = 0.97$), with the same $r = n$ shape: by default $\alpha_{\max}$ is far below the smallest double, so `AlphaMax` underflows to 0 — yet the conclusion is verified exactly there, at $\log\alpha$, because the closed form never forms $\alpha$. Checks: the sampled ratio is $\le 1$ on every window; and, for the defaults, $\log_{10}\alpha_{\max} < -308$.

// ── cell 9 ──
var hard = new Theorem4(Target.FromSpectrum(hardEigenvalues, n, phiSeed), shapes[0], epsilon);
var hardReport = hard.Report(hard.LogAlphaMax, 50);
display($"ρ = {hard.Rho:F2}: log10 α_max = {hard.Log10AlphaMax:F1}, α_max as a double = {hard.AlphaMax}");
var hardChecks = new List<CheckResult> { Check.AtMost("hard target: max over all I_k of ‖W(t) − Ŷ_k‖₂ / ε at its α_max", hardReport.Verification!.MaxRatio, 1.0) };
if (atDefaults) hardChecks.Add(Check.AtMost("defaults only: log10 α_max for ρ = 0.97 is below the double range (< −308)", hard.Log10AlphaMax, -308));
else display("skipped 'log10 α_max < −308': it holds for the default parameters only");
display(Check.All(hardChecks.ToArray()));

// ═══ Check: the conclusion holds at the theorem's $\alpha$ ═══
//
// At $\alpha_{\max}$ (in log space) every hypothesis holds, and we sample $W(t)$ on each window (`samplesPerWindow` times per window): $\max_t\|W(t) - \hat Y_k\|_2/\varepsilon \le 1$ for every $k$ and every width.

// ── cell 10 ──
var reports = theorems.Select(t => t.Report(t.LogAlphaMax, samplesPerWindow)).ToArray();
display(reports[0]);
display(Check.All(reports.SelectMany((rep, i) => new[]
{
    Check.That($"r = {widths[i]}: every hypothesis holds at α_max", rep.Hypotheses.All(h => h.Holds), $"log10 α_max = {rep.Log10Alpha:F2}"),
    Check.AtMost($"r = {widths[i]}: max over all I_k of ‖W(t) − Ŷ_k‖₂ / ε", rep.Verification!.MaxRatio, 1.0),
}).ToArray()));

// ═══ The gap to practice ═══
//
// *In words:* the theorem's $\alpha$ is what its proof can guarantee, not where incremental learning stops. The bound is sufficient, not necessary. We find numerically the largest $\alpha$ at which every rank-$k$ plateau is still *visited* within $\varepsilon$ — at some time, the weaker criterion of notebook 03 — (bisection on $\log\alpha$ over the closed form) and compare it with $\alpha_{\max}$. Checks: the measured $\alpha$ is at least ten decades above $\alpha_{\max}$ for every width.

// ── cell 11 ──
var working = theorems.Select(t => Measurements.LargestWorkingLog10Alpha(t)).ToArray();
var gap = theorems.Select((t, i) => working[i] - t.Log10AlphaMax).ToArray();
display(Figures.SeriesWithThresholds(widths.Select(w => (double)w).ToArray(), new[] { ("log10 α_max (Theorem 4)", theorems.Select(t => t.Log10AlphaMax).ToArray()), ("largest log10 α visiting every plateau (measured)", working) },
    "Theorem 4's α vs the α that works", "width r of Ū₀", "log10 α"));
display(Check.All(theorems.Select((t, i) => Check.AtLeast($"r = {widths[i]}: measured largest log10 α − log10 α_max is at least 10 decades", gap[i], 10)).ToArray()));

// The theorem is off by many decades: the constants $16M^2$ and the condition $\alpha \le c_\varepsilon/M$ come from worst-case norm bounds in the proof (block inverses, interlacing), each of which costs powers of $M$.

// ═══ Summary ═══
//
// - Theorem 4 gives the same windows as Theorem 3 for any invertible $\tilde W_0$, with $M$ entering both constants: every decade of $M$ costs $\frac{2(1+\rho)}{1-\rho}$ decades of $\alpha$.
// - The admissible $\alpha$ is astronomically small — about $10^{-22}$ for the Gaussian shape with $r = n$ here, still inside the double range — and for a crowded spectrum ($\rho = 0.97$) it falls far below the double range ($10^{-378}$); both are handled exactly in log space, and the conclusion checks out there.
// - In practice incremental learning is visible at $\alpha$ more than ten decades larger: the theorem is a sufficient condition.
//
// ═══ Exercises ═══
//
// Exercises 1 and 2 sit in the sections above, each with its scaffold; worked solutions, and the filled-in *build it* cell: [solutions/04-Theorem-4-General-Initialization-Solutions.ipynb](solutions/04-Theorem-4-General-Initialization-Solutions.ipynb).

// ← Previous: [03 · Theorem 3](03-Theorem-3-Incremental-Learning.ipynb) · Next: [05 · Random initialization](05-Random-Initialization.ipynb) →

// ── what the notebook displays, on the console (generated) ──
static void display(object? value) => IncLearn.Interactive.ConsoleDisplay.Show(value, "04-Theorem-4-General-Initialization");
