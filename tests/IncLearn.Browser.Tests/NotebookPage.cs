using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using PuppeteerSharp;

namespace IncLearn.Browser.Tests;

/// <summary>
/// One notebook open in Jupyter in the browser. Every request that leaves the server is refused, except — when
/// <c>servePlotly</c> — the plotly.js the charts ask the CDN for, answered with the plotly.js Plotly.NET embeds.
/// </summary>
public sealed partial class NotebookPage
{
    private readonly JupyterFixture jupyter;
    private readonly IPage page;
    private readonly bool servePlotly;

    private NotebookPage(JupyterFixture jupyter, IPage page, string name, bool servePlotly)
    {
        this.jupyter = jupyter;
        this.page = page;
        Name = name;
        this.servePlotly = servePlotly;
    }

    /// <summary>The notebook's path relative to the served folder.</summary>
    public string Name { get; }

    /// <summary>Outside requests the page made and the test refused.</summary>
    public ConcurrentQueue<string> Refused { get; } = new();

    /// <summary>plotly.js versions the charts asked the CDN for (served or refused).</summary>
    public ConcurrentQueue<string> PlotlyRequests { get; } = new();

    [GeneratedRegex(@"^https://cdn\.plot\.ly/plotly-(?<version>\d+\.\d+\.\d+)\.min\.js$")]
    private static partial Regex PlotlyCdn();

    public static async Task<NotebookPage> OpenAsync(JupyterFixture jupyter, string name, bool servePlotly, TimeSpan timeout)
    {
        var page = await jupyter.Browser.NewPageAsync();
        var notebook = new NotebookPage(jupyter, page, name, servePlotly);
        await page.SetRequestInterceptionAsync(true);
        page.Request += async (_, e) => await notebook.Route(e.Request);
        await page.GoToAsync($"{jupyter.BaseUrl}/notebooks/{Uri.EscapeDataString(name).Replace("%2F", "/")}?token={jupyter.Token}",
            new NavigationOptions { Timeout = (int)timeout.TotalMilliseconds, WaitUntil = [WaitUntilNavigation.Load] });
        // Loaded, its kernel started and answered kernel_info (set on kernel_ready).
        await page.WaitForFunctionAsync(
            "() => window.Jupyter && Jupyter.notebook && Jupyter.notebook._fully_loaded && Jupyter.notebook.kernel && Jupyter.notebook.kernel.info_reply && Jupyter.notebook.kernel.info_reply.protocol_version !== undefined",
            new WaitForFunctionOptions { Timeout = (int)timeout.TotalMilliseconds, PollingInterval = 500 });
        return notebook;
    }

    private async Task Route(IRequest request)
    {
        var uri = new Uri(request.Url);
        // This machine is not outside: the server, and the kernel's own HTTP endpoint (local-only) its outputs' scripts ask.
        if (uri.Scheme is "data" or "blob" || uri.IsLoopback)
        {
            await request.ContinueAsync();
            return;
        }
        var plotly = PlotlyCdn().Match(request.Url);
        if (plotly.Success) PlotlyRequests.Enqueue(plotly.Groups["version"].Value);
        if (plotly.Success && servePlotly)
        {
            await request.RespondAsync(new ResponseData
            {
                Status = HttpStatusCode.OK,
                ContentType = "application/javascript",
                Body = IncLearn.Interactive.PlotlyJs.Source,
                Headers = new Dictionary<string, object> { ["Access-Control-Allow-Origin"] = "*" },
            });
            return;
        }
        Refused.Enqueue(request.Url);
        await request.AbortAsync();
    }

    /// <summary>Clears the outputs, runs every cell (Cell → Run All) and waits until no prompt shows * and the kernel has
    /// been idle for three polls in a row. Autosave is off; <see cref="SaveAsync"/> saves explicitly.</summary>
    public async Task RunAllAsync(TimeSpan timeout)
    {
        await page.EvaluateExpressionAsync(
            "Jupyter.notebook.set_autosave_interval(0); Jupyter.notebook.clear_all_output(); Jupyter.notebook.execute_all_cells(); true");
        await page.WaitForFunctionAsync("""
            () => {
              const busy = Jupyter.notebook.get_cells().some(c => c.cell_type === 'code' && c.input_prompt_number === '*');
              const idle = document.querySelector('#kernel_indicator_icon.kernel_idle_icon') !== null;
              window.inclearnIdlePolls = !busy && idle ? (window.inclearnIdlePolls || 0) + 1 : 0;
              return window.inclearnIdlePolls >= 3;
            }
            """, new WaitForFunctionOptions { Timeout = (int)timeout.TotalMilliseconds, PollingInterval = 1000 });
    }

    /// <summary>Waits until MathJax's queue is empty and, when plotly.js is served, every chart is drawn (up to
    /// <paramref name="chartTimeout"/>; what is not drawn by then shows in the report); when it is refused, until the
    /// charts have asked for it.</summary>
    public async Task SettleAsync(TimeSpan chartTimeout)
    {
        await page.EvaluateFunctionAsync("() => new Promise(resolve => MathJax.Hub.Queue(() => resolve(true)))");
        const string chartOutputs = "Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code').flatMap(c => c.output_area.outputs).filter(o => o.data && o.data['application/vnd.plotly.v1+json'] !== undefined).length";
        try
        {
            if (servePlotly)
                await page.WaitForFunctionAsync($"() => document.querySelectorAll('#notebook .js-plotly-plot .main-svg').length > 0 && document.querySelectorAll('#notebook .js-plotly-plot').length >= {chartOutputs}",
                    new WaitForFunctionOptions { Timeout = (int)chartTimeout.TotalMilliseconds, PollingInterval = 500 });
            else
            {
                int charts = await page.EvaluateExpressionAsync<int>(chartOutputs);
                for (var waited = System.Diagnostics.Stopwatch.StartNew(); charts > 0 && PlotlyRequests.IsEmpty && waited.Elapsed < chartTimeout;)
                    await Task.Delay(250);
                await Task.Delay(1000); // require.js reports the refused load asynchronously; the image must still be there after it
            }
        }
        catch (WaitTaskTimeoutException) { } // the report shows what was (not) drawn
    }

    /// <summary>Saves the notebook (the server signs it: its outputs come from this session, so Jupyter trusts it on reopening).</summary>
    public async Task SaveAsync()
        => await page.EvaluateFunctionAsync("() => Jupyter.notebook.save_notebook().then(() => true)");

    /// <summary>Reads what the page shows: notebook model (execution counts, error outputs, chart outputs) and DOM (charts
    /// drawn or their images, check tables, typeset math, TeX left as text). Marks each chart's output element with
    /// <c>data-inclearn-chart</c> for <see cref="ScreenshotChartsAsync"/>.</summary>
    public async Task<PageReport> ReportAsync()
    {
        string json = await page.EvaluateFunctionAsync<string>("""
            () => {
              const nb = Jupyter.notebook;
              const r = { trusted: nb.trusted === true, notRun: [], errors: [], jsErrors: [], charts: [], checks: [], mathCells: 0,
                          mathCellsUntypeset: [], typeset: 0, mathErrors: 0, rawTex: [] };
              const notTex = 'script, code, pre, .MathJax, .MathJax_Display, .MathJax_Preview, .MathJax_CHTML, .MathJax_SVG, .MathJax_MathML';
              let chart = 0;
              nb.get_cells().forEach((c, i) => {
                if (c.cell_type === 'code') {
                  const tags = (c.metadata && c.metadata.tags) || [];
                  if (c.get_text().trim() !== '' && typeof c.input_prompt_number !== 'number') r.notRun.push(i);
                  const elements = c.output_area.element.children('.output_area');
                  c.output_area.outputs.forEach((o, j) => {
                    if (o.output_type === 'error' && !tags.includes('raises-exception')) r.errors.push('cell ' + i + ': ' + o.ename + ': ' + o.evalue);
                    if (!(o.data && o.data['application/vnd.plotly.v1+json'] !== undefined)) return;
                    const el = elements[j];
                    if (!el) { r.charts.push({ cell: i, drawn: false, imageShown: false, height: 0 }); return; }
                    el.setAttribute('data-inclearn-chart', String(chart++));
                    const img = el.querySelector('img[id^="inclearn-png-"]');
                    const box = img ? img.getBoundingClientRect() : null;
                    r.charts.push({ cell: i, drawn: el.querySelector('.js-plotly-plot .main-svg') !== null,
                                    imageShown: img !== null && img.complete && img.naturalWidth > 0 && box.width > 0 && box.height > 0,
                                    height: el.getBoundingClientRect().height });
                  });
                  c.element[0].querySelectorAll('.js-error').forEach(e => r.jsErrors.push('cell ' + i + ': ' + e.textContent));
                } else if (c.cell_type === 'markdown') {
                  const source = c.get_text().replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
                  const el = c.element[0].querySelector('.text_cell_render');
                  const typeset = el.querySelectorAll('script[type^="math/tex"]').length;
                  r.typeset += typeset;
                  if (source.includes('$')) { r.mathCells++; if (typeset === 0) r.mathCellsUntypeset.push(i); }
                  r.mathErrors += el.querySelectorAll('.MathJax_Error, .merror').length;
                  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
                  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                    if (n.parentElement.closest(notTex)) continue;
                    const t = n.textContent, m = t.match(/\$|\\\(|\\\[|\\[A-Za-z]{2,}/);
                    if (m) r.rawTex.push('cell ' + i + ': …' + t.substr(Math.max(0, m.index - 30), 80) + '…');
                  }
                }
              });
              document.querySelectorAll('#notebook table.inclearn-checks tr').forEach(row => {
                const cells = row.querySelectorAll('td');
                r.checks.push({ mark: cells.length > 0 ? cells[0].textContent.trim() : '', name: cells.length > 1 ? cells[1].textContent.trim() : row.textContent });
              });
              return JSON.stringify(r);
            }
            """);
        return JsonSerializer.Deserialize<PageReport>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    /// <summary>Saves a PNG of each chart output as the page shows it, as <c>{folder}/{notebook}-{pass}-chart-{k}.png</c>;
    /// returns the paths.</summary>
    public async Task<IReadOnlyList<string>> ScreenshotChartsAsync(string folder, string pass)
    {
        Directory.CreateDirectory(folder);
        var saved = new List<string>();
        string stem = Name.Replace('/', '_').Replace(".ipynb", "", StringComparison.Ordinal);
        foreach (var element in await page.QuerySelectorAllAsync("[data-inclearn-chart]"))
        {
            string k = await element.EvaluateFunctionAsync<string>("e => e.getAttribute('data-inclearn-chart')");
            string path = Path.Combine(folder, $"{stem}-{pass}-chart-{k}.png");
            await element.ScreenshotAsync(path);
            saved.Add(path);
        }
        return saved;
    }

    /// <summary>Closes the page, then deletes the notebook's sessions through the REST API (which stops their kernels).
    /// Returns how many sessions there were and whether every DELETE answered 204.</summary>
    public async Task<(int Sessions, bool AllDeleted)> CloseAsync()
    {
        try { await page.CloseAsync(); }
        catch (PuppeteerException) { } // the sessions below are deleted either way
        var sessions = await jupyter.SessionsOf(Name);
        bool all = true;
        foreach (var id in sessions) all &= await jupyter.DeleteSession(id);
        return (sessions.Count, all);
    }
}
