using IncLearn.Runner;
using IncLearn.TestSupport;

namespace IncLearn.RealKernel.Tests;

/// <summary>
/// The runner's offline pages of the committed notebooks, opened in headless Chromium with the network off: every chart drawn
/// by the inlined plotly.js, every formula typeset by the local KaTeX (no raw $ left in the markdown's visible text), no
/// horizontal overflow, notebook links pointing at pages, previous/next links.
/// </summary>
[Trait("Tier", "Browser")]
public class OfflinePageTests
{
    // Appended to a copy of each page: after load, it records what the reader sees as attributes the DOM dump carries.
    private const string Probe = """
        <script>window.addEventListener('load', function () { setTimeout(function () {
          var d = document.documentElement, b = document.body;
          var charts = document.querySelectorAll('div[id^=chart]');
          var drawn = Array.prototype.filter.call(charts, function (c) { return c.querySelector('.main-svg') !== null; }).length;
          var md = Array.prototype.map.call(document.querySelectorAll('.md'), function (e) {
            var clone = e.cloneNode(true); clone.querySelectorAll('.katex, code').forEach(function (k) { k.remove(); }); return clone.innerText; }).join('\n');
          b.setAttribute('data-probe', JSON.stringify({ charts: charts.length, drawn: drawn, katex: document.querySelectorAll('.katex').length,
            rawMath: (md.match(/\$|\\\(|\\\[/g) || []).length, rawSample: (md.match(/.{0,30}(\$|\\\(|\\\[).{0,30}/) || [''])[0],
            scrollWidth: d.scrollWidth, clientWidth: d.clientWidth }));
        }, 2000); });</script>
        """;

    [Fact]
    public async Task PagesDrawChartsTypesetMathAndFitTheWindowOffline()
    {
        Assert.True(File.Exists(HeadlessChromium.Executable), $"{HeadlessChromium.Executable} is missing (Debian package chromium; .ci/run installs it)");
        Assert.NotNull(KatexAssets.Find()); // Debian's libjs-katex (.ci/run installs it)
        string dir = Path.Combine(Path.GetTempPath(), "inclearn-pages-" + Guid.NewGuid().ToString("N"));
        try
        {
            var notebooks = Repository.Chapters.Select(p => (p, NotebookFile.Load(p))).ToArray();
            HtmlExport.Write(notebooks, dir);
            Assert.True(File.Exists(Path.Combine(dir, "index.html")));
            int totalCharts = 0;
            foreach (var (path, _) in notebooks)
            {
                string page = Path.Combine(dir, Path.GetFileNameWithoutExtension(path) + ".html");
                string html = File.ReadAllText(page);
                Assert.DoesNotContain(".ipynb\"", html.Replace("href=\"http", "")); // links between notebooks point at pages
                if (path != Repository.Chapters[0]) Assert.Contains("rel=\"prev\"", html);
                if (path != Repository.Chapters[^1]) Assert.Contains("rel=\"next\"", html);

                string probe = Path.Combine(dir, "probe-" + Path.GetFileName(page));
                File.WriteAllText(probe, html.Replace("</body>", Probe + "</body>"));
                string dom = await HeadlessChromium.DumpDomAsync(probe, Path.Combine(dir, "profile"), TimeSpan.FromMinutes(2), 20_000, "1200,900");
                var probed = HeadlessChromium.Probe(dom);
                Assert.True(probed.HasValue, $"{page}: the probe did not run");
                var r = probed.Value;
                string name = Path.GetFileName(page);
                Assert.True(r.GetProperty("charts").GetInt32() == r.GetProperty("drawn").GetInt32(),
                    $"{name}: {r.GetProperty("drawn")} of {r.GetProperty("charts")} charts drawn");
                Assert.True(r.GetProperty("katex").GetInt32() > 0, $"{name}: no formula typeset");
                Assert.True(r.GetProperty("rawMath").GetInt32() == 0, $"{name}: raw TeX left in the text, e.g. “{r.GetProperty("rawSample")}”");
                Assert.True(r.GetProperty("scrollWidth").GetInt32() <= r.GetProperty("clientWidth").GetInt32(),
                    $"{name}: the page is {r.GetProperty("scrollWidth")} px wide in a {r.GetProperty("clientWidth")} px window");
                totalCharts += r.GetProperty("charts").GetInt32();
            }
            Assert.Equal(Repository.Chapters.Sum(p => NotebookOutputs.Load(p).ChartsPerCell().Values.Sum()), totalCharts);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
