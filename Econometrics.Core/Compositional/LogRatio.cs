using Econometrics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Compositional;

/// <summary>Log-ratio transforms and the column covariance they feed, over Math.NET matrices (column-major storage).</summary>
internal static class LogRatio
{
    /// <summary>Natural logarithm of every entry.</summary>
    public static Matrix<double> Log(Matrix<double> x) => x.Map(Math.Log);

    /// <summary>
    /// Log-proportions <c>log(x_ij / sum_k x_ik)</c> as a new column-major array, without forming the closed composition:
    /// one pass for the row sums and one, over columns in parallel, for the logs. The proportion is rounded before its
    /// log, exactly as in <c>log(Closure())</c> and R's <c>log(X / rowSums(X))</c>.
    /// </summary>
    public static double[] LogProportions(Matrix<double> x)
    {
        int n = x.RowCount, d = x.ColumnCount;
        var a = x.AsColumnMajorArray() ?? x.ToColumnMajorArray();
        var total = RowSums(a, n);
        var y = GC.AllocateUninitializedArray<double>(n * d);   // every element is written below
        LogRatioPrecision.ColumnsInParallel(d, n, j =>
        {
            for (int i = 0, o = j * n; i < n; i++) y[o + i] = Math.Log(a[o + i] / total[i]);
        });
        return y;
    }

    /// <summary>Row sums of a column-major matrix with n rows, accumulated in storage order; each row still sums its
    /// entries left to right, as a row-wise loop would.</summary>
    private static double[] RowSums(double[] a, int n)
    {
        var s = new double[n];
        for (int o = 0; o < a.Length; o += n)
            for (int i = 0; i < n; i++) s[i] += a[o + i];
        return s;
    }

    /// <summary>clr: the log of each part minus the row mean of the logs.</summary>
    public static Matrix<double> Clr(Matrix<double> x)
    {
        var l = Log(x);
        int n = l.RowCount, d = l.ColumnCount;
        var a = l.AsColumnMajorArray();
        var mean = RowSums(a, n);
        for (int i = 0; i < n; i++) mean[i] /= d;
        for (int o = 0; o < a.Length; o += n)
            for (int i = 0; i < n; i++) a[o + i] -= mean[i];
        return l;
    }

    /// <summary>alr with reference column <paramref name="r"/>: <c>log(x_k / x_r)</c>, k != r, in column order.</summary>
    public static Matrix<double> Alr(Matrix<double> x, int r)
    {
        var y = Matrix<double>.Build.Dense(x.RowCount, x.ColumnCount - 1);
        for (int i = 0; i < x.RowCount; i++)
        {
            double lr = Math.Log(x[i, r]);
            for (int k = 0, c = 0; k < x.ColumnCount; k++)
                if (k != r) y[i, c++] = Math.Log(x[i, k]) - lr;
        }
        return y;
    }

    /// <summary>
    /// The D x (D-1) orthonormal basis V of pivot coordinates: ilr = clr V and clr = ilr V'. Column k (0-based) has
    /// <c>sqrt((D-k-1)/(D-k))</c> at row k and <c>-1/sqrt((D-k)(D-k-1))</c> below it (robCompositions' pivotCoord).
    /// </summary>
    public static Matrix<double> PivotBasis(int d)
    {
        var v = Matrix<double>.Build.Dense(d, d - 1);
        for (int k = 0; k < d - 1; k++)
        {
            double m = d - k - 1; // number of parts after the pivot
            v[k, k] = Math.Sqrt(m / (m + 1));
            for (int i = k + 1; i < d; i++) v[i, k] = -1.0 / Math.Sqrt(m * (m + 1));
        }
        return v;
    }

    /// <summary>Row-wise exp closed to 1 (the inverse of clr, and of alr after a zero column is inserted).</summary>
    public static Matrix<double> ClosedExp(Matrix<double> l)
    {
        var y = Matrix<double>.Build.Dense(l.RowCount, l.ColumnCount);
        for (int i = 0; i < l.RowCount; i++)
        {
            double max = l.Row(i).Maximum(), s = 0;
            for (int j = 0; j < l.ColumnCount; j++) s += y[i, j] = Math.Exp(l[i, j] - max);  // shift avoids overflow
            for (int j = 0; j < l.ColumnCount; j++) y[i, j] /= s;
        }
        return y;
    }

    /// <summary>Subtracts each column's mean in place (two-pass, for accuracy) and returns the means.</summary>
    public static double[] CentreColumns(Matrix<double> y)
    {
        var means = new double[y.ColumnCount];
        var a = y.AsColumnMajorArray() ?? throw new InvalidOperationException("Dense storage expected.");
        for (int j = 0; j < y.ColumnCount; j++) means[j] = CentreColumn(a, j * y.RowCount, y.RowCount);
        return means;
    }

    /// <summary>Subtracts the mean of <c>a[offset .. offset + n)</c> in place and returns it; the second pass corrects
    /// the mean by the residuals' sum (Chan, Golub and LeVeque's corrected two-pass algorithm).</summary>
    public static double CentreColumn(double[] a, int offset, int n)
    {
        double m = 0;
        for (int i = 0; i < n; i++) m += a[offset + i];
        m /= n;
        double corr = 0;
        for (int i = 0; i < n; i++) corr += a[offset + i] - m;
        m += corr / n;
        for (int i = 0; i < n; i++) a[offset + i] -= m;
        return m;
    }

    /// <summary>Sample covariance of the columns (denominator n - 1) by one SYRK on the centred data.</summary>
    public static Matrix<double> Covariance(Matrix<double> y, ILinearAlgebra la)
    {
        if (y.RowCount < 2) throw new ArgumentException("A covariance needs at least 2 samples.", nameof(y));
        var c = Matrix<double>.Build.DenseOfMatrix(y);
        CentreColumns(c);
        int p = c.ColumnCount;
        var s = new double[p * p];
        la.Syrk(true, p, c.RowCount, 1.0 / (c.RowCount - 1), c.AsColumnMajorArray(), 0.0, s);
        return Matrix<double>.Build.Dense(p, p, s);
    }
}
