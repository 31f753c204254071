using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Compositional;

/// <summary>
/// A method that replaces zeros so that log-ratios exist: <see cref="MultiplicativeReplacement"/> or
/// <see cref="BayesianMultiplicativeReplacement"/>. Pass one to <see cref="Composition.From(Matrix{double}, IReadOnlyList{string}?, ZeroReplacement?)"/>.
/// </summary>
public abstract record ZeroReplacement
{
    private protected ZeroReplacement() { }

    /// <summary>A short name for summaries, e.g. "Bayesian-multiplicative (GBM)".</summary>
    public abstract string Name { get; }

    /// <summary>Replaces the zeros of non-negative data whose rows have positive sums.</summary>
    /// <param name="x">The data (validated: finite, non-negative, rows not all zero).</param>
    /// <param name="parts">Part names for messages.</param>
    /// <returns>Strictly positive data and diagnostics saying what was replaced.</returns>
    internal abstract (Matrix<double> Values, IReadOnlyList<Diagnostic> Diagnostics) Replace(Matrix<double> x, IReadOnlyList<string> parts);

    /// <summary>Diagnostics shared by the methods: how many zeros, and parts that are mostly zero.</summary>
    private protected static List<Diagnostic> Describe(Matrix<double> x, IReadOnlyList<string> parts, string method)
    {
        int zeros = x.Enumerate().Count(v => v == 0);
        var list = new List<Diagnostic>
        {
            Diagnostic.Info($"{zeros} zero{(zeros == 1 ? "" : "s")} ({100.0 * zeros / (x.RowCount * x.ColumnCount):F1}% of the cells) replaced by {method}.",
                "zeros-replaced"),
        };
        for (int j = 0; j < x.ColumnCount; j++)
        {
            int z = x.Column(j).Count(v => v == 0);
            if (z > 0.8 * x.RowCount)
                list.Add(Diagnostic.Warning($"Part '{parts[j]}' is 0 in {z} of {x.RowCount} samples (over 80%); its replaced values dominate its " +
                    $"log-ratios. zCompositions would drop it.", "mostly-zero"));
        }
        return list;
    }
}
