using Econometrics.Data;
using Econometrics.Mixtures;
using MathNet.Numerics.LinearAlgebra;
using Xunit;

namespace Econometrics.Tests.Mixtures;

/// <summary>Bad input gets a clear error naming the argument or column, or a diagnostic.</summary>
public sealed class BadInputTests
{
    private static GrowthData Parse(string csv, string[]? gating = null, string[]? experts = null) =>
        GrowthData.FromFrame(CsvFrame.ParseText(csv, "test.csv", new CsvOptions { TextColumns = new HashSet<string> { "id" } }),
            "id", "Y", "T", gating, experts, "test.csv");

    [Fact]
    public void NonIncreasingTimesNameTheColumnAndLine()
    {
        var e = Assert.Throws<DataFormatException>(() => Parse("id,Y1,Y2,Y3,T1,T2,T3\na,1,2,3,0,1,2\nb,1,2,3,0,2,1.5\n"));
        Assert.Equal("T3", e.Column);
        Assert.Equal(3, e.Line);
        Assert.Contains("increase", e.Message);
        Assert.Contains("'b'", e.Message);
    }

    [Fact]
    public void FewerThanThreeOccasionsIsAnError()
    {
        var e = Assert.Throws<DataFormatException>(() => Parse("id,Y1,Y2,T1,T2\na,1,2,0,1\n"));
        Assert.Contains("at least 3 occasions", e.Message);
    }

    [Fact]
    public void MissingTimeColumnAndUnknownCovariateAreNamed()
    {
        var e = Assert.Throws<DataFormatException>(() => Parse("id,Y1,Y2,Y3,T1,T2\na,1,2,3,0,1\n"));
        Assert.Equal("T3", e.Column);
        var c = Assert.Throws<DataFormatException>(() => Parse("id,Y1,Y2,Y3,T1,T2,T3\na,1,2,3,0,1,2\n", gating: ["income"]));
        Assert.Equal("income", c.Column);
    }

    [Fact]
    public void OutcomeWithoutTimeIsAnError()
    {
        var e = Assert.Throws<DataFormatException>(() => Parse("id,Y1,Y2,Y3,T1,T2,T3\na,1,2,3,0,NA,2\n"));
        Assert.Equal("T2", e.Column);
    }

    [Fact]
    public void MissingCovariatesDropRowsWithADiagnosticThatReachesTheFit()
    {
        var d = Parse("id,Y1,Y2,Y3,T1,T2,T3,z\na,1,2,3,0,1,2,0.5\nb,1,2,3,0,1,2,NA\nc,1,NA,3,0,NA,2,1\n", gating: ["z"]);
        Assert.Equal(2, d.N);
        Assert.Equal(["a", "c"], d.Ids);
        var diag = Assert.Single(d.Diagnostics);
        Assert.Equal("missing-covariates", diag.Code);
        Assert.Contains("1 person(s)", diag.Message);
        Assert.True(double.IsNaN(d.Outcome(1, 1)));   // a missing outcome stays (FIML), it is not a dropped row

        // The same diagnostic is carried onto a fitted result.
        var sim = MixtureFixtures.Sim;
        var y = Enumerable.Range(0, sim.N * sim.P).Select(t => sim.Outcome(t / sim.P, t % sim.P)).ToArray();
        var tt = Enumerable.Range(0, sim.N * sim.P).Select(t => sim.Time(t / sim.P, t % sim.P)).ToArray();
        var z = (double[])sim.Z.Clone(); z[0] = double.NaN;
        var withGap = GrowthData.FromArrays(sim.Ids, y, tt, sim.P, sim.X, sim.ExpertNames, z, sim.GatingNames);
        var fit = new GrowthMixture { Starts = 2, FinalStarts = 1, StandardErrors = false, FixedKnots = [3.0, 4.5] }.Fit(withGap);
        Assert.Equal(399, fit.NObs);
        Assert.Contains(fit.Diagnostics, x => x.Code == "missing-covariates");
    }

    [Fact]
    public void TooManyClassesForTheDataIsAnErrorNamingClasses()
    {
        var data = MixtureFixtures.Sim;   // 400 persons, 17 parameters per class
        var e = Assert.Throws<ArgumentException>(() => new GrowthMixture { Classes = 30 }.Fit(data));
        Assert.Equal("Classes", e.ParamName);
        Assert.Contains("at least", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new GrowthMixture { Classes = 0 }.Fit(data));
    }

    [Fact]
    public void OptionsAreValidated()
    {
        var data = MixtureFixtures.Sim;
        Assert.Equal("FixedKnots", Assert.Throws<ArgumentException>(() => new GrowthMixture { FixedKnots = [3.0] }.Fit(data)).ParamName);
        Assert.Equal("FixedKnots", Assert.Throws<ArgumentOutOfRangeException>(() => new GrowthMixture { FixedKnots = [3.0, 40] }.Fit(data)).ParamName);
        Assert.Equal("FinalStarts", Assert.Throws<ArgumentOutOfRangeException>(() => new GrowthMixture { Starts = 2, FinalStarts = 3 }.Fit(data)).ParamName);
        Assert.Equal("FixedKnots", Assert.Throws<ArgumentException>(() => new GrowthMixture
        {
            Curve = GrowthCurve.Linear, FixedKnots = [1,
            2]
        }.Fit(data)).ParamName);
    }

    [Fact]
    public void LikelihoodRejectsInvalidParameters()
    {
        var p = MixtureFixtures.SimTruth;
        var bad = p with { Classes = [p.Classes[0] with { Psi = -p.Classes[0].Psi }, p.Classes[1]] };
        Assert.Equal("parameters", Assert.Throws<ArgumentException>(() => new GrowthMixture().LogLikelihood(MixtureFixtures.Sim, bad)).ParamName);
        var wrongGate = p with { Gating = Matrix<double>.Build.Dense(2, 3) };
        Assert.Contains("Gating must be 2 x 2", Assert.Throws<ArgumentException>(() => new GrowthMixture().LogLikelihood(MixtureFixtures.Sim,
            wrongGate)).Message);
    }

    /// <summary>A nonparametric curve needs every occasion's time; a missing outcome drops it.</summary>
    [Fact]
    public void NonparametricCurveWithAMissingOccasionIsAnErrorNamingThePerson()
    {
        var sim = NonlinearCurveTests.Sim("exp");
        var y = (double[])sim.Y.Clone();
        y[7 * sim.P + 3] = double.NaN;
        var d = GrowthData.FromArrays(sim.Ids, y, sim.T, sim.P, [], [], [], []);
        var e = Assert.Throws<ArgumentException>(() => new GrowthMixture { Curve = GrowthCurve.Nonparametric, Starts = 1, FinalStarts = 1 }.Fit(d));
        Assert.Equal("data", e.ParamName);
        Assert.Contains($"'{sim.Ids[7]}'", e.Message);
        Assert.Contains("occasion 4", e.Message);
    }

    /// <summary>Three occasions cannot carry a Jenss-Bayley curve (three growth factors and an acceleration).</summary>
    [Fact]
    public void JenssBayleyOnThreeOccasionsIsAnError()
    {
        var d = Parse("id,Y1,Y2,Y3,T1,T2,T3\n" + string.Concat(Enumerable.Range(0, 40).Select(i => $"p{i},{i % 5},{i % 7 + 1},{i % 3 + 2},0,1,2\n")));
        var e = Assert.Throws<ArgumentException>(() => new GrowthMixture { Curve = GrowthCurve.JenssBayley, Classes = 1, Starts = 1, FinalStarts = 1 }.Fit(d));
        Assert.Contains("Jenss-Bayley curve needs persons with more than 3 observed occasions", e.Message);
    }

    /// <summary>Truth parameters without the curve's parameters are rejected by name.</summary>
    [Fact]
    public void ParametersWithoutTheCurveParametersAreRejected()
    {
        var sim = NonlinearCurveTests.Sim("exp");
        var fit = new GrowthMixture { Curve = GrowthCurve.NegativeExponential, Starts = 2, FinalStarts = 1, StandardErrors = false }.Fit(sim);
        var stripped = new MixtureParameters(fit.Parameters.Classes.Select(c => c with { CurveParameters = Vector<double>.Build.Dense(0) }).ToArray(),
            fit.Parameters.Gating);
        var e = Assert.Throws<ArgumentException>(() => new GrowthMixture { Curve = GrowthCurve.NegativeExponential }.LogLikelihood(sim, stripped));
        Assert.Contains("rate", e.Message);
    }
}
