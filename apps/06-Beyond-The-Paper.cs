// Generated from ../notebooks/06-Beyond-The-Paper.ipynb by `inclearn-nb export --to cs`: edit the notebook, not this file.
// Run from the repository: dotnet run apps/06-Beyond-The-Paper.cs
#:property ManagePackageVersionsCentrally=false
#:property WarningsNotAsErrors=NU1603
#:property PublishAot=false
#:package MathNet.Numerics@5.0.0
#:project ../src/IncLearn.Interactive/IncLearn.Interactive.csproj

using IncLearn;
using IncLearn.Interactive;
using MathNet.Numerics.LinearAlgebra;

// ═══ 06 · Beyond the paper: rank-deficient starts, gradient descent, asymmetric factorization ═══
//
// **In this notebook you will learn to**
// - explore what happens when $r < n$, where the paper's proof does not apply (Remark III-C2);
// - compare discrete gradient descent with the flow, and explain the shift of transition times;
// - integrate the asymmetric factorization of Section IV from a balanced start.
//
// **Everything here is exploration.** The paper states no theorem for these settings; the checks below only assert what is measured, and the explanations are labelled as conjecture where they are.

// ═══ Setup ═══
//
// The same cell opens every notebook: packages, this project's library, formatters (explained in [00-Start-Here](00-Start-Here.ipynb)).

// ── cell 1 ──
Notebook.Setup();

// ═══ 1. Rank-deficient initialization, $r < n$ (Remark III-C2) ═══
//
// With $r < n$, $\tilde W_0$ is singular and Theorem 4 does not apply. The closed form still does (Woodbury form, notebook 01). With $r = 2$ columns and $K = 4$ non-zero eigenvalues, $W(t)$ has rank at most 2 forever: which components does it learn, and in what order?

// ── cell 2 ──
var data = NotebookData.Open("beyond.json");
var y = data.Target();
double alpha = data.Double("alpha");
var init = Initialization.RandomGaussian(y.N, data.Int("rankDeficientWidth"), alpha, data.Int("shapeSeed"));
var cf = new ClosedFormSolution(y, init);
var times = Enumerable.Range(0, 401).Select(j => 0.05 * j).ToArray();
var components = Enumerable.Range(0, y.K).Select(i => times.Select(t => cf.RotatedAt(t)[i, i]).ToArray()).ToArray();
display($"W̃₀ invertible: {cf.IsInitialInvertible}; rank of the start: {init.R}");
display(Figures.Trajectories(times, components, y.SigmaY.ToArray(), Array.Empty<(double, double)>(), "r = 2 < n: components (ΦᵀWΦ)_ii of W(t) along the eigenvectors of Y"));

// ═══ Measured: the two largest components are learned, in order, and $W(t)\to\hat Y_2$ ═══
//
// The two largest eigen-components of $Y$ are learned (largest first) and the others stay small; at large $t$, $W(t)$ approaches the best rank-2 approximation $\hat Y_{\min(r,K)}$. This is what we measure for this shape; the paper leaves the general statement to future work. Tolerances: half-way times are compared only by order; the final distance to $\hat Y_2$ is checked at $t = 60$ against $10^{-6}$, far above rounding and far below $\sigma_3 = 3$ (the error of any other rank-2 limit).

// ── cell 3 ──
var half = Enumerable.Range(0, 2).Select(i => Measurements.HalfwayTime(cf, i, 40)).ToArray();
double finalError = Numerics.SymmetricSpectralNorm(cf.At(60) - y.BestRankK(2));
display($"half-way times of the two learned components: {half[0]:F3}, {half[1]:F3}; ‖W(60) − Ŷ₂‖₂ = {finalError:G3}");
display(Check.All(
    Check.That("component 1 is learned before component 2", half[0] < half[1], $"t₁ = {half[0]:F3} < t₂ = {half[1]:F3}"),
    Check.AtMost("‖W(60) − Ŷ₂‖₂ (converges to the best rank-2 approximation)", finalError, 1e-6),
    Check.AtMost("largest component along φ₃, φ₄ over the run", components.Skip(2).SelectMany(c => c).Max(), 0.5)));

// ═══ 2. Gradient descent versus gradient flow ═══
//
// Gradient descent $U \leftarrow U + \eta(Y - UU^\top)U$ is the flow discretised with step $\eta$; iteration $k$ corresponds to time $t = k\eta$. In the small-signal phase each mode of $W$ grows like $(1 + \eta\sigma_i)^{2k} = e^{2t\log(1+\eta\sigma_i)/\eta}$: an **effective rate** $\log(1+\eta\sigma_i)/\eta < \sigma_i$. So the transition time shifts from $\frac{1}{2\sigma_i}\log\frac{\sigma_i}{\alpha\sigma_{i,0}}$ to about
//
// $$t_i^{\mathrm{GD}} \approx \frac{\eta}{2\log(1+\eta\sigma_i)}\log\frac{\sigma_i}{\alpha\sigma_{i,0}}.$$
//
// (This explanation is ours, not the paper's.) We use a spectral start so that $\sigma_{i,0}$ is defined, and measure the half-way time of mode 1 for several $\eta$.

// ── cell 4 ──
var sigma0 = Enumerable.Repeat(1.0, y.N).ToArray();
var spectral = Initialization.Spectral(y, sigma0, alpha);
var flowTime = new SpectralTrajectory(y, spectral).TransitionTime(0);
var etas = data.Doubles("etas");
var gdTimes = etas.Select(eta =>
{
    var grid = Enumerable.Range(0, 4001).Select(j => j * eta).Where(t => t <= 2 * flowTime).ToArray();
    var run = GradientDescent.Run(y, spectral, eta, grid);
    int j = Enumerable.Range(0, grid.Length).First(k => (y.Phi.Transpose() * run.W[k] * y.Phi)[0, 0] >= y.SigmaY[0] / 2);
    return grid[j];
}).ToArray();
var effective = etas.Select(eta => eta / (2 * Math.Log(1 + eta * y.SigmaY[0])) * Math.Log(y.SigmaY[0] / alpha)).ToArray();
display(Figures.Series(etas, new[] { ("measured GD half-way time", gdTimes), ("effective-rate prediction", effective), ("flow prediction", etas.Select(_ => flowTime).ToArray()) },
    "Mode 1: gradient descent transitions later than the flow", "step size η", "half-way time t = kη", markers: true));
display(string.Join("\n", etas.Select((eta, i) => $"η = {eta}: GD {gdTimes[i]:F3}, effective-rate prediction {effective[i]:F3}, flow {flowTime:F3}")));

// ═══ Measured: the effective rate explains the shift ═══
//
// The GD half-way time is measured on the grid $t = k\eta$, so it is known to within one step $\eta$; the check allows $2\eta$ plus 1 % for the $O(\alpha)$ and second-order terms of the estimate. The flow prediction misses by more than that for the largest $\eta$, and the shift shrinks as $\eta\to0$.

// ── cell 5 ──
display(Check.All(etas.Select((eta, i) => Check.AtMost($"η = {eta}: |GD half-way time − effective-rate prediction|", Math.Abs(gdTimes[i] - effective[i]), 2 * eta + 0.01 * effective[i]))
    .Append(Check.AtLeast($"η = {etas[0]}: |GD − flow prediction| exceeds that allowance", Math.Abs(gdTimes[0] - flowTime), 2 * etas[0] + 0.01 * effective[0]))
    .Append(Check.That("the shift shrinks as η decreases", gdTimes.Zip(gdTimes.Skip(1)).All(p => p.First > p.Second), string.Join(" > ", gdTimes.Select(t => t.ToString("F3")))))
    .ToArray()));

// ═══ 3. Asymmetric factorization from a balanced start (Section IV) ═══
//
// The paper closes with $\min_{U,V}\frac12\|Y - UV^\top\|_F^2$ for a rectangular $Y\in\mathbb{R}^{m\times p}$, noting that balanced starts ($U_0^\top U_0 = V_0^\top V_0$) relate it to a symmetric problem. There is no closed form here, so we integrate $\dot U = (Y - UV^\top)V$, $\dot V = (Y - UV^\top)^\top U$ numerically and watch the singular values of $X = UV^\top$.
//
// *Conjecture (not in the paper):* the singular values of $X$ are learned one at a time, largest first, at times $\approx\frac{1}{2s_i}\log\frac{1}{\alpha}$ up to a constant, like the symmetric case.

// ── cell 6 ──
var asym = data["asymmetric"];
int m = asym.Int("m"), p = asym.Int("p"), width = asym.Int("width");
var sv = asym.Doubles("singularValues");
var left = Target.RandomOrthogonal(m, asym.Int("seed")).SubMatrix(0, m, 0, sv.Length);
var right = Target.RandomOrthogonal(p, asym.Int("seed") + 1).SubMatrix(0, p, 0, sv.Length);
var yRect = left * Matrix<double>.Build.DenseOfDiagonalArray(sv) * right.Transpose();
var (u0, v0) = AsymmetricFactorization.BalancedInitialization(m, p, width, asym.Double("alpha"), asym.Int("seed"));
var tAsym = Enumerable.Range(0, 301).Select(j => 0.05 * j).ToArray();
var (xs, stats) = AsymmetricFactorization.Integrate(yRect, u0, v0, tAsym, rtol: 1e-10);
var singular = Enumerable.Range(0, sv.Length).Select(i => xs.Select(x => x.Svd(false).S[i]).ToArray()).ToArray();
display($"integrator: {stats.Accepted} steps, {stats.Rejected} rejected");
display(Figures.Trajectories(tAsym, singular, sv, Array.Empty<(double, double)>(), "Asymmetric factorization, balanced start: singular values of U(t)V(t)ᵀ"));

// ═══ Measured: order of learning and the final fit ═══
//
// We check only what we measured: the half-way times come in decreasing order of $s_i$, and $X(15)$ is within $10^{-6}$ (relative) of $Y$ — a loose tolerance because the integrator's relative tolerance is $10^{-10}$ per step and the fit converges exponentially.

// ── cell 7 ──
var halfAsym = Enumerable.Range(0, sv.Length).Select(i => tAsym[Array.FindIndex(singular[i], s => s >= sv[i] / 2)]).ToArray();
display(Check.All(
    Check.That("singular values learned largest first", halfAsym.Zip(halfAsym.Skip(1)).All(q => q.First < q.Second), string.Join(" < ", halfAsym.Select(t => t.ToString("F2")))),
    Check.AtMost("‖X(15) − Y‖_F / ‖Y‖_F", (xs[^1] - yRect).FrobeniusNorm() / yRect.FrobeniusNorm(), 1e-6)));

// ═══ Summary ═══
//
// - With $r < n$ the closed form still applies; here the two largest components were learned in order and $W(t)\to\hat Y_2$ (measured, not proven).
// - Gradient descent shifts the transitions later; the effective rate $\log(1+\eta\sigma)/\eta$ predicts the shift within a step.
// - The asymmetric flow from a balanced start shows the same incremental picture numerically — a conjecture the paper leaves open.
//
// ═══ Exercises ═══
//
// 1. Take $r = 1$. Which component is learned, and is it always the largest? *Hint: look at $\tilde U = \Phi^\top\bar U_0$ — what if its first entry is tiny?*
// 2. Push $\eta$ towards $2/\sigma_1$. What happens to gradient descent, and why? *Hint: the linearised step multiplies by $1 + \eta(\sigma - 2\sigma_W)$ near the target.*
// 3. Start the asymmetric flow *unbalanced* (e.g. scale $U_0$ by 3 and $V_0$ by 1/3). Does the picture change? *Hint: $U^\top U - V^\top V$ is conserved by the flow.*

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
            string page = Path.GetFullPath(Path.Combine(folder, $"06-Beyond-The-Paper-figure-{++figures}.html"));
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
