#!/usr/bin/python3
"""Reference values of Proposition 1 for tests/IncLearn.Tests (ReferenceTests.cs).

W(t) = Φ S W̃₀ (I + G W̃₀)⁻¹ S Φᵀ, eq. (5)/(9) of Min & Vidal 2025, evaluated literally in mpmath with as many digits as
the cancellation needs (e^{2σ_max t}/α), Φ and Σ from mpmath's own eigendecomposition of the double-valued Y.
Each value is computed twice, at `dps` and `dps + 40` digits, and kept only if both agree to 1e-30 (relative Frobenius).
For t = 1e300 the reference is eq. (5) at a finite t_L at which the remaining change e^{-2·gap·t_L} is below 1e-40
(only for targets without a null space, where that bound holds).

Run: /usr/bin/python3 make_reference.py > reference.json   (Debian python3-mpmath, python3-numpy; seeded, deterministic)
"""
import json, math, os, sys
import mpmath as mp
import numpy as np

def eq5(Y, U, log_alpha, t, dps):
    mp.mp.dps = dps
    n = len(Y)
    Ym = mp.matrix([[mp.mpf(v) for v in row] for row in Y])
    E, Q = mp.eigsy(Ym)
    order = sorted(range(n), key=lambda i: -E[i])
    sig = [E[i] for i in order]
    Phi = mp.matrix(n, n)
    for c, i in enumerate(order):
        for r in range(n):
            Phi[r, c] = Q[r, i]
    Um = mp.matrix([[mp.mpf(v) for v in row] for row in U])
    alpha = mp.exp(mp.mpf(log_alpha))
    Ut = Phi.T * Um
    W0 = alpha * (Ut * Ut.T)
    tol = mp.mpf(10) ** (-12) * max(abs(s) for s in sig)   # Y's numerically-zero eigenvalues count as 0 (as Target does)
    S = mp.matrix(n, n); G = mp.matrix(n, n)
    tm = mp.mpf(t)
    for i in range(n):
        s = sig[i] if sig[i] > tol else mp.mpf(0)
        S[i, i] = mp.exp(s * tm) if s > 0 else 1
        G[i, i] = (mp.exp(2 * s * tm) - 1) / s if s > 0 else 2 * tm
    X = S * W0 * mp.inverse(mp.eye(n) + G * W0) * S
    W = Phi * X * Phi.T
    return [[W[i, j] for j in range(n)] for i in range(n)]

def reference(Y, U, log_alpha, t, sigmax):
    dps = 40 + int((2 * sigmax * t + abs(log_alpha) + 100) / math.log(10))
    a = eq5(Y, U, log_alpha, t, dps)
    b = eq5(Y, U, log_alpha, t, dps + 40)
    mp.mp.dps = dps
    num = mp.sqrt(sum((a[i][j] - b[i][j]) ** 2 for i in range(len(a)) for j in range(len(a))))
    den = mp.sqrt(sum(b[i][j] ** 2 for i in range(len(a)) for j in range(len(a))))
    assert den == 0 or num / den < mp.mpf(10) ** -30, f"precision check failed at t={t}"
    return [[float(v) for v in row] for row in b]

cases = []
STRESS = os.environ.get("STRESS") == "1"   # 60 random cases, rotated ill-conditioning too, for a one-off stress run (not stored)

def add(name, Y, U, log_alpha, times, far=None):
    Y = [[float(v) for v in row] for row in Y]; U = [[float(v) for v in row] for row in U]
    sig = np.linalg.eigvalsh(np.array(Y))
    sigmax = max(float(sig.max()), 0.0)
    entries = []
    for t in times:
        entries.append({"t": t, "W": reference(Y, U, log_alpha, t, sigmax)})
    if far is not None:
        entries.append({"t": 1e300, "W": reference(Y, U, log_alpha, far, sigmax)})
    cases.append({"name": name, "Y": Y, "U": U, "logAlpha": log_alpha, "entries": entries})
    print(f"{name}: {len(entries)} times", file=sys.stderr)

ln10 = math.log(10)
# Issue 13, point 1: W(40) ≈ diag(3, 2, 1) although λ_min/λ_max(W̄₀) = 1e-14.
if not STRESS: add("diag321-graded", np.diag([3, 2, 1]), np.diag([1, 1, 1e-7]), math.log(1e-4), [0, 1, 5, 10, 20, 40, 80])
# Regression: r < n at tiny α.
U53 = [[1, 1, 1], [1, -1, 0], [1, 0, -1], [0, 1, 1], [1, 1, 0]]
Y5 = np.diag([5, 2.05, 2.04, 1.76, 1])
if not STRESS: add("5x3-alpha1e-300", Y5, U53, -300 * ln10, [0, 50, 120, 169.95, 200, 300], far=3000)
if not STRESS: add("5x3-alpha1e-700", Y5, U53, -700 * ln10, [100, 350, 400, 460])
if not STRESS: add("diag500-1-e2", np.diag([500, 1]), [[0], [1]], math.log(1e-100), [0, 0.5, 2, 100, 130])

rng = np.random.default_rng(int(os.environ.get("SEED", "20251130")))
def rand_orth(n):
    q, r = np.linalg.qr(rng.standard_normal((n, n)))
    return q * np.sign(np.diag(r))

for case in range(60 if STRESS else 14):
    n = int(rng.integers(2, 6))
    nullity = int(rng.integers(0, 2)) if case % 3 == 0 else 0
    k = n - nullity
    eig = np.sort(rng.uniform(0.5, 5, size=k))[::-1]
    eig = np.concatenate([eig, np.zeros(nullity)])
    basis = rand_orth(n) if case % 2 == 0 else np.eye(n)
    Y = basis @ np.diag(eig) @ basis.T
    Y = 0.5 * (Y + Y.T)
    r = [1, n - 1, n, n + 1, 2 * n][case % 5] or 1
    log10cond = [0, 4, 8, 12, 16][case % 5] / 2      # column scales 1 … 1e8: cond(W̄₀) up to 1e16
    scales = 10.0 ** (-np.linspace(0, log10cond, r))
    U = rng.standard_normal((n, r)) * scales
    if STRESS and case % 4 == 3 and r >= 2:   # ill-conditioned in a rotated direction, not column-graded
        q1, _ = np.linalg.qr(rng.standard_normal((n, min(n, r)))); q2, _ = np.linalg.qr(rng.standard_normal((r, min(n, r))))
        U = q1 @ np.diag(10.0 ** -np.linspace(0, log10cond, min(n, r))) @ q2.T
    log10a = [0, -4, -50, -300, -1000][(case // 2) % 5]
    la = log10a * ln10
    smin = eig[eig > 0].min()
    T = (abs(la) + 40) / (2 * smin)
    times = [0, 1e-3, 0.25 * T, 0.5 * T, 0.75 * T, T, 1.5 * T]
    far = None
    if nullity == 0:
        gaps = [eig[i] - eig[i + 1] for i in range(k - 1)] + [eig[-1]]
        far = 1.5 * T + 50 / min(gaps)
    add(f"random-{case}-n{n}-r{r}-cond1e{2*log10cond:g}-alpha1e{log10a}", Y, U, la, times, far=far)

# Shapes ill-conditioned in rotated directions (Q₁·diag(1 … 10^−k)·Q₂ᵀ, neither row- nor column-graded), invertible: around
# and beyond the bound up to which the closed form's BLAS-3 fast path is used (InverseFactorForm.MaxConditionBound). Not beyond
# cond 1e6: at cond 1e8 (n = 4, α = 1) the problem itself is ill-conditioned mid-transition — W moved by 3–9e-12 under 1e-16
# entrywise perturbations of Ū₀ (measured with this file's eq5) — so no double-precision evaluation can promise 1e-12 there.
rng2 = np.random.default_rng(20261130)
if not STRESS:
    for case, (n, log10cond, log10a) in enumerate([(4, 3, 0), (6, 3, -6), (8, 3, -30), (6, 4, 0), (8, 4, -6), (10, 3.5, -4), (12, 3.5, 0), (12, 4, -30), (10, 4, -100),
                                                             (8, 5, -6), (6, 6, -6)]):
        q, _ = np.linalg.qr(rng2.standard_normal((n, n)))
        eig = np.sort(rng2.uniform(0.5, 5, size=n))[::-1]
        Y = q @ np.diag(eig) @ q.T
        Y = 0.5 * (Y + Y.T)
        q1, _ = np.linalg.qr(rng2.standard_normal((n, n))); q2, _ = np.linalg.qr(rng2.standard_normal((n, n)))
        U = q1 @ np.diag(10.0 ** -np.linspace(0, log10cond, n)) @ q2.T
        la = log10a * ln10
        T = (abs(la) + 40) / (2 * eig.min())
        add(f"rotated-{case}-n{n}-cond1e{log10cond:g}-alpha1e{log10a}", Y, U, la, [0, 1e-3, 0.1 * T, 0.25 * T, 0.4 * T, 0.5 * T, 0.6 * T, 0.75 * T, T, 1.5 * T])

json.dump({"generator": "make_reference.py (mpmath %s)" % mp.__version__, "cases": cases}, sys.stdout, indent=0)
