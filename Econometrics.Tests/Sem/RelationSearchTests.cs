using MathNet.Numerics.LinearAlgebra;
using Xunit;
using static Econometrics.Tests.Sem.SemTestGraphs;
using Econometrics.Sem.Algebra;
using Econometrics.Sem.Graphs;
using Econometrics.Sem.Relations;
using Econometrics.Sem.Syntax;

namespace Econometrics.Tests.Sem;

public class RelationSearchTests
{
    /// <summary>Whether every expected polynomial lies in the Q-span of the found ones (and the found ones in theirs).</summary>
    private static void SameSpan(RelationsResult r, int degree, params string[] expected)
    {
        var found = r.Relations.Where(x => x.Degree == degree).Select(x => x.Polynomial).ToList();
        var exp = expected.Select(e => Polynomial.Parse(e, r.VariableNames)).ToList();
        Assert.All(r.Relations, x => Assert.True(x.Certified));
        int Rank(List<Polynomial> ps)
        {
            var keys = ps.SelectMany(p => p.Terms.Select(t => string.Join(",", t.Exponents))).Distinct().ToList();
            var m = Matrix<double>.Build.Dense(ps.Count, keys.Count, (i, j) =>
                (double)(ps[i].Terms.Where(t => string.Join(",", t.Exponents) == keys[j]).Select(t => t.Coefficient).FirstOrDefault()));
            return m.Rank();
        }
        int rf = Rank(found), re = Rank(exp);
        Assert.Equal(re, rf);
        Assert.Equal(rf, Rank(found.Concat(exp).ToList()));
    }

    [Fact]
    public void Chain_FindsTheConditionalIndependenceQuadric()
    {
        var r = new RelationSearch { MaxDegree = 2 }.Estimate(Chain);
        Assert.Single(r.Relations);
        SameSpan(r, 2, "s13 s22 - s12 s23");
    }

    [Fact]
    public void Dag4_FindsThreeQuadrics()
    {
        var r = new RelationSearch { MaxDegree = 2 }.Estimate(Dag4);
        Assert.Equal(3, r.Relations.Count);
        SameSpan(r, 2, "s14 s22 - s12 s24", "s14 s23 - s12 s34", "s23 s24 - s22 s34");
    }

    [Fact]
    public void OneFactorModel_FindsTheTetrads()
    {
        var g = new MixedGraph(["f", "1", "2", "3", "4"], [("f", "1"), ("f", "2"), ("f", "3"), ("f", "4")]);
        var r = new RelationSearch { MaxDegree = 2, Observed = ["1", "2", "3", "4"] }.Estimate(g);
        Assert.Equal(2, r.Relations.Count);
        SameSpan(r, 2, "s12 s34 - s13 s24", "s12 s34 - s14 s23");
    }

    [Fact]
    public void Verma_FindsTheVermaConstraint_AndNothingLower()
    {
        var r = new RelationSearch { MaxDegree = 4 }.Estimate(Verma);
        Assert.Single(r.Relations);
        Assert.Equal(4, r.Relations[0].Degree);
        Assert.Equal(new[] { 3, 2, 2, 1 }, r.Relations[0].Multidegree);
        var verma = Polynomial.Parse("- s11 s13 s22 s34 + s11 s13 s23 s24 + s11 s14 s22 s33 - s11 s14 s23^2 + s12^2 s13 s34 - s12^2 s14 s33 - s12 s13^2 s24 + s12 s13 s14 s23", r.VariableNames);
        var found = r.Relations[0].Polynomial;
        Assert.True(found.Equals(verma) || found.Equals(-verma), found.ToText(r.VariableNames));
    }

    [Fact]
    public void G6_FindsTwoCubics_G7_FindsVanishingCovariance()
    {
        var r6 = new RelationSearch { MaxDegree = 3 }.Estimate(G6);
        Assert.Equal(2, r6.Relations.Count);
        SameSpan(r6, 3,
            "s12 s23 s44 - s12 s24 s34 - s13 s22 s44 + s13 s24^2 + s14 s22 s34 - s14 s23 s24",
            "s12 s13 s34 - s12 s14 s33 - s13^2 s24 + s13 s14 s23");
        var r7 = new RelationSearch { MaxDegree = 1 }.Estimate(G7);
        Assert.Equal("s12", Assert.Single(r7.RelationTexts()));
    }

    [Fact]
    public void G4_FindsTheDegreeSixHypersurface()
    {
        var r = new RelationSearch { MaxDegree = 6 }.Estimate(G4);
        var rel = Assert.Single(r.Relations);
        Assert.Equal(6, rel.Degree);
        Assert.Equal(19, rel.Polynomial.TermCount);
        var g4 = Polynomial.Parse("""
            - s11 s13^2 s22 s34 s44 + s11 s13^2 s23 s24 s44 + s11 s13 s14 s22 s33 s44 + s11 s13 s14 s22 s34^2
            - s11 s13 s14 s23^2 s44 - s11 s13 s14 s24^2 s33 - s11 s14^2 s22 s33 s34 + s11 s14^2 s23 s24 s33
            + s12^2 s13^2 s34 s44 - s12^2 s13 s14 s33 s44 - s12^2 s13 s14 s34^2 + s12^2 s14^2 s33 s34
            - s12 s13^3 s24 s44 + s12 s13^2 s14 s23 s44 + s12 s13 s14^2 s24 s33 - s12 s14^3 s23 s33
            + s13^3 s14 s24^2 - 2 s13^2 s14^2 s23 s24 + s13 s14^3 s23^2
            """.Replace("\n", " "), r.VariableNames);
        Assert.True(rel.Polynomial.Equals(g4) || rel.Polynomial.Equals(-g4));
    }

    [Fact]
    public void IdentifiedSaturatedModel_HasNoRelations()
    {
        Assert.Empty(new RelationSearch { MaxDegree = 3 }.Estimate(G3Prime).Relations);
        Assert.Contains("Relations found", new RelationSearch { MaxDegree = 1 }.Estimate(G7).ToString());
    }
}

public class RelationSearchCancellationTests
{
    [Fact]
    public void Search_HonoursCancellation()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.Throws<OperationCanceledException>(() => new RelationSearch { MaxDegree = 6 }.Estimate(SemTestGraphs.G4, cts.Token));
    }
}
