namespace Econometrics.Mixtures;

/// <summary>
/// Per-person scores ∂ℓ_i/∂ϑ of the mixture (N x n, row-major, in the packed order with the curve parameters), the
/// pieces of the outer-product matrix of the sandwich (Huber-White, Mplus MLR) and of the Vuong-Lo-Mendell-Rubin
/// test. Central differences of each person's log-likelihood: one code path for every curve, knots included (with the
/// knot step of <see cref="ObservedInformation.GammaStep"/>, as in the observed information).
/// </summary>
internal static class CasewiseScores
{
    /// <summary>The N x n scores, or null when a step leaves the admissible parameter space.</summary>
    public static double[]? Compute(MixtureLikelihood lik, ParameterSet ps, KnotBounds bounds)
    {
        var x = ps.Pack(true);
        int n = x.Length, N = lik.Data.N;
        var gamma = new HashSet<int>(ps.KnotIndices());
        var scores = new double[N * n];
        var work = ps.Clone();
        var plus = new double[N]; var minus = new double[N];
        var xs = (double[])x.Clone();
        for (int j = 0; j < n; j++)
        {
            double h = gamma.Contains(j) ? ObservedInformation.GammaStep(lik.Shape, bounds, x[j]) : 1e-5 * Math.Max(Math.Abs(x[j]), 1);
            xs[j] = x[j] + h; work.Unpack(xs, true);
            if (!double.IsFinite(lik.Evaluate(work, plus))) return null;
            xs[j] = x[j] - h; work.Unpack(xs, true);
            if (!double.IsFinite(lik.Evaluate(work, minus))) return null;
            xs[j] = x[j];
            for (int i = 0; i < N; i++) scores[i * n + j] = (plus[i] - minus[i]) / (2 * h);
        }
        return scores;
    }
}
