using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace IncLearn.Runner;

/// <summary>
/// Finds notebooks and runs them, each on a fresh real kernel. Kernels are started ahead of need, in queue order, with the
/// working directory of the notebook they will run: at most 2 × <see cref="RunOptions.Parallel"/> live at once (one
/// running and one warm spare per slot, the spare started once the slot's previous kernel is ready), so a notebook after
/// the first rarely waits for a kernel. The CLI and the tests
/// both call this.
/// </summary>
public static class NotebookRunner
{
    /// <summary>The .ipynb files under the given paths, in file-name order (checkpoints skipped), each once: a file or folder
    /// reached twice (a symlink loop, a link to a sibling, a hard link) is recognised by its device and inode and visited once.
    /// A path that does not exist is kept, so that it is reported as that notebook's failure while the others still run.</summary>
    public static IReadOnlyList<string> Find(IEnumerable<string> paths)
    {
        var found = new List<string>();
        var seenFiles = new HashSet<(ulong, ulong)>();
        var seenFolders = new HashSet<(ulong, ulong)>();
        foreach (var p in paths)
        {
            if (Directory.Exists(p))
            {
                var inFolder = new List<string>();
                Walk(Path.GetFullPath(p), inFolder, seenFolders);
                found.AddRange(inFolder.OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal).ThenBy(f => f, StringComparer.Ordinal));
            }
            else found.Add(Path.GetFullPath(p));
        }
        var result = new List<string>();
        foreach (var f in found.Distinct(StringComparer.Ordinal))
            if (Native.Identity(f) is not { } id || seenFiles.Add(id)) result.Add(f);
        return result;
    }

    private static void Walk(string folder, List<string> found, HashSet<(ulong, ulong)> seenFolders)
    {
        if (Native.Identity(folder) is { } id && !seenFolders.Add(id)) return;
        IEnumerable<string> files, folders;
        try
        {
            files = Directory.GetFiles(folder, "*.ipynb");
            folders = Directory.GetDirectories(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return; }
        found.AddRange(files);
        foreach (var sub in folders.OrderBy(f => f, StringComparer.Ordinal))
            if (Path.GetFileName(sub) != ".ipynb_checkpoints") Walk(sub, found, seenFolders);
    }

    /// <summary>Runs every notebook. An unreadable notebook, a kernel that does not start or any other failure is reported in
    /// that notebook's <see cref="NotebookResult.FatalError"/>; the others still run. On cancellation the kernels are
    /// stopped and unfinished notebooks come back with a null <see cref="NotebookResult.Notebook"/>.</summary>
    public static async Task<IReadOnlyList<NotebookResult>> RunAsync(IReadOnlyList<string> notebooks, RunOptions options, CancellationToken cancel = default)
    {
        int slots = Math.Clamp(options.Parallel, 1, RunOptions.MaxParallel);
        var loaded = notebooks.Select(path => Load(path, options.Parameters)).ToArray();
        bool NeedsKernel(int i) => NotebookExecutor.NeedsKernel(loaded[i].Notebook!);
        var results = new NotebookResult?[notebooks.Count];
        for (int i = 0; i < loaded.Length; i++)
            if (loaded[i].Error is { } e) results[i] = new NotebookResult(notebooks[i], null, [], 0, e);
        var runnable = Enumerable.Range(0, notebooks.Count).Where(i => results[i] is null).ToArray();
        if (runnable.Length == 0) return results!;
        // A notebook without code to run is executed (stale outputs cleared) without starting a kernel.
        var withKernel = runnable.Where(NeedsKernel).ToArray();

        string tool = "";
        if (withKernel.Length > 0)
        {
            try { tool = KernelTool.Locate([Environment.CurrentDirectory, Path.GetDirectoryName(notebooks[withKernel[0]])!, AppContext.BaseDirectory]); }
            catch (KernelNotFoundException e)
            {
                foreach (var i in withKernel) results[i] = new NotebookResult(notebooks[i], null, [], 0, e.Message);
                runnable = runnable.Where(i => !NeedsKernel(i)).ToArray();
            }
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var live = new SemaphoreSlim(2 * slots);
        if (tool.Length == 0) withKernel = [];
        var kernels = withKernel.ToDictionary(i => i, _ => new TaskCompletionSource<Task<KernelProcess>>(TaskCreationOptions.RunContinuationsAsynchronously));
        var started = new ConcurrentBag<Task<KernelProcess>>();
        var starter = Task.Run(async () =>
        {
            for (int k = 0; k < withKernel.Length; k++)
            {
                int i = withKernel[k];
                try
                {
                    await live.WaitAsync(stop.Token);
                    // Staggered: a slot's spare starts once the slot's previous kernel is ready. Four kernels starting at
                    // once on two cores would delay the first notebooks, which are the ones waiting.
                    if (k >= slots) await Ready(kernels[withKernel[k - slots]].Task).WaitAsync(stop.Token);
                }
                catch (OperationCanceledException) { kernels[i].TrySetCanceled(); continue; }
                var kernel = KernelProcess.StartAsync(tool, Path.GetDirectoryName(notebooks[i])!, loaded[i].Kernel!, options.KernelStartTimeout, stop.Token);
                started.Add(kernel);
                kernels[i].TrySetResult(kernel);
            }
        });

        int next = -1;
        async Task Slot()
        {
            int k;
            while ((k = Interlocked.Increment(ref next)) < runnable.Length)
            {
                int i = runnable[k];
                var clock = Stopwatch.StartNew();
                bool holdsKernel = kernels.ContainsKey(i);
                try { results[i] = await RunOneAsync(notebooks[i], loaded[i].Notebook!, holdsKernel ? kernels[i].Task : null, options, stop.Token) with { WallSeconds = clock.Elapsed.TotalSeconds }; }
                catch (OperationCanceledException) { results[i] = new NotebookResult(notebooks[i], null, [], clock.Elapsed.TotalSeconds, "interrupted before it finished"); }
                catch (Exception e) { results[i] = new NotebookResult(notebooks[i], null, [], clock.Elapsed.TotalSeconds, $"the runner failed on this notebook: {e.GetType().Name}: {e.Message}"); }
                finally { if (holdsKernel) live.Release(); }
            }
        }

        try { await Task.WhenAll(Enumerable.Range(0, slots).Select(_ => Task.Run(Slot))); }
        finally
        {
            stop.Cancel(); // no more spares
            await starter;
            foreach (var t in started)
            {
                try { (await t).Dispose(); }
                catch (Exception) { /* a kernel that did not start has nothing left to stop */ }
            }
        }
        return results!;
    }

    private static async Task Ready(Task<Task<KernelProcess>> kernel)
    {
        try { await await kernel; }
        catch (Exception) { /* a kernel that failed to start is reported by its notebook; the next may start */ }
    }

    private static async Task<NotebookResult> RunOneAsync(string path, JsonObject notebook, Task<Task<KernelProcess>>? kernelStart, RunOptions options, CancellationToken cancel)
    {
        var execution = new ExecutionOptions(options.AllowErrors, options.CellTimeout, options.NotebookTimeout);
        void Progress(int cell, int count) => options.Progress?.Invoke(path, cell, count);
        if (kernelStart is null) return await NotebookExecutor.ExecuteAsync(path, notebook, null, execution, Progress, cancel);
        KernelProcess kernel;
        try { kernel = await await kernelStart; }
        catch (KernelDiedException e) { return new NotebookResult(path, null, [], 0, $"KernelDiedException: {e.Message}"); }
        NotebookResult result;
        try { result = await NotebookExecutor.ExecuteAsync(path, notebook, kernel, execution, Progress, cancel); }
        finally { kernel.Dispose(); }
        return result with { EndedProcesses = kernel.EndedProcesses };
    }

    private static (JsonObject? Notebook, string? Kernel, string? Error) Load(string path, IReadOnlyDictionary<string, string> parameters)
    {
        try
        {
            var nb = NotebookFile.Load(path);
            string kernel = KernelLanguage.DefaultOf(nb);
            NotebookExecutor.InjectParameters(nb, parameters);
            return (nb, kernel, null);
        }
        catch (NotebookFormatException e) { return (null, null, e.Message); }
        catch (KernelNotFoundException e) { return (null, null, $"{path}: KernelNotFoundException: {e.Message}"); }
    }
}
