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
// - **build it yourself**: write the Riccati right-hand side and a fixed-step integrator in a few lines, and let the library confirm it;
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
// **What happens, in plain words.** Gradient flow moves the factor $U$, but what we care about is the model $W = UU^\top$. Its velocity has two parts: $WY + YW$ pushes $W$ towards the directions of $Y$ (faster along larger eigenvalues), and $-2W^2$ brakes it once it is large. From a tiny $W(0)$ the push wins and each direction grows exponentially at rate $2\sigma_i$ until the brake stops it at $\sigma_i$. This equation, quadratic in $W$, is a matrix *Riccati* equation, and Riccati equations can be solved exactly.
//
// **The math.** Gradient flow on the loss (1), $\dot U = (Y - UU^\top)U$ (eq. (2)), induces for $W = UU^\top$
//
// $$\dot W = \dot U U^\top + U\dot U^\top = WY + YW - 2W^2,\qquad W(0) = W_0 = \alpha\bar W_0 \qquad (3)$$
//
// **Proposition 1** solves it: with $Y = \Phi\,\mathrm{diag}(\Sigma_Y, 0)\,\Phi^\top$ and $\tilde W_0 = \Phi^\top\bar W_0\Phi$,
//
// $$W(t) = \Phi\,S(t)\,\alpha\tilde W_0\big(I_n + \alpha G(t)\tilde W_0\big)^{-1}S(t)\,\Phi^\top \qquad (5)$$
//
// $$S(t) = \mathrm{diag}\big(e^{\Sigma_Y t}, I_{n-K}\big),\qquad G(t) = \mathrm{diag}\big(\Sigma_Y^{-1}(e^{2\Sigma_Y t} - I_K),\ 2t\,I_{n-K}\big). \qquad (6)$$
//
// (The paper writes (5) with $\Phi^\top W_0\Phi = \alpha\tilde W_0$; we keep $\alpha$ visible.)
//
// **The computation.** The library evaluates (5) stably (`ClosedFormSolution`, last section) and, as an independent reference, integrates the flow on $U$ with an adaptive Runge–Kutta method (`GradientFlowIntegrator`). The time grid runs in steps of 0.1 to $\lceil 1.3\cdot\frac{1}{2\sigma_K}\log\frac1\alpha\rceil$, past the slowest transition.

// ── cell 3 ──
var y = Target.FromSpectrum(eigenvalues, n, phiSeed);
var init = Initialization.RandomGaussian(n, n, alpha, shapeSeed);
var closedForm = new ClosedFormSolution(y, init);
double tEnd = Math.Ceiling(1.3 * Math.Log(1 / alpha) / (2 * y.SigmaY[y.K - 1]));
var times = Enumerable.Range(0, 10 * (int)tEnd + 1).Select(j => j / 10.0).ToArray();   // step 0.1: a multiple of every η used below
var flow = GradientFlowIntegrator.Integrate(y, init, times, rtol: rtol);
display($"grid 0 … {tEnd}; integrator: {flow.Statistics.Accepted} accepted steps, {flow.Statistics.Rejected} rejected");

// ═══ Check: closed form = integrated flow ═══
//
// Two independent computations of $W(t)$ — formula (5) and a numerical integration of $\dot U = (Y - UU^\top)U$ — must agree at every grid time. A wrong formula (a missing $\alpha$, $R = I_n$ instead of $2I_n$ in the proof, a transposed $\Phi$) would make them differ by order 1.

// ── cell 4 ──
var relErrors = times.Select((t, j) => (closedForm.At(t) - flow.W[j]).FrobeniusNorm() / flow.W[j].FrobeniusNorm()).ToArray();
display(Check.ErrorAtMost("max over the grid of ‖W_closed(t) − W_flow(t)‖_F / ‖W_flow(t)‖_F ≤ 1e3·rtol", relErrors.Max(), 1e3 * rtol));

// *Why $10^3\cdot$`rtol`:* the integrator (Dormand–Prince 5(4) on $U$, not on $W$; relative tolerance `rtol` per step) accumulates a global error of a few hundred `rtol` over its steps, so the check allows $10^3\cdot$`rtol` relative (Frobenius) — far below the order-1 error of a wrong formula.

// The eigenvalues $\lambda_i(W(t))$ of the model: the closed form as lines, the integrator at the same times as markers of the same colour, the targets $\sigma_i$ as dotted lines — four sharp transitions, one per eigenvalue of $Y$, largest first. (With a general, non-spectral start, $W(t)$ is not diagonal in $\Phi$, so we plot its eigenvalues $\lambda_i$; notebook 02's $\sigma_{i,W}$ are the special case of a spectral start.)

// ── cell 5 ──
// Eigenvalues of a symmetric matrix: the diagonal of the EVD's real D (no complex numbers needed).
double[] Eigs(Matrix<double> w) => w.Evd(Symmetricity.Symmetric).D.Diagonal().OrderDescending().ToArray();
var eigClosed = times.Select(t => Eigs(closedForm.At(t))).ToArray();
var eigFlow = flow.W.Select(Eigs).ToArray();
display(Figures.LinesAndMarkers(times,
    Enumerable.Range(0, y.K).Select(i => ($"λ_{i + 1}(W(t)), closed form (5)", eigClosed.Select(e => e[i]).ToArray())).ToArray(),
    Enumerable.Range(0, y.K).Select(i => ($"λ_{i + 1}(W(t)), integrator", eigFlow.Select(e => e[i]).ToArray())).ToArray(),
    $"Eigenvalues λ_i(W(t)), α = {alpha:G2}:<br>closed form (5) as lines, integrated flow on U as markers", "time t", "λ_i(W(t))",
    horizontalLines: Enumerable.Range(0, y.K).Select(i => ($"target σ_{i + 1} = {y.SigmaY[i]:G4}", y.SigmaY[i])).ToArray()));

// ═══ Build it: integrate the Riccati equation yourself ═══
//
// Before trusting the library, write the two pieces yourself. Fill in the cell below (it is tagged `build-it`):
//
// 1. `RiccatiRhs(w)`: the right-hand side of (3), $\dot W = WY + YW - 2W^2$ (`y.Y` is $Y$; MathNet matrices multiply with `*`).
// 2. `Rk4(w0, tFinal, steps)`: `steps` classical Runge–Kutta steps of size $h = t_{\text{final}}/\text{steps}$: $k_1 = f(W)$, $k_2 = f(W + \frac h2 k_1)$, $k_3 = f(W + \frac h2 k_2)$, $k_4 = f(W + hk_3)$, $W \leftarrow W + \frac h6(k_1 + 2k_2 + 2k_3 + k_4)$.
//
// The check runs your integrator from $W_0 = \alpha\bar W_0$ (full rank here, so integrating $W$ directly is safe — Exercise 3 shows when it is not) to $t_{\text{b}} = \log(1/\alpha)/\sigma_1$, twice the time mode 1 needs, and compares with the closed form. Until you fill it in it says *not yet implemented*.

// ── cell 6 ──
// Build it — the Riccati right-hand side (3) and a fixed-step RK4 integration.
Matrix<double> RiccatiRhs(Matrix<double> w)
{
    throw new NotImplementedException("write Ẇ = WY + YW − 2W² (Y is y.Y)");
}
Matrix<double> Rk4(Matrix<double> w0, double tFinal, int steps)
{
    throw new NotImplementedException("take `steps` RK4 steps of size h = tFinal / steps with RiccatiRhs");
}
double tBuild = Math.Log(1 / alpha) / y.SigmaY[0];
display(Check.BuildIt("build it: your RK4 on eq. (3) = closed form at t_b (relative Frobenius ≤ 1e-6)", () =>
{
    var built = Rk4(init.W0, tBuild, 4000);
    var exact = closedForm.At(tBuild);
    return Check.ErrorAtMost("build it: ‖W_RK4(t_b) − W_closed(t_b)‖_F / ‖W_closed(t_b)‖_F (4000 RK4 steps)", (built - exact).FrobeniusNorm() / exact.FrobeniusNorm(), 1e-6);
}));

// *Why $10^{-6}$:* RK4's global error is $O(h^4)$; with $h = t_{\text{b}}/4000 \approx 3.5\cdot10^{-4}$ and the fastest rate $2\sigma_1 = 20$, $(2\sigma_1 h)^4 \approx 2\cdot10^{-9}$ per unit time, amplified at most a few hundred times through the transition — well below $10^{-6}$. A sign error, a missing $YW$ or an Euler step instead of RK4 (error $\approx 2\sigma_1 h \approx 10^{-2}$) fails it.
//
// **Try it.** Replace RK4 by one Euler step $W \leftarrow W + h\,f(W)$ and run the check: by how much does the error grow? How many Euler steps would reach $10^{-6}$? (Answer in the solutions notebook.)

// ═══ Gradient descent: first order in $\eta$ ═══
//
// Gradient descent with step $\eta$, $U \leftarrow U + \eta(Y - UU^\top)U$, is the discrete counterpart of the flow (notebook 06 studies it). Each step is an Euler step of (2), so its difference from the flow should be **first order in $\eta$**: halving $\eta$ halves it. Below, the difference from the closed form of the integrator and of gradient descent at $\eta = 0.004$, $0.002$ and $0.001$ (log axis; the grid step 0.1 is a multiple of every $\eta$, so each value is an exact GD iterate, not the nearest one).

// ── cell 7 ──
var etas = new[] { 0.004, 0.002, 0.001 };
var gd = etas.Select(eta => GradientDescent.Run(y, init, eta, times)).ToArray();
double[] Diff(IReadOnlyList<Matrix<double>> ws) => times.Select((t, j) => Math.Max((ws[j] - closedForm.At(t)).FrobeniusNorm() / y.Y.FrobeniusNorm(), 1e-17)).ToArray();
var diffGd = gd.Select(g => Diff(g.W)).ToArray(); var diffFlow = Diff(flow.W);
display(Figures.Series(times, new[] { ("integrator − closed form", diffFlow) }.Concat(etas.Select((eta, k) => ($"GD (η = {eta}) − closed form", diffGd[k]))).ToArray(),
    "Difference from the closed form, relative to ‖Y‖_F:<br>gradient descent halves it when η halves", "time t", "‖W − W_closed‖_F / ‖Y‖_F (log)", logY: true, distinctDashes: true)
    .MeasuringError("integrator − closed form")); // rounding-level: its bits vary with the CPU's BLAS kernel
double ratioCoarse = diffGd[0].Max() / diffGd[1].Max(), ratioFine = diffGd[1].Max() / diffGd[2].Max();
display($"max difference ratios: η 0.004 → 0.002: {ratioCoarse:F2};  η 0.002 → 0.001: {ratioFine:F2}  (first order: → 2 as η → 0)");
display(Check.All(
    Check.ErrorAtMost("max difference integrator − closed form, relative to ‖Y‖_F (≤ 1e3·rtol)", diffFlow.Max(), 1e3 * rtol),
    Check.Close("GD difference ratio η = 0.002 vs 0.001 = 2 (first order in η)", ratioFine, 2, 0.05),
    Check.AtMost("the ratio approaches 2 as η shrinks: |ratio(0.002/0.001) - 2| <= 3/4 of |ratio(0.004/0.002) - 2|", Math.Abs(ratioFine - 2), 0.75 * Math.Abs(ratioCoarse - 2))));

// *Why 5 % and ¾:* write the difference as $a\eta + b\eta^2$; then the ratio for $\eta \to \eta/2$ is $2(1 + b\eta/(2a)) + O(\eta^2)$ — it tends to 2, and its distance from 2 halves with $\eta$. A method of order 2 would give ratios near 4, a zeroth-order bias (e.g. GD sampled at the wrong iterate) ratios near 1. The 5 % window holds the measured $b\eta/a$ term at $\eta = 0.002$; the second check asks that the distance shrinks (¾ rather than ½ leaves room for the max over a grid moving between transitions).

// ═══ Check: $W(t)$ stays positive semi-definite, and $W(t)\to Y$ ═══
//
// **In plain words.** $W = UU^\top$ can never have a negative eigenvalue, and the flow ends at $Y$ as long as the start "sees" every direction of $Y$. The directions outside $Y$ (its null space) are not pushed anywhere: they are only braked by $-2W^2$, so they fade slowly, like $1/(2t)$ — not exponentially.
//
// **The math of the slow part.** Use the inverse $Z = \tilde W^{-1}$ of the last section: $Z(t) = S^{-1}\frac{V}{\alpha}S^{-1} + D(t)$ with $V = \tilde W_0^{-1}$. Split it into the $K$ directions of $Y$'s range (block 1) and the $n - K$ null directions (block 2). For large $t$, $S^{-1}$ is $e^{-\Sigma_Y t}\to 0$ on block 1 and $I$ on block 2, so
//
// $$Z(t) \approx \begin{pmatrix} \Sigma_Y^{-1} & O(e^{-\sigma_K t}) \\ O(e^{-\sigma_K t}) & V_{22}/\alpha + 2tI \end{pmatrix}.$$
//
// The null block of $\tilde W = Z^{-1}$ is the inverse of the Schur complement $Z_{22} - Z_{21}Z_{11}^{-1}Z_{12} = V_{22}/\alpha + 2tI + O(e^{-2\sigma_K t})$, hence
//
// $$N(t) = \big(V_{22}/\alpha + 2tI\big)^{-1} = \alpha B\,(I + 2\alpha tB)^{-1},\qquad B = V_{22}^{-1},$$
//
// and $B$ is itself a Schur complement: by block inversion of $\tilde W_0$, $V_{22}^{-1} = (\tilde W_0)_{22} - (\tilde W_0)_{21}(\tilde W_0)_{11}^{-1}(\tilde W_0)_{12}$. This is eq. (13) in matrix form. Meanwhile block 1 tends to $\Sigma_Y$, so $W(t)\to Y$ with the null part lagging: at $t = 50$, $\|W(50) - Y\|_F \approx \|N(50)\|_F$, and only as $t\to\infty$ does $N \approx I/(2t)$ vanish.
//
// **The checks.** The smallest eigenvalue of the closed form over the grid must not go below $-10^{-12}\sigma_1$; $\|W(50) - Y\|_F$ must equal $\|N(50)\|_F$; and at $t = 10^{12}$, $W$ must equal $Y$ to rounding.

// ── cell 8 ──
double minEig = times.Select(t => Eigs(closedForm.At(t)).Min()).Min();
var v = (y.Phi.Transpose() * init.ShapeGram * y.Phi).Inverse();
var b = v.SubMatrix(y.K, n - y.K, y.K, n - y.K).Inverse();
var nullPart = alpha * b * (Matrix<double>.Build.DenseIdentity(n - y.K) + 2 * alpha * 50 * b).Inverse();
display(Check.All(
    Check.AtLeast("min over t of λ_min(W(t)) ≥ −1e-12·σ₁ (PSD)", minEig, -1e-12 * y.SigmaY[0]),
    Check.ErrorAtMost("‖W(1e12) − Y‖_F / ‖Y‖_F (W(t) → Y)", (closedForm.At(1e12) - y.Y).FrobeniusNorm() / y.Y.FrobeniusNorm(), 1e-10),
    Check.Close("‖W(50) − Y‖_F = ‖N(50)‖_F (slow null-space decay, eq. (13) in matrix form)", (closedForm.At(50) - y.Y).FrobeniusNorm(), nullPart.FrobeniusNorm(), 1e-3)));

// *Why these tolerances:* rounding of a small eigendecomposition is about $10^{-15}\sigma_1$, so $-10^{-12}\sigma_1$ leaves a margin while a truly indefinite $W$ (e.g. Exercise 3's) fails by far. The $0.1\,\%$ on $N(50)$ covers what the derivation dropped: the learned block has converged to within $e^{-2\sigma_K t}$ and the blocks couple at order $\alpha^2$. At $t = 10^{12}$, $N\approx I/(2t) = 5\cdot10^{-13}$, so the stable form must be accurate to rounding: $10^{-10}$ relative. (Symmetry of $W(t)$ is not checked: the library symmetrises the closed form by construction, so such a check could not fail.)
//
// **Try it.** Set `shapeSeed` so that $\tilde W_0$ is nearly singular on the null space (or shrink `alpha`): how does $\|N(50)\|_F$ change, and why does it barely depend on $\alpha$ once $2\alpha t\|B\| \gg 1$? (Answer in the solutions notebook.)

// ═══ The numerical lesson: the formula as printed ═══
//
// **In plain words.** Eq. (5) is exact mathematics, but a computer evaluating it literally multiplies huge numbers ($e^{2\sigma_1 t}$) by tiny ones ($\alpha$) and then subtracts nearly equal quantities: the digits that matter cancel, and the result drifts away from the truth long before anything overflows.
//
// **The math.** Evaluated literally, eq. (5) forms $e^{\Sigma_Y t}$ and $G(t)\sim e^{2\sigma_1 t}/\sigma_1$, then inverts $I + \alpha G\tilde W_0$, whose entries span many orders of magnitude. Once $2\sigma_1 t > 709$, $e^{2\sigma_1 t}$ overflows a double.
//
// **The computation.** We measure the relative error of the printed formula against the stable one (itself checked against the integrator above), fit a line to $\log(\text{error})$ against $t$, and read off where it passes $10^{-8}$ (the dotted line). The same function `FirstBad` serves Exercise 1. Times where the printed formula is not finite are left out of the figure: the gap at the right is the overflow, which starts at the dotted vertical line $709/(2\sigma_1)$.

// ── cell 9 ──
double tOverflow = 709 / (2 * y.SigmaY[0]);
// Where eq. (5) as printed is off by 1e-8, relative. Its error is rounding amplified by e^(σ₁t): each sample moves by up to
// two decades from one CPU's BLAS kernel to another (50× seen), so the first grid point above 1e-8 is noise. Fit log(error) against t
// where the error is above rounding (1e-13) and finite, on a grid of step tOverflow/400 ≈ 0.09 (fine enough to resolve a shift
// of a few tenths), and return the fitted rate and where the fitted line crosses 1e-8.
(double Rate, double FirstBad) PrintedFit(ClosedFormSolution cf)
{
    var points = Enumerable.Range(1, 200).Select(j => tOverflow / 2 * j / 200).Select(t =>
    {
        var exact = cf.At(t);
        return (t, e: (cf.AsPrintedAt(t) - exact).FrobeniusNorm() / exact.FrobeniusNorm());
    }).Where(p => p.e > 1e-13 && double.IsFinite(p.e)).ToArray();
    double mt = points.Average(p => p.t), ml = points.Average(p => Math.Log(p.e));
    double rate = points.Sum(p => (p.t - mt) * (Math.Log(p.e) - ml)) / points.Sum(p => (p.t - mt) * (p.t - mt));
    return (rate, mt + (Math.Log(1e-8) - ml) / rate);
}
double FirstBad(ClosedFormSolution cf) => PrintedFit(cf).FirstBad;
var (rate, firstBad) = PrintedFit(closedForm);
var tLesson = Enumerable.Range(1, 80).Select(j => 1.2 * tOverflow * j / 80).ToArray();
var printedError = tLesson.Select(t =>
{
    var printed = closedForm.AsPrintedAt(t);
    return printed.Enumerate().All(double.IsFinite) ? Math.Max((printed - closedForm.At(t)).FrobeniusNorm() / closedForm.At(t).FrobeniusNorm(), 1e-17) : double.NaN;
}).ToArray();
double firstNonFinite = tLesson.Where((t, j) => double.IsNaN(printedError[j])).DefaultIfEmpty(double.NaN).First();
display($"printed formula: its error grows at rate ≈ {rate:F0} (σ₁ = {y.SigmaY[0]:G4}) and passes 1e-8 near t ≈ {firstBad:F0}; first non-finite at t = {firstNonFinite:G4}");
display(Figures.Series(tLesson, new[] { ("relative error of eq. (5) as printed", printedError) },
    $"Eq. (5) as printed vs the stable form (σ₁ = {y.SigmaY[0]:G4}):<br>error grows like e^(σ₁t); gap = overflow", "time t", "relative Frobenius error (log)", logY: true,
    horizontalLines: new[] { ("error 1e-8", 1e-8) }, verticalLines: new[] { ("overflow: 2σ₁t = 709", tOverflow) })
    // The overflow line spans the error series' range, so its ends are that amplified rounding too.
    .MeasuringAmplifiedRounding("relative error of eq. (5) as printed", "overflow: 2σ₁t = 709"));

// ═══ Check: the printed formula fails, the stable one does not ═══
//
// Measured, not derived: the printed formula's error grows at a rate close to $\sigma_1$ (not $2\sigma_1$, although $G$ holds $e^{2\sigma_1 t}$); it passes $10^{-8}$ in the first quarter of the time before overflow; and it is non-finite once $2\sigma_1 t > 709$. The stable evaluation at the same times agrees with the integrator (the check above): the failure is the formula's arithmetic, not the mathematics.

// ── cell 10 ──
display(Check.All(
    Check.Close("growth rate of the printed formula's log-error ≈ σ₁", rate, y.SigmaY[0], 0.25),
    Check.ErrorAtMost("t where the printed formula's fitted relative error passes 1e-8, before ¼ of 709/(2σ₁)", firstBad, tOverflow / 4),
    Check.That("the printed formula is non-finite once 2σ₁t > 709", double.IsFinite(firstNonFinite) && firstNonFinite <= tOverflow + 1.2 * tOverflow / 80,
        $"first non-finite at t = {firstNonFinite:G4}, 709/(2σ₁) = {tOverflow:F2}"),
    Check.That("the stable form is finite at t = 1e6", closedForm.At(1e6).Enumerate().All(double.IsFinite), "every entry of W(1e6) is finite")));

// *Why 25 %:* the fitted rate averages the error's growth over the whole window; the error is rounding amplified by $e^{\sigma_1 t}$ times a slowly varying factor, which shifts the fitted slope by a few percent, while a growth at $2\sigma_1$ (what $G$ alone would suggest) is 100 % off.
//
// **Try it.** Why $\sigma_1$ and not $2\sigma_1$? *Hint: the literal formula multiplies $S$ (size $e^{\sigma_1 t}$) on both sides of an inverse whose entries are of size $e^{-2\sigma_1 t}$; the rounding error of that inverse is relative to its largest entry.* (Answer in the solutions notebook.)

// ═══ The stable form: the inverse of $\tilde W$ obeys a *linear* equation ═══
//
// **In plain words.** The trouble is that $W$ grows and saturates — a nonlinear, S-shaped motion. Its inverse does something much simpler: it *decays* linearly towards a fixed point, and a decaying exponential can be evaluated for any $t$ without overflow or cancellation.
//
// **The math.** Let $\tilde W(t) = \Phi^\top W(t)\Phi$ and, while it is invertible, $Z(t) = \tilde W(t)^{-1}$. ($Z$, not the paper's $P$: in eqs. (7)–(9) $P$ is $\tilde W$ itself.) From $\dot{\tilde W} = \tilde W\Sigma + \Sigma\tilde W - 2\tilde W^2$ with $\Sigma = \mathrm{diag}(\Sigma_Y, 0)$ and $\dot Z = -Z\dot{\tilde W}Z$:
//
// $$\dot Z = -\Sigma Z - Z\Sigma + 2I,$$
//
// a linear equation. Its solution, with $Z(0) = V/\alpha$ and $V = \tilde W_0^{-1}$, is
//
// $$Z(t) = S(t)^{-1}\frac{V}{\alpha}S(t)^{-1} + D(t),\qquad D(t) = \mathrm{diag}\Big(\frac{1 - e^{-2\sigma_i t}}{\sigma_i},\ 2t\Big) = S^{-1}GS^{-1},$$
//
// so $\tilde W(t) = \big(S^{-1}VS^{-1}/\alpha + D(t)\big)^{-1}$ — the same formula as (5), rearranged so that **only $e^{-\sigma t}$ appears**. The library equilibrates this matrix in log space (unit diagonal) and solves it by Cholesky, so it works for any $t$ and any $\alpha$, even $\alpha$ far below $10^{-308}$ (notebook 04 needs that). When $\tilde W_0$ is singular ($r < n$, notebook 06), it uses the Woodbury form $\tilde W = B(I/\alpha + B^\top DB)^{-1}B^\top$, $B = S\tilde U$, $\tilde U = \Phi^\top\bar U_0$, with a QR factorization of the graded $B$.

// **Try it.** This is Exercise 2 below: derive $\dot Z = -\Sigma Z - Z\Sigma + 2I$ from (3) and check it numerically.

// ═══ Summary ═══
//
// - Gradient flow on $U$ makes $W = UU^\top$ follow a Riccati equation (3) with the closed form (5)–(6); it matches the integrated flow to within $10^3\cdot$`rtol`, and your own RK4 on (3) matches it to $10^{-6}$.
// - Gradient descent differs from the flow to first order in $\eta$ (measured ratio → 2).
// - $W(t)$ stays PSD and converges to $Y$ when $\tilde W_0$ has full rank — the null space of $Y$ only like $1/(2t)$, through the Schur complement $N(t)$.
// - Eq. (5) as printed is exact mathematics but poor arithmetic: its error grows like $e^{\sigma_1 t}$ (measured) and it overflows at $2\sigma_1t > 709$. The inverse $Z = \tilde W^{-1}$ obeys a linear ODE, which gives a form with only decaying exponentials.
//
// ═══ Exercises ═══
//
// Each exercise has a scaffold cell below; it works on its own variables (`…Ex`), so it never changes what the checks above compare. Worked solutions, executed and checked: [solutions/01-Proposition-1-Closed-Form-Solutions.ipynb](solutions/01-Proposition-1-Closed-Form-Solutions.ipynb).
//
// 1. Evaluate the printed formula at $\alpha = 10^{-2}$ instead: does its error pass $10^{-8}$ earlier or later than at the default $\alpha$, and by how much? *Hint: `FirstBad(closedEx1)` (defined above, the same fit the chapter uses) for `initEx1`; then ask which of $\alpha$ and $e^{\sigma_1 t}$ sets the error's size.*
// 2. Derive $\dot Z = -\Sigma Z - Z\Sigma + 2I$ from (3). *Hint: differentiate $Z\tilde W = I$; check your result numerically with a central difference of $Z(t) = \tilde W(t)^{-1}$ from `closedForm.RotatedAt`.*
// 3. Integrate the Riccati ODE (3) for $W$ directly from a rank-1 $W_0$ and watch it blow up, while the closed form stays bounded. Why? *Hint: `DormandPrince45.Integrate(f, y0, outputTimes, rtol, atol, startTime: …)` takes any right-hand side `f(t, state, derivative)` on a flat array; it starts at `startTime` (default 0), where `y0` holds — to continue from a state reached at $t_{j-1}$, pass `startTime: t[j - 1]`. Compare with `new ClosedFormSolution(y, initEx3)`.*

// ── cell 11 ──
// Exercise 1 — scaffold
var initEx1 = Initialization.RandomGaussian(n, n, 1e-2, shapeSeed);
var closedEx1 = new ClosedFormSolution(y, initEx1);
// compare FirstBad(closedEx1) with firstBad (the default α's)

// ── cell 12 ──
// Exercise 2 — scaffold: a central difference of Z(t) = W̃(t)⁻¹ against −ΣZ − ZΣ + 2I
Matrix<double> ZEx2(double t) => closedForm.RotatedAt(t).Inverse();
var sigmaEx2 = Matrix<double>.Build.DenseDiagonal(n, n, i => i < y.K ? y.SigmaY[i] : 0);
// double h = 1e-5; var dz = (ZEx2(t + h) − ZEx2(t − h)) / (2 * h); compare with −sigmaEx2 * ZEx2(t) − ZEx2(t) * sigmaEx2 + 2·I at a few t

// ── cell 13 ──
// Exercise 3 — scaffold: a rank-1 start (r = 1)
var initEx3 = Initialization.RandomGaussian(n, 1, alpha, shapeSeed);
// Action<double, double[], double[]> riccati = (t, w, dw) => { … dW = WY + YW − 2W² on the n·n entries … };
// var odeEx3 = DormandPrince45.Integrate(riccati, initEx3.W0.ToColumnMajorArray(), times, rtol: 1e-10, atol: 1e-6 * alpha);

// ← Previous: [00 · Start here](00-Start-Here.ipynb) · Next: [02 · Corollary 2](02-Corollary-2-Spectral-Initialization.ipynb) →

// ── what the notebook displays, on the console (generated) ──
static void display(object? value) => IncLearn.Interactive.ConsoleDisplay.Show(value, "01-Proposition-1-Closed-Form");
