using System.Security.Cryptography;
using IncLearn.Processes;
using IncLearn.TestSupport;

namespace IncLearn.Notebooks.Tests;

/// <summary>
/// The committed notebooks reproduce whichever linear-algebra kernel executes them: `inclearn-nb check notebooks`, as a
/// researcher runs it, re-executes all of them on the managed path (no OpenBLAS) and on OpenBLAS forced to two CPU kernels other
/// than the one this machine picks (Sandybridge: AVX without FMA; Prescott: SSE3), and must report every notebook reproduced —
/// while leaving the committed notebooks byte-identical. The default kernel is covered by <see cref="NotebookTests"/>.
/// </summary>
[Collection("notebooks")]
[Trait("Tier", "Kernel")]
public class CrossKernelReproductionTests
{
    public static TheoryData<string, string, string> Kernels => new()
    {
        { "managed path", "INCLEARN_NATIVE", "0" },
        { "OpenBLAS Sandybridge kernel", "OPENBLAS_CORETYPE", "Sandybridge" },
        { "OpenBLAS Prescott kernel", "OPENBLAS_CORETYPE", "Prescott" },
    };

    [Theory]
    [MemberData(nameof(Kernels))]
    public async Task CheckReproducesEveryNotebook(string kernel, string variable, string value)
    {
        string runner = await BuiltRunner();
        var before = Hashes();
        var (code, output) = await ChildProcess.RunAsync("dotnet", [runner, "check", "notebooks"], Repository.Root, TimeSpan.FromMinutes(40),
            new Dictionary<string, string> { [variable] = value, ["NO_COLOR"] = "1" });
        Assert.Equal(before, Hashes());
        Assert.True(code == 0, $"check on the {kernel} exited with {code}:\n{output}");
        Assert.Equal(Repository.Notebooks.Count, output.Split('\n').Count(l => l.StartsWith("reproduced ", StringComparison.Ordinal)));
    }

    private static async Task<string> BuiltRunner()
    {
        (int code, string log) build;
        using (await BuildLock.AcquireAsync(Repository.Root))
            build = await ChildProcess.RunAsync("dotnet", ["build", "src/IncLearn.Runner", "-c", "Release", "-nologo", "-v", "q"],
                Repository.Root, TimeSpan.FromMinutes(10));
        Assert.True(build.code == 0, build.log);
        return Path.Combine(Repository.Root, "src", "IncLearn.Runner", "bin", "Release", "net10.0", "IncLearn.Runner.dll");
    }

    private static Dictionary<string, string> Hashes()
        => Repository.Notebooks.ToDictionary(p => p, p => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(p))));
}
