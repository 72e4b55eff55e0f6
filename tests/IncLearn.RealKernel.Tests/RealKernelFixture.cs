using IncLearn.TestSupport;
using IncLearn.Processes;

namespace IncLearn.RealKernel.Tests;

/// <summary>
/// Runs the tutorial once in the real kernel, both ways a user would: Jupyter (Debian's python3-nbclient, with the pinned
/// tool's kernelspec installed into a temporary Jupyter path with --http-local-only) and dotnet-repl (the pinned tool,
/// `--run … --exit-after-run`). The two run side by side. The canary notebooks run too: they must fail, which shows the
/// harness sees failures. Everything lives in one temporary folder, removed afterwards.
/// </summary>
public sealed class RealKernelFixture : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    /// <summary>The temporary folder of this run.</summary>
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "inclearn-realkernel-" + Guid.NewGuid().ToString("N"));

    /// <summary>Where the kernelspecs went (the Jupyter data dir: kernels/.net-*/kernel.json).</summary>
    public string JupyterPath => Path.Combine(Root, "jupyter");

    /// <summary>The canary notebooks, which must fail.</summary>
    public static IReadOnlyList<string> Canaries { get; } =
        Directory.GetFiles(Path.Combine(Repository.Root, "tests", "RealKernel", "canary"), "*.ipynb").Order(StringComparer.Ordinal).ToArray();

    /// <summary>Output of the setup steps (build, tool restore, kernelspec install), for failure messages.</summary>
    public string SetupLog { get; private set; } = "";

    /// <summary>Exit code and output of the nbclient run.</summary>
    public (int ExitCode, string Output) Nbclient { get; private set; }

    /// <summary>Exit code and output of dotnet-repl, per notebook file name.</summary>
    public Dictionary<string, (int ExitCode, string Output)> Repl { get; } = new();

    /// <summary>The notebook as nbclient executed it in the real kernel.</summary>
    public string NbclientOutput(string name) => Path.Combine(Root, "nbclient", Path.GetFileName(name));

    /// <summary>The notebook as dotnet-repl executed it.</summary>
    public string ReplOutput(string name) => Path.Combine(Root, "repl", Path.GetFileName(name));

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Root);
        // The notebooks load the library from its Release build, as the README tells a user to build it.
        using (await IncLearn.TestSupport.BuildLock.AcquireAsync(Repository.Root))
            await Step("dotnet", ["build", "src/IncLearn.Interactive", "-c", "Release", "-nologo", "-v", "q"]);
        await Step("dotnet", ["tool", "restore"]);
        await Step("/usr/bin/python3", [Path.Combine(Repository.Root, "scripts", "install-kernelspec.py"), JupyterPath]);

        var env = new Dictionary<string, string>
        {
            ["JUPYTER_PATH"] = JupyterPath,
            ["JUPYTER_RUNTIME_DIR"] = Path.Combine(Root, "runtime"), // connection files stay in our folder
        };
        var nbclient = ChildProcess.RunAsync("/usr/bin/python3",
            [Path.Combine(Repository.Root, "tests", "RealKernel", "execute_nbclient.py"), Path.Combine(Root, "nbclient"), .. Repository.Notebooks, .. Canaries],
            Repository.Root, Timeout, env);
        var repl = Task.Run(async () =>
        {
            Directory.CreateDirectory(Path.Combine(Root, "repl"));
            foreach (var nb in Repository.Notebooks.Concat(Canaries))
                Repl[Repository.NameOf(nb)] = await ChildProcess.RunAsync("dotnet",
                    ["tool", "run", "dotnet-repl", "--", "--run", nb, "--exit-after-run", "--output-format", "ipynb", "--output-path", ReplOutput(nb)],
                    Path.GetDirectoryName(nb)!, Timeout);
        });
        Nbclient = await nbclient;
        await repl;
    }

    private async Task Step(string exe, string[] args)
    {
        var (code, output) = await ChildProcess.RunAsync(exe, args, Repository.Root, Timeout);
        SetupLog += $"$ {exe} {string.Join(" ", args)} → {code}\n{output}\n";
        if (code != 0) throw new InvalidOperationException($"setup step failed: {exe} {string.Join(" ", args)} (exit {code})\n{output}");
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Root, recursive: true);
        return Task.CompletedTask;
    }
}

[CollectionDefinition("real kernel")]
public sealed class RealKernelCollection : ICollectionFixture<RealKernelFixture>;
