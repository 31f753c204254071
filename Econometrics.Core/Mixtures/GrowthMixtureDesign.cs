using System.Globalization;
using MathNet.Numerics.Distributions;

namespace Econometrics.Mixtures;

/// <summary>
/// A data-generating design for growth mixtures of experts, following the simulation design of Liu and Perera
/// (Psychological Methods 28(1), 2023): gating covariates z ~ N(0, I); class from the multinomial logit; expert covariates x ~ N(μx_k, Φ_k);
/// growth factors η ~ N(α_k + B_k x, Ψ_k); occasions t_1 = 0 and t_j = (j − 1) + U(−jitter, jitter); outcomes
/// y = Λ(t; γ_k) η + N(0, θ_k), with γ_k the knot (spline) or the class's <see cref="GrowthClassParameters.CurveParameters"/>.
/// </summary>
public sealed record GrowthMixtureDesign
{
    /// <summary>The generating parameters (classes and gating).</summary>
    public required MixtureParameters Truth { get; init; }

    /// <summary>The trajectory shape (default bilinear spline).</summary>
    public GrowthCurve Curve { get; init; } = GrowthCurve.BilinearSpline;

    /// <summary>Number of persons (default 500).</summary>
    public int N { get; init; } = 500;

    /// <summary>Number of occasions (default 8).</summary>
    public int Occasions { get; init; } = 8;

    /// <summary>Half-width of the uniform jitter of occasions 2..p (default 0.25).</summary>
    public double TimeJitter { get; init; } = 0.25;

    /// <summary>Simulates one data set; the same seed gives the same data.</summary>
    /// <param name="seed">The seed.</param>
    /// <returns>The data and each person's generating class (1-based).</returns>
    /// <exception cref="ArgumentException">The design is inconsistent (dimensions, N, occasions).</exception>
    public (GrowthData Data, int[] Classes) Simulate(int seed)
    {
        if (N < 1) throw new ArgumentOutOfRangeException(nameof(N), N, "At least one person is needed.");
        if (Occasions < 3) throw new ArgumentOutOfRangeException(nameof(Occasions), Occasions, "Growth models need at least 3 occasions.");
        int K = Truth.K, G = Truth.Gating.ColumnCount - 1, m = Truth.Classes[0].Experts, q = Truth.Classes[0].Factors;
        var shape = new ModelShape(K, Curve, m, G, CovariateTreatment.Joint, true, Occasions);
        if (q != shape.Q) throw new ArgumentException($"A {Curve} curve has {shape.Q} growth factors; the truth has {q}.", nameof(Truth));
        var gammas = Truth.Classes.Select(c => shape.HasKnot ? [c.Knot] : c.CurveParameters.ToArray()).ToArray();
        if (gammas.Any(g => g.Length != shape.R))
            throw new ArgumentException($"A {Curve} curve with {Occasions} occasions has {shape.R} curve parameter(s) per class " +
                $"({string.Join(", ", shape.GammaNames)}).", nameof(Truth));
        var rng = new Random(seed);
        var normal = new Normal(0, 1, rng);
        var psiChol = Truth.Classes.Select(c => c.Psi.Cholesky().Factor).ToArray();
        var phiChol = Truth.Classes.Select(c => m > 0 ? c.Phi.Cholesky().Factor : null).ToArray();
        int p = Occasions;
        var y = new double[N * p]; var t = new double[N * p]; var x = new double[N * m]; var z = new double[N * G];
        var cls = new int[N];
        var eta = new double[q]; var e = new double[Math.Max(q, m)];
        Span<double> lam = stackalloc double[q];
        for (int i = 0; i < N; i++)
        {
            for (int g = 0; g < G; g++) z[i * G + g] = normal.Sample();
            var logits = new double[K];
            for (int k = 0; k < K; k++) { logits[k] = Truth.Gating[k, 0]; for (int g = 0; g < G; g++) logits[k] += Truth.Gating[k, g + 1] * z[i * G + g]; }
            double max = logits.Max(), sum = logits.Sum(l => Math.Exp(l - max)), u = rng.NextDouble() * sum, acc = 0;
            int c = K - 1;
            for (int k = 0; k < K; k++) { acc += Math.Exp(logits[k] - max); if (u < acc) { c = k; break; } }
            cls[i] = c + 1;
            var cp = Truth.Classes[c];
            for (int a = 0; a < m; a++) e[a] = normal.Sample();
            for (int a = 0; a < m; a++) { double v = cp.MuX[a]; for (int b = 0; b <= a; b++) v += phiChol[c]![a, b] * e[b]; x[i * m + a] = v; }
            for (int a = 0; a < q; a++) e[a] = normal.Sample();
            for (int a = 0; a < q; a++)
            {
                double v = cp.Alpha[a];
                for (int j = 0; j < m; j++) v += cp.B[a, j] * x[i * m + j];
                for (int b = 0; b <= a; b++) v += psiChol[c][a, b] * e[b];
                eta[a] = v;
            }
            double sd = Math.Sqrt(cp.Theta);
            var times = t.AsSpan(i * p, p);
            for (int j = 0; j < p; j++)
            {
                times[j] = j == 0 ? 0 : j + TimeJitter * (2 * rng.NextDouble() - 1);
                shape.Loadings(times, j, gammas[c], lam);
                double v = 0;
                for (int a = 0; a < q; a++) v += lam[a] * eta[a];
                y[i * p + j] = v + sd * normal.Sample();
            }
        }
        var ids = Enumerable.Range(1, N).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var data = GrowthData.FromArrays(ids, y, t, p, x, Enumerable.Range(1, m).Select(j => $"x{j}").ToArray(),
            z, Enumerable.Range(1, G).Select(j => $"z{j}").ToArray());
        return (data, cls);
    }
}
