// Generated from ../notebooks/00-Start-Here.ipynb by `inclearn-nb export --to cs`: edit the notebook, not this file.
// Run from the repository: dotnet run apps/00-Start-Here.cs
#:property ManagePackageVersionsCentrally=false
#:property WarningsNotAsErrors=NU1603
#:property PublishAot=false
#:package MathNet.Numerics@5.0.0
#:project ../src/IncLearn.Interactive/IncLearn.Interactive.csproj

using IncLearn;
using IncLearn.Interactive;
using MathNet.Numerics.LinearAlgebra;

// ═══ 00 · Start here: why does small initialization learn low-rank solutions? ═══
//
// This tutorial teaches, and checks by computation, the paper *Understanding Incremental Learning with Closed-form Solution to Gradient Flow on Overparameterized Matrix Factorization* (H. Min and R. Vidal, 2025).
//
// **In this notebook you will learn to**
// - state the question the paper answers, and the setting, in one screen of math;
// - find your way through notebooks 01 → 06;
// - run them in VS Code or headlessly, and understand the one setup cell every notebook repeats.

// ═══ The question ═══
//
// Train $W = UU^\top$ by gradient flow from a *small* random start. The loss does not prefer low rank — every $U$ with $UU^\top = Y$ is a global minimum — and yet, along the way, $W(t)$ passes close to the best rank-1 approximation of $Y$, then the best rank-2 one, and so on. The singular values of $Y$ are learned **one at a time, largest first**: *incremental learning*.
//
// Why? The paper answers with an exact formula: the gradient flow has a closed-form solution, and reading it closely shows a **separation of time scales** — mode $i$ of $Y$ is learned around $t_i \approx \frac{1}{2\sigma_i}\log\frac{1}{\alpha}$, so the smaller the initialization scale $\alpha$, the further apart the transitions.

// ═══ The setting in one screen ═══
//
// Symmetric matrix factorization, for a target $Y \succeq 0$ of size $n\times n$ and a factor $U\in\mathbb{R}^{n\times r}$ (eq. (1)):
//
// $$\min_{U}\ \mathcal{L}(U) = \tfrac14\,\|Y - UU^\top\|_F^2 .$$
//
// Gradient flow from a scaled shape, $U(0) = \alpha^{1/2}\bar U_0$ (eq. (2)):
//
// $$\dot U = (Y - UU^\top)\,U .$$
//
// The model $W = UU^\top$ obeys a matrix Riccati equation (eq. (3)):
//
// $$\dot W = WY + YW - 2W^2,\qquad W(0) = \alpha\,\bar U_0\bar U_0^\top .$$
//
// With $Y = \Phi\,\mathrm{diag}(\Sigma_Y, 0)\,\Phi^\top$ and $\tilde W_0 = \Phi^\top W_0 \Phi$, **Proposition 1** (eqs. (5)–(6)) gives
//
// $$W(t) = \Phi\,S(t)\,\tilde W_0\,\big(I_n + G(t)\tilde W_0\big)^{-1} S(t)\,\Phi^\top,\quad S = \mathrm{diag}(e^{\Sigma_Y t}, I),\ G = \mathrm{diag}\big(\Sigma_Y^{-1}(e^{2\Sigma_Y t}-I),\ 2tI\big).$$
//
// Under spectral initialization this decouples into scalar curves $\sigma_{i,W}(t)$ (**Corollary 2**, eqs. (12)–(13)); **Theorems 3 and 4** turn the time-scale separation into guarantees: for $\alpha$ small enough, $\|W(t) - \hat Y_k\|_2 \le \varepsilon$ on explicit time windows $\mathcal{I}_k$, where $\hat Y_k$ is the best rank-$k$ approximation of $Y$.

// ═══ Map of the notebooks ═══
//
// | notebook | what it shows | what it checks |
// |---|---|---|
// | 01 · Proposition 1 | the closed form; why the formula as printed fails numerically, and the stable form | closed form = integrated flow; symmetric, PSD; $W(t)\to Y$; the printed formula's error, measured |
// | 02 · Corollary 2 | spectral initialization, scalar dynamics, Figure 1 of the paper | $\Phi^\top W\Phi$ stays diagonal; half-way times match $\frac{1}{2\sigma_i}\log\frac{\sigma_i}{\alpha\sigma_{i,0}}$ |
// | 03 · Theorem 3 | $c_\varepsilon$, $C_\varepsilon$, windows $\mathcal{I}_k$, hypotheses | $\|W(t)-\hat Y_k\|_2\le\varepsilon$ on every $\mathcal{I}_k$; largest admissible $\alpha$ |
// | 04 · Theorem 4 | general initialization, the constant $M$ | the conclusion at the theorem's (tiny) $\alpha$; gap to the $\alpha$ that works in practice |
// | 05 · Random initialization | Remark III-C1: Gaussian $\bar U_0$, Marchenko–Pastur, $M_\delta$ | probability the conclusion holds $\ge 1-\delta$ |
// | 06 · Beyond the paper | rank-deficient init, gradient descent, asymmetric factorization | measured, labelled as exploration |
//
// Every numerical claim is backed by a **check cell**: it shows a ✓ row with the numbers, or fails the cell with a message that names the claim, the numbers and the tolerance.

// ═══ Before you open the notebooks (once) ═══
//
// The notebooks load the project's library from its build output, so build it once from the repository root:
//
// ```bash
// dotnet build src/IncLearn.Interactive -c Release
// ```
//
// This writes `src/IncLearn.Interactive/bin/Release/net10.0/IncLearn.dll` and `IncLearn.Interactive.dll`, which the setup cell references with paths relative to `notebooks/` (the kernel's working directory is the notebook's folder). Rebuild after changing `src/`, then restart the kernel.
//
// **In VS Code** (Polyglot Notebooks extension, .NET 10 SDK): open a notebook, pick the `.NET (C#)` kernel, *Run All*.
//
// **Headlessly** (no VS Code needed), from the repository root:
//
// ```bash
// dotnet run --project src/IncLearn.Runner -c Release -- run notebooks
// ```
//
// It executes every notebook in a fresh C# script session, writes the executed copies to `artifacts/notebooks/`, and prints a table with every check. `-- check notebooks` re-executes and compares with the stored outputs; `-- run notebooks --html artifacts/html` also writes offline HTML pages.

// ═══ The setup cell, explained once ═══
//
// Every notebook starts with the cell below.
// - `#r "nuget: …"` loads the three packages the library uses (pinned versions, so a rerun gives the same numbers).
// - `#r "../src/…/IncLearn.dll"` and `IncLearn.Interactive.dll` load this project's library: `IncLearn` is the math (targets, closed form, theorems), `IncLearn.Interactive` renders it (tables, theorem cards, Plotly charts, check cells).
// - `Notebook.Setup()` registers the formatters; calling it twice is harmless.
//
// (Why not `#r "nuget: IncLearn.Interactive"` from a local feed? The real kernel does not accept a relative path in `#i "nuget: …"` — dotnet/interactive issue #3110 — and an absolute one would tie the notebooks to one machine.)

// ── cell 1 ──
Notebook.Setup();

// A first look: a target with eigenvalues $10, 6, 3, 1$ (from `data/figure1.json`) and its best rank-2 approximation $\hat Y_2$.

// ── cell 2 ──
var data = NotebookData.Open("figure1.json");
var y = data.Target();
display(y.Eigenvalues);
display(y.BestRankK(2));

// Check: $\hat Y_2$ keeps exactly the two largest eigenvalues, so $\|Y - \hat Y_2\|_2 = \sigma_3 = 3$ (Eckart–Young). The tolerance $10^{-12}$ is about $10^4$ times the rounding of an eigendecomposition of a $6\times 6$ matrix with entries of size 10.

// ── cell 3 ──
display(Check.Close("‖Y − Ŷ₂‖₂ = σ₃", Numerics.SymmetricSpectralNorm(y.Y - y.BestRankK(2)), y.SigmaY[2], 1e-12));

// ═══ Summary ═══
//
// - Gradient flow on $UU^\top$ from a small initialization learns the eigen-components of $Y$ one at a time, largest first.
// - The reason is a closed-form solution (Proposition 1) whose modes switch on at times $\approx \frac{1}{2\sigma_i}\log\frac1\alpha$.
// - Each following notebook states one result of the paper, computes it, draws it, and checks it.
//
// ═══ Exercises ═══
//
// 1. Before reading on, guess: if $\alpha$ is divided by $10^6$, by how much does the time at which mode $i$ is learned move? *Hint: look at the $\log(1/\alpha)$ in the transition time.*
// 2. Run the headless runner with `--html artifacts/html` and open `artifacts/html/index.html` offline. *Hint: the pages embed plotly.js once each.*

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
            string page = Path.GetFullPath(Path.Combine(folder, $"00-Start-Here-figure-{++figures}.html"));
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
