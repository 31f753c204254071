using Econometrics.Causal.Invariance;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Tests.Invariance;

public class PopulationTests
{
    [Fact]
    public void CoefficientsAndGapsMatchTheNoteToMachinePrecision()
    {
        var sems = LinearSem.LoadSpecification(Fixtures.DataFile("invariance_sem_spec.json"), "Y");
        var moments = sems.Select(s => s.Sem.Moments()).ToArray();
        var expected = Fixtures.Expected("population_sim");
        foreach (var rep in expected.GetProperty("representations").EnumerateObject())
        {
            var phi = Matrix<double>.Build.DenseOfRows(rep.Value.GetProperty("phi").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble())));
            var envs = rep.Value.GetProperty("environments").EnumerateArray().ToArray();
            for (int k = 0; k < envs.Length; k++)
            {
                Assert.Equal(envs[k].GetProperty("env").GetString(), sems[k].Name);
                var fit = PopulationInvariance.Regressor(moments[k], phi);
                Assert.Equal(envs[k].GetProperty("b").GetDouble(), fit.Intercept, 1e-9);
                Assert.Equal(envs[k].GetProperty("residVar").GetDouble(), fit.ResidualVariance, 1e-9);
                var w = envs[k].GetProperty("w").EnumerateArray().Select(v => v.GetDouble()).ToArray();
                for (int j = 0; j < w.Length; j++) Assert.Equal(w[j], fit.Slopes[j], 1e-9);
            }
            var gaps = PopulationInvariance.Gaps(moments, phi);
            var g = expected.GetProperty("gaps").GetProperty(rep.Name);
            Assert.Equal(g.GetProperty("slopeGap").GetDouble(), gaps.SlopeGap, 1e-8);
            Assert.Equal(g.GetProperty("interceptGap").GetDouble(), gaps.InterceptGap, 1e-8);
            Assert.Equal(g.GetProperty("varianceRatio").GetDouble(), gaps.VarianceRatio, 1e-8);
            Assert.Equal(g.GetProperty("irmPenaltySum").GetDouble(), gaps.IrmPenalty, 1e-8);
            Assert.Equal(g.GetProperty("maxExcessRisk").GetDouble(), gaps.MaxExcessRisk, 1e-8);
        }
    }

    [Fact]
    public void ShippedCsvAgreesAtItsPrintedPrecision()
    {
        var sems = LinearSem.LoadSpecification(Fixtures.DataFile("invariance_sem_spec.json"), "Y");
        var s1 = Representation.Subset(Fixtures.Predictors, ["X1"]).Phi;
        var lines = File.ReadAllLines(Fixtures.DataFile("invariance_population_coefs.csv")).Where(l => l.StartsWith("S1_missing_parent,")).ToArray();
        Assert.Equal(5, lines.Length);
        for (int k = 0; k < 5; k++)
        {
            var f = lines[k].Split(',');
            var fit = PopulationInvariance.Regressor(sems[k].Sem.Moments(), s1);
            Assert.Equal(double.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture), fit.Intercept, 5e-7);
            Assert.Equal(double.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture), fit.Slopes[0], 5e-7);
            Assert.Equal(double.Parse(f[4], System.Globalization.CultureInfo.InvariantCulture), fit.ResidualVariance, 5e-7);
        }
    }

    [Fact]
    public void InterventionsReproduceTheSpecifiedEnvironments()
    {
        var sems = LinearSem.LoadSpecification(Fixtures.DataFile("invariance_sem_spec.json"), "Y").Select(s => s.Sem).ToArray();
        var b = sems[0];
        var built = new[]
        {
            b,
            b.Apply(new ShiftIntervention("X1", 2)),
            b.Apply(new NoiseScaleIntervention("X2", 2)),
            b.Apply(new EdgeWeightIntervention("X3", "Y", -0.4)),
            b.Apply(new HardIntervention("X2", 1.5, 0.5), new ShiftIntervention("X3", 1), new ShiftIntervention("X4", 3)),
        };
        for (int k = 0; k < 5; k++)
        {
            Assert.True(sems[k].B.Equals(built[k].B) && sems[k].C.Equals(built[k].C) && sems[k].NoiseSd.Equals(built[k].NoiseSd), $"environment {k}");
        }
        Assert.Equal(["X1", "X2"], b.ParentsOf("Y"));
        // Sampling agrees with the exact moments (n = 20000, 5 SE).
        var z = built[4].Sample(20000, new Random(3));
        var mu = built[4].Moments().Mean;
        for (int j = 0; j < 5; j++)
            Assert.True(Math.Abs(z.Column(j).Average() - mu[j]) < 5 * Math.Sqrt(built[4].Moments().Covariance[j, j] / 20000), $"mean {j}");
        Assert.Throws<ArgumentException>(() => b.Apply(new EdgeWeightIntervention("X1", "X3", 0.5)));  // creates a cycle X1 -> X2 -> X3 -> X1? X3 <- Y <- X1
    }
}
