using BenchmarkDotNet.Running;
using IncLearn.Bench;

// `dotnet run -c Release -- quick [n…]` prints Stopwatch medians and writes the problems to bench/data for bench/peers.py;
// `point [n…]` and `setup [n…]` print the median of At and of the set-up per n for bench/point-pairs.sh; `smalln` times the notebooks' small-n measurement calls; anything else runs BenchmarkDotNet (filter with --filter, e.g. --filter '*ClosedForm*').
if (args.Length > 0 && args[0] == "smalln") SmallNWorkload.Run();
else if (args.Length > 0 && args[0] == "quick") QuickTable.Run(args.Skip(1).Select(int.Parse).DefaultIfEmpty(0).ToArray());
else if (args.Length > 0 && args[0] == "setup") SetupParts.Run(args.Skip(1).Select(int.Parse).ToArray());
else if (args.Length > 0 && args[0] == "point") PointPairs.Run(args.Skip(1).Select(int.Parse).ToArray());
else BenchmarkSwitcher.FromAssembly(typeof(ClosedFormBenchmarks).Assembly).Run(args);
