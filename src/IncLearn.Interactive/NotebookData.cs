using System.Text.Json;

namespace IncLearn.Interactive;

/// <summary>
/// Finds the repository's <c>data/</c> folder from the notebook's folder (the kernel's working directory) by walking up,
/// so notebooks never hard-code absolute paths, and loads its JSON files.
/// </summary>
public static class NotebookData
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        // A data file that lacks a value a record needs fails to load instead of silently reading 0.
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>The nearest <c>data/</c> folder at or above <paramref name="startDirectory"/> (default: the current directory).</summary>
    /// <exception cref="FileNotFoundException">no such folder; the message lists every path searched.</exception>
    public static string FindDataFolder(string? startDirectory = null)
    {
        var searched = new List<string>();
        for (var dir = new DirectoryInfo(startDirectory ?? Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = System.IO.Path.Combine(dir.FullName, "data");
            searched.Add(candidate);
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"no data/ folder found; searched: {string.Join(", ", searched)}");
    }

    /// <summary>Figure 1's parameters (<c>figure1.json</c>).</summary>
    public static Figure1Data Figure1(string? startDirectory = null) => Load<Figure1Data>("figure1.json", startDirectory);

    /// <summary>Theorem 4's general-initialization case (<c>theorem4.json</c>).</summary>
    public static Theorem4Data Theorem4(string? startDirectory = null) => Load<Theorem4Data>("theorem4.json", startDirectory);

    /// <summary>Remark III-C1's random-initialization parameters (<c>random-init.json</c>).</summary>
    public static RandomInitData RandomInit(string? startDirectory = null) => Load<RandomInitData>("random-init.json", startDirectory);

    /// <summary>Notebook 06's explorations beyond the paper (<c>beyond.json</c>).</summary>
    public static BeyondData Beyond(string? startDirectory = null) => Load<BeyondData>("beyond.json", startDirectory);

    /// <summary>The full path of <paramref name="fileName"/> inside the nearest <c>data/</c> folder above <paramref name="startDirectory"/>
    /// (default: the current directory).</summary>
    /// <exception cref="FileNotFoundException">no <c>data/</c> folder above holds the file; the message lists every path searched.</exception>
    public static string PathOf(string fileName, string? startDirectory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        var searched = new List<string>();
        for (var dir = new DirectoryInfo(startDirectory ?? Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = System.IO.Path.Combine(dir.FullName, "data", fileName);
            searched.Add(candidate);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException(
            $"data file '{fileName}' not found; searched: {string.Join(", ", searched)}", fileName);
    }

    /// <summary>Loads and deserializes a JSON data file (case-insensitive property names).</summary>
    public static T Load<T>(string fileName, string? startDirectory = null)
    {
        string path = PathOf(fileName, startDirectory);
        return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Options)
            ?? throw new InvalidDataException($"data file '{path}' holds null");
    }

    /// <summary>Opens a data file for reading values by name.</summary>
    public static DataSet Open(string fileName, string? startDirectory = null)
    {
        string path = PathOf(fileName, startDirectory);
        return new DataSet(JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone(), path);
    }

    /// <summary>Loads a JSON data file as a document, for ad-hoc access.</summary>
    public static JsonElement LoadJson(string fileName, string? startDirectory = null)
        => JsonDocument.Parse(File.ReadAllText(PathOf(fileName, startDirectory))).RootElement.Clone();
}

/// <summary>One data file's values, read by name (the JSON property names of the file).</summary>
public sealed class DataSet
{
    private readonly JsonElement root;

    /// <summary>Wraps a JSON object.</summary>
    public DataSet(JsonElement root, string source) { this.root = root; Source = source; }

    /// <summary>The file the values came from.</summary>
    public string Source { get; }

    private JsonElement Get(string name) => root.TryGetProperty(name, out var v) ? v
        : throw new KeyNotFoundException($"'{name}' is not in {Source}");

    /// <summary>A nested object.</summary>
    public DataSet this[string name] => new(Get(name), $"{Source}#{name}");

    /// <summary>An integer value.</summary>
    public int Int(string name) => Get(name).GetInt32();

    /// <summary>A number.</summary>
    public double Double(string name) => Get(name).GetDouble();

    /// <summary>An array of numbers.</summary>
    public double[] Doubles(string name) => Get(name).EnumerateArray().Select(e => e.GetDouble()).ToArray();

    /// <summary>An array of integers.</summary>
    public int[] Ints(string name) => Get(name).EnumerateArray().Select(e => e.GetInt32()).ToArray();

    /// <summary>The target these data describe: <c>Target.FromSpectrum(eigenvalues, n, phiSeed)</c>.</summary>
    public Target Target() => IncLearn.Target.FromSpectrum(Doubles("eigenvalues"), Int("n"), Int("phiSeed"));
}

/// <summary>A data file's target: Y = Φ diag(eigenvalues, 0) Φᵀ with a Haar-random Φ drawn from <paramref name="PhiSeed"/>.</summary>
/// <param name="Description">What the file is for.</param>
/// <param name="N">Size n of Y.</param>
/// <param name="Eigenvalues">The non-zero eigenvalues σ_Y, decreasing.</param>
/// <param name="PhiSeed">Seed of the eigenvector matrix Φ.</param>
public abstract record TargetData(string Description, int N, double[] Eigenvalues, int PhiSeed)
{
    /// <summary>The target: <c>Target.FromSpectrum(Eigenvalues, N, PhiSeed)</c>.</summary>
    public Target Target() => IncLearn.Target.FromSpectrum(Eigenvalues, N, PhiSeed);
}

/// <summary><c>figure1.json</c>: Figure 1 of the paper (spectral initialization).</summary>
/// <param name="Description">What the file is for.</param>
/// <param name="N">Size n of Y.</param>
/// <param name="Eigenvalues">σ_Y.</param>
/// <param name="PhiSeed">Seed of Φ.</param>
/// <param name="Sigma0">σ_{i,0}, i = 1..n.</param>
/// <param name="Epsilon">Tolerance ε of Theorem 3.</param>
/// <param name="AlphaLeft">α of the left panel.</param>
/// <param name="AlphasRight">The decreasing α of the right panels.</param>
/// <param name="TimePoints">Points per time grid.</param>
public sealed record Figure1Data(string Description, int N, double[] Eigenvalues, int PhiSeed, double[] Sigma0, double Epsilon,
    double AlphaLeft, double[] AlphasRight, int TimePoints) : TargetData(Description, N, Eigenvalues, PhiSeed);

/// <summary><c>theorem4.json</c>: Theorem 4 with a Gaussian initialization shape.</summary>
/// <param name="Description">What the file is for.</param>
/// <param name="N">Size n of Y.</param>
/// <param name="Eigenvalues">σ_Y.</param>
/// <param name="PhiSeed">Seed of Φ.</param>
/// <param name="Widths">Widths r of Ū₀.</param>
/// <param name="ShapeSeed">Seed of the Gaussian shape Ū₀.</param>
/// <param name="Epsilon">Tolerance ε.</param>
/// <param name="SamplesPerWindow">Times sampled per window I_k when verifying.</param>
public sealed record Theorem4Data(string Description, int N, double[] Eigenvalues, int PhiSeed, int[] Widths, int ShapeSeed, double Epsilon,
    int SamplesPerWindow) : TargetData(Description, N, Eigenvalues, PhiSeed);

/// <summary><c>random-init.json</c>: Remark III-C1.</summary>
/// <param name="Description">What the file is for.</param>
/// <param name="N">Size n of Y.</param>
/// <param name="Eigenvalues">σ_Y.</param>
/// <param name="PhiSeed">Seed of Φ.</param>
/// <param name="Ratios">Width ratios r/n.</param>
/// <param name="Trials">Monte Carlo trials for the spectrum of W̄₀.</param>
/// <param name="VerifyTrials">Trials that verify Theorem 4's conclusion.</param>
/// <param name="Delta">Failure probability δ.</param>
/// <param name="Epsilon">Tolerance ε.</param>
/// <param name="Seed">Seed of the first trial.</param>
/// <param name="PracticalAlphas">The α tried in practice.</param>
public sealed record RandomInitData(string Description, int N, double[] Eigenvalues, int PhiSeed, int[] Ratios, int Trials, int VerifyTrials,
    double Delta, double Epsilon, int Seed, double[] PracticalAlphas) : TargetData(Description, N, Eigenvalues, PhiSeed);

/// <summary><c>beyond.json</c>: rank-deficient initialization, gradient descent vs flow, asymmetric factorization.</summary>
/// <param name="Description">What the file is for.</param>
/// <param name="N">Size n of Y.</param>
/// <param name="Eigenvalues">σ_Y.</param>
/// <param name="PhiSeed">Seed of Φ.</param>
/// <param name="RankDeficientWidth">Width r &lt; n of the rank-deficient Ū₀.</param>
/// <param name="ShapeSeed">Seed of Ū₀.</param>
/// <param name="Alpha">Scale α.</param>
/// <param name="Etas">Gradient-descent step sizes η.</param>
/// <param name="Asymmetric">The asymmetric factorization case of Section IV.</param>
public sealed record BeyondData(string Description, int N, double[] Eigenvalues, int PhiSeed, int RankDeficientWidth, int ShapeSeed, double Alpha,
    double[] Etas, AsymmetricData Asymmetric) : TargetData(Description, N, Eigenvalues, PhiSeed);

/// <summary>The asymmetric factorization case of <c>beyond.json</c> (Section IV, balanced initialization).</summary>
/// <param name="M">Rows m of Y.</param>
/// <param name="P">Columns p of Y.</param>
/// <param name="Width">Inner width r of U (m×r) and V (p×r).</param>
/// <param name="SingularValues">Non-zero singular values of Y.</param>
/// <param name="Seed">Seed of Y's singular vectors and of the initialization.</param>
/// <param name="Alpha">Scale α.</param>
public sealed record AsymmetricData(int M, int P, int Width, double[] SingularValues, int Seed, double Alpha);
