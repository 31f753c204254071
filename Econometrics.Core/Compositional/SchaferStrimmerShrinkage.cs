using Econometrics.Inference;
using Econometrics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Compositional;

/// <summary>
/// Schafer and Strimmer (2005) / Opgen-Rhein and Strimmer (2007) shrinkage covariance, as in corpcor's
/// <c>cov.shrink</c>: correlations shrunk towards the identity with intensity lambda, variances shrunk towards their
/// median with intensity lambda.var, both estimated in closed form unless fixed here.
/// </summary>
/// <remarks>
/// The correlation matrix is one SYRK; the intensity needs only row sums of squared standardised data and the
/// Frobenius norm of the correlation matrix, so the whole estimate costs one BLAS-3 call plus O(n p) work.
/// </remarks>
public sealed record SchaferStrimmerShrinkage
{
    /// <summary>A fixed correlation-shrinkage intensity in [0, 1]; null estimates it (corpcor's <c>estimate.lambda</c>).</summary>
    public double? Lambda { get; init; }

    /// <summary>A fixed variance-shrinkage intensity in [0, 1]; null estimates it (corpcor's <c>estimate.lambda.var</c>).</summary>
    public double? LambdaVar { get; init; }

    /// <summary>The linear-algebra backend (null: <see cref="LinearAlgebraBackends.Default"/>, chosen once per process).</summary>
    public ILinearAlgebra? Backend { get; init; }

    /// <summary>Shrinks the covariance of the columns of <paramref name="y"/> (rows = observations).</summary>
    /// <param name="y">Data, <c>n x p</c>, n &gt;= 3.</param>
    /// <param name="columnNames">Names used in error messages; null gives 1-based column numbers.</param>
    /// <exception cref="ArgumentException">Too few rows, a non-finite value, a constant column, or an intensity outside [0, 1].</exception>
    public ShrunkCovariance Estimate(Matrix<double> y, IReadOnlyList<string>? columnNames = null) =>
        Estimate(y, Backend ?? LinearAlgebraBackends.Default, columnNames);

    internal ShrunkCovariance Estimate(Matrix<double> y, ILinearAlgebra la, IReadOnlyList<string>? columnNames = null) =>
        FromFactors(Factor(y, la, columnNames), la);

    /// <summary>The p x p shrunk covariance and correlation, and the sample covariance, from a factorisation (whose Gram it reuses
    /// as scratch when that is the p x p side).</summary>
    internal static ShrunkCovariance FromFactors(ShrinkageFactors f, ILinearAlgebra la)
    {
        int n = f.Rows, p = f.Columns;
        double lambda = f.Lambda;
        // The p x p correlations: the Gram of the factorisation when it is that side, else one SYRK.
        var r = f.GramIsColumns ? f.Gram : new double[p * p];
        if (!f.GramIsColumns) la.Syrk(true, p, n, 1.0, f.Standardized, 0.0, r);
        double scale = 1.0 / (n - 1);
        var v = f.SampleVariances;
        var sdStar = f.ShrunkVariances.Select(Math.Sqrt).ToArray();
        var cov = new double[p * p];
        var cor = new double[p * p];
        for (int j = 0; j < p; j++)
            for (int i = 0; i < p; i++)
            {
                double rij = i == j ? 1.0 : (1 - lambda) * r[j * p + i] * scale;
                cor[j * p + i] = rij;
                cov[j * p + i] = rij * sdStar[i] * sdStar[j];
            }
        var build = Matrix<double>.Build;
        // The unshrunk sample covariance comes for free from R and v; callers that also need it avoid a second SYRK.
        for (int j = 0; j < p; j++)
        {
            double sj = Math.Sqrt(v[j]);
            for (int i = 0; i < p; i++) r[j * p + i] = i == j ? v[j] : r[j * p + i] * scale * Math.Sqrt(v[i]) * sj;
        }
        return new ShrunkCovariance(build.Dense(p, p, cov), build.Dense(p, p, cor), Vector<double>.Build.Dense(f.ShrunkVariances), lambda, f.LambdaVar)
        { SampleCovariance = build.Dense(p, p, r), Standardized = f.Standardized, Rows = n };
    }

    /// <summary>
    /// The shrinkage estimate without any p x p matrix: the standardised data, the sample and shrunk variances and the
    /// intensities. lambda needs sum_{k != l} r_kl^2 = (||Z'Z||_F^2 - sum_k (z_k'z_k)^2) / (n - 1)^2, and ||Z'Z||_F =
    /// ||Z Z'||_F, so the Gram is formed on the smaller side (n x n when n &lt; p) and kept for the caller.
    /// </summary>
    internal ShrinkageFactors Factor(Matrix<double> y, ILinearAlgebra la, IReadOnlyList<string>? columnNames = null)
    {
        ArgumentNullException.ThrowIfNull(y);
        return Factor(y.ToColumnMajorArray(), y.RowCount, y.ColumnCount, la, columnNames);
    }

    /// <summary>As <see cref="Factor(Matrix{double}, ILinearAlgebra, IReadOnlyList{string}?)"/> on a column-major n x p array that it
    /// takes over (it becomes the standardised data).</summary>
    internal ShrinkageFactors Factor(double[] a, int n, int p, ILinearAlgebra la, IReadOnlyList<string>? columnNames = null)
    {
        CheckIntensity(Lambda, nameof(Lambda));
        CheckIntensity(LambdaVar, nameof(LambdaVar));
        if (n < 3) throw new ArgumentException($"Shrinkage needs at least 3 observations; got {n}.", "y");
        string Name(int j) => columnNames is not null && j < columnNames.Count ? $"'{columnNames[j]}'" : $"{j + 1}";

        // Per column: check, centre, the variance (n - 1) and the moments of lambda.var, then standardise in place.
        // Columns are independent, so the pass runs in parallel; sums across columns stay serial, in column order.
        var v = new double[p];
        var q1 = new double[p];
        var q2 = new double[p];
        var nonFinite = new int[p];
        LogRatioPrecision.ColumnsInParallel(p, n, j =>
        {
            int o = j * n;
            nonFinite[j] = Array.FindIndex(a, o, n, x => !double.IsFinite(x));
            if (nonFinite[j] >= 0) return;
            LogRatio.CentreColumn(a, o, n);
            double s2 = 0, s4 = 0;
            for (int i = 0; i < n; i++) { double e = a[o + i] * a[o + i]; s2 += e; s4 += e * e; }
            v[j] = s2 / (n - 1);
            q1[j] = s2 / n;
            q2[j] = s4 / n - q1[j] * q1[j];
            if (!(v[j] > 0)) return;
            double sd = Math.Sqrt(v[j]);
            for (int i = 0; i < n; i++) a[o + i] /= sd;
        });
        if (Array.FindIndex(nonFinite, k => k >= 0) is var bad and >= 0)
            throw new ArgumentException($"Column {Name(bad)} has a non-finite value in row {nonFinite[bad] - bad * n + 1}.", "y");
        if (Array.FindIndex(v, x => !(x > 0)) is var constant and >= 0)
            throw new ArgumentException($"Column {Name(constant)} is constant; its correlations are undefined.", "y");
        double sumQ2 = 0;
        foreach (var q in q2) sumQ2 += q;

        bool columns = p <= n;
        int g = columns ? p : n;
        var gram = new double[g * g];
        la.Syrk(columns, g, columns ? n : p, 1.0, a, 0.0, gram);
        double lambda = Lambda ?? EstimateLambda(a, gram, n, p);
        double median = SampleStatistics.Median(v);
        double lambdaVar = LambdaVar ?? EstimateLambdaVar(q1, sumQ2, median, n);
        var shrunk = new double[p];
        for (int j = 0; j < p; j++) shrunk[j] = lambdaVar * median + (1 - lambdaVar) * v[j];
        return new ShrinkageFactors(a, n, p, v, shrunk, lambda, lambdaVar, gram, columns);
    }

    // lambda* = sum_{k != l} sum_i (w_kli - wbar_kl)^2 / (n (n-1) sum_{k != l} wbar_kl^2), with w_kli = z_ik z_il.
    // sum_i w_kli^2 summed over k != l equals sum_i [(sum_k z_ik^2)^2 - sum_k z_ik^4], so no p x p x n array is needed;
    // sum_{k != l} r_kl^2 comes from the Gram of either side (the same Frobenius norm) less its p diagonal terms.
    private static double EstimateLambda(double[] z, double[] gram, int n, int p)
    {
        var rowSq = new double[n];
        double sumZ4 = 0, diagonal = 0;
        for (int j = 0; j < p; j++)
        {
            double colSq = 0;
            for (int i = 0; i < n; i++) { double e = z[j * n + i] * z[j * n + i]; rowSq[i] += e; sumZ4 += e * e; colSq += e; }
            diagonal += colSq * colSq;
        }
        double sumW2 = 0;
        foreach (var s in rowSq) sumW2 += s * s;
        sumW2 -= sumZ4;
        double frobenius = 0;
        foreach (var x in gram) frobenius += x * x;
        double sumR2 = Math.Max(0.0, frobenius - diagonal) / ((n - 1.0) * (n - 1.0));
        double f = (n - 1.0) / n;
        double sumWbar2 = f * f * sumR2;
        if (sumWbar2 == 0) return 1.0;
        double numerator = sumW2 - n * sumWbar2;
        return Math.Clamp(numerator / (n * (n - 1.0) * sumWbar2), 0.0, 1.0);
    }

    private static double EstimateLambdaVar(double[] q1, double sumQ2, double median, int n)
    {
        double target = median * (n - 1.0) / n, denom = 0;
        foreach (var q in q1) denom += (q - target) * (q - target);
        if (denom == 0) return 1.0;
        return Math.Clamp(sumQ2 / ((n - 1.0) * denom), 0.0, 1.0);
    }


    private static void CheckIntensity(double? x, string name)
    {
        if (x is { } v && !(v >= 0 && v <= 1)) throw new ArgumentOutOfRangeException(name, v, "A shrinkage intensity must lie in [0, 1].");
    }
}
