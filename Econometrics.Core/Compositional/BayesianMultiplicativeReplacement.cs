using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Compositional;

/// <summary>
/// Bayesian-multiplicative replacement of count zeros (Martin-Fernandez, Hron, Templ, Filzmoser and Palarea-Albaladejo
/// 2015), as zCompositions' <c>cmultRepl</c>: a zero in row i, part j becomes the posterior share
/// <c>t_ij s_i / (n_i + s_i)</c>, where <c>t_ij</c> is part j's share of the counts in the other rows and
/// <c>s_i</c> the prior strength; the non-zero shares are then scaled by one minus the replaced total, so their
/// ratios are kept.
/// </summary>
/// <remarks>
/// Unlike <c>cmultRepl</c>, which by default deletes parts or samples with more than 80% zeros, nothing is dropped
/// silently: such parts get a warning diagnostic, and a part that is zero in every other sample is an error.
/// </remarks>
public sealed record BayesianMultiplicativeReplacement : ZeroReplacement
{
    /// <summary>The prior; GBM by default, as in zCompositions.</summary>
    public BayesianPrior Prior { get; init; } = BayesianPrior.GeometricBayesian;

    /// <summary>Fraction used by CZM and by the adjustment (zCompositions' <c>frac</c>, 0.65).</summary>
    public double Frac { get; init; } = 0.65;

    /// <summary>CZM's threshold in counts (zCompositions' <c>threshold</c>, 0.5).</summary>
    public double Threshold { get; init; } = 0.5;

    /// <summary>Whether a replacement above its part's smallest observed share is set to <c>Frac</c> times that share (zCompositions' <c>adjust</c>,
    /// true).</summary>
    public bool Adjust { get; init; } = true;

    /// <summary>Proportions (default) or pseudo-counts.</summary>
    public ReplacementOutput Output { get; init; } = ReplacementOutput.Proportions;

    /// <inheritdoc/>
    public override string Name => $"Bayesian-multiplicative ({Code})";

    private string Code => Prior switch
    {
        BayesianPrior.GeometricBayesian => "GBM",
        BayesianPrior.SquareRoot => "SQ",
        BayesianPrior.BayesLaplace => "BL",
        _ => "CZM",
    };

    internal override (Matrix<double> Values, IReadOnlyList<Diagnostic> Diagnostics) Replace(Matrix<double> x, IReadOnlyList<string> parts)
    {
        if (!(Frac > 0 && Frac < 1)) throw new ArgumentOutOfRangeException(nameof(Frac), Frac, "Frac must lie in (0, 1).");
        if (!(Threshold > 0)) throw new ArgumentOutOfRangeException(nameof(Threshold), Threshold, "Threshold must be positive.");
        var diagnostics = Describe(x, parts, $"Bayesian-multiplicative replacement ({Code})");
        int rows = x.RowCount, d = x.ColumnCount;
        var n = Enumerable.Range(0, rows).Select(i => x.Row(i).Sum()).ToArray();
        var repl = Replacements(x, n, parts);

        var p = Matrix<double>.Build.Dense(rows, d, (i, j) => x[i, j] / n[i]);
        var colMin = Enumerable.Range(0, d).Select(j => Enumerable.Range(0, rows).Where(i => x[i, j] > 0).Min(i => p[i, j])).ToArray();
        int adjusted = 0;
        for (int i = 0; i < rows; i++)
        {
            double replaced = 0;
            for (int j = 0; j < d; j++)
            {
                if (x[i, j] != 0) continue;
                double r = repl[i, j];
                if (Adjust && r > colMin[j]) { r = Frac * colMin[j]; adjusted++; }
                p[i, j] = r;
                replaced += r;
            }
            if (replaced == 0) continue;
            for (int j = 0; j < d; j++) if (x[i, j] != 0) p[i, j] *= 1 - replaced;
        }
        if (adjusted > 0)
            diagnostics.Add(Diagnostic.Info($"{adjusted} replacement{(adjusted == 1 ? " was" : "s were")} above the part's smallest observed share " +
                $"and set to {Frac} times it.", "replacements-adjusted"));
        if (Output == ReplacementOutput.Proportions) return (p, diagnostics);

        // p-counts: keep the observed counts, put the zeros on the scale of the row's first non-zero part.
        var c = Matrix<double>.Build.DenseOfMatrix(x);
        for (int i = 0; i < rows; i++)
        {
            int pos = Enumerable.Range(0, d).First(j => x[i, j] != 0);
            for (int j = 0; j < d; j++)
                if (x[i, j] == 0) c[i, j] = x[i, pos] / p[i, pos] * p[i, j];
        }
        return (c, diagnostics);
    }

    private Matrix<double> Replacements(Matrix<double> x, double[] n, IReadOnlyList<string> parts)
    {
        int rows = x.RowCount, d = x.ColumnCount;
        if (Prior == BayesianPrior.CountZeroMultiplicative)
            return Matrix<double>.Build.Dense(rows, d, (i, _) => Frac * Threshold / n[i]);
        var colSum = Enumerable.Range(0, d).Select(j => x.Column(j).Sum()).ToArray();
        var repl = Matrix<double>.Build.Dense(rows, d);
        for (int i = 0; i < rows; i++)
        {
            // Leave-one-out column shares t_ij: the information about part j from every other sample.
            var alpha = Enumerable.Range(0, d).Select(j => colSum[j] - x[i, j]).ToArray();
            double total = alpha.Sum();
            if (alpha.Any(a => a <= 0))
                throw new ArgumentException($"Part '{parts[Array.FindIndex(alpha, a => a <= 0)]}' is 0 in every sample other than row {i + 1}; the " +
                    $"Bayesian prior for row {i + 1} is undefined. Drop the part or use multiplicative replacement.", "values");
            var t = alpha.Select(a => a / total).ToArray();
            double s = Prior switch
            {
                BayesianPrior.GeometricBayesian => 1.0 / Math.Exp(t.Average(Math.Log)),
                BayesianPrior.SquareRoot => Math.Sqrt(n[i]),
                _ => d,
            };
            for (int j = 0; j < d; j++) repl[i, j] = t[j] * s / (n[i] + s);
        }
        return repl;
    }
}
