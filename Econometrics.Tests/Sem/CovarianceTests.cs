using MathNet.Numerics.LinearAlgebra;
using Xunit;
using static Econometrics.Tests.Sem.SemTestGraphs;
using Econometrics.Sem.Algebra;
using Econometrics.Sem.Covariance;
using Econometrics.Sem.Graphs;

namespace Econometrics.Tests.Sem;

public class CovarianceTests
{
    private static Rational[,] M(int n, params string[] upper)
    {
        // Upper triangle row by row.
        var m = new Rational[n, n];
        int k = 0;
        for (int i = 0; i < n; i++) for (int j = i; j < n; j++) m[i, j] = m[j, i] = R(upper[k++]);
        return m;
    }

    private static void AllThreeExact(MixedGraph g, Rational[] theta, Rational[,] expected)
    {
        var inv = ImpliedCovariance.ByInversionExact(g, theta);
        var oc = ImpliedCovariance.ByOneConnectionExact(g, theta);
        var sym = ImpliedCovariance.Symbolic(g).Evaluate(theta);
        Assert.Equal(expected, inv);
        Assert.Equal(expected, oc);
        Assert.Equal(expected, sym);
        if (g.IsAcyclic) Assert.Equal(expected, ImpliedCovariance.ByTrekRuleExact(g, theta));
    }

    [Fact]
    public void G1_TwoCycle_Exact()
    {
        AllThreeExact(G1, Rs("1/2", "1/3", "1", "2"), M(2, "44/25", "42/25", "81/25"));
        var s = ImpliedCovariance.Symbolic(G1);
        var names = G1.ParameterNames();
        Assert.Equal(Polynomial.Parse("1 - l12 l21", names), s.Determinant);
        Assert.Equal(Polynomial.Parse("w11 + l21^2 w22", names), s.Numerator(0, 0));
        Assert.Equal(Polynomial.Parse("l12 w11 + l21 w22", names), s.Numerator(0, 1));
        Assert.Equal(Polynomial.Parse("l12^2 w11 + w22", names), s.Numerator(1, 1));
    }

    [Fact]
    public void G1b_TwoCycleWithBidirected_Exact()
    {
        AllThreeExact(G1b, Rs("1/2", "1/3", "1", "2", "1/4"), M(2, "2", "21/10", "18/5"));
        var s = ImpliedCovariance.Symbolic(G1b);
        var names = G1b.ParameterNames();
        Assert.Equal(Polynomial.Parse("w11 + 2 l21 w12 + l21^2 w22", names), s.Numerator(0, 0));
        Assert.Equal(Polynomial.Parse("w12 + l12 w11 + l21 w22 + l12 l21 w12", names), s.Numerator(0, 1));
        Assert.Equal(Polynomial.Parse("l12^2 w11 + 2 l12 w12 + w22", names), s.Numerator(1, 1));
    }

    [Fact]
    public void G2_ThreeCycle_ExactAndBothFiberPoints()
    {
        var expected = M(3, "692/529", "438/529", "560/529", "1323/529", "648/529", "1872/529");
        AllThreeExact(G2, Rs("1/2", "1/3", "1/4", "1", "2", "3"), expected);
        // The second point of the 2-to-1 fiber: l12, l23, l31 then omega.
        AllThreeExact(G2, Rs("1323/346", "208/49", "173/117", "692/117", "2646/173", "1872/49"), expected);
        var s = ImpliedCovariance.Symbolic(G2);
        var names = G2.ParameterNames();
        Assert.Equal(Polynomial.Parse("1 - l12 l23 l31", names), s.Determinant);
        Assert.Equal(Polynomial.Parse("w11 + l31^2 w33 + l23^2 l31^2 w22", names), s.Numerator(0, 0));
        Assert.Equal(Polynomial.Parse("l12 w11 + l23 l31 w22 + l12 l31^2 w33", names), s.Numerator(0, 1));
        Assert.Equal(Polynomial.Parse("l31 w33 + l12 l23 w11 + l23^2 l31 w22", names), s.Numerator(0, 2));
        Assert.Equal(Polynomial.Parse("w22 + l12^2 w11 + l12^2 l31^2 w33", names), s.Numerator(1, 1));
        Assert.Equal(Polynomial.Parse("l23 w22 + l12 l31 w33 + l12^2 l23 w11", names), s.Numerator(1, 2));
        Assert.Equal(Polynomial.Parse("w33 + l23^2 w22 + l12^2 l23^2 w11", names), s.Numerator(2, 2));
    }

    [Fact]
    public void G3_FeedbackLoopWithBidirected_Exact()
    {
        AllThreeExact(G3, Rs("1/2", "1/3", "1/4", "1", "2", "3", "1/5"), M(3, "1", "3/5", "2/5", "1791/605", "1158/605", "2388/605"));
        var s = ImpliedCovariance.Symbolic(G3);
        var names = G3.ParameterNames();
        Assert.Equal(Polynomial.Parse("1 - l23 l32", names), s.Determinant);
        Assert.Equal(Polynomial.Parse("l12^2 w11 + 2 l12 l32 w13 + l32^2 w33 + w22", names), s.Numerator(1, 1));
        Assert.Equal(Polynomial.Parse("l12^2 l23 w11 + l12 l23 l32 w13 + l12 w13 + l23 w22 + l32 w33", names), s.Numerator(1, 2));
        Assert.Equal(Polynomial.Parse("l12^2 l23^2 w11 + 2 l12 l23 w13 + l23^2 w22 + w33", names), s.Numerator(2, 2));
        // s11 = w11 after cancelling det^2, s12 = (l12 w11 + l32 w13)/det after cancelling det.
        Assert.Equal(Polynomial.Parse("w11", names) * s.Determinant * s.Determinant, s.Numerator(0, 0));
        Assert.Equal(Polynomial.Parse("l12 w11 + l32 w13", names) * s.Determinant, s.Numerator(0, 1));
    }

    [Fact]
    public void G4_FourNodeCyclic_Exact()
    {
        var expected = M(4, "1", "61/118", "20/59", "5/59", "8733/3481", "3737/3481", "15065/13924", "11964/3481", "3935/3481", "60575/13924");
        AllThreeExact(G4, Rs("1/2", "1/3", "1/4", "1/5", "1", "2", "3", "4", "1/6"), expected);
        Assert.Equal(Polynomial.Parse("1 - l23 l34 l42", G4.ParameterNames()), ImpliedCovariance.Symbolic(G4).Determinant);
    }

    [Fact]
    public void Verma_Exact_AllThreeMethods()
    {
        // Edge order 1->2, 1->3, 2->3, 3->4: l12 = 1/2, l13 = 2/3, l23 = 1/3, l34 = 1/4.
        var expected = M(4, "1", "1/2", "5/6", "5/24", "9/4", "13/12", "7/16", "47/12", "149/144", "2461/576");
        AllThreeExact(Verma, Rs("1/2", "2/3", "1/3", "1/4", "1", "2", "3", "4", "1/6"), expected);
        var s = ImpliedCovariance.Symbolic(Verma);
        var names = Verma.ParameterNames();
        Assert.Equal(Polynomial.Parse("l34 w11 l12 l23 + l34 w11 l13", names), s.Numerator(0, 3));
        Assert.Equal(Polynomial.Parse("l12^2 l23 l34 w11 + l12 l13 l34 w11 + l23 l34 w22 + w24", names), s.Numerator(1, 3));
    }

    [Fact]
    public void G6_NumeratorHasNegativeCycleTerms()
    {
        var s = ImpliedCovariance.Symbolic(G6);
        var names = G6.ParameterNames();
        Assert.Equal(Polynomial.Parse("w11 - 2 w11 l23 l34 l42 + w11 l23^2 l34^2 l42^2", names), s.Numerator(0, 0));
    }

    [Fact]
    public void Symbolic_PrintsTextAndLatex()
    {
        var s = ImpliedCovariance.Symbolic(G1);
        string text = s.ToText();
        Assert.Contains("det = 1 - l12 l21", text);
        Assert.Contains("s12 = (l12 w11 + l21 w22) / det^2", text);
        string tex = s.ToLatex();
        Assert.Contains(@"\sigma_{12} &= \frac{\lambda_{12} \omega_{11} + \lambda_{21} \omega_{22}}{\left(1 - \lambda_{12} \lambda_{21}\right)^{2}}", tex);
        Assert.StartsWith(@"\begin{aligned}", tex);
        // Acyclic graphs print without a denominator.
        Assert.Contains("s14 = l13 l34 w11 + l12 l23 l34 w11", ImpliedCovariance.Symbolic(Verma).ToText());
    }

    [Fact]
    public void Differential_ExactRational_300RandomGraphs()
    {
        var rng = new Random(20260101);
        int cyclic = 0, tested = 0;
        while (tested < 300)
        {
            int n = rng.Next(2, 6);
            bool acyclic = tested % 3 == 0;
            var g = Random(rng, n, acyclic);
            var theta = RandomTheta(rng, g);
            Rational[,] inv;
            try { inv = ImpliedCovariance.ByInversionExact(g, theta); }
            catch (ArgumentException) { continue; } // det(I - Lambda) = 0 at this draw
            tested++;
            if (!g.IsAcyclic) cyclic++;
            Assert.Equal(inv, ImpliedCovariance.ByOneConnectionExact(g, theta));
            Assert.Equal(inv, DoubledGraphBlock(g, theta));
            if (tested % 10 == 0) Assert.Equal(inv, ImpliedCovariance.Symbolic(g).Evaluate(theta));
            if (g.IsAcyclic) Assert.Equal(inv, ImpliedCovariance.ByTrekRuleExact(g, theta));
        }
        Assert.True(cyclic >= 100, $"only {cyclic} cyclic graphs");
    }

    [Fact]
    public void Differential_Double_400RandomGraphs_Agree1e10()
    {
        var rng = new Random(7);
        int tested = 0;
        while (tested < 400)
        {
            int n = rng.Next(2, 8);
            var g = Random(rng, n, acyclic: tested % 2 == 0);
            var theta = RandomDoubleTheta(rng, g);
            LinearSem sem;
            try { sem = new LinearSem(g, theta); } catch (ArgumentException) { continue; }
            tested++;
            var inv = ImpliedCovariance.ByInversion(sem);
            var oc = ImpliedCovariance.ByOneConnection(sem);
            double scale = inv.Enumerate().Max(Math.Abs);
            Assert.True((inv - oc).Enumerate().Max(Math.Abs) <= 1e-10 * scale, $"one-connection vs inversion on {g}");
            if (g.IsAcyclic) Assert.True((inv - ImpliedCovariance.ByTrekRule(sem)).Enumerate().Max(Math.Abs) <= 1e-10 * scale, $"trek vs inversion on {g}");
        }
    }

    internal static double[] RandomDoubleTheta(Random rng, MixedGraph g)
    {
        int d = g.Directed.Count, n = g.Count;
        var t = new double[g.ParameterCount];
        for (int i = 0; i < d; i++) t[i] = rng.NextDouble() * 1.6 - 0.8;
        for (int v = 0; v < n; v++) t[d + v] = 1 + rng.NextDouble();
        // Covariances small enough for diagonal dominance, so Omega is positive definite.
        for (int b = 0; b < g.Bidirected.Count; b++) t[d + n + b] = (rng.NextDouble() - 0.5) / n;
        return t;
    }

    /// <summary>Top-right block of (I - A~)^-1 for the doubled graph A~ = [[Lambda^T, Omega], [0, Lambda]], computed exactly.</summary>
    private static Rational[,] DoubledGraphBlock(MixedGraph g, Rational[] theta)
    {
        int n = g.Count, d = g.Directed.Count, m = 2 * n;
        var a = new Rational[m, 2 * m];
        for (int i = 0; i < m; i++) for (int j = 0; j < 2 * m; j++) a[i, j] = i == j || j == m + i ? Rational.One : Rational.Zero;
        for (int e = 0; e < d; e++)
        {
            var (f, t) = (g.Directed[e].From, g.Directed[e].To);
            a[t, f] -= theta[e];          // Lambda^T in the left copy
            a[n + f, n + t] -= theta[e];  // Lambda in the right copy
        }
        for (int v = 0; v < n; v++) a[v, n + v] -= theta[d + v];
        for (int b = 0; b < g.Bidirected.Count; b++)
        {
            var e = g.Bidirected[b];
            a[e.A, n + e.B] -= theta[d + n + b]; a[e.B, n + e.A] -= theta[d + n + b];
        }
        for (int c = 0; c < m; c++)
        {
            int piv = Enumerable.Range(c, m - c).First(r => !a[r, c].IsZero);
            for (int j = 0; j < 2 * m; j++) (a[c, j], a[piv, j]) = (a[piv, j], a[c, j]);
            var inv = Rational.One / a[c, c];
            for (int j = 0; j < 2 * m; j++) a[c, j] *= inv;
            for (int r = 0; r < m; r++)
            {
                if (r == c || a[r, c].IsZero) continue;
                var f = a[r, c];
                for (int j = 0; j < 2 * m; j++) a[r, j] -= f * a[c, j];
            }
        }
        var s = new Rational[n, n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) s[i, j] = a[i, m + n + j];
        return s;
    }

    [Fact]
    public void Json_RoundTripsAndValidates()
    {
        const string json = """
            {"nodes":["y1","y2","x"],"directed":[{"from":"x","to":"y1","weight":0.5},{"from":"y1","to":"y2","weight":0.3},{"from":"y2","to":"y1","weight":0.2}],
             "bidirected":[{"a":"y1","b":"y2","weight":0.1}],"variances":{"y1":1,"y2":2,"x":1.5}}
            """;
        var sem = LinearSem.FromJson(json);
        Assert.Equal(0.3, sem.Lambda[0, 1]);
        Assert.Equal(0.1, sem.Omega[1, 0]);
        var back = LinearSem.FromJson(sem.ToJson());
        Assert.Equal(sem.Covariance(), back.Covariance());
        Assert.Equal(3, MixedGraph.FromJson(json).Directed.Count);
    }

    [Fact]
    public void BadInput_ClearErrors()
    {
        var unknown = Assert.Throws<ArgumentException>(() => MixedGraph.FromJson("""{"nodes":["a","b"],"directed":[{"from":"a","to":"c"}]}"""));
        Assert.Contains("Unknown node 'c'", unknown.Message);
        Assert.Equal("directed", unknown.ParamName);
        // det(I - Lambda) = 0: a 2-cycle with l12 l21 = 1.
        var singular = Assert.Throws<ArgumentException>(() => new LinearSem(G1, [2.0, 0.5, 1, 1]));
        Assert.Contains("I - Lambda is singular", singular.Message);
        Assert.Equal("lambda", singular.ParamName);
        var notPd = Assert.Throws<ArgumentException>(() => new LinearSem(G1b, [0.1, 0.1, 1, 1, 2]));
        Assert.Equal("omega", notPd.ParamName);
        var support = Assert.Throws<ArgumentException>(() => new LinearSem(Chain,
            Matrix<double>.Build.DenseOfArray(new double[,] { { 0, 1, 1 }, { 0, 0, 1 }, { 0, 0, 0 } }), Matrix<double>.Build.DenseIdentity(3)));
        Assert.Contains("no edge 1 -> 3", support.Message);
        const string noWeights = """{"nodes":["a","b"],"directed":[{"from":"a","to":"b"}],"variances":{"a":1,"b":1}}""";
        var missing = Assert.Throws<ArgumentException>(() => LinearSem.FromJson(noWeights));
        Assert.Contains("has no weight", missing.Message);
        Assert.Throws<ArgumentException>(() => ImpliedCovariance.ByTrekRuleExact(G1, Rs("1/2", "1/3", "1", "2")));
        Assert.Throws<ArgumentException>(() => ImpliedCovariance.ByInversionExact(G1, Rs("2", "1/2", "1", "2")));
        Assert.Throws<ArgumentException>(() => MixedGraph.FromJson("{\"nodes\": [\"a\", \"a\"]}"));
        Assert.Throws<ArgumentException>(() => MixedGraph.FromJson("{nodes"));
    }
}
