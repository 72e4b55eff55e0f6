// The tests start real kernels (≈ 0.3 GB and a few seconds of CPU each) and some measure timings: one test at a time keeps
// them reliable on a 2-core machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

// The tests use Unix file modes, symlinks and signals; the runner targets Linux and macOS CI.
[assembly: System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
