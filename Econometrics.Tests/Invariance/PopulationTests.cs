using Econometrics.Tests.Support;
using Econometrics.Sem.Graphs;
using Econometrics.Causal.Invariance;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Tests.Invariance;

[VerifiesFixtures("Invariance/population_sim")]
public class PopulationTests
{
    [Fact]
    public void CoefficientsAndGapsMatchTheNoteToMachinePrecision()
    {
        var sems = SemEnvironments.LoadSpecification(Fixtures.DataFile("invariance_sem_spec.json"));
        var moments = sems.Select(s => s.Sem).ToArray();
        var expected = Fixtures.Expected("population_sim");
        foreach (var rep in expected.GetProperty("representations").EnumerateObject())
        {
            var phi = Matrix<double>.Build.DenseOfRows(rep.Value.GetProperty("phi").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble())));
            var envs = rep.Value.GetProperty("environments").EnumerateArray().ToArray();
            for (int k = 0; k < envs.Length; k++)
            {
                Assert.Equal(envs[k].GetProperty("env").GetString(), sems[k].Name);
                var fit = PopulationInvariance.Regressor(moments[k], "Y", phi);
                Assert.Equal(envs[k].GetProperty("b").GetDouble(), fit.Intercept, 1e-9);
                Assert.Equal(envs[k].GetProperty("residVar").GetDouble(), fit.ResidualVariance, 1e-9);
                var w = envs[k].GetProperty("w").EnumerateArray().Select(v => v.GetDouble()).ToArray();
                for (int j = 0; j < w.Length; j++) Assert.Equal(w[j], fit.Slopes[j], 1e-9);
            }
            var gaps = PopulationInvariance.Gaps(moments, "Y", phi);
            var g = expected.GetProperty("gaps").GetProperty(rep.Name);
            Assert.Equal(g.GetProperty("slopeGap").GetDouble(), gaps.SlopeGap, 1e-8);
            Assert.Equal(g.GetProperty("interceptGap").GetDouble(), gaps.InterceptGap, 1e-8);
            Assert.Equal(g.GetProperty("varianceRatio").GetDouble(), gaps.VarianceRatio, 1e-8);
            Assert.Equal(g.GetProperty("irmPenaltySum").GetDouble(), gaps.IrmPenalty, 1e-8);
            Assert.Equal(g.GetProperty("maxExcessRisk").GetDouble(), gaps.MaxExcessRisk, 1e-8);
        }
    }

    [Fact]
    public void ShippedCsvFilesAgreeAtTheirPrintedPrecision()
    {
        // The shipped CSVs print 6 decimals, so they agree to half a unit in the last place.
        var sems = SemEnvironments.LoadSpecification(Fixtures.DataFile("invariance_sem_spec.json"));
        var moments = sems.Select(s => s.Sem).ToArray();
        var reps = Fixtures.Expected("population_sim").GetProperty("representations");
        Matrix<double> Phi(string name) => Matrix<double>.Build.DenseOfRows(
            reps.GetProperty(name).GetProperty("phi").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble())));
        static double D(string s) => double.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        var coefLines = File.ReadAllLines(Fixtures.DataFile("invariance_population_coefs.csv")).Skip(1).ToArray();
        Assert.Equal(40, coefLines.Length);
        foreach (var line in coefLines)
        {
            var f = line.Split(',');
            int k = sems.Select(s => s.Name).ToList().IndexOf(f[1]);
            var fit = PopulationInvariance.Regressor(moments[k], "Y", Phi(f[0]));
            Assert.Equal(D(f[2]), fit.Intercept, 5.1e-7);
            var w = f[3].Split(' ').Select(D).ToArray();
            for (int j = 0; j < w.Length; j++) Assert.Equal(w[j], fit.Slopes[j], 5.1e-7);
            Assert.Equal(D(f[4]), fit.ResidualVariance, 5.1e-7);
        }
        var gapLines = File.ReadAllLines(Fixtures.DataFile("invariance_population_gaps.csv")).Skip(1).ToArray();
        Assert.Equal(8, gapLines.Length);
        foreach (var line in gapLines)
        {
            var f = line.Split(',');
            var g = PopulationInvariance.Gaps(moments, "Y", Phi(f[0]));
            double[] ours = [g.SlopeGap, g.InterceptGap, g.VarianceRatio, g.IrmPenalty, g.MaxExcessRisk];
            for (int j = 0; j < 5; j++) Assert.Equal(D(f[j + 1]), ours[j], 5.1e-7);
        }
    }

    [Fact]
    public void InterventionsReproduceTheSpecifiedEnvironments()
    {
        var sems = SemEnvironments.LoadSpecification(Fixtures.DataFile("invariance_sem_spec.json")).Select(s => s.Sem).ToArray();
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
            Assert.True(sems[k].Lambda.Equals(built[k].Lambda) && sems[k].Intercepts.Equals(built[k].Intercepts) && sems[k].Omega.Equals(built[k].Omega), $"environment {k}");
        }
        Assert.Equal(["X1", "X2"], b.ParentsOf("Y"));
        // Sampling agrees with the exact moments (n = 20000, 5 SE).
        var z = built[4].Simulate(20000, new Random(3));
        var mu = built[4].Mean();
        for (int j = 0; j < 5; j++)
            Assert.True(Math.Abs(z.Column(j).Average() - mu[j]) < 5 * Math.Sqrt(built[4].Covariance()[j, j] / 20000), $"mean {j}");
        Assert.Throws<ArgumentException>(() => b.Apply(new EdgeWeightIntervention("X1", "X3", 0.5)));  // X3 -> X1 closes the cycle X1 -> Y -> X3 -> X1
    }
}
