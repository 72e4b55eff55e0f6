// In-process execution sets the process-wide current directory to the notebook's folder (as the kernel does), so the
// tests in this assembly run one at a time; the runner itself isolates parallel notebooks in worker processes.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
