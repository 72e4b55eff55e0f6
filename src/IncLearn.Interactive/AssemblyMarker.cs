namespace IncLearn.Interactive;
/// <summary>Marker so the empty project builds.</summary>
internal static class AssemblyMarker { }
