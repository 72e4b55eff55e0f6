using IncLearn.Processes;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using PuppeteerSharp;

namespace IncLearn.Browser.Tests;

/// <summary>
/// One Debian Jupyter Notebook (classic 6.4) server on 127.0.0.1, on a free port, with a random token and the project's
/// local-only kernelspec (scripts/install-kernelspec.py) on JUPYTER_PATH, and one headless Debian Chromium. The server
/// serves a copy of notebooks/ (its autosave never touches the committed notebooks) beside links to src/ and data/, so the
/// notebooks' #r "../src/…dll" resolve as in the repository. Everything lives in one temporary folder. Disposal stops
/// every session and kernel through the REST API, shuts the server down, kills whatever still runs from this folder
/// (kernels carry its runtime path on their command line) and deletes it — also when a test failed.
/// </summary>
public sealed class JupyterFixture : IAsyncLifetime
{
    private static readonly TimeSpan SetupTimeout = TimeSpan.FromMinutes(10);
    private readonly StringBuilder serverLog = new();
    private Process? server;

    /// <summary>The temporary folder of this run.</summary>
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "inclearn-jupyter-" + Guid.NewGuid().ToString("N"));

    /// <summary>The folder the server serves: the copy of notebooks/.</summary>
    public string NotebookDir => Path.Combine(Root, "work", "notebooks");

    public int Port { get; private set; }

    /// <summary>The server's random token (48 hex digits).</summary>
    public string Token { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public IBrowser Browser { get; private set; } = null!;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromMinutes(2) };

    /// <summary>Where chart screenshots go, for a person to look at: $INCLEARN_SCREENSHOTS, else TestResults/screenshots.</summary>
    public string ScreenshotDir { get; } = Environment.GetEnvironmentVariable("INCLEARN_SCREENSHOTS") is { Length: > 0 } dir
        ? Path.GetFullPath(dir) : Path.Combine(Repository.Root, "TestResults", "screenshots");

    /// <summary>Notebooks the first pass executed and saved (signed, so trusted when reopened).</summary>
    public System.Collections.Concurrent.ConcurrentBag<string> Executed { get; } = [];

    public string ServerLog { get { lock (serverLog) return serverLog.ToString(); } }

    public async Task InitializeAsync()
    {
        try
        {
            await StartAsync();
        }
        catch
        {
            await DisposeAsync(); // xunit does not dispose a fixture whose initialization threw: stop what did start
            throw;
        }
    }

    private async Task StartAsync()
    {
        Directory.CreateDirectory(Root);
        using (await IncLearn.TestSupport.BuildLock.AcquireAsync(Repository.Root))
            await Step("dotnet", ["build", "src/IncLearn.Interactive", "-c", "Release", "-nologo", "-v", "q"]);
        await Step("dotnet", ["tool", "restore"]);
        await Step("/usr/bin/python3", [Path.Combine(Repository.Root, "scripts", "install-kernelspec.py"), Path.Combine(Root, "jupyter")]);
        KernelHttpPorts.Isolate(Path.Combine(Root, "jupyter"));

        foreach (var notebook in Repository.Notebooks)
        {
            string copy = Path.Combine(NotebookDir, Repository.NameOf(notebook));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(notebook, copy);
        }
        foreach (var folder in new[] { "src", "data" })
            Directory.CreateSymbolicLink(Path.Combine(Root, "work", folder), Path.Combine(Repository.Root, folder));

        Port = KernelHttpPorts.FreePort();
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("token", Token);
        StartServer();
        await WaitForServer();

        Browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = HeadlessChromium.Executable,
            Headless = true,
            UserDataDir = Path.Combine(Root, "chromium-profile"),
            DefaultViewport = new ViewPortOptions { Width = 1280, Height = 1000 },
            Args = [.. HeadlessChromium.Switches, "--disable-quic"],
            Timeout = 120_000,
            // A wait for the page (all cells run) is one CDP call awaiting a promise: it must be allowed the notebook's time.
            ProtocolTimeout = (int)TimeSpan.FromMinutes(20).TotalMilliseconds,
        });
    }

    private void StartServer()
    {
        var psi = new ProcessStartInfo("/usr/bin/jupyter-notebook")
        {
            WorkingDirectory = NotebookDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in new[] { "--no-browser", "--ip=127.0.0.1", $"--port={Port}", "--port-retries=0", $"--NotebookApp.token={Token}",
                     $"--notebook-dir={NotebookDir}", "--NotebookApp.open_browser=False", "--log-level=WARN",
                     "--allow-root" }) // containers and CI often run as root; Jupyter refuses that unless told
            psi.ArgumentList.Add(a);
        // Kernelspecs from our temporary Jupyter path only; config, runtime (connection files) and data (the notary's
        // signatures) in our folder, so a user's Jupyter setup neither leaks in nor gets written.
        psi.Environment["JUPYTER_PATH"] = Path.Combine(Root, "jupyter");
        psi.Environment["JUPYTER_CONFIG_DIR"] = Path.Combine(Root, "config");
        psi.Environment["JUPYTER_DATA_DIR"] = Path.Combine(Root, "data");
        psi.Environment["JUPYTER_RUNTIME_DIR"] = Path.Combine(Root, "runtime");
        psi.Environment["IPYTHONDIR"] = Path.Combine(Root, "ipython");
        // The kernels' temporary files too: the server ends a kernel it cannot shut down in time with SIGKILL, which leaves the
        // .NET runtime's per-process sockets and pipes behind; in our folder they go with it.
        string temp = Directory.CreateDirectory(Path.Combine(Root, "tmp")).FullName;
        psi.Environment["TMPDIR"] = temp;
        server = Process.Start(psi) ?? throw new InvalidOperationException("could not start jupyter-notebook");
        server.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (serverLog) serverLog.AppendLine(e.Data); };
        server.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (serverLog) serverLog.AppendLine(e.Data); };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
    }

    private async Task WaitForServer()
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (server!.HasExited) throw new InvalidOperationException($"jupyter-notebook exited with {server.ExitCode}\n{ServerLog}");
            try
            {
                using var response = await Http.GetAsync($"{BaseUrl}/api/status");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            if (waited.Elapsed > TimeSpan.FromMinutes(2)) throw new TimeoutException($"jupyter-notebook did not answer in 2 minutes\n{ServerLog}");
            await Task.Delay(500);
        }
    }

    /// <summary>The ids of the server's sessions open on <paramref name="notebookPath"/> (relative to the served folder).</summary>
    public async Task<IReadOnlyList<string>> SessionsOf(string notebookPath)
    {
        var sessions = JsonNode.Parse(await Http.GetStringAsync($"{BaseUrl}/api/sessions"))!.AsArray();
        return sessions.Where(s => (string?)s!["path"] == notebookPath).Select(s => (string)s!["id"]!).ToArray();
    }

    /// <summary>Deletes a session (and so its kernel) through the REST API; true when the server answered 204.</summary>
    public async Task<bool> DeleteSession(string id)
    {
        using var response = await Http.DeleteAsync($"{BaseUrl}/api/sessions/{id}");
        return response.StatusCode == HttpStatusCode.NoContent;
    }

    /// <summary>The ids of the kernels the server runs.</summary>
    public async Task<IReadOnlyList<string>> Kernels()
        => JsonNode.Parse(await Http.GetStringAsync($"{BaseUrl}/api/kernels"))!.AsArray().Select(k => (string)k!["id"]!).ToArray();

    public async Task DisposeAsync()
    {
        try
        {
            if (Browser is not null) await Browser.CloseAsync();
        }
        catch (Exception) { } // the browser may already be gone; the kill below still runs
        try
        {
            if (server is { HasExited: false })
            {
                foreach (var kernel in await Kernels()) await Http.DeleteAsync($"{BaseUrl}/api/kernels/{kernel}");
                await Http.PostAsync($"{BaseUrl}/api/shutdown", null);
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await server.WaitForExitAsync(cts.Token);
            }
        }
        catch (Exception) { } // REST shutdown failed or timed out: the kills below end everything
        finally
        {
            if (server is { HasExited: false }) server.Kill(entireProcessTree: true);
            server?.Dispose();
            KillProcessesMentioning(Root);
            Http.Dispose();
            try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>Kills the processes whose command line names our temporary folder: kernels (their connection file is in
    /// our runtime dir) and the browser (its profile) that outlived their parents.</summary>
    private static void KillProcessesMentioning(string folder)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out int pid) || pid == Environment.ProcessId) continue;
            string commandLine;
            try { commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' '); }
            catch (IOException) { continue; }
            catch (UnauthorizedAccessException) { continue; }
            if (!commandLine.Contains(folder, StringComparison.Ordinal)) continue;
            try { using var p = Process.GetProcessById(pid); p.Kill(entireProcessTree: true); }
            catch (ArgumentException) { } // already exited
            catch (InvalidOperationException) { }
        }
    }

    private async Task Step(string exe, string[] args)
    {
        var (code, output) = await ChildProcess.RunAsync(exe, args, Repository.Root, SetupTimeout);
        if (code != 0) throw new InvalidOperationException($"setup step failed: {exe} {string.Join(" ", args)} (exit {code})\n{output}");
    }
}
