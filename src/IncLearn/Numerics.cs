namespace IncLearn;

/// <summary>Small numerical helpers the closed forms share.</summary>
public static class Numerics
{
    /// <summary>e^x − 1 with full relative accuracy for small |x| (System.Math has no expm1).
    /// Kahan's trick: (u − 1)·x / log u with u = e^x cancels the rounding error of u.</summary>
    public static double Expm1(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        double u = Math.Exp(x);
        if (u == 1.0) return x;
        double um1 = u - 1.0;
        if (um1 == -1.0) return -1.0;
        if (double.IsPositiveInfinity(u)) return u;
        return um1 * x / Math.Log(u);
    }

    /// <summary>log(e^a + e^b) without overflow.</summary>
    public static double LogAddExp(double a, double b)
    {
        double m = Math.Max(a, b);
        if (double.IsNegativeInfinity(m)) return m;
        return m + Math.Log(Math.Exp(a - m) + Math.Exp(b - m));
    }

    /// <summary>Spectral norm ‖A‖₂ of a symmetric matrix: the largest |eigenvalue|.</summary>
    public static double SymmetricSpectralNorm(MathNet.Numerics.LinearAlgebra.Matrix<double> a)
    {
        var sym = (a + a.Transpose()) * 0.5;
        var evd = sym.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric);
        return evd.EigenValues.Select(c => Math.Abs(c.Real)).Max();
    }
}
