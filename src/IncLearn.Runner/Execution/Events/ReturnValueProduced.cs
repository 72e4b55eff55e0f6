using System.Text.Json.Nodes;

namespace IncLearn.Runner;

/// <summary>The cell's value (its trailing expression): nbformat's <c>execute_result</c>.</summary>
public sealed record ReturnValueProduced(JsonObject? Data, string? ValueId, string? CommandToken) : KernelEvent(CommandToken);
