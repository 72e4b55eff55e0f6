// Shared by the test projects (linked, not copied).
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace IncLearn.TestSupport;

/// <summary>
/// The real kernel's HTTP endpoint takes the first free port of its <c>--http-port-range</c> (2048-3000 in the kernelspec)
/// and dies when another kernel starting at the same moment binds it first. Tests that run kernels beside other tests
/// give their kernelspecs a range of their own, starting at a port the OS reports free.
/// </summary>
public static class KernelHttpPorts
{
    /// <summary>Rewrites every <c>kernels/*/kernel.json</c> under <paramref name="jupyterDataDir"/> to a port range of 100
    /// starting at a free port.</summary>
    public static void Isolate(string jupyterDataDir)
    {
        foreach (var spec in Directory.GetFiles(Path.Combine(jupyterDataDir, "kernels"), "kernel.json", SearchOption.AllDirectories))
        {
            var kernel = JsonNode.Parse(File.ReadAllText(spec))!.AsObject();
            var argv = kernel["argv"]!.AsArray();
            int at = argv.Select(a => (string?)a).ToList().IndexOf("--http-port-range");
            if (at < 0 || at + 1 >= argv.Count) continue;
            int start = Math.Min(FreePort(), 65535 - 100);
            argv[at + 1] = $"{start}-{start + 99}";
            File.WriteAllText(spec, kernel.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        }
    }

    /// <summary>A port nothing listens on now (the OS picks it).</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
