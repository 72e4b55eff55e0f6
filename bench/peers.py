#!/usr/bin/python3
"""Peers for the closed-form benchmark (issues 13 and 24), on the problems bench/IncLearn.Bench writes to bench/data/:
numpy's closed form (the invertible form W = Φ(S⁻¹VS⁻¹/α + D)⁻¹Φᵀ = XᵀX with A = LLᵀ, X = L⁻¹Φᵀ: one Cholesky, one
triangular solve and one product per time, NumPy's OpenBLAS; accurate only while cond(W̄₀) is moderate, see issue 13) for
200 points and for one point, its set-up (eigh of Y, Ũ = ΦᵀŪ₀ and the Cholesky factor of ŨŨᵀ, without V = (ŨŨᵀ)⁻¹), the
rank-deficient shapes (r = n/2: Ū₀'s first n/2 columns; r = n of rank n/2: those columns times Ū₀'s first n/2 rows over
√(n/2), as bench/IncLearn.Bench/Problem.cs builds them) in Woodbury's form W̃ = B(I_r/α + BᵀDB)⁻¹Bᵀ, B = e^{Σt}Ũ, taken
literally (one r×r Cholesky per point; it cancels catastrophically at larger t and overflows once σt > 350: a timing peer
only), scipy's DOP853 on U̇ = (Y − UUᵀ)U at the loosest rtol whose result is within 1e-8 of the closed form, and the
machine's limits: one n×n dgemm and one symmetric eigendecomposition (numpy.linalg.eigh → LAPACK dsyevd), same OpenBLAS.

Run (bench/RESULTS.md): dotnet run -c Release --project bench/IncLearn.Bench -- quick 10 50 200 500 1000
     && OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/peers.py 10 50 200 500 1000
     && OPENBLAS_NUM_THREADS=2 /usr/bin/python3 bench/peers.py 10 50 200 500 1000
Threads: OPENBLAS_NUM_THREADS=1 gives one-core figures; unset, numpy uses one thread per core.
"""
import json, sys, time, os
import numpy as np
import scipy.linalg as sl
from scipy.integrate import solve_ivp

def median_time(f, reps, warm_up=True):
    if warm_up:
        f()
    ts = []
    for _ in range(reps):
        t0 = time.perf_counter(); f(); ts.append(time.perf_counter() - t0)
    ts.sort()
    return ts[len(ts) // 2]

def setup(Y, U):
    sig, Phi = np.linalg.eigh(Y)
    order = np.argsort(-sig); sig = sig[order]; Phi = Phi[:, order]
    Ut = Phi.T @ U
    return sig, Phi, Ut, sl.cho_factor(Ut @ Ut.T)

def point(sig, Phi, V, alpha, t):
    e = np.exp(-sig * t)
    D = -np.expm1(-2 * sig * t) / sig
    A = (e[:, None] * V * e[None, :]) / alpha + np.diag(D)
    L = np.linalg.cholesky(A)
    X = sl.solve_triangular(L, Phi.T, lower=True)   # W = Φ A⁻¹ Φᵀ = XᵀX
    return X.T @ X

def closed_form(Y, U, alpha, times):
    sig, Phi, Ut, c = setup(Y, U)
    V = sl.cho_solve(c, np.eye(len(Y)))
    return [point(sig, Phi, V, alpha, t) for t in times]

def woodbury_point(sig, Phi, Ut, alpha, t):
    r = Ut.shape[1]
    B = np.exp(sig * t)[:, None] * Ut
    D = -np.expm1(-2 * sig * t) / sig
    K = np.eye(r) / alpha + B.T @ (D[:, None] * B)
    L = np.linalg.cholesky(K)
    X = sl.solve_triangular(L, (Phi @ B).T, lower=True)   # W = ΦB K⁻¹ BᵀΦᵀ = XᵀX
    return X.T @ X

def dop853(Y, U, alpha, times, rtol):
    n, r = U.shape
    u0 = (np.sqrt(alpha) * U).ravel()
    def f(_, u):
        M = u.reshape(n, r)
        return (Y @ M - M @ (M.T @ M)).ravel()
    sol = solve_ivp(f, (0, times[-1]), u0, method="DOP853", t_eval=times, rtol=rtol, atol=rtol * 1e-3 * np.abs(u0).max())
    dop853.evaluations = sol.nfev
    return [sol.y[:, j].reshape(n, r) @ sol.y[:, j].reshape(n, r).T for j in range(len(times))]

here = os.path.dirname(os.path.abspath(__file__))
if sys.argv[1:2] == ["point"]:
    # bench/point-pairs.sh: one line per n with the median of one point of numpy's closed form (as in the table below)
    for n in [int(a) for a in sys.argv[2:]]:
        p = json.load(open(os.path.join(here, "data", f"problem{n}.json")))
        Y = np.array(p["Y"]); U = np.array(p["U"]); alpha = p["alpha"]; times = np.array(p["times"])
        sig, Phi, Ut, c = setup(Y, U)
        V = sl.cho_solve(c, np.eye(n))
        point_reps = 41   # as many as the library's side (see bench/IncLearn.Bench/QuickTable.cs)
        print(n, repr(median_time(lambda: point(sig, Phi, V, alpha, times[100]), point_reps) * 1e3))
    sys.exit(0)
if sys.argv[1:2] == ["setup"]:
    # bench/point-pairs.sh setup: one line per n with the median of numpy's set-up (as in the table below)
    for n in [int(a) for a in sys.argv[2:]]:
        p = json.load(open(os.path.join(here, "data", f"problem{n}.json")))
        Y = np.array(p["Y"]); U = np.array(p["U"])
        reps = 21 if n <= 50 else 11 if n <= 200 else 7 if n <= 500 else 5
        print(n, repr(median_time(lambda: setup(Y, U), reps) * 1e3))
    sys.exit(0)

print(f"// OPENBLAS_NUM_THREADS = {os.environ.get('OPENBLAS_NUM_THREADS', 'unset')}, numpy {np.__version__}, scipy {__import__('scipy').__version__}")
print("| n | set-up (eigh + Ũ + Cholesky) | closed form, one point | closed form, 200 points | Woodbury one point, r = n/2 | Woodbury one point, r = n of rank n/2 | scipy DOP853, 200 points (rtol, error, evaluations) | dgemm n×n | eigh n×n |")
print("|---|---|---|---|---|---|---|---|---|")
for n in [int(a) for a in sys.argv[1:]] or [10, 50, 200]:
    p = json.load(open(os.path.join(here, "data", f"problem{n}.json")))
    Y = np.array(p["Y"]); U = np.array(p["U"]); alpha = p["alpha"]; times = np.array(p["times"])
    # as many runs as the library's quick table takes (bench/IncLearn.Bench/QuickTable.cs)
    reps = 21 if n <= 50 else 11 if n <= 200 else 7 if n <= 500 else 5
    point_reps = 41
    su = median_time(lambda: setup(Y, U), reps)
    sig, Phi, Ut, c = setup(Y, U)
    V = sl.cho_solve(c, np.eye(n))
    one = median_time(lambda: point(sig, Phi, V, alpha, times[100]), point_reps)
    cf = median_time(lambda: closed_form(Y, U, alpha, times), 5 if n <= 200 else 1, warm_up=n <= 200)
    h = max(1, n // 2)
    half = U[:, :h]; low = half @ U[:h, :] / np.sqrt(h)
    wood = [median_time(lambda: woodbury_point(sig, Phi, Phi.T @ S, alpha, times[100]), reps) for S in (half, low)]
    dop = "–"
    if n <= 200:
        ref = closed_form(Y, U, alpha, times)
        for rtol in [1e-8, 1e-9, 1e-10, 1e-11, 1e-12]:
            W = dop853(Y, U, alpha, times, rtol)
            worst = max(np.linalg.norm(W[j] - ref[j]) / np.linalg.norm(ref[j]) for j in range(len(times)))
            if worst <= 1e-8:
                dop = f"{median_time(lambda: dop853(Y, U, alpha, times, rtol), 1 if n >= 200 else 3) * 1e3:.3g} ms ({rtol:g}, error {worst:.2g}, {dop853.evaluations} evaluations)"
                break
    A = np.random.default_rng(0).standard_normal((n, n)); S = A + A.T
    mm = median_time(lambda: A @ A, 7)
    ev = median_time(lambda: np.linalg.eigh(S), 5 if n <= 500 else 3)
    print(f"| {n} | {su * 1e3:.3g} ms | {one * 1e3:.3g} ms | {cf * 1e3:.3g} ms | {wood[0] * 1e3:.3g} ms | {wood[1] * 1e3:.3g} ms | {dop} | {mm * 1e3:.3g} ms | {ev * 1e3:.3g} ms |")
