using Econometrics.Inference;
using Econometrics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Sem.Fitting;

public sealed partial record SemEstimator
{
    // The stream tag of bootstrap replicates: replicate r draws from SplitMix64 stream (Seed, tag, r), so that its sample,
    // and hence every result, is the same on any number of threads and in any order.
    private const uint BootstrapStream = 0x424F4F54;

    /// <summary>The bootstrap draws: replicate estimates (null for failed replicates) and their summaries.</summary>
    private sealed record BootstrapDraws(double[]?[] Theta, int Successes)
    {
        public IEnumerable<double[]> Good => Theta.Where(t => t is not null)!;
    }

    // Refits the model to B case resamples of the data, starting each from the full-sample estimates (as lavaan); refit
    // replaces the complete-data ML replicate fit (full-information ML passes its own).
    private BootstrapDraws Bootstrap(RamModel model, ParameterFunctions functions, ConstraintSpace equalities, Matrix<double> raw, double[] start,
        IProgress<double>? progress, CancellationToken cancellationToken, Func<Matrix<double>, double[]?>? refit = null)
    {
        int n = raw.RowCount, p = raw.ColumnCount, b = BootstrapReplicates;
        var columns = raw.ToColumnMajorArray();
        var draws = new double[]?[b];
        int done = 0, every = Math.Max(1, b / 200);
        var po = new ParallelOptions { MaxDegreeOfParallelism = MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        Parallel.For(0, b, po, r =>
        {
            var rng = new Random(SplitMix64.ToSeed(SplitMix64.StreamKey((ulong)(uint)Seed, BootstrapStream, (uint)r)));
            var x = new double[n * p];
            for (int i = 0; i < n; i++)
            {
                int row = rng.Next(n);
                for (int v = 0; v < p; v++) x[i + v * n] = columns[row + v * n];
            }
            var resample = Matrix<double>.Build.Dense(n, p, x);
            draws[r] = refit is null ? Replicate(model, functions, equalities, resample, start) : refit(resample);
            int d = Interlocked.Increment(ref done);
            if (d % every == 0 || d == b) progress?.Report((double)d / b);
        });
        return new BootstrapDraws(draws, draws.Count(t => t is not null));
    }

    // One replicate fit; null when the resample's covariance is singular or the fit fails or does not converge (lavaan drops
    // those replicates too).
    private double[]? Replicate(RamModel model, ParameterFunctions functions, ConstraintSpace equalities, Matrix<double> x, double[] start)
    {
        int n = x.RowCount;
        var means = x.ColumnSums() / n;
        for (int v = 0; v < x.ColumnCount; v++)
        {
            double m = means[v];
            for (int i = 0; i < n; i++) x[i, v] -= m;
        }
        var sample = x.TransposeThisAndMultiply(x) / n;
        sample = (sample + sample.Transpose()) * 0.5;
        double logDetS;
        try { logDetS = SmallDense.LogDeterminant(sample.Cholesky().Factor); }
        catch (ArgumentException) { return null; }
        if (!double.IsFinite(logDetS)) return null;
        var mean = model.HasMeans ? means : null;
        var ml = new SemObjective(new MlObjective(new RamEvaluator(model, sample, mean), sample, logDetS, mean));
        try
        {
            var (state, _, converged, _, _) = Minimize(ml, functions, equalities, start);
            return converged ? state.Theta : null;
        }
        catch (InvalidOperationException) { return null; }
    }

    // Reports the failed replicates (why they fail depends on the estimator) and summarizes the successful ones; with
    // fewer than 2 successes there is no bootstrap covariance and the fit reports no standard errors.
    private (Matrix<double> Covariance, (double Lo, double Hi)[] Free, double[][] Defined)? SummarizeBootstrap(BootstrapDraws draws,
        ParameterFunctions functions, int q, string failureReason, List<Diagnostic> diagnostics)
    {
        if (draws.Successes < BootstrapReplicates)
            diagnostics.Add(Diagnostic.Warning($"{BootstrapReplicates - draws.Successes} of {BootstrapReplicates} bootstrap replicates failed " +
                $"({failureReason}) and were dropped.", "bootstrap-failures"));
        if (draws.Successes >= 2) return Summarize(draws, functions, q);
        diagnostics.Add(Diagnostic.Warning("Fewer than 2 bootstrap replicates succeeded: no standard errors.", "bootstrap-failures"));
        return null;
    }

    // The bootstrap covariance of the free parameters (divisor B - 1, as lavaan) and 95% percentile intervals (type-7
    // quantiles) of each free parameter and defined parameter.
    private static (Matrix<double> Covariance, (double Lo, double Hi)[] Free, double[][] Defined) Summarize(BootstrapDraws draws,
        ParameterFunctions functions, int q)
    {
        var good = draws.Good.ToArray();
        int b = good.Length;
        var t = Matrix<double>.Build.Dense(b, q, (r, a) => good[r][a]);
        var mean = t.ColumnSums() / b;
        for (int a = 0; a < q; a++)
            for (int r = 0; r < b; r++) t[r, a] -= mean[a];
        var cov = t.TransposeThisAndMultiply(t) / (b - 1);
        var free = new (double, double)[q];
        for (int a = 0; a < q; a++) free[a] = Percentile(good.Select(g => g[a]));
        var defined = functions.Defined.Select(d => good.Select(g => functions.Evaluate(d.Expression!, g).Value).ToArray()).ToArray();
        return (cov, free, defined);
    }

    private static (double, double) Percentile(IEnumerable<double> values)
    {
        var sorted = values.Where(double.IsFinite).OrderBy(v => v).ToArray();
        return sorted.Length == 0 ? (double.NaN, double.NaN) : (SampleStatistics.Quantile(sorted, 0.025), SampleStatistics.Quantile(sorted, 0.975));
    }

    private static double StandardDeviation(double[] values)
    {
        var finite = values.Where(double.IsFinite).ToArray();
        if (finite.Length < 2) return double.NaN;
        double m = finite.Average();
        return Math.Sqrt(finite.Sum(v => (v - m) * (v - m)) / (finite.Length - 1));
    }
}
