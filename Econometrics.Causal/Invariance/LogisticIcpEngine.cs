using Econometrics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Causal.Invariance;

/// <summary>
/// Set p-values for ICP with a two-class target (Peters, Buhlmann and Meinshausen 2016, section 4; R's
/// <c>InvariantCausalPrediction</c> 0.8): a pooled logistic regression of y on [1, X_S], then for each environment a
/// Welch two-sample t-test of the response residuals <c>y - p-hat</c> inside it against those outside it; the set's
/// p-value is the smallest one times K - 1 (at most 1).
/// </summary>
/// <remarks>
/// The logistic fit is R's <c>glm.fit</c> step by step with the package's control (at most 10 IRLS iterations,
/// convergence when <c>|dev - dev_old| / (|dev| + 0.1) &lt; 1e-6</c>), from <c>mu = (y + 0.5) / 2</c> and with R's
/// clamping of the logit at |eta| = 30, so that the p-values equal the package's even when 10 iterations do not reach
/// the maximum likelihood. Standard errors are those of R's <c>summary.glm</c>: from the weights of the last
/// iteration.
/// </remarks>
internal sealed class LogisticIcpEngine : IIcpSetTest
{
    private const int MaxIterations = 10;
    private const double Epsilon = 1e-6;
    private const double Threshold = 30;
    private const double MachineEpsilon = 2.220446049250313e-16;

    private readonly double[][] _x;
    private readonly double[] _y;
    private readonly Environments _grouping;
    private int _notConverged;

    public LogisticIcpEngine(Matrix<double> x, double[] y01, Environments grouping)
    {
        _x = Enumerable.Range(0, x.ColumnCount).Select(j => x.Column(j).ToArray()).ToArray();
        _y = y01; _grouping = grouping;
    }

    /// <summary>Number of set fits that stopped at 10 iterations without meeting the convergence rule.</summary>
    public int NotConverged => Volatile.Read(ref _notConverged);

    public double PValue(int[] cols, IcpTest test)
    {
        var fit = Fit(cols);
        if (fit is null) return double.NaN;
        int n = _y.Length, k = _grouping.K;
        var r = new double[n];
        for (int i = 0; i < n; i++) r[i] = _y[i] - fit.Value.Mu[i];
        double sAll = 0;
        foreach (var v in r) sAll += v;
        double best = double.PositiveInfinity;
        for (int e = 0; e < k; e++)
        {
            int start = _grouping.Start(e), n1 = _grouping.Count(e), n2 = n - n1;
            double s1 = 0;
            for (int i = start; i < start + n1; i++) s1 += r[i];
            double m1 = s1 / n1, m2 = (sAll - s1) / n2, v1 = 0, v2 = 0;
            // Two-pass variances: residual means are near 0, but the classes can be unbalanced.
            for (int i = 0; i < n; i++)
            {
                bool inside = i >= start && i < start + n1;
                double d = r[i] - (inside ? m1 : m2);
                if (inside) v1 += d * d; else v2 += d * d;
            }
            best = Math.Min(best, ResidualTests.WelchPValue(m1, v1 / (n1 - 1), n1, m2, v2 / (n2 - 1), n2));
        }
        return Math.Min(1.0, best * (k - 1));
    }

    public (double[] Coefficients, double[] StdErrors) Coefficients(int[] cols)
    {
        var fit = Fit(cols) ?? throw new InvalidOperationException("The logistic design is singular.");
        return (fit.Beta[1..], fit.StdErrors[1..]);
    }

    private static double LinkInverse(double eta)
    {
        // R's logit inverse (family.c): exp(eta) clamped to [DBL_EPSILON, 1 / DBL_EPSILON] outside |eta| <= 30.
        double t = eta < -Threshold ? MachineEpsilon : eta > Threshold ? 1 / MachineEpsilon : Math.Exp(eta);
        return t / (1 + t);
    }

    private static double MuEta(double eta)
    {
        double opexp = 1 + Math.Exp(eta);
        return eta > Threshold || eta < -Threshold ? MachineEpsilon : Math.Exp(eta) / (opexp * opexp);
    }

    private static double Deviance(double[] y, double[] mu)
    {
        double dev = 0;
        for (int i = 0; i < y.Length; i++)
            dev += 2 * ((y[i] != 0 ? y[i] * Math.Log(y[i] / mu[i]) : 0) + (1 - y[i] != 0 ? (1 - y[i]) * Math.Log((1 - y[i]) / (1 - mu[i])) : 0));
        return dev;
    }

    private readonly record struct LogisticFit(double[] Beta, double[] StdErrors, double[] Mu);

    private LogisticFit? Fit(int[] cols)
    {
        int n = _y.Length, q = cols.Length + 1;
        double Design(int i, int c) => c == 0 ? 1.0 : _x[cols[c - 1]][i];
        var mu = new double[n];
        var eta = new double[n];
        for (int i = 0; i < n; i++)
        {
            double m = (_y[i] + 0.5) / 2;
            eta[i] = Math.Log(m / (1 - m));
            mu[i] = LinkInverse(eta[i]);
        }
        double devOld = Deviance(_y, mu);
        var beta = new double[q];
        var gram = new double[q * q];
        bool converged = false;
        for (int iter = 0; iter < MaxIterations; iter++)
        {
            // Weighted least squares of the working response z on X with weights w^2 = mu.eta^2 / var(mu).
            Array.Clear(gram);
            var rhs = new double[q];
            for (int i = 0; i < n; i++)
            {
                double me = MuEta(eta[i]);
                double z = eta[i] + (_y[i] - mu[i]) / me;
                double w2 = me * me / (mu[i] * (1 - mu[i]));
                for (int a = 0; a < q; a++)
                {
                    double xa = Design(i, a) * w2;
                    rhs[a] += xa * z;
                    for (int b = 0; b <= a; b++) gram[a * q + b] += xa * Design(i, b);
                }
            }
            for (int a = 0; a < q; a++) for (int b = a + 1; b < q; b++) gram[a * q + b] = gram[b * q + a];
            var l = (double[])gram.Clone();
            if (!SmallDense.Cholesky(l, q)) return null;
            SmallDense.Solve(l, q, rhs);
            beta = rhs;
            for (int i = 0; i < n; i++)
            {
                double e = 0;
                for (int a = 0; a < q; a++) e += Design(i, a) * beta[a];
                eta[i] = e;
                mu[i] = LinkInverse(e);
            }
            double dev = Deviance(_y, mu);
            if (Math.Abs(dev - devOld) / (Math.Abs(dev) + 0.1) < Epsilon) { converged = true; break; }
            devOld = dev;
        }
        if (!converged) Interlocked.Increment(ref _notConverged);
        var inv = new double[q];
        var chol = (double[])gram.Clone();
        if (!SmallDense.Cholesky(chol, q)) return null;
        SmallDense.InverseDiagonal(chol, q, inv);
        return new LogisticFit(beta, inv.Select(Math.Sqrt).ToArray(), mu);
    }
}
