// Generated from ../notebooks/00-Start-Here.ipynb by `inclearn-nb export --to cs`: edit the notebook, not this file.
// Run from the repository: dotnet run apps/00-Start-Here.cs
#:property ManagePackageVersionsCentrally=false
#:property TreatWarningsAsErrors=false
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
// - see the phenomenon the paper explains, in one picture;
// - state the question and the setting in one screen of math, in the notation every notebook uses;
// - find your way through notebooks 01 → 06, their parameters and their solutions, and know the paper's typos before they trip you.
//
// **Time:** about 15 min to read, about 15 s to run, kernel start included (measured in the real kernel on a shared 2-core machine).

// ═══ Before you run anything: build the library (once) ═══
//
// The notebooks load the project's library from its build output, so build it once from the repository root:
//
// ```bash
// dotnet build src/IncLearn.Interactive -c Release
// ```
//
// This writes `src/IncLearn.Interactive/bin/Release/net10.0/IncLearn.dll` and `IncLearn.Interactive.dll`, which the setup cell references with paths relative to the notebook's folder (the kernel's working directory). Rebuild after changing `src/`, then restart the kernel.
//
// **In VS Code** (Polyglot Notebooks extension, .NET 10 SDK): open a notebook, pick the `.NET (C#)` kernel, *Run All*.
//
// **Headlessly** (no VS Code needed), from the repository root:
//
// ```bash
// dotnet run --project src/IncLearn.Runner -c Release -- run notebooks
// ```
//
// It executes every notebook in a fresh C# script session, writes the executed copies to `artifacts/notebooks/`, and prints a table with every check.

// ═══ Setup ═══
//
// The same cell opens every notebook: packages, this project's library, formatters (explained below, in [The setup cell, explained once](#the-setup-cell-explained-once)); build the library first, as [the cell above](#before-you-run-anything-build-the-library-once) says.

// ── cell 1 ──
Notebook.Setup();

// ═══ Parameters ═══
//
// The cell below is tagged `parameters`. Change a value there and *Run All*, or let the runner inject one: `-p alpha=1e-5` adds a cell tagged `injected-parameters` right after it holding the C# assignment `alpha = 1e-5;` (the convention is stated below, in [Parameters: one cell per notebook](#parameters-one-cell-per-notebook)). Every check below derives its expectation from these values.

// ── cell 2 ──
double alpha = 1e-6;                     // initialization scale α of the first picture
double[] eigenvalues = { 10, 6, 3, 1 };  // σ₁ > … > σ_K > 0, the non-zero eigenvalues of the target Y
int n = 6;                               // Y is n×n
int phiSeed = 7;                         // seed of Y's eigenvectors Φ

// ═══ The phenomenon at a glance (Figure 1) ═══
//
// Train a model $W(t)$ by gradient flow towards a target $Y$ with eigenvalues $\sigma_1 > \sigma_2 > \dots$, starting from a tiny $W(0)$ (scale $\alpha$) that points along the eigenvectors of $Y$ — a *spectral* start (notebook 02). Each curve is the model's value along one eigen-direction of $Y$; the dashed lines are the targets. The model does not fit everything at once: it learns **one eigenvalue at a time, largest first**, and sits on a plateau — the best rank-$k$ approximation of $Y$ — in between. (A random start behaves the same way: notebooks 04 and 05.)

// ── cell 3 ──
var y = Target.FromSpectrum(eigenvalues, n, phiSeed);
var glance = new SpectralTrajectory(y, Initialization.Spectral(y, Enumerable.Repeat(1.0, n).ToArray(), alpha));
var glanceTimes = Enumerable.Range(0, 401).Select(j => 1.3 * glance.TransitionTime(y.K - 1) * j / 400).ToArray();
display(Figures.Trajectories(glance, glanceTimes, null, $"Incremental learning (α = {alpha:G2}, spectral start):<br>the eigenvalues of Y are learned one at a time, largest first"));

// Check: the modes are learned in order — the measured half-way times (the first $t$ with $\sigma_{i,W}(t) = \sigma_i/2$) increase with $i$.

// ── cell 4 ──
var halfway = Enumerable.Range(0, y.K).Select(i => Measurements.HalfwayTime(glance, i, 2 * glance.TransitionTime(y.K - 1))).ToArray();
display(Check.That("the eigenvalues are learned largest first (half-way times increase)", halfway.Zip(halfway.Skip(1)).All(p => p.First < p.Second),
    string.Join(" < ", halfway.Select(t => t.ToString("F3")))));

// **Try it.** Set `alpha = 1e-12` in the parameters cell and *Run All*. Before looking: do the transitions move left or right, and do they get closer or further apart? *Answer:* every transition moves right, by $\log(10^6)/(2\sigma_i)$, the slow modes most — so they move apart (notebook 02 measures and checks exactly this; the exercise at the end of this notebook asks you to measure it here).

// ═══ The question ═══
//
// Train $W = UU^\top$ by gradient flow from a *small* start — random, or spectral as in the picture above. The loss does not prefer low rank — every $U$ with $UU^\top = Y$ is a global minimum — and yet, along the way, $W(t)$ passes close to the best rank-1 approximation of $Y$, then the best rank-2 one, and so on: *incremental learning*.
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
// $$\dot W = WY + YW - 2W^2,\qquad W(0) = \alpha\bar W_0,\quad \bar W_0 = \bar U_0\bar U_0^\top .$$
//
// With $Y = \Phi\,\mathrm{diag}(\Sigma_Y, 0)\,\Phi^\top$ and $\tilde W_0 = \Phi^\top\bar W_0\Phi$, **Proposition 1** (eqs. (5)–(6)) gives
//
// $$W(t) = \Phi\,S(t)\,\alpha\tilde W_0\,\big(I_n + \alpha G(t)\tilde W_0\big)^{-1} S(t)\,\Phi^\top,\quad S = \mathrm{diag}(e^{\Sigma_Y t}, I),\ G = \mathrm{diag}\big(\Sigma_Y^{-1}(e^{2\Sigma_Y t}-I),\ 2tI\big).$$
//
// Under spectral initialization this decouples into scalar curves $\sigma_{i,W}(t)$ (**Corollary 2**, eqs. (12)–(13)); **Theorems 3 and 4** turn the time-scale separation into guarantees: for $\alpha$ small enough, $\|W(t) - \hat Y_k\|_2 \le \varepsilon$ on explicit time windows $\mathcal{I}_k$, where $\hat Y_k$ is the best rank-$k$ approximation of $Y$.

// ═══ Notation ═══
//
// One notation for all notebooks. Where the paper uses a letter twice, we rename one use and say so.
//
// | symbol | meaning | includes $\alpha$? | in code |
// |---|---|---|---|
// | $Y = \Phi\,\mathrm{diag}(\Sigma_Y, 0)\,\Phi^\top$ | target, $n\times n$, $Y\succeq0$; $K$ non-zero eigenvalues $\sigma_1 > \dots > \sigma_K$ ($\sigma_i = \sigma_{i,Y}$) | — | `Target y`: `y.Phi`, `y.SigmaY`, `y.K` |
// | $\alpha$ | initialization scale; the library also stores $\log\alpha$ (exact when $\alpha < 10^{-308}$) | — | `alpha`; `init.LogAlpha`; `theorem.InitializationAtLogAlpha(logAlpha: …)` takes $\log\alpha$ |
// | $\bar U_0$ | initialization shape, $n\times r$ | no | `init.Shape` |
// | $U_0 = \alpha^{1/2}\bar U_0$ | $U(0)$ | yes | `init.U0` |
// | $\bar W_0 = \bar U_0\bar U_0^\top$ | shape Gram matrix | no | `init.ShapeGram` |
// | $W_0 = \alpha\bar W_0$ | $W(0)$ | yes | `init.W0` |
// | $\tilde W_0 = \Phi^\top\bar W_0\Phi$ | rotated shape Gram (Theorem 4's) | **no** | `theorem4.W0Tilde` |
// | $V = \tilde W_0^{-1}$ | its inverse — the only meaning of $V$ | no | `theorem4.V` |
// | $M = \max(\|V\|, \|V^{-1}\|)$, $M_\delta$ | Theorem 4's constant; its $(1-\delta)$-quantile for random shapes (Remark III-C1) | no | `theorem4.M` |
// | $\tilde W(t) = \Phi^\top W(t)\Phi$ | the model in $Y$'s eigenbasis; the paper's $P(t)$ in eqs. (7)–(9) | yes | `cf.RotatedAt(t)` |
// | $Z(t) = \tilde W(t)^{-1}$ | inverse of the rotated model (notebook 01's linear ODE) | yes | — |
// | $S(t)$, $G(t)$, $D(t) = S^{-1}GS^{-1}$ | eq. (6) and its stable form | — | `PaperErrata.Eq6` |
// | $\tilde U = \Phi^\top\bar U_0$ | rotated shape (Remark III-C2) | no | — |
// | $\Sigma_{U_0}$, $V_{U_0}$, $\sigma_{i,0} = [\Sigma_{U_0}^2]_{ii}$, $i = 1\dots n$ | spectral shape $\bar U_0 = \Phi\Sigma_{U_0}V_{U_0}^\top$ (Corollary 2, Theorem 3); $V_{U_0}$ is not $V$ | no | `sigma0` |
// | $\hat Y_k$ | best rank-$k$ approximation of $Y$ | — | `y.BestRankK(k)` |
// | $\varepsilon$, $c_\varepsilon$, $C_\varepsilon$, $\rho = \max_k\sigma_{k+1}/\sigma_k$, $\mathcal I_k$ | tolerance, the theorems' constants, windows (16) | — | `theorem.SmallC`, `.LargeC`, `.Rho`, `.Windows(logAlpha)` |
// | $A, B$; $X = AB^\top$ | factors of the asymmetric problem as notebook 06 sets it up (Section IV gives no formula and names no factors for it; it only cites [15]) | — | notebook 06 |

// ═══ Map of the notebooks ═══
//
// | notebook | what it shows | what it checks | read | run (real kernel, kernel start included) |
// |---|---|---|---|---|
// | 01 · Proposition 1 | the closed form; why the formula as printed fails numerically, and the stable form | closed form = integrated flow (and = your own RK4, a build-it cell); PSD; $W(t)\to Y$; the printed formula's error, measured | 15 min | about 23 s |
// | 02 · Corollary 2 | spectral initialization, scalar dynamics, Figure 1 of the paper | $\Phi^\top W\Phi$ stays diagonal; your eq. (12) (a build-it cell); half-way times match $\frac{1}{2\sigma_i}\log\frac{\sigma_i}{\alpha\sigma_{i,0}}$ | 12 min | about 16 s |
// | 03 · Theorem 3 | $c_\varepsilon$, $C_\varepsilon$, windows $\mathcal{I}_k$, hypotheses | $\|W(t)-\hat Y_k\|_2\le\varepsilon$ on every $\mathcal{I}_k$; largest admissible $\alpha$ | 15 min | about 19 s |
// | 04 · Theorem 4 | general initialization, the constant $M$ | the conclusion at the theorem's (tiny) $\alpha$; gap to the $\alpha$ that works in practice | 12 min | about 17 s |
// | 05 · Random initialization | Remark III-C1: Gaussian $\bar U_0$, Marchenko–Pastur, $M_\delta$ | probability the conclusion holds $\ge 1-\delta$ | 15 min | about 45 s |
// | 06 · Beyond the paper | rank-deficient init, gradient descent, asymmetric factorization | measured, labelled as exploration | 12 min | about 18 s |
//
// Every numerical claim is backed by a **check cell**: it shows a ✓ row with the numbers, or fails the cell with a message that names the claim, the numbers and the tolerance. Check names are unique within a notebook, so each check is its own test case.
//
// **Build it, then exercises.** Chapters 01 and 02 have *build-it* cells (tagged `build-it`): a short scaffold where you write the section's key formula or loop; its check says *not yet implemented* until you fill it in, then compares your code with the library. Sections also hold short *Try it* questions. Each notebook ends with exercises; each has a scaffold cell that works on its own variables (so doing the exercise never breaks the notebook's checks) and a hint. Worked solutions, executed and checked like the chapters, are in separate notebooks, hidden from the main path: [solutions/](solutions/01-Proposition-1-Closed-Form-Solutions.ipynb) `solutions/NN-…-Solutions.ipynb`, one per chapter.

// ═══ Parameters: one cell per notebook ═══
//
// Every notebook (and every solutions notebook) has, right after its setup cell, one code cell tagged `parameters` that declares all its knobs with their C# types: $\alpha$, $\varepsilon$, the spectrum, seeds, sample counts. Change a value there and *Run All*; every check derives its expectation from these values, and the few statements that hold only for the defaults say so in their name ("defaults only") and are skipped, with a visible line, when a parameter changes.
//
// The papermill convention, for C#: a tool that sets parameters inserts, right after the `parameters` cell, a code cell tagged `injected-parameters` holding **one plain C# assignment per parameter**, `name = value;`, where `value` is a C# expression:
//
// ```csharp
// alpha = 1e-5;
// eigenvalues = new double[] { 10, 9.5, 3, 1 };
// ```
//
// So the parameters cell declares (`double alpha = 1e-6;`) and the injected cell assigns. The runner's `-p alpha=1e-5` does this (`dotnet run --project src/IncLearn.Runner -c Release -- run notebooks/01-Proposition-1-Closed-Form.ipynb -p alpha=1e-5`); the notebook tests use it to run every notebook with the two alternative parameter sets listed in `notebooks/parameters/alternatives.json`.

// ═══ The setup cell, explained once ═══
//
// Every notebook starts with the same cell.
// - `#r "nuget: …"` loads the package the library uses (pinned version, so a rerun gives the same numbers).
// - `#r "../src/…/IncLearn.dll"` and `IncLearn.Interactive.dll` load this project's library (`../../src/…` from `solutions/`): `IncLearn` is the math (targets, closed form, theorems), `IncLearn.Interactive` renders it (tables, theorem cards, Plotly charts, check cells).
// - `Notebook.Setup()` registers the formatters; calling it twice is harmless.
//
// (Why not `#r "nuget: IncLearn.Interactive"` from a local feed? The real kernel does not accept a relative path in `#i "nuget: …"` — dotnet/interactive issue #3110 — and an absolute one would tie the notebooks to one machine.)

// ═══ Errata: typos in the paper ═══
//
// The mathematics of the paper is right; these are slips a careful reader trips on. Where a computation can show the typo, a check does (the formulas are evaluated literally by the library's `PaperErrata`, at moderate $t$).
//
// 1. **Proof of Proposition 1, eqs. (7)–(8): $R = I_n$ should be $R = 2I_n$.** Eq. (7) is $\dot P = AP + PA^\top - PRP + Q$; eq. (3) has $-2W^2$, so $R = 2I_n$. Solving (8) gives $X_2 = S\,\alpha\tilde W_0$, $X_1 = S^{-1}(I + \tfrac{R}{2}\,G\,\alpha\tilde W_0)$: only $R = 2I_n$ yields eq. (6)'s $G$ in (9). Check below: with $R = I_n$, $P = X_2X_1^{-1}$ does not satisfy (3); with $R = 2I_n$ it does, and equals the stable closed form.
// 2. **Section II-B: "$\bar U_0 \succeq 0$".** $\bar U_0\in\mathbb R^{n\times r}$ need not be square, let alone symmetric, so $\succeq 0$ is meaningless for it (the random $\bar U_0$ of Remark III-C1 is $n\times r$ with $r\ge n$). What is PSD is $\bar W_0 = \bar U_0\bar U_0^\top$, automatically. Nothing to compute.
// 3. **Theorem 3: "$\Sigma_{U_0}^2 = \mathrm{diag}\{\sigma_{i,0}\}_{i=1}^d$".** $d$ is never defined; it is $n$ ($\Sigma_{U_0}$ is $n\times n$ in $U(0) = \alpha^{1/2}\Phi\Sigma_{U_0}V_{U_0}^\top$). It matters: $c_\varepsilon = \varepsilon/\max_i\sigma_{i,0}$ runs over all $n$ entries, including the null-space modes $i > K$, which must stay below $\varepsilon$ too. Check below: the library's $c_\varepsilon$ sees a large $\sigma_{n,0}$.
// 4. **Proof of Theorem 4: "$\preceq e^{\frac12\log\frac{c_\varepsilon}{\alpha}}I_k$" should end in $I_{K-k}$.** The bound is on $e^{\Sigma_k^c t_k}$, whose block $\Sigma_k^c$ is $(K-k)\times(K-k)$ (as in the next line's $S_2$). A dimension slip; nothing to compute.
// 5. **Remark III-C2: "This is satisfied if $r < n$" should read "not satisfied".** The invertibility of $\tilde W_0$ fails whenever $r < n$, since $\mathrm{rank}\,\tilde W_0 = \mathrm{rank}\,\bar U_0 \le r < n$. An identity of linear algebra, so nothing to check numerically (a computation could only restate it).
// 6. **Remark III-C2, Woodbury expression: a missing $\alpha$.** It should read $\alpha S\tilde U\big(I - \alpha\tilde U^\top G\tilde U(I + \alpha\tilde U^\top G\tilde U)^{-1}\big)\tilde U^\top S$ $= \alpha S\tilde U(I + \alpha\tilde U^\top G\tilde U)^{-1}\tilde U^\top S$; the printed one lacks the $\alpha$ before $\tilde U^\top G\tilde U$. Check below: with the $\alpha$ it equals the closed form; without, it does not.

// ── cell 5 ──
var initE = Initialization.RandomGaussian(n, n, 1e-2, 1);
double tE = 0.3;   // moderate t: the literal formulas form e^{Σt}
double residualR1 = PaperErrata.RiccatiResidual(y, t => PaperErrata.Proposition1WithR(y, initE, 1, t), tE);
double residualR2 = PaperErrata.RiccatiResidual(y, t => PaperErrata.Proposition1WithR(y, initE, 2, t), tE);
var stableE = new ClosedFormSolution(y, initE).At(tE);
display(Check.All(
    Check.AtLeast("erratum 1: with R = I_n, X₂X₁⁻¹ violates eq. (3) (relative residual)", residualR1, 0.1),
    Check.ErrorAtMost("erratum 1: with R = 2I_n, X₂X₁⁻¹ satisfies eq. (3) (relative residual, central difference)", residualR2, 1e-6),
    Check.ErrorAtMost("erratum 1: with R = 2I_n, X₂X₁⁻¹ equals the stable closed form (relative)", (PaperErrata.Proposition1WithR(y, initE, 2, tE) - stableE).FrobeniusNorm() / stableE.FrobeniusNorm(), 1e-10)));

// ── cell 6 ──
var sigma0Big = Enumerable.Repeat(1.0, n).ToArray(); sigma0Big[n - 1] = 5;   // a large σ_{n,0} on a null-space mode (n > K)
var initDeficient = Initialization.RandomGaussian(n, n - 1, 1e-3, 5);   // r = n − 1: W̃₀ singular, Woodbury branch (erratum 6)
double tW = 0.8;
var exactW = new ClosedFormSolution(y, initDeficient).At(tW);
double Rel(bool printed) => (PaperErrata.Woodbury(y, initDeficient, tW, printed) - exactW).FrobeniusNorm() / exactW.FrobeniusNorm();
display(Check.All(
    Check.Close("erratum 3: c_ε = ε / max over all n of σ_{i,0} (here ε/5)", new Theorem3(y, sigma0Big, 0.1).SmallC, 0.1 / 5, 1e-12),
    Check.ErrorAtMost("erratum 6: Woodbury with α before ŨᵀGŨ = closed form (relative)", Rel(false), 1e-9),
    Check.AtLeast("erratum 6: Woodbury as printed (no α) ≠ closed form (relative)", Rel(true), 0.1)));

// ═══ Summary ═══
//
// - Gradient flow on $UU^\top$ from a small initialization learns the eigen-components of $Y$ one at a time, largest first (the first picture, checked).
// - The reason is a closed-form solution (Proposition 1) whose modes switch on at times $\approx \frac{1}{2\sigma_i}\log\frac1\alpha$.
// - Each following notebook states one result of the paper, computes it, draws it, and checks it; one notation (table above), one parameters cell per notebook, solutions in `solutions/`.
//
// ═══ Exercise ═══
//
// 1. Before reading on, guess: if $\alpha$ is divided by $10^6$, by how much does the time at which mode $i$ is learned move? *Hint: look at the $\log(1/\alpha)$ in the transition time; measure with `Measurements.HalfwayTime` on a `SpectralTrajectory` at both scales.* Solution: [solutions/00-Start-Here-Solutions.ipynb](solutions/00-Start-Here-Solutions.ipynb).

// ── cell 7 ──
// Exercise 1 — scaffold
var glanceEx1 = new SpectralTrajectory(y, Initialization.Spectral(y, Enumerable.Repeat(1.0, n).ToArray(), alpha / 1e6));
// compare Measurements.HalfwayTime(glanceEx1, i, tMax) with halfway[i]

// Next: [01 · Proposition 1](01-Proposition-1-Closed-Form.ipynb) →

// ── what the notebook displays, on the console (generated) ──
static void display(object? value) => IncLearn.Interactive.ConsoleDisplay.Show(value, "00-Start-Here");
