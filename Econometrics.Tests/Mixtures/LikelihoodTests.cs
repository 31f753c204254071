using Econometrics.Tests.Support;
using Econometrics.Mixtures;
using MathNet.Numerics.LinearAlgebra;
using Xunit;

namespace Econometrics.Tests.Mixtures;

/// <summary>The log-likelihood at given parameters against the R spec (Reference/Mixtures/likelihood, tolerance 1e-6).</summary>
[VerifiesFixtures("Mixtures/likelihood")]
public sealed class LikelihoodTests
{
    private static double Exp(string name) => MixtureFixtures.Expected("likelihood").GetProperty(name).GetDouble();

    [Fact]
    public void JointLikelihoodAtTruthMatchesNote()
    {
        var ev = new GrowthMixture().LogLikelihood(MixtureFixtures.Sim, MixtureFixtures.SimTruth);
        Assert.Equal(Exp("sim_true_joint"), ev.LogLikelihood, 1e-6);
        Assert.Equal(-7079.111965, ev.LogLikelihood, 1e-6);
    }

    [Fact]
    public void ConditionalLikelihoodAtTruthMatchesNote()
    {
        var ev = new GrowthMixture { Covariates = CovariateTreatment.Conditional }.LogLikelihood(MixtureFixtures.Sim, MixtureFixtures.SimTruth);
        Assert.Equal(Exp("sim_true_conditional"), ev.LogLikelihood, 1e-6);
        Assert.Equal(-6495.296738, ev.LogLikelihood, 1e-6);
        Assert.Equal(CovariateTreatment.Conditional, ev.Treatment);
    }

    [Fact]
    public void LikelihoodAtOpenMxOptimumMatchesNoteAndPerPersonFile()
    {
        var ev = new GrowthMixture().LogLikelihood(MixtureFixtures.Sim, MixtureFixtures.SimOpenMx);
        Assert.Equal(Exp("sim_openmx_joint"), ev.LogLikelihood, 1e-6);
        Assert.Equal(-7062.805964, ev.LogLikelihood, 1e-3); // 6-decimal rounding of the estimates
        var e = MixtureFixtures.Expected("likelihood");
        var lli = e.GetProperty("sim_openmx_loglik_i").EnumerateArray().Select(x => x.GetDouble()).ToArray();
        var p1 = e.GetProperty("sim_openmx_post1").EnumerateArray().Select(x => x.GetDouble()).ToArray();
        var file = MixtureFixtures.Posteriors();
        double maxLl = 0, maxPost = 0, maxFile = 0;
        for (int i = 0; i < lli.Length; i++)
        {
            maxLl = Math.Max(maxLl, Math.Abs(ev.PerPerson[i] - lli[i]));
            maxPost = Math.Max(maxPost, Math.Abs(ev.Posteriors[i, 0] - p1[i]));
            maxFile = Math.Max(maxFile, Math.Abs(ev.Posteriors[i, 0] - file[i][2]));
            Assert.Equal(1.0, ev.Posteriors[i, 0] + ev.Posteriors[i, 1], 12);
        }
        Assert.True(maxLl < 1e-8, $"max |Δℓ_i| = {maxLl}");
        Assert.True(maxPost < 1e-8, $"max |Δτ| vs R = {maxPost}");
        Assert.True(maxFile < 2e-3, $"max |Δτ| vs the note's file = {maxFile}");
    }

    [Fact]
    public void AuthorsExampleJointAndConditional()
    {
        var ev = new GrowthMixture().LogLikelihood(MixtureFixtures.Example, MixtureFixtures.ExampleOpenMx);
        Assert.Equal(Exp("example_openmx_joint"), ev.LogLikelihood, 1e-6);
        Assert.Equal(-11458.3474, ev.LogLikelihood, 1e-3);
        var c = new GrowthMixture { Covariates = CovariateTreatment.Conditional }.LogLikelihood(MixtureFixtures.Example, MixtureFixtures.ExampleOpenMx);
        Assert.Equal(Exp("example_openmx_conditional"), c.LogLikelihood, 1e-6);
        Assert.Equal(-10075.7811, c.LogLikelihood, 1e-3);
    }

    [Fact]
    public void GatingReferenceIsClassOne()
    {
        // Adding a constant to every gating row leaves the likelihood unchanged: only differences to class 1 matter.
        var p = MixtureFixtures.SimTruth;
        var shifted = p with { Gating = p.Gating + Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, -2.0 }, { 1.0, -2.0 } }) };
        var a = new GrowthMixture().LogLikelihood(MixtureFixtures.Sim, p).LogLikelihood;
        var b = new GrowthMixture().LogLikelihood(MixtureFixtures.Sim, shifted).LogLikelihood;
        Assert.Equal(a, b, 9);
    }

    [Fact]
    public void MissingOccasionsUseObservedSubset()
    {
        // FIML: dropping an occasion of one person changes only that person's contribution, to the density of the rest.
        var d = MixtureFixtures.Sim;
        int n = d.N, p = d.P;
        var y = new double[n * p]; var t = new double[n * p];
        for (int i = 0; i < n; i++) for (int j = 0; j < p; j++) { y[i * p + j] = d.Outcome(i, j); t[i * p + j] = d.Time(i, j); }
        y[3] = double.NaN;   // person 0, occasion 4
        var full = new GrowthMixture().LogLikelihood(d, MixtureFixtures.SimTruth);
        var raw = GrowthData.Load(MixtureFixtures.DataPath("moe_ref_sim.csv"), "id", "Y", "T", ["gx"], ["ex"]);
        var missing = GrowthData.FromArrays(raw.Ids, y, t, p, raw.X, raw.ExpertNames, raw.Z, raw.GatingNames);
        var ev = new GrowthMixture().LogLikelihood(missing, MixtureFixtures.SimTruth);
        for (int i = 1; i < n; i++) Assert.Equal(full.PerPerson[i], ev.PerPerson[i], 10);
        Assert.NotEqual(full.PerPerson[0], ev.PerPerson[0]);
        Assert.True(double.IsFinite(ev.PerPerson[0]));
    }

    [Fact]
    public void NearlySingularGrowthFactorCovarianceGivesTheDenseDensity()
    {
        // A growth-factor correlation of 1 − 1e-12: the density must still equal the dense N(Λα, ΛΨΛᵀ + θI), which is
        // well conditioned through θ. A Woodbury form through Ψ⁻¹ once returned likelihoods hundreds of units too high
        // here, and the EM climbed into them (spurious bootstrap likelihood ratios).
        double a = 0.66, b = 0.0145, r = (1 - 1e-12) * Math.Sqrt(a * b);
        var psi = Matrix<double>.Build.DenseOfArray(new[,] { { a, r }, { r, b } });
        var cls = new GrowthClassParameters(Vector<double>.Build.DenseOfArray([11.7, 1.5]), double.NaN, Matrix<double>.Build.Dense(2, 0), psi, 1.07,
            Vector<double>.Build.Dense(0), Matrix<double>.Build.Dense(0, 0));
        var truth = new MixtureParameters([cls], Matrix<double>.Build.Dense(1, 1));
        var data = new GrowthMixtureDesign
        {
            Truth = truth with { Classes = [cls with { Psi = Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 0.1 }, { 0.1, 0.2 } }) }] },
            Curve = GrowthCurve.Linear, N = 60, Occasions = 5
        }.Simulate(3).Data;
        var ev = new GrowthMixture { Curve = GrowthCurve.Linear, Classes = 1 }.LogLikelihood(data, truth);
        for (int i = 0; i < data.N; i++)
        {
            var lam = Matrix<double>.Build.Dense(data.P, 2, (j, c) => c == 0 ? 1 : data.Time(i, j));
            var v = lam * psi * lam.Transpose() + 1.07 * Matrix<double>.Build.DenseIdentity(data.P);
            var e = Vector<double>.Build.Dense(data.P, j => data.Outcome(i, j)) - lam * cls.Alpha;
            double dense = -0.5 * (data.P * Math.Log(2 * Math.PI) + v.Cholesky().DeterminantLn + e * v.Solve(e));
            Assert.Equal(dense, ev.PerPerson[i], 8);
        }
    }
}
