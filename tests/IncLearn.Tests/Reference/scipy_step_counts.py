"""Step statistics of scipy's RK45 and DOP853 (solve_ivp's solvers) on the problems of IntegratorStepsMatchScipy.cs.

Our Dormand–Prince pairs use scipy's controller: the same tableaus, the same starting-step rule (Hairer, Solving ODEs I,
§II.4), the same RMS error norm over atol + rtol·max(|y|, |y_new|), safety 0.9, factors in [0.2, 10]. One documented
difference: after a rejected step scipy's RK45 (not DOP853) keeps the next accepted step from growing (factor ≤ 1), and our
DormandPrince45 does not, so "RK45 without that cap" below is scipy's _step_impl with that one line removed.
Run: /usr/bin/python3 tests/IncLearn.Tests/Reference/scipy_step_counts.py (Debian's python3-scipy 1.10).
"""
import numpy as np
from scipy.integrate import RK45, DOP853
from scipy.integrate._ivp.rk import SAFETY, MIN_FACTOR, MAX_FACTOR, rk_step


def smooth(t, y):
    return np.array([np.cos(1.3 * t) * y[0] - 0.4 * y[1], 0.4 * y[0] - 0.25 * (1 + np.sin(t)) * y[1]])


def forced_van_der_pol(t, y):
    return np.array([y[1], 5 * (1 - y[0] * y[0]) * y[1] - y[0] + 0.6 * np.cos(0.9 * t)])


PROBLEMS = {
    "Smooth": (smooth, [1.0, -0.35], 7.3, 3.7e-7, 2.3e-9),
    "ForcedVanDerPol": (forced_van_der_pol, [2.0, 0.0], 11.7, 2.9e-6, 4.1e-8),
}


class RK45WithoutGrowthCap(RK45):
    """scipy's RK45._step_impl (1.10) without `if step_rejected: factor = min(1, factor)`; max_step is infinite here."""

    def _step_impl(self):
        t, y = self.t, self.y
        min_step = 10 * np.abs(np.nextafter(t, self.direction * np.inf) - t)
        h_abs = max(self.h_abs, min_step)
        while True:
            if h_abs < min_step:
                return False, self.TOO_SMALL_STEP
            t_new = t + h_abs * self.direction
            if self.direction * (t_new - self.t_bound) > 0:
                t_new = self.t_bound
            h = t_new - t
            h_abs = np.abs(h)
            y_new, f_new = rk_step(self.fun, t, y, self.f, h, self.A, self.B, self.C, self.K)
            scale = self.atol + np.maximum(np.abs(y), np.abs(y_new)) * self.rtol
            error_norm = self._estimate_error_norm(self.K, h, scale)
            if error_norm < 1:
                factor = MAX_FACTOR if error_norm == 0 else min(MAX_FACTOR, SAFETY * error_norm ** self.error_exponent)
                h_abs *= factor
                break
            h_abs *= max(MIN_FACTOR, SAFETY * error_norm ** self.error_exponent)
        self.h_previous, self.y_old, self.t, self.y, self.h_abs, self.f = h, y, t_new, y_new, h_abs, f_new
        return True, None


def run(solver_class, fun, y0, t_end, rtol, atol):
    solver = solver_class(fun, 0.0, np.array(y0), t_end, rtol=rtol, atol=atol)
    accepted = 0
    while solver.status == "running":
        solver.step()
        accepted += 1
    assert solver.status == "finished", solver.status
    per_step = 6 if solver_class is not DOP853 else 12
    attempts = (solver.nfev - 2) // per_step  # f(y0), the starting step's Euler probe, then per_step per attempt
    assert solver.nfev == 2 + per_step * attempts
    return accepted, attempts - accepted, solver.nfev, solver.y


def dense(fun, y0, t_end, rtol, atol, outputs):
    """DOP853 with its 7th-order interpolant at outputs strictly inside a step (one dense_output() per such step, which
    costs scipy 3 evaluations, as it costs ours); an output at a step's end takes that step's y."""
    solver = DOP853(fun, 0.0, np.array(y0), t_end, rtol=rtol, atol=atol)
    values, next_output = [], 0
    while solver.status == "running":
        solver.step()
        inside = [t for t in outputs[next_output:] if t < solver.t]
        if inside:
            interpolant = solver.dense_output()
            values += [interpolant(t) for t in inside]
            next_output += len(inside)
        while next_output < len(outputs) and outputs[next_output] == solver.t:
            values.append(solver.y.copy())
            next_output += 1
    return solver.nfev, values


for name, (fun, y0, t_end, rtol, atol) in PROBLEMS.items():
    for label, cls in (("RK45", RK45WithoutGrowthCap), ("RK45 (scipy's own)", RK45), ("DOP853", DOP853)):
        acc, rej, nfev, y = run(cls, fun, y0, t_end, rtol, atol)
        print(f"{name} {label}: accepted {acc}, rejected {rej}, evaluations {nfev}, y(T) = [{y[0]!r}, {y[1]!r}]")

# Dense output: ForcedVanDerPol at t = 0.05·k, k = 1..233, then T = 11.7; every 20th value printed.
fun, y0, t_end, rtol, atol = PROBLEMS["ForcedVanDerPol"]
outputs = [0.05 * k for k in range(1, 234)] + [t_end]
nfev, values = dense(fun, y0, t_end, rtol, atol, outputs)
print(f"ForcedVanDerPol DOP853 dense: evaluations {nfev}")
for k in range(19, len(outputs), 20):
    print(f"  [{k}] t = {outputs[k]!r}: [{values[k][0]!r}, {values[k][1]!r}]")
