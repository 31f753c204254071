namespace Econometrics.Panel.Estimators;

/// <summary>The model's data as T x N column-major arrays, NaN wherever a cell is not used.</summary>
internal sealed record RegressionData(PanelFormula Formula, double[] Y, double[][] X, bool[] Used, int T, int N, int NObs,
    IReadOnlyList<string> Entities, IReadOnlyList<string> Times)
{
    public int K => X.Length;

    /// <summary>Rows of unit i that are used.</summary>
    public int[] Rows(int i) => Enumerable.Range(0, T).Where(s => Used[s + i * T]).ToArray();

    public bool Balanced => NObs == T * N;

    /// <summary>The residual y - sum_p b_p x_p at used cells, NaN elsewhere, for slopes common to every unit.</summary>
    public double[] Partial(double[] slopes)
    {
        // Unused cells are NaN in Y and every X, so whole columns can be combined without a mask.
        var r = (double[])Y.Clone();
        for (int p = 0; p < K; p++)
        {
            double b = slopes[p];
            var x = X[p];
            for (int c = 0; c < r.Length; c++) r[c] -= b * x[c];
        }
        return r;
    }

    /// <summary>The residual y - sum_p b_p x_p at used cells, NaN elsewhere.</summary>
    public double[] Partial(Func<int, int, double> coefficient)
    {
        var r = new double[T * N];
        for (int i = 0; i < N; i++)
            for (int s = 0; s < T; s++)
            {
                int c = s + i * T;
                if (!Used[c]) { r[c] = double.NaN; continue; }
                double v = Y[c];
                for (int p = 0; p < K; p++) v -= coefficient(i, p) * X[p][c];
                r[c] = v;
            }
        return r;
    }
}
