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
// - **build it yourself**: write $\sigma_{i,W}(t)$ of eq. (12) in a few lines and let the library confirm it;
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
// **What happens, in plain words.** If the start $U(0)$ already points along the eigenvectors $\varphi_i$ of $Y$, the flow never rotates it: each eigen-direction evolves on its own, as a single number $\sigma_{i,W}(t)$ — the model's value along $\varphi_i$. Each number grows exponentially at rate $2\sigma_{i,Y}$ while small and saturates at its target $\sigma_{i,Y}$: an S-shaped (logistic) curve. A direction where $Y$ is zero is only braked, so it decays slowly.
//
// **The math.** A spectral initialization $U(0) = \alpha^{1/2}\Phi\Sigma_{U_0}V_{U_0}^\top$ shares its left singular vectors with $Y$. Here $V_{U_0}\in\mathbb R^{r\times n}$ has orthonormal **columns** ($V_{U_0}^\top V_{U_0} = I_n$, which needs $r \ge n$), so it drops out of $W(0) = U(0)U(0)^\top = \alpha\Phi\Sigma_{U_0}^2\Phi^\top$; it is not the $V = \tilde W_0^{-1}$ of notebooks 01 and 04. Then $\tilde W = \Phi^\top W\Phi$ stays diagonal (eq. (11)) and each diagonal entry follows its own curve — **Corollary 2**:
//
// $$\sigma_{i,W}(t) = \frac{\alpha\sigma_{i,0}\sigma_{i,Y}e^{2\sigma_{i,Y}t}}{\sigma_{i,Y} + \alpha\sigma_{i,0}(e^{2\sigma_{i,Y}t} - 1)}\ \ (\sigma_{i,Y} > 0),\qquad \sigma_{i,W}(t) = \frac{\alpha\sigma_{i,0}}{1 + 2\alpha\sigma_{i,0}t}\ \ (\sigma_{i,Y} = 0), \qquad (12),(13)$$
//
// with $\sigma_{i,0} = [\Sigma_{U_0}^2]_{ii}$. (Each is the solution of the scalar Riccati equation $\dot s = 2\sigma_{i,Y}s - 2s^2$, $s(0) = \alpha\sigma_{i,0}$.)
//
// **The computation.** The library evaluates (12) as $\alpha\sigma_{i,0}\sigma_{i,Y}/(\sigma_{i,Y} e^{-2\sigma_{i,Y} t} - \alpha\sigma_{i,0}\,\mathrm{expm1}(-2\sigma_{i,Y} t))$: no growing exponential, no cancellation (`SpectralTrajectory`), and, independently, the full matrix closed form of Proposition 1 (`ClosedFormSolution`).

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
// Proposition 1's matrix $\Phi^\top W(t)\Phi$ must be diagonal with the entries of (12)–(13): a formula with a wrong exponent, a missing $-1$ or a rotated start would break one or the other. The measurement is the library's `Corollary2Agreement.Measure`.

// ── cell 4 ──
var agreement = Corollary2Agreement.Measure(proposition, corollary, times);
display(Check.All(
    Check.ErrorAtMost("max |off-diagonal of ΦᵀW(t)Φ| / σ₁", agreement.MaxOffDiagonal / y.SigmaY[0], 1e-12),
    Check.ErrorAtMost("max relative difference of diag(ΦᵀW(t)Φ) and eqs. (12)–(13)", agreement.MaxRelativeDiagonalDifference, 1e-12)));

// *Why $10^{-12}$:* both sides are evaluated stably in double precision, so they agree to rounding: $10^{-12}$ relative is about $10^4$ machine epsilons, and off-diagonal entries stay below $10^{-12}\sigma_1$.

// ═══ Build it: write eq. (12)–(13) yourself ═══
//
// Fill in `SigmaW` below (the cell is tagged `build-it`): return $\sigma_{i,W}(t)$ for one mode with target `sigmaY` ($= \sigma_{i,Y}$, possibly 0), initial shape `sigma0i` ($= \sigma_{i,0}$) and scale `a` ($= \alpha$) — eq. (12) when $\sigma_{i,Y} > 0$, eq. (13) when $\sigma_{i,Y} = 0$. Write it exactly as printed; `Math.Exp` is fine for the times of this chapter. The check compares your function with the library's `SpectralTrajectory` for every mode (the zero modes included) at every time of the grid; until you fill it in it says *not yet implemented*.

// ── cell 5 ──
// Build it — σ_{i,W}(t) of Corollary 2, eqs. (12)–(13).
double SigmaW(double sigmaY, double sigma0i, double a, double t)
{
    throw new NotImplementedException("write eq. (12) for sigmaY > 0 and eq. (13) for sigmaY = 0");
}
display(Check.BuildIt("build it: your eqs. (12)–(13) = SpectralTrajectory, every mode and time (relative ≤ 1e-12)", () =>
{
    var library = corollary.On(times);   // library[i][j] = σ_{i,W}(t_j)
    double worst = 0;
    for (int i = 0; i < corollary.N; i++)
        for (int j = 0; j < times.Length; j++)
            worst = Math.Max(worst, Math.Abs(SigmaW(corollary.SigmaY[i], sigma0[i], alpha, times[j]) - library[i][j]) / Math.Max(library[i][j], 1e-300));
    return Check.ErrorAtMost("build it: max over modes and times of |σ_i,W(yours) − σ_i,W(library)| / σ_i,W(library)", worst, 1e-12);
}));

// *Why $10^{-12}$:* at the times of this grid $e^{2\sigma_{i,Y}t}$ stays far below overflow and the denominator adds positive terms, so the printed form loses only $\approx 2\sigma_{i,Y}t\cdot10^{-16}$ relative to the library's stable form. Dropping the $-1$, a factor 2 in the exponent or the zero-mode branch fails it (the first by about $\alpha\sigma_{i,0}/\sigma_{i,Y}$, still far above $10^{-12}$).

// ═══ The sharp transition and its time ═══
//
// **In plain words.** A mode stays invisible while $\alpha\sigma_{i,0}e^{2\sigma_{i,Y}t}$ is small, and is learned as soon as that exponential catches up with its target $\sigma_{i,Y}$ — so the time it takes is a logarithm: how many e-foldings at rate $2\sigma_{i,Y}$ separate $\alpha\sigma_{i,0}$ from $\sigma_{i,Y}$.
//
// **The math.** For small $\alpha$, $\sigma_{i,W}$ stays near $\alpha\sigma_{i,0}$, then rises to $\sigma_{i,Y}$ in a short phase around
//
// $$t_i \approx \frac{1}{2\sigma_{i,Y}}\log\frac{\sigma_{i,Y}}{\alpha\sigma_{i,0}},$$
//
// the time at which $\alpha\sigma_{i,0}e^{2\sigma_{i,Y}t}$ reaches $\sigma_{i,Y}$. Solving (12) for $\sigma_{i,W} = \sigma_{i,Y}/2$ gives exactly $\frac{1}{2\sigma_{i,Y}}\log\frac{\sigma_{i,Y} - \alpha\sigma_{i,0}}{\alpha\sigma_{i,0}}$: the estimate is off by $-\frac{1}{2\sigma_{i,Y}}\log(1 - \alpha\sigma_{i,0}/\sigma_{i,Y}) \approx \alpha\sigma_{i,0}/(2\sigma_{i,Y}^2)$.
//
// **The computation and check.** We measure the half-way time by bisection on the matrix solution and compare it with the estimate.

// ── cell 6 ──
var estimate = Enumerable.Range(0, y.K).Select(i => corollary.TransitionTime(i)).ToArray();
var halfway = Enumerable.Range(0, y.K).Select(i => Measurements.HalfwayTime(proposition, i, tMax: 2 * estimate.Max())).ToArray();
display(Check.All(Enumerable.Range(0, y.K).Select(i =>
    Check.ErrorAtMost($"mode {i + 1}: |half-way time − log(σ/(ασ₀))/(2σ)| ≤ ασ₀/σ² + 1e-9·t", Math.Abs(halfway[i] - estimate[i]),
        alpha * sigma0[i] / (y.SigmaY[i] * y.SigmaY[i]) + 1e-9 * estimate[i])).ToArray()));

// *Why $\alpha\sigma_{i,0}/\sigma_{i,Y}^2 + 10^{-9}t$:* twice the estimate's exact offset $\approx\alpha\sigma_{i,0}/(2\sigma_{i,Y}^2)$, plus the bisection's $10^{-12}$-relative tolerance with room to spare. A transition time off by a factor 2 (rate $\sigma_i$ instead of $2\sigma_i$) misses by about $t_i$ itself.
//
// **Try it.** Give mode 1 a head start, $\sigma_{1,0} = 10$ instead of 1. How much earlier is it learned? Predict it from the formula above before measuring. (Answer in the solutions notebook.)

// ═══ Figure 1, left: the transitions ═══
//
// Each $\sigma_{i,W}(t)$ (solid) rises to its target $\sigma_{i,Y}$ (dashed). The shaded bands are the transition phases $\big[\frac{1}{2\sigma_i}\log\frac{c_\varepsilon}{\alpha}, \frac{1}{2\sigma_i}\log\frac{C_\varepsilon}{\alpha}\big]$ of Section III-A, with $c_\varepsilon$, $C_\varepsilon$ of Theorem 3 (notebook 03): before the band the mode is below $c_\varepsilon\sigma_{i,0}$, after it within $\varepsilon$ of its target. At this $\alpha$ neighbouring bands still overlap — the labels of overlapping bands are stacked.

// ── cell 7 ──
var theorem = new Theorem3(y, sigma0, epsilon);
var phases = Enumerable.Range(0, y.K).Select(i =>
    ((theorem.LogSmallC - Math.Log(alpha)) / (2 * y.SigmaY[i]), (theorem.LogLargeC - Math.Log(alpha)) / (2 * y.SigmaY[i]))).ToArray();
display(Figures.Trajectories(times, corollary.On(times).Take(y.K).ToArray(), y.SigmaY.Take(y.K).ToArray(), phases, $"Figure 1 (left): σ_i,W(t), spectral start, α = {alpha:G2}"));

// ═══ Figure 1, right: smaller $\alpha$ separates the transitions ═══
//
// **In plain words.** Every mode needs $\log(1/\alpha)$-many e-foldings, but fast modes ($\sigma_i$ large) do them quicker. Shrinking $\alpha$ adds the same number of e-foldings to every mode, which costs the slow modes more time than the fast ones: the transitions pull apart, and between them the model sits on a rank-$k$ plateau.
//
// **The math.** The transition times grow like $\log(1/\alpha)/(2\sigma_i)$: dividing $\alpha$ by $10^{6}$ delays mode $i$ by $\log(10^6)/(2\sigma_i)$, more for small $\sigma_i$.

// ── cell 8 ──
var panels = alphasRight.Select(a =>
{
    var traj = new SpectralTrajectory(y, Initialization.Spectral(y, sigma0, a));
    double tMaxPanel = 1.3 * traj.TransitionTime(y.K - 1);
    return (traj, (IReadOnlyList<double>)Enumerable.Range(0, 401).Select(j => tMaxPanel * j / 400).ToArray());
}).ToArray();
display(Figures.TrajectoryPanels(panels, "Figure 1 (right): as α decreases, the transitions separate"));

// **Change α and see it, without a kernel.** The same trajectories for α from $10^{-2}$ down to $10^{-12}$, one α at a time, chosen with a slider. The slider is plain plotly.js (every step is computed here, in advance), so it also works in the offline pages and in any viewer that runs plotly.js. All steps share one time axis: as α shrinks, the transitions move right and apart. **A static image of this figure** (an exported page, a viewer without JavaScript) **shows the slider's default position only, α = 10⁻²**, and its slider does nothing there.

// ── cell 9 ──
var sliderAlphas = Enumerable.Range(0, 6).Select(k => Math.Pow(10, -2 - 2 * k)).ToArray();   // 1e-2, 1e-4, …, 1e-12
double tMaxSlider = 1.3 * new SpectralTrajectory(y, Initialization.Spectral(y, sigma0, sliderAlphas[^1])).TransitionTime(y.K - 1);
var tSlider = Enumerable.Range(0, 301).Select(j => tMaxSlider * j / 300).ToArray();
display(Figures.AlphaSlider(sliderAlphas.Select(a => (new SpectralTrajectory(y, Initialization.Spectral(y, sigma0, a)), (IReadOnlyList<double>)tSlider)).ToArray(),
    "Figure 1 with a slider over α: the transitions separate as α shrinks<br>(default step α = 10^-2; a static image shows only that step)"));

// **Explore it live.** The chart below recomputes eq. (12) in the page itself — the closed form written out in a few lines of JavaScript, no kernel round trip — for any α on its slider. Drag it: every transition moves right by $\log(10)/(2\sigma_i)$ per decade of α, so the slow modes move most and the plateaus widen. A static view (an image, nbviewer) shows only the default α.

// ── cell 10 ──
display(Explorables.SpectralTrajectories(eigenvalues, sigma0[..eigenvalues.Length], alpha, 0, tMaxSlider));

// ═══ Check: the transitions separate as $\alpha$ decreases ═══
//
// The gap between consecutive transitions, $t_{i+1} - t_i = \frac{1}{2}\big(\frac{1}{\sigma_{i+1}} - \frac{1}{\sigma_i}\big)\log\frac1\alpha + \text{const}$, grows with $\log(1/\alpha)$. Measured on the half-way times of each panel's solution: the smallest gap grows from each $\alpha$ to the next smaller one.

// ── cell 11 ──
var gaps = alphasRight.Select(a =>
{
    var tr = new SpectralTrajectory(y, Initialization.Spectral(y, sigma0, a));
    var half = Enumerable.Range(0, y.K).Select(i => Measurements.HalfwayTime(tr, i, 2 * tr.TransitionTime(y.K - 1))).ToArray();
    return Enumerable.Range(0, y.K - 1).Select(i => half[i + 1] - half[i]).Min();
}).ToArray();
display(Check.That("the smallest gap between measured transitions grows as α decreases", gaps.Zip(gaps.Skip(1)).All(p => p.First < p.Second),
    $"smallest gaps {string.Join(", ", gaps.Select(g => g.ToString("F3")))} for α = {string.Join(", ", alphasRight)}"));

// **Try it.** By how much does the gap between the half-way times of modes 3 and 4 grow when $\alpha$ is divided by $10^6$? Predict it from $t_{i+1} - t_i$ above, then measure it on the panels. (Answer in the solutions notebook.)

// ═══ Summary ═══
//
// - Under spectral initialization the flow decouples into scalar curves (12)–(13); the matrix closed form reproduces them to $10^{-12}$, and so does your own eq. (12).
// - Each mode switches on at $t_i\approx\frac{1}{2\sigma_i}\log\frac{\sigma_i}{\alpha\sigma_{i,0}}$ (measured half-way times match to within $\alpha\sigma_{i,0}/\sigma_i^2$).
// - Smaller $\alpha$ separates the transitions, and low-rank approximations appear on the way — Figure 1.
//
// ═══ Exercises ═══
//
// Scaffolds below work on their own variables; solutions: [solutions/02-Corollary-2-Spectral-Initialization-Solutions.ipynb](solutions/02-Corollary-2-Spectral-Initialization-Solutions.ipynb).
//
// 1. Give mode 2 a larger initial value ($\sigma_{2,0} = 10^3$) in a copy of `sigma0`. Can mode 2 now be learned before mode 1? *Hint: compare $\log(\sigma_i/(\alpha\sigma_{i,0}))/(2\sigma_i)$ for $i = 1, 2$, then measure with `Measurements.HalfwayTime`.*
// 2. Plot a zero mode (13) on a log-log axis. What slope do you see for large $t$? *Hint: $\alpha\sigma_{i,0}/(1 + 2\alpha\sigma_{i,0} t)$; `SpectralTrajectory.Evaluate(sigmaY: 0, sigma0: 1, logAlpha: Math.Log(alpha), t)` evaluates it, as in the scaffold.*

// ── cell 12 ──
// Exercise 1 — scaffold
var sigma0Ex1 = sigma0.ToArray(); sigma0Ex1[1] = 1e3;
var trajEx1 = new SpectralTrajectory(y, Initialization.Spectral(y, sigma0Ex1, alpha));
// compare trajEx1.TransitionTime(0) and trajEx1.TransitionTime(1); measure with Measurements.HalfwayTime(trajEx1, i, tMax)

// ── cell 13 ──
// Exercise 2 — scaffold: a zero mode (σ_Y = 0, σ₀ = 1) on a log-spaced grid around t = 1/α
var tEx2 = Enumerable.Range(0, 121).Select(j => Math.Pow(10, -2 + 0.1 * j) / alpha).ToArray();
// var zeroMode = tEx2.Select(t => SpectralTrajectory.Evaluate(sigmaY: 0, sigma0: 1, logAlpha: Math.Log(alpha), t: t)).ToArray();
// Figures.Series(tEx2, new[] { ("σ_W(t), σ_Y = 0", zeroMode) }, "…", "t (log)", "σ_W (log)", logY: true, logX: true)

// ← Previous: [01 · Proposition 1](01-Proposition-1-Closed-Form.ipynb) · Next: [03 · Theorem 3](03-Theorem-3-Incremental-Learning.ipynb) →

// ── what the notebook displays, on the console (generated) ──
static void display(object? value) => IncLearn.Interactive.ConsoleDisplay.Show(value, "02-Corollary-2-Spectral-Initialization");
