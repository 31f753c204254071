using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Causal.Invariance;

/// <summary>
/// Invariant causal prediction with hidden confounders under shift interventions: R's
/// <c>InvariantCausalPrediction::hiddenICP</c> (version 0.8), the inner-product invariance of Rothenhausler,
/// Buhlmann and Meinshausen (2019, Annals of Statistics 47:1688-1722, "Causal Dantzig").
/// </summary>
/// <remarks>
/// <para>If the environments act on the predictors only through additive shifts, the causal coefficients b solve
/// <c>DS b = D rho</c> with <c>DS = X_in'X_in/n_in - X_out'X_out/n_out</c> and <c>D rho = X_in'y_in/n_in - X_out'y_out/n_out</c>
/// for each environment against the rest, even with hidden variables confounding X and y. Each contrast gives
/// <c>b_k = DS^-1 D rho</c> with the delta-method standard error from
/// <c>Z_i = DS^-1 x_i (y_i - x_i' DS^-1 D rho)</c>: <c>sigma = sqrt(var(Z_in)/n_in + var(Z_out)/n_out)</c>. With K &gt; 2
/// environments every one is contrasted with the rest; with K = 2 the single contrast.</para>
/// <para>P-values: the smallest over contrasts of <c>2K P(|t_{n-1}| &gt; |b_k| / sigma)</c> (at most 1). Intervals:
/// the intersection over contrasts of <c>b_k +- z_{1 - alpha/(2K)} sigma</c>. A predictor has a significant causal
/// effect when its maximin effect (the largest over contrasts of <c>sign(b_k) max(0, |b_k| - width)</c>) is non-zero.
/// Upper tails come from the t survival function, so p-values below R's <c>1 - pt()</c> resolution (about 1e-15)
/// are exact here where R prints 0.</para>
/// </remarks>
public sealed record HiddenInvariantCausalPrediction
{
    /// <summary>Significance level (R's default 0.1).</summary>
    public double Alpha { get; init; } = 0.1;

    /// <summary>Whether to add an intercept column (R's default false: the data are taken as centred by design).</summary>
    public bool Intercept { get; init; }

    /// <summary>Runs hiddenICP.</summary>
    /// <param name="data">At least two environments.</param>
    /// <exception cref="ArgumentException">A singular contrast DS (the environments do not shift every predictor's second moments).</exception>
    public HiddenIcpResult Fit(Environments data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!(Alpha > 0 && Alpha < 1)) throw new ArgumentOutOfRangeException(nameof(Alpha), Alpha, "Alpha must be in (0, 1).");
        int n = data.N, k = data.K, p0 = data.P, p = p0 + (Intercept ? 1 : 0);
        // Environments guarantees at least 3 observations per environment and more than P, so n > p as R requires.
        var x = Intercept ? Matrix<double>.Build.Dense(n, p, (i, j) => j == 0 ? 1.0 : data.X[i, j - 1]) : data.X;
        var y = Vector<double>.Build.DenseOfArray(data.Y);

        int contrasts = k > 2 ? k : 1;
        double width = Normal.InvCDF(0, 1, Math.Max(0.5, 1 - Alpha / (2 * k)));
        var betaSum = new double[p];
        var lower = Enumerable.Repeat(double.NegativeInfinity, p).ToArray();
        var upper = Enumerable.Repeat(double.PositiveInfinity, p).ToArray();
        var pValues = Enumerable.Repeat(1.0, p).ToArray();
        var maximin = new double[p];
        var conditions = new double[contrasts];
        for (int c = 0; c < contrasts; c++)
        {
            int start = data.Start(c), nIn = data.Count(c), nOut = n - nIn;
            var xin = x.SubMatrix(start, nIn, 0, p);
            var xout = Matrix<double>.Build.Dense(nOut, p, (i, j) => x[i < start ? i : i + nIn, j]);
            var yin = y.SubVector(start, nIn);
            var yout = Vector<double>.Build.Dense(nOut, i => y[i < start ? i : i + nIn]);
            var ds = xin.TransposeThisAndMultiply(xin) / nIn - xout.TransposeThisAndMultiply(xout) / nOut;
            var drho = xin.TransposeThisAndMultiply(yin) / nIn - xout.TransposeThisAndMultiply(yout) / nOut;
            var svd = ds.Svd(false);
            conditions[c] = svd.S[0] / svd.S[p - 1];
            if (!(conditions[c] < 1e12))
                throw new ArgumentException($"The second-moment contrast of environment '{data.Names[c]}' against the rest is singular " +
                    $"(condition number {conditions[c]:G3}): the environments must shift every predictor's second moments.", nameof(data));
            var dsi = ds.Inverse();
            var beta = dsi * drho;
            // Z_i = t_i (y_i - t_i' D rho) with t_i = DS^-1 x_i; only the column variances are needed.
            double[] Variances(Matrix<double> xs, Vector<double> ys)
            {
                var t = xs * dsi.Transpose();
                var fitted = t * drho;
                var v = new double[p];
                for (int j = 0; j < p; j++)
                {
                    int m = xs.RowCount;
                    double mean = 0;
                    for (int i = 0; i < m; i++) mean += t[i, j] * (ys[i] - fitted[i]);
                    mean /= m;
                    double ss = 0;
                    for (int i = 0; i < m; i++) { double z = t[i, j] * (ys[i] - fitted[i]) - mean; ss += z * z; }
                    v[j] = ss / (m - 1);
                }
                return v;
            }
            var vin = Variances(xin, yin);
            var vout = Variances(xout, yout);
            for (int j = 0; j < p; j++)
            {
                double sigma = Math.Sqrt(vin[j] / nIn + vout[j] / nOut);
                betaSum[j] += beta[j];
                double tstat = Math.Abs(beta[j]) / Math.Max(1e-10, sigma);
                pValues[j] = Math.Min(pValues[j], 2 * k * StudentT.CDF(0, 1, n - 1, -tstat));
                double add = width * sigma;
                lower[j] = Math.Max(lower[j], beta[j] - add);
                upper[j] = Math.Min(upper[j], beta[j] + add);
                double excess = Math.Abs(beta[j]) - add;
                double mm = excess > 0 ? Math.Sign(beta[j]) * excess : 0.0;   // never -0
                if (c == 0 || Math.Abs(mm) > Math.Abs(maximin[j])) maximin[j] = mm;
            }
        }
        var diagnostics = new List<Diagnostic>(data.Diagnostics);
        int from = Intercept ? 1 : 0;
        var lo = new double[p0]; var hi = new double[p0];
        var disjoint = new List<string>();
        for (int j = 0; j < p0; j++)
        {
            // The intersection of the per-contrast intervals can be empty; R then swaps the bounds (sorts them).
            double a = lower[j + from], b = upper[j + from];
            lo[j] = Math.Min(a, b); hi[j] = Math.Max(a, b);
            if (a > b) disjoint.Add(data.Predictors[j]);
        }
        if (disjoint.Count > 0)
            diagnostics.Add(Diagnostic.Warning($"The per-environment intervals of {string.Join(", ", disjoint)} do not overlap, so the shift-intervention " +
                "model looks violated for them; the reported bounds are the innermost pair, as in R.", "disjoint-intervals"));
        return new HiddenIcpResult(data.Predictors.ToArray(), Alpha, Intercept,
            betaSum.Skip(from).Select(v => v / contrasts).ToArray(), lo, hi, maximin.Skip(from).ToArray(), pValues.Skip(from).ToArray(),
            k, n, diagnostics);
    }
}
