using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Panel.Simulation;

/// <summary>
/// A latent factor panel for Monte Carlo work: y_it = a_i + gamma_i' f_t + beta x_it + sigma_i eps_it, with
/// eps_t = (I - delta W)^-1 e_t (W the row-normalized circular network, 2h neighbours) and e_it AR(1) over t.
/// </summary>
/// <remarks>
/// Defaults are a one-factor design: one strong factor, f_t ~ N(0,1),
/// gamma_i ~ U(0, 2), sigma_i^2 = 0.5 + chi2(2)/2, Gaussian errors, no spatial or serial dependence.
/// Factor strength alpha makes only the first round(N^alpha) loadings nonzero. With a regressor,
/// x_it = 1 + gx_i' f_t + v_it (gx_i ~ U(0, 2), v_it ~ N(0,1)), so x is correlated with the factors.
/// </remarks>
public sealed record FactorPanelDgp
{
    /// <summary>Number of units N.</summary>
    public int N { get; init; } = 100;

    /// <summary>Number of periods T.</summary>
    public int T { get; init; } = 100;

    /// <summary>Number of latent factors (default 1).</summary>
    public int Factors { get; init; } = 1;

    /// <summary>Factor strength alpha in (0, 1]: round(N^alpha) units load on each factor (default 1, strong).</summary>
    public double Strength { get; init; } = 1.0;

    /// <summary>Loadings are U(LoadingLow, LoadingHigh) (default 0 and 2).</summary>
    public double LoadingLow { get; init; }

    /// <summary>Upper end of the loading distribution.</summary>
    public double LoadingHigh { get; init; } = 2.0;

    /// <summary>The error law (default Gaussian).</summary>
    public ErrorDistribution Errors { get; init; } = ErrorDistribution.Gaussian;

    /// <summary>Heteroskedastic error scales sigma_i^2 = 0.5 + chi2(2)/2 (default true); false gives sigma_i = 1.</summary>
    public bool Heteroskedastic { get; init; } = true;

    /// <summary>AR(1) coefficient of the errors over time (default 0).</summary>
    public double SerialCorrelation { get; init; }

    /// <summary>Spatial error dependence delta on the circular two-neighbour network (default 0: the null).</summary>
    public double SpatialDelta { get; init; }

    /// <summary>Neighbours on each side in the circular network W (default 1: two neighbours).</summary>
    public int NetworkNeighbours { get; init; } = 1;

    /// <summary>Slope of one regressor x (default 0: a pure factor model; the regressor is still generated when IncludeRegressor).</summary>
    public double Beta { get; init; } = 1.0;

    /// <summary>Whether to generate a regressor correlated with the factors (default false).</summary>
    public bool IncludeRegressor { get; init; }

    /// <summary>A one-line description for tables.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"m = {Factors}, strength {Strength}, loadings U({LoadingLow},{LoadingHigh}), {Errors} errors{(Heteroskedastic ? ", heteroskedastic" : "")}" +
        $"{(SerialCorrelation != 0 ? $", AR(1) {SerialCorrelation}" : "")}" +
        $"{(SpatialDelta != 0 ? $", spatial delta {SpatialDelta} over {2 * NetworkNeighbours} neighbours" : "")}" +
        $"{(IncludeRegressor ? $", regressor beta {Beta}" : "")}");

    /// <summary>Draws one panel.</summary>
    /// <param name="seed">The seed; the same seed gives the same panel.</param>
    public FactorPanelSample Simulate(long seed) => Simulate(new SeededRandom((ulong)seed), SpatialInverse());

    internal void Validate()
    {
        if (N < 3 || T < 3) throw new ArgumentException($"N and T must be at least 3; got N = {N}, T = {T}.", nameof(N));
        if (Factors < 0) throw new ArgumentException("Factors must be 0 or more.", nameof(Factors));
        if (!(Strength > 0 && Strength <= 1)) throw new ArgumentException("Strength must be in (0, 1].", nameof(Strength));
        if (!(Math.Abs(SerialCorrelation) < 1)) throw new ArgumentException("SerialCorrelation must be in (-1, 1).", nameof(SerialCorrelation));
        if (NetworkNeighbours < 1 || 2 * NetworkNeighbours >= N) throw new ArgumentException("NetworkNeighbours must be at least 1 and below N/2.",
            nameof(NetworkNeighbours));
        if (!(Math.Abs(SpatialDelta) < 1)) throw new ArgumentException("SpatialDelta must be in (-1, 1).", nameof(SpatialDelta));
    }

    /// <summary>(I - delta W)^-1 for the circular two-neighbour network, or null when delta = 0.</summary>
    internal Matrix<double>? SpatialInverse()
    {
        Validate();
        if (SpatialDelta == 0) return null;
        var a = Matrix<double>.Build.DenseIdentity(N);
        int h = NetworkNeighbours;
        for (int i = 0; i < N; i++)
            for (int d = 1; d <= h; d++)
            {
                a[i, (i + d) % N] -= SpatialDelta / (2 * h);
                a[i, (i + N - d) % N] -= SpatialDelta / (2 * h);
            }
        return a.Inverse();
    }

    internal FactorPanelSample Simulate(SeededRandom rng, Matrix<double>? spatial)
    {
        int n = N, t = T, m = Factors;
        int loaded = Math.Max(1, (int)Math.Round(Math.Pow(n, Strength)));
        var f = Matrix<double>.Build.Dense(t, m, (_, _) => rng.Normal());
        var gamma = Matrix<double>.Build.Dense(n, m, (i, _) => i < loaded ? LoadingLow + (LoadingHigh - LoadingLow) * rng.Uniform() : 0);
        var sigma = Enumerable.Range(0, n).Select(_ => Heteroskedastic ? Math.Sqrt(0.5 + rng.ChiSquared(2) / 2) : 1.0).ToArray();
        var alpha = Enumerable.Range(0, n).Select(_ => rng.Normal()).ToArray();
        var e = Matrix<double>.Build.Dense(t, n);
        double scale = Math.Sqrt(1 - SerialCorrelation * SerialCorrelation);
        for (int i = 0; i < n; i++)
        {
            double prev = rng.Error(Errors);
            e[0, i] = prev;
            for (int s = 1; s < t; s++) { prev = SerialCorrelation * prev + scale * rng.Error(Errors); e[s, i] = prev; }
        }
        if (spatial is not null) e = e * spatial.Transpose();
        var y = f * gamma.Transpose();
        Matrix<double>? x = null;
        if (IncludeRegressor)
        {
            var gx = Matrix<double>.Build.Dense(n, m, (_, _) => 2 * rng.Uniform());
            x = f * gx.Transpose() + Matrix<double>.Build.Dense(t, n, (_, _) => 1 + rng.Normal());
            y += Beta * x;
        }
        for (int i = 0; i < n; i++)
            for (int s = 0; s < t; s++) y[s, i] += alpha[i] + sigma[i] * e[s, i];
        return new FactorPanelSample(y, x);
    }
}
