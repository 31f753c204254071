namespace Econometrics.Compositional;

/// <summary>Multiple-testing adjustments, equal to R's <c>p.adjust</c> (NaN entries are left out of the family and stay NaN).</summary>
public static class MultipleTesting
{
    /// <summary>Adjusted p-values.</summary>
    /// <param name="pValues">Raw p-values in [0, 1] (NaN allowed for "no test").</param>
    /// <param name="method">The adjustment.</param>
    /// <exception cref="ArgumentException">A p-value outside [0, 1].</exception>
    public static double[] Adjust(IReadOnlyList<double> pValues, PValueAdjustment method)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        for (int k = 0; k < pValues.Count; k++)
            if (pValues[k] is < 0 or > 1) throw new ArgumentException($"p-value {k + 1} is {pValues[k]}; p-values lie in [0, 1].", nameof(pValues));
        var result = pValues.ToArray();
        var idx = Enumerable.Range(0, result.Length).Where(k => !double.IsNaN(result[k])).OrderBy(k => result[k]).ThenBy(k => k).ToArray();
        int m = idx.Length;
        switch (method)
        {
            case PValueAdjustment.None:
                break;
            case PValueAdjustment.Holm:
                // Step-down: p_(i) (m - i + 1), made monotone by a running maximum from the smallest.
                double running = 0;
                for (int i = 0; i < m; i++)
                {
                    running = Math.Max(running, Math.Min(1.0, (m - i) * pValues[idx[i]]));
                    result[idx[i]] = running;
                }
                break;
            case PValueAdjustment.BenjaminiHochberg:
                // Step-up: p_(i) m / i, made monotone by a running minimum from the largest.
                double best = 1.0;
                for (int i = m - 1; i >= 0; i--)
                {
                    best = Math.Min(best, (double)m / (i + 1) * pValues[idx[i]]);
                    result[idx[i]] = best;
                }
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown adjustment.");
        }
        return result;
    }
}
