using MathNet.Numerics.LinearAlgebra;

namespace IncLearn;

/// <summary>
/// The eigenvalues of a symmetric matrix as real numbers, largest first. Notebooks call this rather than MathNet's
/// <c>Evd(Symmetricity.Symmetric).EigenValues</c>, whose entries are System.Numerics.Complex: MathNet.Numerics 5.0.0 is built
/// against System.Runtime.Numerics 6.0.0.0, so a notebook cell that binds Complex through it makes the kernel's compiler unify
/// that reference with the runtime's 10.0.0.0 and print warning CS1701 (Jupyter shows it as stderr under the cell).
/// </summary>
public static class Spectrum
{
    /// <summary>λ₁ ≥ … ≥ λ_n of the symmetric matrix <paramref name="a"/> (its lower triangle is read).</summary>
    /// <exception cref="ArgumentException"><paramref name="a"/> is not square.</exception>
    public static double[] SymmetricEigenvalues(Matrix<double> a)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.RowCount != a.ColumnCount)
            throw new ArgumentException($"the matrix must be square: it is {a.RowCount}×{a.ColumnCount}", nameof(a));
        var values = NativeLapack.SymmetricEigen(a).Values;
        Array.Sort(values);
        Array.Reverse(values);
        return values;
    }
}
