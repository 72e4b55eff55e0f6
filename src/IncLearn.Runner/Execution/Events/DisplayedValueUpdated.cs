using System.Text.Json.Nodes;

namespace IncLearn.Runner;

/// <summary>A new MIME bundle for an earlier display (<c>display(x).Update(y)</c>), named by its value id.</summary>
public sealed record DisplayedValueUpdated(JsonObject? Data, string? ValueId, string? CommandToken) : KernelEvent(CommandToken);
