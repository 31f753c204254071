using Econometrics.Compositional;
using Econometrics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra;
using Xunit;
using static Econometrics.Tests.Compositional.CodaFixture;

namespace Econometrics.Tests.Compositional;

/// <summary>The invariants of research note sections 2.3 and 6.4, and the property test that both routes agree.</summary>
public sealed class InvariantTests
{
    private static readonly PartialCorrelations Sample = new();

    /// <summary>A random log-normal composition with correlated log-basis (seeded).</summary>
    internal static Composition Random(int seed, int n, int d)
    {
        var rng = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        var mix = Matrix<double>.Build.Dense(d, d, (_, _) => Normal() / Math.Sqrt(d));
        var z = Matrix<double>.Build.Dense(n, d, (_, _) => Normal()) * mix;
        var scale = Enumerable.Range(0, d).Select(_ => 0.3 + 2 * rng.NextDouble()).ToArray();
        return Composition.From(Matrix<double>.Build.Dense(n, d, (i, j) => Math.Exp(scale[j] * z[i, j] + 3 * rng.NextDouble())));
    }

    [Fact]
    public void Omega_has_zero_row_sums_and_the_row_sum_constraint_holds()
    {
        foreach (var x in new[] { ResearchNoteValueTests.Cups(), ResearchNoteValueTests.Toy(), Random(1, 40, 9) })
        {
            var r = Sample.Estimate(x);
            double scale = r.Precision.Diagonal().AbsoluteMaximum();
            for (int i = 0; i < x.NParts; i++)
            {
                Assert.True(Math.Abs(r.Precision.Row(i).Sum()) < 1e-12 * scale * x.NParts, $"row {i} of Omega sums to {r.Precision.Row(i).Sum()}");
                double s = 0;
                for (int k = 0; k < x.NParts; k++)
                    if (k != i) s += r.PartialCorrelation[i, k] * Math.Sqrt(r.PartialVariance[i] / r.PartialVariance[k]);
                Assert.Equal(1.0, s, 10);
            }
            // Omega is the Moore-Penrose inverse: Gamma Omega = G = I - J.
            var g = r.ClrCovariance * r.Precision;
            int d = x.NParts;
            AssertClose(Matrix<double>.Build.Dense(d, d, (i, j) => (i == j ? 1.0 : 0.0) - 1.0 / d), g, 1e-10, "Gamma Omega");
        }
    }

    [Fact]
    public void Partial_correlations_are_invariant_to_closure_perturbation_permutation_and_powering()
    {
        var x = ResearchNoteValueTests.Cups();
        var p = Sample.Estimate(x);
        var v = x.Values;
        var rescaled = Composition.From(Matrix<double>.Build.Dense(v.RowCount, v.ColumnCount, (i, j) => v[i, j] * (i + 1) * (0.5 + j)), x.Parts);
        AssertClose(p.PartialCorrelation, Sample.Estimate(rescaled).PartialCorrelation, 1e-12, "closure + perturbation");
        AssertClose(p.PartialCorrelation, Sample.Estimate(x.Closure(100)).PartialCorrelation, 1e-12, "closure");
        var squared = Sample.Estimate(Composition.From(v.PointwisePower(2), x.Parts));
        AssertClose(p.PartialCorrelation, squared.PartialCorrelation, 1e-12, "powering");
        AssertClose(p.PartialVariance.Multiply(4).ToArray(), squared.PartialVariance.ToArray(), 1e-12, "pvar x 4", relative: true);
        var order = new[] { "Sb", "Fe", "Si", "Ti", "Al", "Mn", "Ca", "P", "K", "Mg", "Na" };
        var perm = Sample.Estimate(x.Subcomposition(order));
        for (int i = 0; i < order.Length; i++)
            for (int j = 0; j < order.Length; j++)
                Assert.Equal(p[order[i], order[j]], perm.PartialCorrelation[i, j], 12);
    }

    [Fact]
    public void Every_alr_reference_gives_the_same_partial_correlations()
    {
        var x = ResearchNoteValueTests.Cups();
        var clr = Sample.Estimate(x);
        foreach (var reference in x.Parts)
        {
            var alr = new PartialCorrelations { Route = PartialCorrelationRoute.AlrInverse, AlrReference = reference }.Estimate(x);
            AssertClose(clr.PartialCorrelation, alr.PartialCorrelation, 1e-12, $"reference {reference}");
            AssertClose(clr.Precision / clr.Precision.Diagonal().AbsoluteMaximum(), alr.Precision / clr.Precision.Diagonal().AbsoluteMaximum(), 1e-12,
                $"Omega, reference {reference}");
        }
    }

    [Fact]
    public void Subcompositions_change_partial_correlations_but_not_the_variation_matrix()
    {
        var x = ResearchNoteValueTests.Cups();
        var full = Sample.Estimate(x);
        var sub = Sample.Estimate(x.Subcomposition("Si", "Al", "Fe", "Mg", "Ca", "Na", "K", "Ti"));
        Assert.Equal(0.046699, full["Fe", "Ti"], 6);
        Assert.Equal(-0.032651, sub["Fe", "Ti"], 6);
        Assert.Equal(0.140089, full["Al", "Ti"], 6);
        Assert.Equal(0.195492, sub["Al", "Ti"], 6);
        Assert.Equal(0.7329, sub["Si", "Al"], 4);
        Assert.Equal(0.6472, sub["Ca", "Na"], 4);
        // The variation matrix is subcompositionally coherent; rho_p is not (clr variances depend on the parts).
        Assert.Equal(full.Variation[2, 7], sub.Variation[2, 7], 14);
        Assert.Equal(0.0181107, sub.Variation[2, 7], 7);
        Assert.Equal(0.2927, full.Proportionality[2, 7], 4);
        Assert.Equal(0.2610, sub.Proportionality[2, 7], 4);
    }

    [Fact]
    public void Three_parts_give_the_correlation_of_the_alr_coordinates()
    {
        var x = Composition.Load(DataFile("skye_afm.csv"));
        var r = Sample.Estimate(x);
        var alr = x.Alr("M");
        Assert.Equal(MathNet.Numerics.Statistics.Correlation.Pearson(alr.Column(0), alr.Column(1)), r["A", "F"], 12);
        Assert.Equal(0.98196796, r["A", "F"], 8);
    }

    [Fact]
    public void Population_clr_covariances_give_the_closure_induced_values()
    {
        var la = LinearAlgebraBackends.Default;
        Matrix<double> G(int d) => Matrix<double>.Build.Dense(d, d, (i, j) => (i == j ? 1.0 : 0.0) - 1.0 / d);
        var equal = LogRatioPrecision.PartialCorrelation(LogRatioPrecision.FromClrCovariance(G(11) * 0.7, la)!);
        Assert.Equal(0.1, equal[0, 1], 12);
        var s4 = Matrix<double>.Build.DenseOfDiagonalArray([1.0, 2, 3, 4]);
        Assert.Equal(0.539905524799, LogRatioPrecision.PartialCorrelation(LogRatioPrecision.FromClrCovariance(G(4) * s4 * G(4), la)!)[0, 1], 12);
        var s11 = Matrix<double>.Build.DenseOfDiagonalArray([0.5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2]);
        Assert.Equal(0.141598465081, LogRatioPrecision.PartialCorrelation(LogRatioPrecision.FromClrCovariance(G(11) * s11 * G(11), la)!)[0, 1], 12);
    }

    [Fact]
    public void Regressing_on_clr_coordinates_is_degenerate_which_is_why_the_pseudo_inverse_is_used()
    {
        // Residuals of clr_1 and clr_2 on the other clr coordinates (with intercept): their correlation is -1,
        // because clr_1 + clr_2 is fixed by the others. Erb's value for the same pair is 0.6734.
        var clr = ResearchNoteValueTests.Toy().Clr();
        var others = Matrix<double>.Build.Dense(6, 3, (i, j) => j == 0 ? 1.0 : clr[i, j + 1]);
        var e1 = clr.Column(0) - others * others.Solve(clr.Column(0));
        var e2 = clr.Column(1) - others * others.Solve(clr.Column(1));
        Assert.Equal(-1.0, MathNet.Numerics.Statistics.Correlation.Pearson(e1, e2), 10);
        Assert.Equal(0.6734311713, Sample.Estimate(ResearchNoteValueTests.Toy()).PartialCorrelation[0, 1], 10);
    }

    [Fact]
    public void Property_clr_and_alr_routes_agree_to_1e10_on_random_compositions()
    {
        var rng = new Random(20260101);
        for (int trial = 0; trial < 60; trial++)
        {
            int d = rng.Next(3, 30), n = d + rng.Next(1, 60);
            var x = Random(1000 + trial, n, d);
            string reference = x.Parts[rng.Next(d)];
            foreach (var cov in new[] { CompositionalCovariance.Sample, CompositionalCovariance.BasisShrinkage })
            {
                var clr = new PartialCorrelations { Covariance = cov }.Estimate(x);
                var alr = new PartialCorrelations { Covariance = cov, Route = PartialCorrelationRoute.AlrInverse, AlrReference = reference }.Estimate(x);
                AssertClose(clr.PartialCorrelation, alr.PartialCorrelation, 1e-10, $"trial {trial} (n={n}, D={d}, ref {reference}, {cov}) pcor");
                AssertClose(clr.PartialVariance.ToArray(), alr.PartialVariance.ToArray(), 1e-10, $"trial {trial} pvar", relative: true);
            }
        }
    }

    [Fact]
    public void Managed_and_OpenBlas_backends_agree()
    {
        if (LinearAlgebraBackends.OpenBlas is not { } blas) return;   // the managed-only machine has nothing to compare
        var x = Random(7, 80, 25);
        foreach (var cov in new[] { CompositionalCovariance.Sample, CompositionalCovariance.BasisShrinkage })
        {
            var a = new PartialCorrelations { Covariance = cov }.Estimate(x, LinearAlgebraBackends.Managed);
            var b = new PartialCorrelations { Covariance = cov }.Estimate(x, blas);
            AssertClose(a.PartialCorrelation, b.PartialCorrelation, 1e-11, $"{cov}");
        }
    }
}
