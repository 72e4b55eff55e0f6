// Generated from ../notebooks/02-Corollary-2-Spectral-Initialization.ipynb by `inclearn-nb export --to cs`: edit the notebook, not this file.
// Run from the repository: dotnet run apps/02-Corollary-2-Spectral-Initialization.cs
#:property ManagePackageVersionsCentrally=false
#:property TreatWarningsAsErrors=false
#:property PublishAot=false
#:package MathNet.Numerics@5.0.0
#:project ../src/IncLearn.Interactive/IncLearn.Interactive.csproj

using IncLearn;
using IncLearn.Interactive;
using MathNet.Numerics.LinearAlgebra;

// ═══ 02 · Corollary 2: spectral initialization and Figure 1 ═══
//
// **In this notebook you will learn to**
// - see why a spectral initialization decouples the flow into $n$ scalar equations, eqs. (12)–(13);
// - predict when each mode is learned, $t_i \approx \frac{1}{2\sigma_i}\log\frac{\sigma_i}{\alpha\sigma_{i,0}}$, and check it;
// - reproduce Figure 1 of the paper.
//
// **Time:** about 12 min to read, about 16 s to run, kernel start included (measured in the real kernel on a shared 2-core machine).

// ═══ Setup ═══
//
// The same cell opens every notebook: packages, this project's library, formatters (explained in [00-Start-Here](00-Start-Here.ipynb)).

// ── cell 1 ──
Notebook.Setup();

// ═══ Parameters ═══
//
// The cell below is tagged `parameters`. Change a value there and *Run All*, or let the runner inject one: `-p alpha=1e-5` adds a cell tagged `injected-parameters` right after it holding the C# assignment `alpha = 1e-5;` (the convention is stated in [00-Start-Here](00-Start-Here.ipynb#parameters-one-cell-per-notebook)). Every check below derives its expectation from these values.

// ── cell 2 ──
double alpha = 1e-6;                                // α of Figure 1 (left)
double[] eigenvalues = { 10, 6, 3, 1 };             // σ₁ > … > σ_K > 0
int n = 6;
int phiSeed = 7;
double[] sigma0 = { 1, 1, 1, 1, 1, 1 };            // σ_{i,0} = [Σ²_{U₀}]_ii, i = 1 … n (spectral shape)
double epsilon = 0.1;                               // ε of the transition phases (Theorem 3's c_ε, C_ε)
double[] alphasRight = { 1e-2, 1e-6, 1e-12 };       // the α of Figure 1 (right), decreasing
int timePoints = 600;

// ═══ Decoupled scalar dynamics ═══
//
// A spectral initialization $U(0) = \alpha^{1/2}\Phi\Sigma_{U_0}V_{U_0}^\top$ shares its left singular vectors with $Y$ ($V_{U_0}$, any matrix with orthonormal rows, is not the $V = \tilde W_0^{-1}$ of notebooks 01 and 04). Then $\tilde W = \Phi^\top W\Phi$ stays diagonal (eq. (11)) and each diagonal entry follows its own logistic-type curve — **Corollary 2**:
//
// $$\sigma_{i,W}(t) = \frac{\alpha\sigma_{i,0}\sigma_{i,Y}e^{2\sigma_{i,Y}t}}{\sigma_{i,Y} + \alpha\sigma_{i,0}(e^{2\sigma_{i,Y}t} - 1)}\ \ (\sigma_{i,Y} > 0),\qquad \sigma_{i,W}(t) = \frac{\alpha\sigma_{i,0}}{1 + 2\alpha\sigma_{i,0}t}\ \ (\sigma_{i,Y} = 0), \qquad (12),(13)$$
//
// with $\sigma_{i,0} = [\Sigma_{U_0}^2]_{ii}$. The library evaluates (12) as $\alpha\sigma_{i,0}\sigma_{i,Y}/(\sigma_{i,Y} e^{-2\sigma_{i,Y} t} - \alpha\sigma_{i,0}\,\mathrm{expm1}(-2\sigma_{i,Y} t))$: no growing exponential, no cancellation.

// ── cell 3 ──
var y = Target.FromSpectrum(eigenvalues, n, phiSeed);
var init = Initialization.Spectral(y, sigma0, alpha);
var corollary = new SpectralTrajectory(y, init);
var proposition = new ClosedFormSolution(y, init);
double tEnd = 1.3 * corollary.TransitionTime(y.K - 1);
var times = Enumerable.Range(0, timePoints + 1).Select(j => tEnd * j / timePoints).ToArray();
display(corollary.At(tEnd / 2));

// ═══ Check: the matrix solution stays diagonal in $\Phi$ and equals (12)–(13) ═══
//
// Proposition 1's matrix $\Phi^\top W(t)\Phi$ must be diagonal with the entries of (12)–(13). Both are evaluated stably in double precision, so they agree to rounding: $10^{-12}$ relative (about $10^4$ machine epsilons), and off-diagonal entries below $10^{-12}\sigma_1$. The measurement is the library's `Corollary2Agreement.Measure`.

// ── cell 4 ──
var agreement = Corollary2Agreement.Measure(proposition, corollary, times);
display(Check.All(
    Check.ErrorAtMost("max |off-diagonal of ΦᵀW(t)Φ| / σ₁", agreement.MaxOffDiagonal / y.SigmaY[0], 1e-12),
    Check.ErrorAtMost("max relative difference of diag(ΦᵀW(t)Φ) and eqs. (12)–(13)", agreement.MaxRelativeDiagonalDifference, 1e-12)));

// ═══ The sharp transition and its time ═══
//
// For small $\alpha$, $\sigma_{i,W}$ stays near $\alpha\sigma_{i,0}$, then rises to $\sigma_{i,Y}$ in a short phase around
//
// $$t_i \approx \frac{1}{2\sigma_{i,Y}}\log\frac{\sigma_{i,Y}}{\alpha\sigma_{i,0}},$$
//
// the time at which $\alpha\sigma_{i,0}e^{2\sigma_{i,Y}t}$ reaches $\sigma_{i,Y}$. Solving (12) for $\sigma_{i,W} = \sigma_{i,Y}/2$ gives exactly $\frac{1}{2\sigma_{i,Y}}\log\frac{\sigma_{i,Y} - \alpha\sigma_{i,0}}{\alpha\sigma_{i,0}}$: the estimate is off by $-\frac{1}{2\sigma_{i,Y}}\log(1 - \alpha\sigma_{i,0}/\sigma_{i,Y}) \approx \alpha\sigma_{i,0}/(2\sigma_{i,Y}^2)$. We measure the half-way time by bisection on the matrix solution (to $10^{-12}$ relative) and allow $\alpha\sigma_{i,0}/\sigma_{i,Y}^2$ plus $10^{-9}$ relative.

// ── cell 5 ──
var estimate = Enumerable.Range(0, y.K).Select(i => corollary.TransitionTime(i)).ToArray();
var halfway = Enumerable.Range(0, y.K).Select(i => Measurements.HalfwayTime(proposition, i, tMax: 2 * estimate.Max())).ToArray();
display(Check.All(Enumerable.Range(0, y.K).Select(i =>
    Check.ErrorAtMost($"mode {i + 1}: |half-way time − log(σ/(ασ₀))/(2σ)| ≤ ασ₀/σ² + 1e-9·t", Math.Abs(halfway[i] - estimate[i]),
        alpha * sigma0[i] / (y.SigmaY[i] * y.SigmaY[i]) + 1e-9 * estimate[i])).ToArray()));

// ═══ Figure 1, left: the transitions ═══
//
// Each $\sigma_{i,W}(t)$ (solid) rises to its target $\sigma_{i,Y}$ (dashed). The shaded bands are the transition phases $\big[\frac{1}{2\sigma_i}\log\frac{c_\varepsilon}{\alpha}, \frac{1}{2\sigma_i}\log\frac{C_\varepsilon}{\alpha}\big]$ of Section III-A, with $c_\varepsilon$, $C_\varepsilon$ of Theorem 3 (notebook 03): before the band the mode is below $c_\varepsilon\sigma_{i,0}$, after it within $\varepsilon$ of its target.

// ── cell 6 ──
var theorem = new Theorem3(y, sigma0, epsilon);
var phases = Enumerable.Range(0, y.K).Select(i =>
    ((theorem.LogSmallC - Math.Log(alpha)) / (2 * y.SigmaY[i]), (theorem.LogLargeC - Math.Log(alpha)) / (2 * y.SigmaY[i]))).ToArray();
display(Figures.Trajectories(times, corollary.On(times).Take(y.K).ToArray(), y.SigmaY.Take(y.K).ToArray(), phases, $"Figure 1 (left): σ_i,W(t) under spectral initialization, α = {alpha:G2}"));

// ═══ Figure 1, right: smaller $\alpha$ separates the transitions ═══
//
// The transition times grow like $\log(1/\alpha)/(2\sigma_i)$: dividing $\alpha$ by $10^{6}$ delays mode $i$ by $\log(10^6)/(2\sigma_i)$, more for small $\sigma_i$. The phases pull apart and rank-$k$ plateaus appear in between.

// ── cell 7 ──
var panels = alphasRight.Select(a =>
{
    var traj = new SpectralTrajectory(y, Initialization.Spectral(y, sigma0, a));
    double tMaxPanel = 1.3 * traj.TransitionTime(y.K - 1);
    return (traj, (IReadOnlyList<double>)Enumerable.Range(0, 401).Select(j => tMaxPanel * j / 400).ToArray());
}).ToArray();
display(Figures.TrajectoryPanels(panels, "Figure 1 (right): as α decreases, the transitions separate"));

// **Change α and see it, without a kernel.** The same trajectories for α from $10^{-2}$ down to $10^{-12}$, one α at a time, chosen with a slider. The slider is plain plotly.js (every step is computed here, in advance), so it also works in the offline pages and in any viewer that runs plotly.js. All steps share one time axis: as α shrinks, the transitions move right and apart.

// ── cell 8 ──
var sliderAlphas = Enumerable.Range(0, 6).Select(k => Math.Pow(10, -2 - 2 * k)).ToArray();   // 1e-2, 1e-4, …, 1e-12
double tMaxSlider = 1.3 * new SpectralTrajectory(y, Initialization.Spectral(y, sigma0, sliderAlphas[^1])).TransitionTime(y.K - 1);
var tSlider = Enumerable.Range(0, 301).Select(j => tMaxSlider * j / 300).ToArray();
display(Figures.AlphaSlider(sliderAlphas.Select(a => (new SpectralTrajectory(y, Initialization.Spectral(y, sigma0, a)), (IReadOnlyList<double>)tSlider)).ToArray(),
    "Figure 1 with a slider over α: the transitions separate as α shrinks"));

// ═══ Check: the transitions separate as $\alpha$ decreases ═══
//
// The gap between consecutive transitions, $t_{i+1} - t_i = \frac{1}{2}\big(\frac{1}{\sigma_{i+1}} - \frac{1}{\sigma_i}\big)\log\frac1\alpha + \text{const}$, grows with $\log(1/\alpha)$. Measured on the half-way times of each panel's solution: the smallest gap grows from each $\alpha$ to the next smaller one.

// ── cell 9 ──
var gaps = alphasRight.Select(a =>
{
    var tr = new SpectralTrajectory(y, Initialization.Spectral(y, sigma0, a));
    var half = Enumerable.Range(0, y.K).Select(i => Measurements.HalfwayTime(tr, i, 2 * tr.TransitionTime(y.K - 1))).ToArray();
    return Enumerable.Range(0, y.K - 1).Select(i => half[i + 1] - half[i]).Min();
}).ToArray();
display(Check.That("the smallest gap between measured transitions grows as α decreases", gaps.Zip(gaps.Skip(1)).All(p => p.First < p.Second),
    $"smallest gaps {string.Join(", ", gaps.Select(g => g.ToString("F3")))} for α = {string.Join(", ", alphasRight)}"));

// ═══ Summary ═══
//
// - Under spectral initialization the flow decouples into scalar curves (12)–(13); the matrix closed form reproduces them to $10^{-12}$.
// - Each mode switches on at $t_i\approx\frac{1}{2\sigma_i}\log\frac{\sigma_i}{\alpha\sigma_{i,0}}$ (measured half-way times match to within $\alpha\sigma_{i,0}/\sigma_i^2$).
// - Smaller $\alpha$ separates the transitions, and low-rank approximations appear on the way — Figure 1.
//
// ═══ Exercises ═══
//
// Scaffolds below work on their own variables; solutions: [solutions/02-Corollary-2-Spectral-Initialization-Solutions.ipynb](solutions/02-Corollary-2-Spectral-Initialization-Solutions.ipynb).
//
// 1. Give mode 2 a larger initial value ($\sigma_{2,0} = 10^3$) in a copy of `sigma0`. Can mode 2 now be learned before mode 1? *Hint: compare $\log(\sigma_i/(\alpha\sigma_{i,0}))/(2\sigma_i)$ for $i = 1, 2$, then measure with `Measurements.HalfwayTime`.*
// 2. Plot a zero mode (13) on a log-log axis. What slope do you see for large $t$? *Hint: $\alpha\sigma_{i,0}/(1 + 2\alpha\sigma_{i,0} t)$; `SpectralTrajectory.Evaluate(0, sigma0, logAlpha, t)` evaluates it.*

// ── cell 10 ──
// Exercise 1 — scaffold
var sigma0Ex1 = sigma0.ToArray(); sigma0Ex1[1] = 1e3;
var trajEx1 = new SpectralTrajectory(y, Initialization.Spectral(y, sigma0Ex1, alpha));
// compare trajEx1.TransitionTime(0) and trajEx1.TransitionTime(1); measure with Measurements.HalfwayTime(trajEx1, i, tMax)

// ── cell 11 ──
// Exercise 2 — scaffold: a zero mode (σ_Y = 0) on a log-spaced grid
var tEx2 = Enumerable.Range(0, 121).Select(j => Math.Pow(10, -2 + 0.1 * j)).ToArray();
// var zeroMode = tEx2.Select(t => SpectralTrajectory.Evaluate(0, 1, Math.Log(alpha), t)).ToArray();
// Figures.Series(tEx2, new[] { ("σ_W(t), σ_Y = 0", zeroMode) }, "…", "t (log)", "σ_W (log)", logY: true, logX: true)

// ← Previous: [01 · Proposition 1](01-Proposition-1-Closed-Form.ipynb) · Next: [03 · Theorem 3](03-Theorem-3-Incremental-Learning.ipynb) →

// ── what the notebook displays, on the console (generated) ──
static void display(object? value) => IncLearn.Interactive.ConsoleDisplay.Show(value, "02-Corollary-2-Spectral-Initialization");
