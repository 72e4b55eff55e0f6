using System.Globalization;
using System.Reflection;
using MathNet.Numerics.LinearAlgebra;

namespace IncLearn.Tests.Arguments;

/// <summary>
/// Issue 26: every public method and constructor of src/IncLearn with a double, double?, int, int? or long parameter is called
/// with that parameter set to NaN, +∞, −∞ and −1 (integers: −1) and every other argument valid. Each call must either refuse
/// with an ArgumentException that names the parameter and shows the value, or give the result its documentation states — the
/// allow-list <see cref="Documented"/>, one entry per such case with its reason. Positional records (data carriers that store what
/// they are given) and property accessors are outside the sweep.
/// </summary>
public class PublicApiArgumentSweep
{
    private static readonly double[] Sigma0 = [1.7, 0.6, 2.2, 0.3];
    private static readonly Target Y = Target.FromSpectrum([6, 2.5, 0.9], 4, seed: 3);
    private static readonly Initialization Spectral = Initialization.Spectral(Y, Sigma0, 1e-3);
    private static readonly Initialization Gaussian = Initialization.RandomGaussian(4, 5, 1e-3, seed: 8);
    private static readonly Initialization Narrow = Initialization.RandomGaussian(4, 2, 1e-3, seed: 9);
    private static readonly ClosedFormSolution Solution = new(Y, Gaussian);
    private static readonly SpectralTrajectory Trajectory = new(Y, Spectral);
    private static readonly Theorem3 T3 = new(Y, Sigma0, 0.4);
    private static readonly Theorem4 T4 = new(Y, Gaussian.Shape, 0.4);
    private static readonly RandomInitialization Remark = new(4, 5, seed: 2);
    private static readonly Matrix<double> Rectangular = Matrix<double>.Build.DenseOfArray(new[,] { { 3.0, 0.5 }, { 0.2, 1.4 }, { 0.1, 0.3 } });
    private static readonly Action<double, double[], double[]> Decay = (_, s, ds) => ds[0] = -s[0];

    /// <summary>Valid arguments (and the instance) of every public member with a numeric parameter. A member missing here fails
    /// <see cref="EveryPublicMemberWithANumericParameterHasAValidCall"/>: list its valid call when adding it to the library.</summary>
    private static readonly Dictionary<string, (object? Instance, object?[] Arguments)> ValidCalls = new()
    {
        ["Numerics.Expm1(Double)"] = (null, [0.5]),
        ["Target.FromMatrix(Matrix<Double>, Double)"] = (null, [Y.Y, 1e-10]),
        ["Target.FromSpectrum(IReadOnlyList<Double>, Int32, Int32?)"] = (null, [new[] { 3.0, 1.0 }, 3, (int?)1]),
        ["Target.RandomOrthogonal(Int32, Int32)"] = (null, [3, 1]),
        ["Target.BestRankK(Int32)"] = (Y, [1]),
        ["Initialization.Spectral(Target, IReadOnlyList<Double>, Double, Matrix<Double>)"] = (null, [Y, Sigma0, 1e-3, null]),
        ["Initialization.FromShape(Matrix<Double>, Double)"] = (null, [Gaussian.Shape, 0.5]),
        ["Initialization.RandomGaussian(Int32, Int32, Double, Int32)"] = (null, [4, 5, 1e-3, 8]),
        ["Initialization.WithAlpha(Double)"] = (Gaussian, [0.5]),
        ["Initialization.WithLogAlpha(Double)"] = (Gaussian, [-2.0]),
        ["ClosedFormSolution.At(Double)"] = (Solution, [0.5]),
        ["ClosedFormSolution.RotatedAt(Double)"] = (Solution, [0.5]),
        ["ClosedFormSolution.AsPrintedAt(Double)"] = (Solution, [0.5]),
        ["SpectralTrajectory.Sigma(Int32, Double)"] = (Trajectory, [1, 0.5]),
        ["SpectralTrajectory.At(Double)"] = (Trajectory, [0.5]),
        ["SpectralTrajectory.TransitionTime(Int32)"] = (Trajectory, [1]),
        ["SpectralTrajectory.Evaluate(Double, Double, Double, Double)"] = (null, [2.0, 0.5, -3.0, 0.5]),
        ["GradientDescent.Run(Target, Initialization, Double, IReadOnlyList<Double>, Int64)"] = (null, [Y, Gaussian, 0.01, new[] { 0.0, 0.1 }, 1000L]),
        ["GradientFlowIntegrator.Integrate(Target, Initialization, IReadOnlyList<Double>, Double, Double?, Int32, OdeMethod)"] =
            (null, [Y, Gaussian, new[] { 0.5 }, 1e-6, null, 100_000, OdeMethod.DormandPrince45]),
        ["DormandPrince45.Integrate(Action<Double, Double[], Double[]>, Double[], IReadOnlyList<Double>, Double, Double, Double?, Int32, Double)"] =
            (null, [Decay, new[] { 1.0 }, new[] { 1.0 }, 1e-6, 1e-9, null, 1000, 0.5]),
        ["DormandPrince853.Integrate(Action<Double, Double[], Double[]>, Double[], IReadOnlyList<Double>, Double, Double, Double?, Int32, Double)"] =
            (null, [Decay, new[] { 1.0 }, new[] { 1.0 }, 1e-6, 1e-9, null, 1000, 0.5]),
        ["AsymmetricFactorization.BalancedInitialization(Int32, Int32, Int32, Double, Int32)"] = (null, [3, 2, 1, 1e-2, 4]),
        ["AsymmetricFactorization.Integrate(Matrix<Double>, Matrix<Double>, Matrix<Double>, IReadOnlyList<Double>, Double, Double?)"] =
            (null, [Rectangular, Matrix<double>.Build.Dense(3, 1, 0.1), Matrix<double>.Build.Dense(2, 1, 0.1), new[] { 0.5 }, 1e-6, null]),
        ["Measurements.HalfwayTime(ClosedFormSolution, Int32, Double, Int32)"] = (null, [Solution, 0, 20.0, 50]),
        ["Measurements.HalfwayTime(SpectralTrajectory, Int32, Double, Int32)"] = (null, [Trajectory, 0, 20.0, 50]),
        ["Measurements.VisitsEveryPlateau(Target, Initialization, Double, Int32)"] = (null, [Y, Gaussian, 0.4, 20]),
        ["Measurements.PlateauErrors(Target, Initialization, Int32)"] = (null, [Y, Gaussian, 20]),
        ["Measurements.LargestWorkingLog10Alpha(IncrementalLearningTheorem, Int32)"] = (null, [T3, 20]),
        ["Measurements.RankDeficient(Target, Initialization, Int32)"] = (null, [Y, Narrow, 10]),
        ["RandomInitialization..ctor(Int32, Int32, Int32)"] = (null, [4, 5, 2]),
        ["RandomInitialization.Shape(Int32)"] = (Remark, [1]),
        ["RandomInitialization.Sample(Int32, Int32)"] = (Remark, [3, 2]),
        ["RandomInitialization.Quantile(IReadOnlyList<Double>, Double)"] = (null, [new[] { 3.0, 1.0, 2.0 }, 0.5]),
        ["RandomInitialization.MarchenkoPasturDensity(Double)"] = (Remark, [4.0]),
        ["RandomInitialization.LambdaMaxBound(Double)"] = (Remark, [0.1]),
        ["RandomInitialization.LambdaMinBound(Double)"] = (Remark, [0.1]),
        ["RandomInitialization.MBound(Double)"] = (Remark, [0.1]),
        ["RandomInitialization.ProbabilityTheorem4Holds(Target, Double, Double, Int32, Int32)"] = (Remark, [Y, 0.4, 50.0, 2, 2]),
        ["RandomInitialization.ProbabilityPlateausVisited(Target, Double, Double, Int32, Int32)"] = (Remark, [Y, 0.4, 1e-3, 2, 20]),
        ["Theorem3..ctor(Target, IReadOnlyList<Double>, Double)"] = (null, [Y, Sigma0, 0.4]),
        ["Theorem3.InitializationAtLogAlpha(Double)"] = (T3, [-3.0]),
        ["Theorem4..ctor(Target, Matrix<Double>, Double)"] = (null, [Y, Gaussian.Shape, 0.4]),
        ["Theorem4..ctor(Target, Matrix<Double>, Double, Double?)"] = (null, [Y, Gaussian.Shape, 0.4, (double?)50.0]),
        ["Theorem4.InitializationAtLogAlpha(Double)"] = (T4, [-3.0]),
        ["IncrementalLearningTheorem.InitializationAtLogAlpha(Double)"] = (T4, [-3.0]),
        ["IncrementalLearningTheorem.Hypotheses(Double)"] = (T3, [-3.0]),
        ["IncrementalLearningTheorem.HypothesesHold(Double)"] = (T4, [-3.0]),
        ["IncrementalLearningTheorem.Windows(Double)"] = (T3, [-3.0]),
        ["IncrementalLearningTheorem.Report(Double, Int32)"] = (T3, [-3.0, 2]),
        ["IncrementalLearningTheorem.Verify(Double, Int32)"] = (T4, [-3.0, 2]),
        ["GradientDescentTransitions.EffectiveRate(Double, Double)"] = (null, [2.0, 0.05]),
        ["GradientDescentTransitions.PredictedHalfwayTime(Target, Initialization, Double, Int32)"] = (null, [Y, Spectral, 0.01, 1]),
        ["GradientDescentTransitions.HalfwayTime(Target, Initialization, Double, Int32, Double)"] = (null, [Y, Spectral, 0.01, 0, 2.0]),
        ["PaperErrata.Eq6(Target, Double)"] = (null, [Y, 0.5]),
        ["PaperErrata.Proposition1WithR(Target, Initialization, Double, Double)"] = (null, [Y, Spectral, 2.0, 0.5]),
        ["PaperErrata.RiccatiResidual(Target, Func<Double, Matrix<Double>>, Double, Double)"] =
            (null, [Y, (Func<double, Matrix<double>>)(t => Solution.At(t)), 0.5, 1e-5]),
        ["PaperErrata.Woodbury(Target, Initialization, Double, Boolean)"] = (null, [Y, Gaussian, 0.5, false]),
    };

    private const string Nan = "NaN", PlusInfinity = "+∞", MinusInfinity = "−∞", Negative = "−1";

    private static bool IsNaN(object? x) => x is double d && double.IsNaN(d);
    private static bool IsFiniteMatrix(object? x) => x is Matrix<double> m && m.Enumerate().All(double.IsFinite);
    private static bool Returned(object? _) => true;

    /// <summary>The documented answers to a value the sweep feeds: (member, parameter, value) → what the documentation says.</summary>
    private static readonly Dictionary<(string Member, string Parameter, string Value), Func<object?, bool>> Documented = new()
    {
        // Expm1 is e^x − 1 on the extended line, like Math.Exp: NaN → NaN, +∞ → +∞, −∞ → −1; negative x is ordinary.
        [("Numerics.Expm1(Double)", "x", Nan)] = IsNaN,
        [("Numerics.Expm1(Double)", "x", PlusInfinity)] = x => x is double d && double.IsPositiveInfinity(d),
        [("Numerics.Expm1(Double)", "x", MinusInfinity)] = x => x is -1.0,
        [("Numerics.Expm1(Double)", "x", Negative)] = x => x is double d && Math.Abs(d - (Math.Exp(-1) - 1)) < 1e-15,
        // log α = −1 is α = e^{−1}: an ordinary scale (every small α has a negative log).
        [("Initialization.WithLogAlpha(Double)", "logAlpha", Negative)] = x => x is Initialization { LogAlpha: -1.0 },
        [("Theorem3.InitializationAtLogAlpha(Double)", "logAlpha", Negative)] = x => x is Initialization { LogAlpha: -1.0 },
        [("Theorem4.InitializationAtLogAlpha(Double)", "logAlpha", Negative)] = x => x is Initialization { LogAlpha: -1.0 },
        [("IncrementalLearningTheorem.InitializationAtLogAlpha(Double)", "logAlpha", Negative)] = x => x is Initialization { LogAlpha: -1.0 },
        [("IncrementalLearningTheorem.Hypotheses(Double)", "logAlpha", Negative)] = Returned,
        [("IncrementalLearningTheorem.HypothesesHold(Double)", "logAlpha", Negative)] = x => x is false, // α = e^{−1} > c_ε
        [("IncrementalLearningTheorem.Windows(Double)", "logAlpha", Negative)] = Returned,
        [("IncrementalLearningTheorem.Report(Double, Int32)", "logAlpha", Negative)] = Returned,
        [("IncrementalLearningTheorem.Verify(Double, Int32)", "logAlpha", Negative)] = Returned,
        [("SpectralTrajectory.Evaluate(Double, Double, Double, Double)", "logAlpha", Negative)] = x => x is double d && double.IsFinite(d),
        // t = +∞ is allowed and gives the limit: W(∞) (ClosedFormSolution.Limit) and σ_{i,W}(∞) = σ_{i,Y}.
        [("ClosedFormSolution.At(Double)", "t", PlusInfinity)] = IsFiniteMatrix,
        [("ClosedFormSolution.RotatedAt(Double)", "t", PlusInfinity)] = IsFiniteMatrix,
        [("SpectralTrajectory.Sigma(Int32, Double)", "t", PlusInfinity)] = x => x is double d && d == Y.Eigenvalues[1],
        [("SpectralTrajectory.At(Double)", "t", PlusInfinity)] = x => x is double[] s && s.SequenceEqual(Y.Eigenvalues),
        [("SpectralTrajectory.Evaluate(Double, Double, Double, Double)", "t", PlusInfinity)] = x => x is 2.0,
        // The Marchenko–Pastur density is 0 outside its support, which lies in λ > 0.
        [("RandomInitialization.MarchenkoPasturDensity(Double)", "lambda", Negative)] = x => x is 0.0,
        // R = r·I with any finite r defines a Riccati equation (the errata compare r = 1 and 2); r = −1 is one of them.
        [("PaperErrata.Proposition1WithR(Target, Initialization, Double, Double)", "r", Negative)] = IsFiniteMatrix,
        // Seeds: every int, negative ones included, seeds System.Random.
        [("Target.FromSpectrum(IReadOnlyList<Double>, Int32, Int32?)", "seed", Negative)] = Returned,
        [("Target.RandomOrthogonal(Int32, Int32)", "seed", Negative)] = Returned,
        [("Initialization.RandomGaussian(Int32, Int32, Double, Int32)", "seed", Negative)] = Returned,
        [("AsymmetricFactorization.BalancedInitialization(Int32, Int32, Int32, Double, Int32)", "seed", Negative)] = Returned,
        [("RandomInitialization..ctor(Int32, Int32, Int32)", "seed", Negative)] = Returned,
    };

    private static readonly (string Label, double Value)[] DoubleValues =
        [(Nan, double.NaN), (PlusInfinity, double.PositiveInfinity), (MinusInfinity, double.NegativeInfinity), (Negative, -1.0)];

    private static bool IsNumeric(ParameterInfo p) =>
        !p.ParameterType.IsByRef && (p.ParameterType == typeof(double) || p.ParameterType == typeof(double?) || p.ParameterType == typeof(int)
                                     || p.ParameterType == typeof(int?) || p.ParameterType == typeof(long));

    private static bool IsRecord(Type t) => t.GetMethod("<Clone>$") is not null;

    /// <summary>The library's own namespaces. A mutation run (issue 25) compiles Stryker's public MutantControl class (in a
    /// Stryker… namespace, with IsActive(int)) into the assembly; counted as library API, it had no valid call and this sweep
    /// failed under every mutant it covered, "killing" mutants that no test detects.</summary>
    private static bool InLibrary(Type t) => t.Namespace is "IncLearn" || t.Namespace?.StartsWith("IncLearn.", StringComparison.Ordinal) == true;

    /// <summary>Public methods and constructors declared in the library that take a numeric parameter.</summary>
    private static IEnumerable<MethodBase> Members()
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in typeof(Target).Assembly.GetExportedTypes().Where(t => InLibrary(t) && !t.IsEnum && !IsRecord(t)))
        {
            var methods = type.GetMethods(flags).Where(m => !m.IsSpecialName).Cast<MethodBase>();
            foreach (var member in methods.Concat(type.GetConstructors(flags)))
                if (member.GetParameters().Any(IsNumeric)) yield return member;
        }
    }

    private static string TypeName(Type t)
    {
        if (Nullable.GetUnderlyingType(t) is { } u) return TypeName(u) + "?";
        if (!t.IsGenericType) return t.Name;
        return t.Name[..t.Name.IndexOf('`')] + "<" + string.Join(", ", t.GetGenericArguments().Select(TypeName)) + ">";
    }

    private static string Key(MethodBase m) =>
        $"{m.DeclaringType!.Name}.{m.Name}({string.Join(", ", m.GetParameters().Select(p => TypeName(p.ParameterType)))})";

    private static object? Invoke(MethodBase m, object? instance, object?[] args)
    {
        try
        {
            return m is ConstructorInfo c ? c.Invoke(args) : m.Invoke(instance, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    /// <summary>Every (member, parameter, label, value) the sweep feeds.</summary>
    private static IEnumerable<(MethodBase Member, int Index, string Label, object Value)> Cases() =>
        from m in Members()
        from p in m.GetParameters().Where(IsNumeric)
        from v in BadValues(Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType)
        select (m, p.Position, v.Label, v.Value);

    private static IEnumerable<(string Label, object Value)> BadValues(Type t) =>
        t == typeof(double) ? DoubleValues.Select(d => (d.Label, (object)d.Value))
        : t == typeof(long) ? [(Negative, -1L)]
        : [(Negative, -1)];

    [Fact]
    public void EveryPublicMemberWithANumericParameterHasAValidCall()
    {
        var missing = Members().Select(Key).Where(k => !ValidCalls.ContainsKey(k)).ToArray();
        Assert.True(missing.Length == 0, "list a valid call for: " + string.Join("; ", missing));
        var stale = ValidCalls.Keys.Except(Members().Select(Key)).ToArray();
        Assert.True(stale.Length == 0, "no such public member: " + string.Join("; ", stale));
        Assert.True(Members().Count() >= 55, $"the sweep found only {Members().Count()} members"); // 57 when written
    }

    [Fact]
    public void EveryValidCallSucceeds()
    {
        // The baseline: with every argument valid each call answers, so a refusal below is caused by the one bad value.
        foreach (var m in Members())
        {
            var (instance, args) = ValidCalls[Key(m)];
            var error = Record.Exception(() => Invoke(m, instance, args));
            Assert.True(error is null, $"{Key(m)}: {error}");
        }
    }

    [Fact]
    public void EveryBadValueIsRefusedNamingItsParameterOrGivesTheDocumentedResult()
    {
        var failures = new List<string>();
        var used = new HashSet<(string, string, string)>();
        int refused = 0;
        foreach (var (m, index, label, value) in Cases())
        {
            string key = Key(m), name = m.GetParameters()[index].Name!;
            var (instance, valid) = ValidCalls[key];
            var args = (object?[])valid.Clone();
            args[index] = value;
            object? result = null;
            var error = Record.Exception(() => result = Invoke(m, instance, args));
            string where = $"{key} with {name} = {label}";
            if (Documented.TryGetValue((key, name, label), out var expected))
            {
                used.Add((key, name, label));
                if (error is not null) failures.Add($"{where}: documented to answer, threw {error.GetType().Name}: {error.Message}");
                else if (!expected(result)) failures.Add($"{where}: answered {Describe(result)}, not the documented result");
                continue;
            }
            string shown = Convert.ToString(value, CultureInfo.CurrentCulture)!;
            if (error is not ArgumentException ae || error is ArgumentNullException)
                failures.Add($"{where}: expected an ArgumentException, got {(error is null ? "the answer " + Describe(result) : error.GetType().Name + ": " + error.Message)}");
            else if (ae.ParamName != name) failures.Add($"{where}: the exception names '{ae.ParamName}' ({ae.Message})");
            else if (!ae.Message.Contains(shown, StringComparison.Ordinal)) failures.Add($"{where}: the message does not show {shown}: {ae.Message}");
            else refused++;
        }
        var unused = Documented.Keys.Where(k => !used.Contains(k)).ToArray();
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(unused.Length == 0, "allow-list entries no case reached: " + string.Join("; ", unused));
        Assert.True(refused >= 250, $"only {refused} refusals"); // 266 when written: the sweep did run
    }

    private static string Describe(object? x) => x switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b.ToString(),
        null => "null",
        _ => x.GetType().Name,
    };
}
