// Generated from ../notebooks/02-Corollary-2-Spectral-Initialization.ipynb by `inclearn-nb export --to cs`: edit the notebook, not this file.
// Run from the repository: dotnet run apps/02-Corollary-2-Spectral-Initialization.cs
#:property ManagePackageVersionsCentrally=false
#:property WarningsNotAsErrors=NU1603
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

// ═══ Setup ═══
//
// The same cell opens every notebook: packages, this project's library, formatters (explained in [00-Start-Here](00-Start-Here.ipynb)).

// ── cell 1 ──
Notebook.Setup();

// ═══ Decoupled scalar dynamics ═══
//
// A spectral initialization $U(0) = \alpha^{1/2}\Phi\Sigma_{U_0}V^\top$ shares its singular vectors with $Y$. Then $\tilde W = \Phi^\top W\Phi$ stays diagonal (eq. (11)) and each diagonal entry follows its own logistic-type curve — **Corollary 2**:
//
// $$\sigma_{i,W}(t) = \frac{\alpha\sigma_{i,0}\sigma_{i,Y}e^{2\sigma_{i,Y}t}}{\sigma_{i,Y} + \alpha\sigma_{i,0}(e^{2\sigma_{i,Y}t} - 1)}\ \ (\sigma_{i,Y} > 0),\qquad \sigma_{i,W}(t) = \frac{\alpha\sigma_{i,0}}{1 + 2\alpha\sigma_{i,0}t}\ \ (\sigma_{i,Y} = 0), \qquad (12),(13)$$
//
// with $\sigma_{i,0} = [\Sigma_{U_0}^2]_{ii}$. The library evaluates (12) as $\alpha\sigma_0\sigma_Y/(\sigma_Y e^{-2\sigma_Y t} - \alpha\sigma_0\,\mathrm{expm1}(-2\sigma_Y t))$: no growing exponential, no cancellation.

// ── cell 2 ──
var data = NotebookData.Open("figure1.json");
var y = data.Target();
var sigma0 = data.Doubles("sigma0");
double alpha = data.Double("alphaLeft");
var init = Initialization.Spectral(y, sigma0, alpha);
var corollary = new SpectralTrajectory(y, init);
var proposition = new ClosedFormSolution(y, init);
var times = Enumerable.Range(0, data.Int("timePoints") + 1).Select(j => 10.0 * j / data.Int("timePoints")).ToArray();
display(corollary.At(4.0));

// ═══ Check: the matrix solution stays diagonal in $\Phi$ and equals (12)–(13) ═══
//
// Proposition 1's matrix $\Phi^\top W(t)\Phi$ must be diagonal with the entries of (12)–(13). Both are evaluated stably in double precision, so they agree to rounding: $10^{-12}$ relative (about $10^4$ machine epsilons), and off-diagonal entries below $10^{-12}\|Y\|$.

// ── cell 3 ──
double maxOffDiagonal = 0, maxRelative = 0;
foreach (var t in times)
{
    var rotated = proposition.RotatedAt(t);
    var scalars = corollary.At(t);
    for (int i = 0; i < y.N; i++)
        for (int j = 0; j < y.N; j++)
            if (i != j) maxOffDiagonal = Math.Max(maxOffDiagonal, Math.Abs(rotated[i, j]));
            else maxRelative = Math.Max(maxRelative, Math.Abs(rotated[i, i] - scalars[i]) / scalars[i]);
}
display(Check.All(
    Check.AtMost("max |off-diagonal of ΦᵀW(t)Φ| / ‖Y‖", maxOffDiagonal / y.SigmaY[0], 1e-12),
    Check.AtMost("max relative difference of diag(ΦᵀW(t)Φ) and eqs. (12)–(13)", maxRelative, 1e-12)));

// ═══ The sharp transition and its time ═══
//
// For small $\alpha$, $\sigma_{i,W}$ stays near $\alpha\sigma_{i,0}$, then rises to $\sigma_{i,Y}$ in a short phase around
//
// $$t_i \approx \frac{1}{2\sigma_{i,Y}}\log\frac{\sigma_{i,Y}}{\alpha\sigma_{i,0}},$$
//
// the time at which $\alpha\sigma_{i,0}e^{2\sigma_{i,Y}t}$ reaches $\sigma_{i,Y}$. Solving (12) for $\sigma_{i,W} = \sigma_{i,Y}/2$ gives exactly $\frac{1}{2\sigma_{i,Y}}\log\frac{\sigma_{i,Y} - \alpha\sigma_{i,0}}{\alpha\sigma_{i,0}}$: the estimate is off by $\approx\alpha\sigma_{i,0}/(2\sigma_{i,Y}^2)$, a relative $10^{-7}$ here, so $10^{-6}$ is the tolerance. We measure the half-way time by bisection on the matrix solution.

// ── cell 4 ──
var halfway = Enumerable.Range(0, y.K).Select(i => Measurements.HalfwayTime(proposition, i, tMax: 20)).ToArray();
var estimate = Enumerable.Range(0, y.K).Select(i => corollary.TransitionTime(i)).ToArray();
display(Check.All(Enumerable.Range(0, y.K).Select(i =>
    Check.Close($"half-way time of mode {i + 1} (σ = {y.SigmaY[i]}) vs log(σ/(ασ₀))/(2σ)", halfway[i], estimate[i], 1e-6)).ToArray()));

// ═══ Figure 1, left: the transitions ═══
//
// Each $\sigma_{i,W}(t)$ (solid) rises to its target $\sigma_{i,Y}$ (dashed). The shaded bands are the transition phases $\big[\frac{1}{2\sigma_i}\log\frac{c}{\alpha}, \frac{1}{2\sigma_i}\log\frac{C}{\alpha}\big]$ of Section III-A, with $c = c_\varepsilon$, $C = C_\varepsilon$ of Theorem 3 ($\varepsilon = 0.1$): before the band the mode is below $c\,\sigma_{i,0}$, after it within $\varepsilon$ of its target.

// ── cell 5 ──
var theorem = new Theorem3(y, sigma0, data.Double("epsilon"));
var phases = Enumerable.Range(0, y.K).Select(i =>
    ((theorem.LogSmallC - Math.Log(alpha)) / (2 * y.SigmaY[i]), (theorem.LogLargeC - Math.Log(alpha)) / (2 * y.SigmaY[i]))).ToArray();
var trajectories = corollary.On(times).Take(y.K).ToArray();
display(Figures.Trajectories(times, trajectories, y.SigmaY.Take(y.K).ToArray(), phases, "Figure 1 (left): σ_i,W(t) under spectral initialization, α = 1e-6"));

// ═══ Figure 1, right: smaller $\alpha$ separates the transitions ═══
//
// The transition times grow like $\log(1/\alpha)/(2\sigma_i)$: dividing $\alpha$ by $10^{6}$ delays mode $i$ by $\log(10^6)/(2\sigma_i)$, more for small $\sigma_i$. The phases pull apart and rank-$k$ plateaus appear in between.

// ── cell 6 ──
var alphas = data.Doubles("alphasRight");
var panels = alphas.Select(a =>
{
    var traj = new SpectralTrajectory(y, Initialization.Spectral(y, sigma0, a));
    double tEnd = 1.3 * traj.TransitionTime(y.K - 1);
    var t = Enumerable.Range(0, 401).Select(j => tEnd * j / 400).ToArray();
    return ($"α = {a:G2}", t, traj.On(t).Take(y.K).ToArray());
}).ToArray();
display(Figures.TrajectoryPanels(panels, y.SigmaY.Take(y.K).ToArray(), "Figure 1 (right): as α decreases, the transitions separate"));

// ═══ Check: the transitions separate as $\alpha$ decreases ═══
//
// The gap between consecutive transitions, $t_{i+1} - t_i$, grows with $\log(1/\alpha)$: at each of the three $\alpha$, every gap is positive and larger than at the previous (larger) $\alpha$. This is the time-scale separation behind incremental learning.

// ── cell 7 ──
var gaps = alphas.Select(a => { var tr = new SpectralTrajectory(y, Initialization.Spectral(y, sigma0, a)); return Enumerable.Range(0, y.K - 1).Select(i => tr.TransitionTime(i + 1) - tr.TransitionTime(i)).Min(); }).ToArray();
display(Check.All(
    Check.That("smallest gap between transitions grows as α decreases", gaps[0] < gaps[1] && gaps[1] < gaps[2], $"smallest gaps {string.Join(", ", gaps.Select(g => g.ToString("F3")))} for α = {string.Join(", ", alphas)}"),
    Check.AtLeast("smallest gap at the smallest α", gaps[2], 0)));

// ═══ Summary ═══
//
// - Under spectral initialization the flow decouples into scalar curves (12)–(13); the matrix closed form reproduces them to $10^{-12}$.
// - Each mode switches on at $t_i\approx\frac{1}{2\sigma_i}\log\frac{\sigma_i}{\alpha\sigma_{i,0}}$ (measured half-way times match to $10^{-6}$).
// - Smaller $\alpha$ separates the transitions, and low-rank approximations appear on the way — Figure 1.
//
// ═══ Exercises ═══
//
// 1. Give mode 2 a larger initial value ($\sigma_{2,0} = 10^3$) in a copy of `sigma0`. Can mode 2 now be learned before mode 1? *Hint: compare $\log(\sigma_i/(\alpha\sigma_{i,0}))/(2\sigma_i)$ for $i = 1, 2$.*
// 2. Plot a zero mode (13) on a log-log axis. What slope do you see for large $t$? *Hint: $\alpha\sigma_0/(1 + 2\alpha\sigma_0 t)$.*

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
            string page = Path.GetFullPath(Path.Combine(folder, $"02-Corollary-2-Spectral-Initialization-figure-{++figures}.html"));
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
