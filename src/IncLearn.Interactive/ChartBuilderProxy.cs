using System.Reflection;

namespace IncLearn.Interactive;

/// <summary>
/// Implements <see cref="IChartBuilder"/> by forwarding each call to the static member of the same name and parameter
/// types on a type from another load context. All members are bound when the proxy is made, so a mismatch between the
/// interface and the engine fails at once with the member's name, not on some later chart.
/// </summary>
internal class ChartBuilderProxy : DispatchProxy
{
    private Dictionary<MethodInfo, MethodInfo> targets = new();

    internal static IChartBuilder For(Type engine)
    {
        var proxy = Create<IChartBuilder, ChartBuilderProxy>();
        var map = new Dictionary<MethodInfo, MethodInfo>();
        foreach (var m in typeof(IChartBuilder).GetMethods())
        {
            var parameters = m.GetParameters().Select(p => p.ParameterType).ToArray();
            var target = engine.GetMethod(m.Name, BindingFlags.Public | BindingFlags.Static, parameters)
                ?? throw new MissingMethodException($"{engine.FullName}.{m.Name}({string.Join(", ", parameters.Select(p => p.Name))}) is missing from the chart engine");
            if (target.ReturnType != m.ReturnType)
                throw new MissingMethodException($"{engine.FullName}.{m.Name} returns {target.ReturnType}, expected {m.ReturnType}");
            map[m] = target;
        }
        ((ChartBuilderProxy)(object)proxy).targets = map;
        return proxy;
    }

    /// <inheritdoc/>
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        try
        {
            return targets[targetMethod].Invoke(null, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
            throw; // unreachable
        }
    }
}
