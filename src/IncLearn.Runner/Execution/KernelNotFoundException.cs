namespace IncLearn.Runner;

/// <summary>A notebook asks for a kernel (by its kernelspec or <c>defaultKernelName</c>) that this runner cannot start.</summary>
public sealed class KernelNotFoundException(string kernel, string message) : RunnerException(message)
{
    /// <summary>The kernel name the notebook gave.</summary>
    public string Kernel { get; } = kernel;
}
