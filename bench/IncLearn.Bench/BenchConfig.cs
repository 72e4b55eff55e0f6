using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;

namespace IncLearn.Bench;

/// <summary>
/// Few, long iterations (Monitoring: each iteration is one full operation; the n = 200 integration takes minutes) with
/// tiered compilation off, so every iteration runs fully optimized code instead of tier-0 code still being recompiled.
/// </summary>
public sealed class LongRunConfig : ManualConfig
{
    public LongRunConfig() => AddJob(Job.Default
        .WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(2)
        .WithEnvironmentVariables(new EnvironmentVariable("DOTNET_TieredCompilation", "0")));
}
