using System.Text.Json.Nodes;

namespace IncLearn.Runner;

/// <summary>A displayed value (<c>display(x)</c>): its MIME bundle in nbformat form, and the id a later update names.</summary>
/// <param name="Data">The MIME bundle (see <see cref="KernelEventParser"/>); null when every value was suppressed.</param>
/// <param name="ValueId">The display's id, when it has one.</param>
/// <param name="CommandToken">The token of the command it belongs to.</param>
public sealed record DisplayedValueProduced(JsonObject? Data, string? ValueId, string? CommandToken) : KernelEvent(CommandToken);
