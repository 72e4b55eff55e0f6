// Generated from ../notebooks/01-Proposition-1-Closed-Form.ipynb by `inclearn-nb export --to cs`: edit the notebook, not this file.
// Run from the repository: dotnet run apps/01-Proposition-1-Closed-Form.cs
#:property ManagePackageVersionsCentrally=false
#:property TreatWarningsAsErrors=false
#:property PublishAot=false
#:package MathNet.Numerics@5.0.0
#:project ../src/IncLearn.Interactive/IncLearn.Interactive.csproj

using IncLearn;
using IncLearn.Interactive;
using MathNet.Numerics.LinearAlgebra;

// ═══ 01 · Proposition 1: the closed-form solution of gradient flow ═══
//
// **In this notebook you will learn to**
// - derive the Riccati equation for $W = UU^\top$ and read its closed form, eqs. (5)–(6);
// - check the closed form against a numerical integration of the gradient flow on $U$;
// - see why the formula *as printed* fails numerically, and how the library evaluates it stably.
//
// **Time:** about 15 min to read, about 23 s to run, kernel start included (measured in the real kernel on a shared 2-core machine).
// Notation as in the table of [00-Start-Here](00-Start-Here.ipynb#notation): $\bar W_0 = \bar U_0\bar U_0^\top$ and $\tilde W_0 = \Phi^\top\bar W_0\Phi$ carry **no** $\alpha$; $W_0 = \alpha\bar W_0$ does.

// ═══ Setup ═══
//
// The same cell opens every notebook: packages, this project's library, formatters (explained in [00-Start-Here](00-Start-Here.ipynb)).

// ── cell 1 ──
Notebook.Setup();

// ═══ Parameters ═══
//
// The cell below is tagged `parameters`. Change a value there and *Run All*, or let the runner inject one: `-p alpha=1e-5` adds a cell tagged `injected-parameters` right after it holding the C# assignment `alpha = 1e-5;` (the convention is stated in [00-Start-Here](00-Start-Here.ipynb#parameters-one-cell-per-notebook)). Every check below derives its expectation from these values.

// ── cell 2 ──
// Proposition 1 on the Figure-1 target (defaults) with a Gaussian shape Ū₀ of width r = n.
double alpha = 1e-6;                     // initialization scale α: U(0) = α^{1/2} Ū₀
double[] eigenvalues = { 10, 6, 3, 1 };  // σ₁ > … > σ_K > 0, the non-zero eigenvalues of Y
int n = 6;                               // Y is n×n
int phiSeed = 7;                         // seed of Y's eigenvectors Φ
int shapeSeed = 1;                       // seed of the Gaussian shape Ū₀ (n×n, N(0,1) entries)
double rtol = 1e-11;                     // the reference integrator's relative tolerance per step

// ═══ From gradient flow on $U$ to a Riccati equation on $W$ ═══
//
// Gradient flow on the loss (1), $\dot U = (Y - UU^\top)U$ (eq. (2)), induces for $W = UU^\top$
//
// $$\dot W = \dot U U^\top + U\dot U^\top = WY + YW - 2W^2,\qquad W(0) = W_0 = \alpha\bar W_0 \qquad (3)$$
//
// a matrix Riccati equation. **Proposition 1** solves it: with $Y = \Phi\,\mathrm{diag}(\Sigma_Y, 0)\,\Phi^\top$ and $\tilde W_0 = \Phi^\top\bar W_0\Phi$,
//
// $$W(t) = \Phi\,S(t)\,\alpha\tilde W_0\big(I_n + \alpha G(t)\tilde W_0\big)^{-1}S(t)\,\Phi^\top \qquad (5)$$
//
// $$S(t) = \mathrm{diag}\big(e^{\Sigma_Y t}, I_{n-K}\big),\qquad G(t) = \mathrm{diag}\big(\Sigma_Y^{-1}(e^{2\Sigma_Y t} - I_K),\ 2t\,I_{n-K}\big). \qquad (6)$$
//
// (The paper writes (5) with $\Phi^\top W_0\Phi = \alpha\tilde W_0$; we keep $\alpha$ visible.) The time grid runs to $1.3\cdot\frac{1}{2\sigma_K}\log\frac1\alpha$, past the slowest transition.

// ── cell 3 ──
var y = Target.FromSpectrum(eigenvalues, n, phiSeed);
var init = Initialization.RandomGaussian(n, n, alpha, shapeSeed);
var closedForm = new ClosedFormSolution(y, init);
double tEnd = Math.Ceiling(1.3 * Math.Log(1 / alpha) / (2 * y.SigmaY[y.K - 1]));
var times = Enumerable.Range(0, 81).Select(j => tEnd * j / 80).ToArray();
var flow = GradientFlowIntegrator.Integrate(y, init, times, rtol: rtol);
display($"grid 0 … {tEnd}; integrator: {flow.Statistics.Accepted} accepted steps, {flow.Statistics.Rejected} rejected");

// ═══ Check: closed form = integrated flow ═══
//
// The integrator (Dormand–Prince 5(4) on $U$, not on $W$; relative tolerance `rtol` per step) accumulates a global error of a few hundred `rtol` over its steps, so the check allows $10^3\cdot$`rtol` relative (Frobenius) — still far below the error of order 1 a wrong formula would make.

// ── cell 4 ──
var relErrors = times.Select((t, j) => (closedForm.At(t) - flow.W[j]).FrobeniusNorm() / flow.W[j].FrobeniusNorm()).ToArray();
display(Check.ErrorAtMost("max over the grid of ‖W_closed(t) − W_flow(t)‖_F / ‖W_flow(t)‖_F ≤ 1e3·rtol", relErrors.Max(), 1e3 * rtol));

// The eigenvalues of $W(t)$: first the closed form, drawn as lines (targets $\sigma_{i}$ dashed), then the integrator at the same times, drawn as markers — four sharp transitions, one per eigenvalue of $Y$, largest first. (Two figures because a figure draws all its series in one style.)

// ── cell 5 ──
double[] Eigs(Matrix<double> w) => w.Evd(Symmetricity.Symmetric).EigenValues.Select(c => c.Real).OrderDescending().ToArray();
var eigClosed = times.Select(t => Eigs(closedForm.At(t))).ToArray();
var eigFlow = flow.W.Select(Eigs).ToArray();
display(Figures.Trajectories(times, Enumerable.Range(0, y.K).Select(i => eigClosed.Select(e => e[i]).ToArray()).ToArray(), y.SigmaY.Take(y.K).ToArray(),
    Array.Empty<(double, double)>(), $"Closed form (5): eigenvalues λ_i(W(t)), α = {alpha:G2}"));
display(Figures.Series(times, Enumerable.Range(0, y.K).Select(i => ($"λ_{i + 1}(W(t)) integrator", eigFlow.Select(e => e[i]).ToArray())).ToArray(),
    "Integrated gradient flow on U: the same eigenvalues (markers)", "time t", "eigenvalues of W(t)", markers: true));

// Gradient descent with step $\eta$ is the discrete counterpart (notebook 06 studies it). Below: the difference from the closed form of the integrator and of gradient descent at $\eta = 0.002$ and $0.001$ (log axis). The integrator stays below $10^3\cdot$`rtol` (checked above); gradient descent differs most around the transitions, because it switches modes on slightly later — and halving $\eta$ roughly halves that difference (first order in $\eta$; checked with the ratio between 1.5 and 2.5).

// ── cell 6 ──
var gd02 = GradientDescent.Run(y, init, 0.002, times);
var gd01 = GradientDescent.Run(y, init, 0.001, times);
double[] Diff(IReadOnlyList<Matrix<double>> ws) => times.Select((t, j) => Math.Max((ws[j] - closedForm.At(t)).FrobeniusNorm() / y.Y.FrobeniusNorm(), 1e-17)).ToArray();
var diffGd02 = Diff(gd02.W); var diffGd01 = Diff(gd01.W); var diffFlow = Diff(flow.W);
display(Figures.Series(times, new[] { ("integrator − closed form", diffFlow), ("GD (η = 0.002) − closed form", diffGd02), ("GD (η = 0.001) − closed form", diffGd01) },
    "Difference from the closed form, relative to ‖Y‖_F", "time t", "‖W − W_closed‖_F / ‖Y‖_F (log)", logY: true)
    .MeasuringError("integrator − closed form")); // rounding-level: its bits vary with the CPU's BLAS kernel
double ratio = diffGd02.Max() / diffGd01.Max();
display(Check.All(
    Check.ErrorAtMost("max difference integrator − closed form, relative to ‖Y‖_F (≤ 1e3·rtol)", diffFlow.Max(), 1e3 * rtol),
    Check.AtLeast("GD difference ratio η = 0.002 vs 0.001 is at least 1.5 (first order: ≈ 2)", ratio, 1.5),
    Check.AtMost("GD difference ratio η = 0.002 vs 0.001 is at most 2.5 (first order: ≈ 2)", ratio, 2.5)));

// ═══ Check: $W(t)$ stays symmetric and positive semi-definite, and $W(t)\to Y$ ═══
//
// $W(t) = U(t)U(t)^\top$ is PSD for every $t$. The closed form is symmetrised by construction, so the check that can fail is the smallest eigenvalue: it must not go below $-10^{-12}\,\sigma_1$ (rounding of a small eigendecomposition is about $10^{-15}\sigma_1$). As $t\to\infty$, $W(t)\to Y$ because $\tilde W_0$ has full rank. Mind the two speeds: the $K$ modes with $\sigma_i > 0$ converge exponentially, but the null space of $Y$ ($n - K$ directions) only decays like eq. (13) in matrix form: its block of $\Phi^\top W\Phi$ tends to $N(t) = \alpha B(I + 2\alpha tB)^{-1}$, where $B = (V_{22})^{-1}$ is the Schur complement of $\tilde W_0$ on the null space ($V = \tilde W_0^{-1}$). At $t = 50$ it still holds $\approx\alpha\|B\|$ when $2\alpha t\|B\| \ll 1$, and we check $\|W(50) - Y\|_F$ against $\|N(50)\|_F$ (within 0.1 %: the learned modes have converged to within $e^{-2\sigma_K t}$ and the coupling of the blocks is of order $\alpha^2$). For the limit we go to $t = 10^{12}$, where $N \approx I/(2t)$, and the stable form must be accurate to rounding: $10^{-10}$ relative.

// ── cell 7 ──
double minEig = times.Select(t => Eigs(closedForm.At(t)).Min()).Min();
double asym = times.Select(t => { var w = closedForm.At(t); return (w - w.Transpose()).InfinityNorm(); }).Max();
var phiNull = y.Phi.SubMatrix(0, n, y.K, n - y.K);
var v = (y.Phi.Transpose() * init.ShapeGram * y.Phi).Inverse();
var b = v.SubMatrix(y.K, n - y.K, y.K, n - y.K).Inverse();
var nullPart = alpha * b * (Matrix<double>.Build.DenseIdentity(n - y.K) + 2 * alpha * 50 * b).Inverse();
display(Check.All(
    Check.AtLeast("min over t of λ_min(W(t)) ≥ −1e-12·σ₁ (PSD)", minEig, -1e-12 * y.SigmaY[0]),
    Check.ErrorAtMost("max over t of ‖W(t) − W(t)ᵀ‖∞ ≤ 1e-12·σ₁ (symmetric)", asym, 1e-12 * y.SigmaY[0]),
    Check.ErrorAtMost("‖W(1e12) − Y‖_F / ‖Y‖_F (W(t) → Y)", (closedForm.At(1e12) - y.Y).FrobeniusNorm() / y.Y.FrobeniusNorm(), 1e-10),
    Check.Close("‖W(50) − Y‖_F = ‖N(50)‖_F (slow null-space decay, eq. (13) in matrix form)", (closedForm.At(50) - y.Y).FrobeniusNorm(), nullPart.FrobeniusNorm(), 1e-3)));

// ═══ The numerical lesson: the formula as printed ═══
//
// Evaluated literally, eq. (5) forms $e^{\Sigma_Y t}$ and $G(t)\sim e^{2\sigma_1 t}/\sigma_1$, then inverts $I + \alpha G\tilde W_0$, whose entries span many orders of magnitude: large and small parts cancel, and accuracy is lost long before anything overflows. Once $2\sigma_1 t > 709$, $e^{2\sigma_1 t}$ overflows a double. We measure the relative error of the printed formula against the stable one (itself checked against the integrator above). Times where the printed formula is not finite are left out of the figure: the gap at the right is the overflow.

// ── cell 8 ──
double tOverflow = 709 / (2 * y.SigmaY[0]);
var tLesson = Enumerable.Range(1, 80).Select(j => 1.2 * tOverflow * j / 80).ToArray();
var printedError = tLesson.Select(t =>
{
    var printed = closedForm.AsPrintedAt(t);
    return printed.Enumerate().All(double.IsFinite) ? Math.Max((printed - closedForm.At(t)).FrobeniusNorm() / closedForm.At(t).FrobeniusNorm(), 1e-17) : double.NaN;
}).ToArray();
double firstNonFinite = tLesson.Where((t, j) => double.IsNaN(printedError[j])).DefaultIfEmpty(double.NaN).First();
// Growth rate: least-squares slope of log(error) against t where the error is above rounding (1e-13) and finite.
var growth = tLesson.Select((t, j) => (t, e: printedError[j])).Where(p => p.e > 1e-13 && double.IsFinite(p.e)).ToArray();
double mt = growth.Average(p => p.t), ml = growth.Average(p => Math.Log(p.e));
double rate = growth.Sum(p => (p.t - mt) * (Math.Log(p.e) - ml)) / growth.Sum(p => (p.t - mt) * (p.t - mt));
// Where the fitted line log(error) = ml + rate·(t − mt) crosses 1e-8. Each grid point's error is rounding amplified by
// e^(σ₁t), so it moves by up to about a decade from one CPU's BLAS kernel to another; the fit through all of them moves little.
double firstBad = mt + (Math.Log(1e-8) - ml) / rate;
display($"printed formula: its error grows at rate ≈ {rate:G2} (σ₁ = {y.SigmaY[0]:G4}) and passes 1e-8 near t ≈ {firstBad:F0}; first non-finite at t = {firstNonFinite:G4}");
display(Figures.Series(tLesson, new[] { ("relative error of eq. (5) as printed", printedError) },
    $"Eq. (5) as printed vs the stable form: error grows like e^(σ₁t), σ₁ = {y.SigmaY[0]:G4}; gap = overflow", "time t", "relative Frobenius error (log)", logY: true)
    .MeasuringError("relative error of eq. (5) as printed"));

// ═══ Check: the printed formula fails, the stable one does not ═══
//
// Measured, not derived: the printed formula's error grows at a rate close to $\sigma_1$ (not $2\sigma_1$, although $G$ holds $e^{2\sigma_1 t}$) — checked within 25 %; it passes $10^{-8}$ in the first quarter of the time before overflow; and it is non-finite once $2\sigma_1 t > 709$. The stable evaluation at the same times agrees with the integrator (the check above): the failure is the formula's arithmetic, not the mathematics.

// ── cell 9 ──
display(Check.All(
    Check.Close("growth rate of the printed formula's log-error ≈ σ₁", rate, y.SigmaY[0], 0.25),
    Check.ErrorAtMost("t where the printed formula's fitted relative error passes 1e-8, before ¼ of 709/(2σ₁)", firstBad, tOverflow / 4),
    Check.That("the printed formula is non-finite once 2σ₁t > 709", double.IsFinite(firstNonFinite) && firstNonFinite <= tOverflow + 1.2 * tOverflow / 80,
        $"first non-finite at t = {firstNonFinite:G4}, 709/(2σ₁) = {tOverflow:F2}"),
    Check.That("the stable form is finite at t = 1e6", closedForm.At(1e6).Enumerate().All(double.IsFinite), "every entry of W(1e6) is finite")));

// ═══ The stable form: the inverse of $\tilde W$ obeys a *linear* equation ═══
//
// Let $\tilde W(t) = \Phi^\top W(t)\Phi$ and, while it is invertible, $Z(t) = \tilde W(t)^{-1}$. ($Z$, not the paper's $P$: in eqs. (7)–(9) $P$ is $\tilde W$ itself.) From $\dot{\tilde W} = \tilde W\Sigma + \Sigma\tilde W - 2\tilde W^2$ with $\Sigma = \mathrm{diag}(\Sigma_Y, 0)$ and $\dot Z = -Z\dot{\tilde W}Z$:
//
// $$\dot Z = -\Sigma Z - Z\Sigma + 2I,$$
//
// a linear equation. Its solution, with $Z(0) = V/\alpha$ and $V = \tilde W_0^{-1}$, is
//
// $$Z(t) = S(t)^{-1}\frac{V}{\alpha}S(t)^{-1} + D(t),\qquad D(t) = \mathrm{diag}\Big(\frac{1 - e^{-2\sigma_i t}}{\sigma_i},\ 2t\Big) = S^{-1}GS^{-1},$$
//
// so $\tilde W(t) = \big(S^{-1}VS^{-1}/\alpha + D(t)\big)^{-1}$ — the same formula as (5), rearranged so that **only $e^{-\sigma t}$ appears**. The library equilibrates this matrix in log space (unit diagonal) and solves it by Cholesky, so it works for any $t$ and any $\alpha$, even $\alpha$ far below $10^{-308}$ (notebook 04 needs that). When $\tilde W_0$ is singular ($r < n$, notebook 06), it uses the Woodbury form $\tilde W = B(I/\alpha + B^\top DB)^{-1}B^\top$, $B = S\tilde U$, $\tilde U = \Phi^\top\bar U_0$, with a QR factorization of the graded $B$.

// ═══ Summary ═══
//
// - Gradient flow on $U$ makes $W = UU^\top$ follow a Riccati equation (3) with the closed form (5)–(6); it matches the integrated flow to within $10^3\cdot$`rtol`.
// - $W(t)$ stays PSD and converges to $Y$ when $\tilde W_0$ has full rank — the null space of $Y$ only like $1/(2t)$.
// - Eq. (5) as printed is exact mathematics but poor arithmetic: its error grows like $e^{\sigma_1 t}$ (measured) and it overflows at $2\sigma_1t > 709$. The inverse $Z = \tilde W^{-1}$ obeys a linear ODE, which gives a form with only decaying exponentials.
//
// ═══ Exercises ═══
//
// Each exercise has a scaffold cell below; it works on its own variables (`…Ex`), so it never changes what the checks above compare. Worked solutions, executed and checked: [solutions/01-Proposition-1-Closed-Form-Solutions.ipynb](solutions/01-Proposition-1-Closed-Form-Solutions.ipynb).
//
// 1. Evaluate the printed formula at $\alpha = 10^{-2}$ instead: does its error pass $10^{-8}$ earlier or later than at the default $\alpha$? *Hint: compute `firstBad` for `initEx1`; then ask which of $\alpha$ and $e^{\sigma_1 t}$ sets the error's size.*
// 2. Derive $\dot Z = -\Sigma Z - Z\Sigma + 2I$ from (3). *Hint: differentiate $Z\tilde W = I$; check your result numerically with a central difference of $Z(t) = \tilde W(t)^{-1}$ from `closedForm.RotatedAt`.*
// 3. Integrate the Riccati ODE (3) for $W$ directly from a rank-1 $W_0$ and watch it blow up, while the closed form stays bounded. Why? *Hint: `DormandPrince45.Integrate(f, y0, times, …)` takes any right-hand side `f(t, state, derivative)` on a flat array; compare with `new ClosedFormSolution(y, initEx3)`.*

// ── cell 10 ──
// Exercise 1 — scaffold
var initEx1 = Initialization.RandomGaussian(n, n, 1e-2, shapeSeed);
// var closedEx1 = new ClosedFormSolution(y, initEx1); … measure the first t where closedEx1.AsPrintedAt(t) is off by more than 1e-8

// ── cell 11 ──
// Exercise 3 — scaffold: a rank-1 start (r = 1)
var initEx3 = Initialization.RandomGaussian(n, 1, alpha, shapeSeed);
// Action<double, double[], double[]> riccati = (t, w, dw) => { … dW = WY + YW − 2W² on the n·n entries … };
// var odeEx3 = DormandPrince45.Integrate(riccati, initEx3.W0.ToColumnMajorArray(), times, …);

// ← Previous: [00 · Start here](00-Start-Here.ipynb) · Next: [02 · Corollary 2](02-Corollary-2-Spectral-Initialization.ipynb) →

// ── what the notebook displays, on the console (generated) ──
static void display(object? value) => IncLearn.Interactive.ConsoleDisplay.Show(value, "01-Proposition-1-Closed-Form");
