using BenchmarkDotNet.Running;

// Runs every benchmark class in this assembly; filter with --filter, e.g. --filter '*ClosedForm*'.
BenchmarkSwitcher.FromAssembly(typeof(IncLearn.Bench.ClosedFormBenchmarks).Assembly).Run(args);
