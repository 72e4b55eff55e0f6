// Generated from ../notebooks/01-Proposition-1-Closed-Form.ipynb by `inclearn-nb export --to cs`: edit the notebook, not this file.
// Run from the repository: dotnet run apps/01-Proposition-1-Closed-Form.cs
#:property ManagePackageVersionsCentrally=false
#:property WarningsNotAsErrors=NU1603
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

// ═══ Setup ═══
//
// The same cell opens every notebook: packages, this project's library, formatters (explained in [00-Start-Here](00-Start-Here.ipynb)).

// ── cell 1 ──
Notebook.Setup();

// ═══ From gradient flow on $U$ to a Riccati equation on $W$ ═══
//
// Gradient flow on the loss (1), $\dot U = (Y - UU^\top)U$ (eq. (2)), induces for $W = UU^\top$
//
// $$\dot W = \dot U U^\top + U\dot U^\top = WY + YW - 2W^2,\qquad W(0) = W_0 = \alpha\bar U_0\bar U_0^\top \qquad (3)$$
//
// a matrix Riccati equation. **Proposition 1** solves it: with $Y = \Phi\,\mathrm{diag}(\Sigma_Y, 0)\,\Phi^\top$ and $\tilde W_0 = \Phi^\top W_0\Phi$,
//
// $$W(t) = \Phi\,S(t)\,\tilde W_0\big(I_n + G(t)\tilde W_0\big)^{-1}S(t)\,\Phi^\top \qquad (5)$$
//
// $$S(t) = \mathrm{diag}\big(e^{\Sigma_Y t}, I_{n-K}\big),\qquad G(t) = \mathrm{diag}\big(\Sigma_Y^{-1}(e^{2\Sigma_Y t} - I_K),\ 2t\,I_{n-K}\big). \qquad (6)$$
//
// We take the Figure-1 target (eigenvalues $10, 6, 3, 1$ in $n = 6$) and a Gaussian shape $\bar U_0$ with $r = n$ columns, at $\alpha = 10^{-6}$.

// ── cell 2 ──
var data = NotebookData.Open("figure1.json");
var y = data.Target();
var init = Initialization.RandomGaussian(y.N, y.N, alpha: data.Double("alphaLeft"), seed: 1);
var closedForm = new ClosedFormSolution(y, init);
// A time grid through every transition: mode i switches on near log(σ_i/α)/(2σ_i); the slowest (σ_4 = 1) near t ≈ 7.
var times = Enumerable.Range(0, 81).Select(j => 0.125 * j).ToArray();
var flow = GradientFlowIntegrator.Integrate(y, init, times, rtol: 1e-11);
display($"integrator: {flow.Statistics.Accepted} accepted steps, {flow.Statistics.Rejected} rejected, {flow.Statistics.Evaluations} evaluations");

// ═══ Check: closed form = integrated flow ═══
//
// The integrator (Dormand–Prince 5(4), relative tolerance $10^{-11}$ per step, absolute tolerance $10^{-3}\cdot$rtol$\cdot$ the size of $U(0)$) integrates $U$, not $W$, and accumulates a global error of order $10^{-10}$ over its few thousand steps; so $10^{-8}$ relative (Frobenius) leaves a margin of 100 while still catching any error in the formula, which would be of order 1.

// ── cell 3 ──
var relErrors = times.Select((t, j) => (closedForm.At(t) - flow.W[j]).FrobeniusNorm() / flow.W[j].FrobeniusNorm()).ToArray();
display(Check.AtMost("max over the grid of ‖W_closed(t) − W_flow(t)‖_F / ‖W_flow(t)‖_F", relErrors.Max(), 1e-8));

// The eigenvalues of $W(t)$ from the closed form (lines) and from the integrator (markers): four sharp transitions, one per eigenvalue of $Y$, largest first.

// ── cell 4 ──
var eigClosed = times.Select(t => closedForm.At(t).Evd(Symmetricity.Symmetric).EigenValues.Select(c => c.Real).OrderDescending().ToArray()).ToArray();
var eigFlow = flow.W.Select(w => w.Evd(Symmetricity.Symmetric).EigenValues.Select(c => c.Real).OrderDescending().ToArray()).ToArray();
var series = new List<(string, double[])>();
for (int i = 0; i < 4; i++)
{
    series.Add(($"λ_{i + 1}(W(t)) closed form", eigClosed.Select(e => e[i]).ToArray()));
    series.Add(($"λ_{i + 1}(W(t)) integrator", eigFlow.Select(e => e[i]).ToArray()));
}
display(Figures.Series(times, series, "Proposition 1: closed form vs integrated gradient flow (α = 1e-6, r = n)", "time t", "eigenvalues of W(t)", markers: true));

// Gradient descent with step $\eta$ is the discrete counterpart (notebook 06 studies it). On one plot: the largest eigenvalue of $W(t)$ from the closed form, the integrator, and gradient descent at $\eta = 0.002$ and $0.001$; below, their differences from the closed form (log axis). The integrator sits at $10^{-11}$; gradient descent differs most around the transitions, because it switches modes on slightly later — and halving $\eta$ roughly halves that difference (first order in $\eta$; checked with the ratio between 1.5 and 2.5).

// ── cell 5 ──
var gd02 = GradientDescent.Run(y, init, 0.002, times);
var gd01 = GradientDescent.Run(y, init, 0.001, times);
double Top(Matrix<double> w) => w.Evd(Symmetricity.Symmetric).EigenValues.Max(c => c.Real);
display(Figures.Series(times, new[] { ("closed form", times.Select(t => Top(closedForm.At(t))).ToArray()), ("integrator", flow.W.Select(Top).ToArray()),
    ("gradient descent η = 0.002", gd02.W.Select(Top).ToArray()), ("gradient descent η = 0.001", gd01.W.Select(Top).ToArray()) },
    "λ₁(W(t)): closed form, integrator, gradient descent", "time t (GD: t = kη)", "largest eigenvalue of W(t)"));
double[] Diff(IReadOnlyList<Matrix<double>> ws) => times.Select((t, j) => Math.Max((ws[j] - closedForm.At(t)).FrobeniusNorm() / y.Y.FrobeniusNorm(), 1e-17)).ToArray();
var diffGd02 = Diff(gd02.W); var diffGd01 = Diff(gd01.W);
display(Figures.Series(times, new[] { ("integrator − closed form", Diff(flow.W)), ("GD (η = 0.002) − closed form", diffGd02), ("GD (η = 0.001) − closed form", diffGd01) },
    "Difference from the closed form, relative to ‖Y‖_F", "time t", "‖W − W_closed‖_F / ‖Y‖_F (log)", logY: true));
display(Check.All(
    Check.AtMost("max difference integrator − closed form (relative to ‖Y‖_F)", Diff(flow.W).Max(), 1e-8),
    Check.AtLeast("GD difference ratio η = 0.002 vs 0.001 (first order: ≈ 2)", diffGd02.Max() / diffGd01.Max(), 1.5),
    Check.AtMost("GD difference ratio η = 0.002 vs 0.001 (first order: ≈ 2)", diffGd02.Max() / diffGd01.Max(), 2.5)));

// ═══ Check: $W(t)$ stays symmetric and positive semi-definite, and $W(t)\to Y$ ═══
//
// $W(t) = U(t)U(t)^\top$ is PSD for every $t$. The closed form is symmetrised by construction, so the check that can fail is the smallest eigenvalue: it must not go below $-10^{-12}\,\sigma_1$ (rounding of a $6\times6$ eigendecomposition is about $10^{-15}\sigma_1$). As $t\to\infty$, $W(t)\to Y$ because $\tilde W_0$ has full rank (Corollary 2's discussion). Mind the two speeds: the four modes with $\sigma_i > 0$ converge exponentially, but the null space of $Y$ ($n - K = 2$ directions) only decays like $\alpha\sigma_0/(1 + 2\alpha\sigma_0 t)$, eq. (13) — at $t = 50$ it still holds about $\alpha$. So we check at $t = 10^{12}$, where that part is $\approx 1/(2t) = 5\cdot10^{-13}$ and the stable form must be accurate to rounding: $10^{-10}$ relative.

// ── cell 6 ──
double minEig = times.Select(t => closedForm.At(t).Evd(Symmetricity.Symmetric).EigenValues.Select(c => c.Real).Min()).Min();
double asym = times.Select(t => { var w = closedForm.At(t); return (w - w.Transpose()).InfinityNorm(); }).Max();
display(Check.All(
    Check.AtLeast("min over t of λ_min(W(t)) (PSD)", minEig, -1e-12 * y.SigmaY[0]),
    Check.AtMost("max over t of ‖W(t) − W(t)ᵀ‖∞ (symmetric)", asym, 1e-12 * y.SigmaY[0]),
    Check.AtMost("‖W(1e12) − Y‖_F / ‖Y‖_F (W(t) → Y)", (closedForm.At(1e12) - y.Y).FrobeniusNorm() / y.Y.FrobeniusNorm(), 1e-10),
    Check.AtLeast("‖W(50) − Y‖_F / ‖Y‖_F is still ≳ α (slow null-space decay, eq. (13))", (closedForm.At(50) - y.Y).FrobeniusNorm() / y.Y.FrobeniusNorm(), 1e-8)));

// ═══ The numerical lesson: the formula as printed ═══
//
// Evaluated literally, eq. (5) forms $e^{\Sigma_Y t}$ and $G(t)\sim e^{2\sigma_1 t}/\sigma_1$, then inverts $I + G\tilde W_0$, whose entries span $e^{2\sigma_1 t}$: the large and small parts cancel, and accuracy is lost long before anything overflows. Once $2\sigma_1 t > 709$ ($t > 35.4$ here) $e^{2\sigma_1 t}$ overflows a double. We measure the relative error of the printed formula against the stable one (itself checked against the integrator above).

// ── cell 7 ──
var tLesson = Enumerable.Range(1, 80).Select(j => 0.5 * j).ToArray();
var printedError = tLesson.Select(t =>
{
    var printed = closedForm.AsPrintedAt(t);
    return printed.Enumerate().All(double.IsFinite) ? (printed - closedForm.At(t)).FrobeniusNorm() / closedForm.At(t).FrobeniusNorm() : double.NaN;
}).ToArray();
double firstBad = tLesson.Where((t, j) => !(printedError[j] <= 1e-8)).First();
double firstNonFinite = tLesson.Where((t, j) => double.IsNaN(printedError[j])).DefaultIfEmpty(double.NaN).First();
display($"printed formula: relative error first above 1e-8 at t = {firstBad}; first non-finite at t = {firstNonFinite}");
display(Figures.Series(tLesson, new[] { ("relative error of eq. (5) as printed", printedError.Select(e => double.IsNaN(e) ? 1e300 : Math.Max(e, 1e-17)).ToArray()) },
    "Eq. (5) as printed vs the stable evaluation (α = 1e-6): error grows like e^{2σ₁t}·ε_machine, then overflow (plotted at 1e300)", "time t", "relative Frobenius error (log)", logY: true));

// ═══ Check: the printed formula fails, the stable one does not ═══
//
// The printed formula's error passes $10^{-8}$ within the first few time units (here before $t = 5$), and it overflows once $2\sigma_1 t > 709$. The stable evaluation at the same times agrees with the integrator (the check above) — the failure is the formula's arithmetic, not the mathematics.

// ── cell 8 ──
display(Check.All(
    Check.AtMost("first t where the printed formula's relative error exceeds 1e-8", firstBad, 5),
    Check.That("the printed formula is non-finite once 2σ₁t > 709", double.IsNaN(firstNonFinite) == false && firstNonFinite <= 709 / (2 * y.SigmaY[0]) + 0.5,
        $"first non-finite at t = {firstNonFinite}, 709/(2σ₁) = {709 / (2 * y.SigmaY[0]):F2}"),
    Check.That("the stable form is finite at t = 1e6", closedForm.At(1e6).Enumerate().All(double.IsFinite), "every entry of W(1e6) is finite")));

// ═══ The stable form: the inverse of $W$ obeys a *linear* equation ═══
//
// Let $\tilde W = \Phi^\top W\Phi$ and, while $\tilde W$ is invertible, $P = \tilde W^{-1}$. From $\dot{\tilde W} = \tilde W\Sigma + \Sigma\tilde W - 2\tilde W^2$ and $\dot P = -P\dot{\tilde W}P$:
//
// $$\dot P = -\Sigma P - P\Sigma + 2I,$$
//
// a linear equation. Its solution, with $P(0) = V/\alpha$ and $V = (\Phi^\top\bar U_0\bar U_0^\top\Phi)^{-1}$, is
//
// $$P(t) = S(t)^{-1}\frac{V}{\alpha}S(t)^{-1} + D(t),\qquad D(t) = \mathrm{diag}\Big(\frac{1 - e^{-2\sigma_i t}}{\sigma_i},\ 2t\Big) = S^{-1}GS^{-1},$$
//
// so $\tilde W(t) = \big(S^{-1}VS^{-1}/\alpha + D(t)\big)^{-1}$ — the same formula as (5), rearranged so that **only $e^{-\sigma t}$ appears**. The library equilibrates this matrix in log space (unit diagonal) and solves it by Cholesky, so it works for any $t$ and any $\alpha$, even $\alpha$ far below $10^{-308}$ (notebook 04 needs that). When $\tilde W_0$ is singular ($r < n$, notebook 06), it uses the Woodbury form $\tilde W = B(I/\alpha + B^\top DB)^{-1}B^\top$, $B = S\tilde U$, with a QR factorization of the graded $B$.

// ═══ Summary ═══
//
// - Gradient flow on $U$ makes $W = UU^\top$ follow a Riccati equation (3) with the closed form (5)–(6); it matches the integrated flow to $10^{-8}$.
// - $W(t)$ stays PSD and converges to $Y$ when $\tilde W_0$ has full rank.
// - Eq. (5) as printed is exact mathematics but poor arithmetic: it loses accuracy within a few time units and overflows at $2\sigma_1t > 709$. Its inverse obeys a linear ODE, which gives a form with only decaying exponentials.
//
// ═══ Exercises ═══
//
// 1. Set `alpha` to `1e-2` and rerun: does the printed formula fail earlier or later? *Hint: what multiplies $e^{2\sigma_1 t}$ inside $I + G\tilde W_0$?*
// 2. Derive $\dot P = -\Sigma P - P\Sigma + 2I$ yourself from (3). *Hint: differentiate $P\tilde W = I$.*
// 3. Integrate the Riccati ODE (3) for $W$ directly with a rank-1 $W_0$ and watch it blow up. *Hint: `DormandPrince45.Integrate` takes any right-hand side.*

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
            string page = Path.GetFullPath(Path.Combine(folder, $"01-Proposition-1-Closed-Form-figure-{++figures}.html"));
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
