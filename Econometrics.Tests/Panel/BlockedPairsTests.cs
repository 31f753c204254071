using Econometrics.Tests.Support;
using Econometrics.LinearAlgebra;
using Econometrics.Panel.Dependence;
using Econometrics.Panel.Factors;
using MathNet.Numerics.LinearAlgebra;
using Xunit;

namespace Econometrics.Tests.Panel;

/// <summary>
/// The blocked pair pass (small tiles) against one tile holding every pair, and the balanced moment path against the
/// pair sums. Tiles change only the order in which pair terms are added (per tile column, then tile by tile), so
/// the sums agree to rounding: 1e-12 relative bounds the reordering error of up to ~10^4 terms of size O(1).
/// </summary>
public sealed class BlockedPairsTests
{
    private const double Tol = 1e-12;

    public static IEnumerable<object[]> Cases => ReferenceFixture.Cases("Panel", "pcdtest_");

    private static void Same(double expected, double actual, string what)
    {
        if (double.IsNaN(expected)) { Assert.True(double.IsNaN(actual), what); return; }
        Assert.True(Math.Abs(expected - actual) <= Tol * Math.Max(1, Math.Abs(expected)), $"{what}: {expected:R} vs {actual:R}");
    }

    private static Matrix<double>? Neighbours(ReferenceFixture f) =>
        f.Spec.TryGetProperty("neighbours", out var w) ? Econometrics.Data.DataColumns.Load(f.File(w.GetString()!)) is var d
            ? Matrix<double>.Build.Dense(d.RowCount, d.Names.Count, (i, j) => d.Numbers(d.Names[j])[i]) : null : null;

    [Theory]
    [MemberData(nameof(Cases))]
    public void Three_by_three_tiles_give_the_one_tile_statistics(string name)
    {
        var f = ReferenceFixture.Load("Panel/" + name);
        var w = Neighbours(f);
        var direct = PcdtestFixtureTests.Run(f, new CrossSectionalDependence { Neighbours = w, PairTileSize = 4096 }).Cd;
        var blocked = PcdtestFixtureTests.Run(f, new CrossSectionalDependence { Neighbours = w, PairTileSize = 3 }).Cd;
        Assert.Equal(direct.Pairs, blocked.Pairs);
        Assert.Equal(direct.PairsDropped, blocked.PairsDropped);
        Same(direct.MeanRho, blocked.MeanRho, "mean rho");
        Same(direct.MeanAbsRho!.Value, blocked.MeanAbsRho!.Value, "mean |rho|");
        Assert.Equal(direct.Tests.Select(t => t.Name), blocked.Tests.Select(t => t.Name));
        foreach (var (a, b) in direct.Tests.Zip(blocked.Tests)) Same(a.Statistic, b.Statistic, a.Name);
        Assert.Contains("tile(s) of 3 x 3", blocked.Computation);
        var ra = direct.Rho(); var rb = blocked.Rho();
        for (int k = 0; k < ra.RowCount * ra.ColumnCount; k++) Same(ra.AsColumnMajorArray()[k], rb.AsColumnMajorArray()[k], "rho");
    }

    [Fact]
    public void Unbalanced_tiles_equal_one_tile_and_the_moment_path_equals_the_pair_sums()
    {
        var rng = new Random(5);
        int t = 17, n = 40;
        var factor = Enumerable.Range(0, t).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var e = new double[t * n];
        for (int i = 0; i < n; i++)
            for (int s = 0; s < t; s++) e[s + i * t] = 0.7 * factor[s] * (i % 3) + rng.NextDouble();
        var la = LinearAlgebraBackends.Default;

        var balanced = PairwiseCorrelations.Compute(e, t, n, la, 6);
        var moments = CdStatistics.FromMoments(balanced, la);
        var pairs = CdStatistics.FromPairs(balanced);
        Same(pairs.Cd, moments.Cd, "CD");
        Same(pairs.Lm, moments.Lm, "LM");
        Same(pairs.ScaledLm, moments.ScaledLm, "scaled LM");
        Same(pairs.MeanRho, moments.MeanRho, "mean rho");
        Assert.Equal(pairs.Pairs, moments.Pairs);

        for (int k = 0; k < 90; k++) e[rng.Next(e.Length)] = double.NaN;
        var one = CdStatistics.FromPairs(PairwiseCorrelations.Compute(e, t, n, la, n));
        var many = CdStatistics.FromPairs(PairwiseCorrelations.Compute(e, t, n, la, 6));
        Assert.Equal(one.Pairs, many.Pairs);
        Assert.Equal(one.Dropped, many.Dropped);
        Assert.Equal(one.MaxTij, many.MaxTij);
        Same(one.Cd, many.Cd, "CD");
        Same(one.Lm, many.Lm, "LM");
        Same(one.ScaledLm, many.ScaledLm, "scaled LM");
        Same(one.MeanAbsRho!.Value, many.MeanAbsRho!.Value, "mean |rho|");
        var rho1 = PairwiseCorrelations.Compute(e, t, n, la, n).Rho;
        var rho6 = PairwiseCorrelations.Compute(e, t, n, la, 6).Rho;
        for (int k = 0; k < rho1.Length; k++) Same(rho1[k], rho6[k], $"rho[{k}]");
    }

    [Theory]
    [InlineData(301, 25, 7)]
    [InlineData(700, 40, 45)]
    public void Gram_path_equals_small_tiles_and_the_moment_path(int n, int t, int tile)
    {
        // Balanced N <= GramLimit with default tiles: Z'Z in row panels (N = 301: one SYRK; N = 700: panels of 256, 256
        // and 188 rows, GEMMs left of the diagonal); small tiles form the same pairs by GEMM; the moments of Z give CD
        // and the LM family without pairs. Every test, mean |rho| and rho itself must agree.
        // (T is large enough that CD_W+'s threshold 2 sqrt(ln N / T) stays below 1.)
        var rng = new Random(23);
        var factor = Enumerable.Range(0, t).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var e = Matrix<double>.Build.Dense(t, n, (s, i) => 2.5 * factor[s] * (i % 4) + rng.NextDouble());
        var options = new CrossSectionalDependence { Tests = CdTests.All & ~CdTests.CDStar & ~CdTests.LMAdj, Draws = 5 };
        var gram = options.Test(e);
        var tiles = (options with { PairTileSize = tile }).Test(e);
        Assert.StartsWith("CD, LM family and mean |rho| summed over the N x N Gram", gram.Computation);
        Assert.Contains($"tile(s) of {tile} x {tile}", tiles.Computation);
        Same(tiles.MeanRho, gram.MeanRho, "mean rho");
        Same(tiles.MeanAbsRho!.Value, gram.MeanAbsRho!.Value, "mean |rho|");
        Assert.True(tiles["CDwPlus"].Statistic != tiles["CDw"].Statistic, "the screening term must be nonzero here");
        foreach (var (a, b) in tiles.Tests.Zip(gram.Tests)) Same(a.Statistic, b.Statistic, a.Name);
        var ra = tiles.Rho().AsColumnMajorArray(); var rb = gram.Rho().AsColumnMajorArray();
        for (int k = 0; k < ra.Length; k++) Same(ra[k], rb[k], "rho");
    }

    [Fact]
    public void Cd_alone_comes_from_row_sums_and_the_lm_family_from_moments_with_mean_abs_rho_when_read()
    {
        // N = 301 > T = 25 with default tiles: CD alone takes the row sums of Z, CD and LM the T x T moments; neither forms
        // a pair, and mean |rho| is summed over the Gram panels when first read. All three equal the Gram sweep CD_W+ asks for.
        var rng = new Random(29);
        int n = 301, t = 25;
        var factor = Enumerable.Range(0, t).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var e = Matrix<double>.Build.Dense(t, n, (s, i) => 1.5 * factor[s] * (i % 5) + rng.NextDouble());
        var before = e.ToColumnMajorArray();
        var gram = new CrossSectionalDependence { Tests = CdTests.CD | CdTests.LM | CdTests.CDwPlus, Draws = 3 }.Test(e);
        var cd = new CrossSectionalDependence { Tests = CdTests.CD }.Test(e);
        var lm = new CrossSectionalDependence { Tests = CdTests.CD | CdTests.LM }.Test(e);
        Assert.StartsWith("CD, LM family and mean |rho| summed over the N x N Gram", gram.Computation);
        Assert.StartsWith("CD from the row sums of the standardized data", cd.Computation);
        Assert.StartsWith("CD and LM family from the moments", lm.Computation);
        foreach (var r in new[] { cd, lm })
        {
            Assert.Contains("mean |rho| summed over the pairs when first read", r.Computation);
            Assert.Equal(gram.Pairs, r.Pairs);
            Same(gram["CD"].Statistic, r["CD"].Statistic, "CD");
            Same(gram["CD"].PValue!.Value, r["CD"].PValue!.Value, "CD p-value");
            Same(gram.MeanRho, r.MeanRho, "mean rho");
            Same(gram.MeanAbsRho!.Value, r.MeanAbsRho!.Value, "mean |rho|");
            Assert.DoesNotContain(r.Diagnostics, d => d.Code == "mean-abs-rho-skipped");
        }
        Same(gram["LM"].Statistic, lm["LM"].Statistic, "LM");
        Assert.Equal(["CD"], cd.Tests.Select(s => s.Name));
        // The input is the caller's: the row-sum path and CD* work in the run's own copy.
        var star = new CrossSectionalDependence { Tests = CdTests.CD | CdTests.CDStar, Factors = FactorCount.Fixed(1) }.Test(e);
        Assert.True(double.IsFinite(star["CDStar"].Statistic));
        Same(gram["CD"].Statistic, star["CD"].Statistic, "CD beside CD*");
        Assert.Equal(before, e.ToColumnMajorArray());
    }

    [Fact]
    public void Large_balanced_panels_form_no_pair_and_say_so()
    {
        // N = 9000 > the dense limit: CD from moments, CD_W+'s threshold 2 sqrt(ln N / T) > 1 screens nothing.
        var rng = new Random(11);
        int t = 30, n = 9000;
        var e = Matrix<double>.Build.Dense(t, n, (_, _) => rng.NextDouble());
        var r = new CrossSectionalDependence { Tests = CdTests.CD | CdTests.LM | CdTests.CDw | CdTests.CDwPlus }.Test(e);
        Assert.Null(r.MeanAbsRho);
        Assert.Contains(r.Diagnostics, d => d.Code == "mean-abs-rho-skipped");
        Assert.StartsWith("CD and LM family from the moments", r.Computation);
        Assert.DoesNotContain("pass", r.Computation);
        Assert.Equal(r["CDw"].Statistic, r["CDwPlus"].Statistic);
        Assert.Equal((long)n * (n - 1) / 2, r.Pairs);
        Assert.Throws<InvalidOperationException>(() => r.Rho());
    }
}
