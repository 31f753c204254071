using System.Text.Json;
using Econometrics.Mixtures;
using Econometrics.Tests.Support;
using MathNet.Numerics.LinearAlgebra;
using Xunit;

namespace Econometrics.Tests.Mixtures;

/// <summary>
/// Negative exponential, Jenss-Bayley and nonparametric (latent basis) growth mixtures against OpenMx fits of the same
/// models in nlpsem's parameterisation (Reference/Mixtures/nonlinear_curves/generate.R): ECLS-K mathematics (RMS_dat,
/// no covariates) and one simulated set per curve with a gating and a joint expert covariate.
/// </summary>
[VerifiesFixtures("Mixtures/nonlinear_curves")]
public sealed class NonlinearCurveTests
{
    private const string Folder = "nonlinear_curves";
    private static readonly ReferenceFixture Fixture = ReferenceFixture.Load("Mixtures/" + Folder);

    /// <summary>RMS_dat's mathematics scores M1..M9 with time in years since each child's first wave, (T − T1)/12.</summary>
    internal static GrowthData Rms()
    {
        var d = GrowthData.Load(MixtureFixtures.DataPath("RMS_dat.csv"), "ID", "M", "T", [], []).FromFirstOccasion();
        return GrowthData.FromArrays(d.Ids, d.Y, d.T.Select(t => t / 12).ToArray(), d.P, [], [], [], []);
    }

    internal static GrowthData Sim(string curve) =>
        GrowthData.Load(MixtureFixtures.ReferencePath(Folder, $"sim_{curve}.csv"), "id", "Y", "T", ["gx"], ["ex"]);

    internal static GrowthCurve CurveOf(string curve) => curve switch
    {
        "exp" => GrowthCurve.NegativeExponential,
        "jb" => GrowthCurve.JenssBayley,
        _ => GrowthCurve.Nonparametric,
    };

    private static (GrowthData Data, GrowthCurve Curve, JsonElement Expected) Case(string name)
    {
        var curve = name[(name.IndexOf('_') + 1)..];
        var data = name.StartsWith("rms", StringComparison.Ordinal) ? Rms() : Sim(curve);
        return (data, CurveOf(curve), Fixture.Expected.GetProperty(name));
    }

    /// <summary>OpenMx's estimates in our reporting order (Ψ's upper triangle by rows, OpenMx's unique.pairs order).</summary>
    private static double[] Packed(JsonElement e)
    {
        var v = new List<double>();
        foreach (var c in e.GetProperty("classes").EnumerateArray())
        {
            var alpha = c.GetProperty("alpha").EnumerateArray().Select(x => x.GetDouble()).ToArray();
            int q = alpha.Length;
            v.AddRange(alpha);
            v.AddRange(Doubles(c.GetProperty("gamma")));
            v.AddRange(Doubles(c.GetProperty("psi")));
            v.Add(c.GetProperty("theta").GetDouble());
            if (c.TryGetProperty("beta", out var beta) && beta.ValueKind == JsonValueKind.Array)
            {
                v.AddRange(Doubles(beta));
                v.Add(c.GetProperty("mux").GetDouble());
                v.Add(c.GetProperty("phi").GetDouble());
            }
        }
        foreach (var g in e.GetProperty("gating").EnumerateArray()) v.AddRange(Doubles(g));
        return [.. v];
    }

    private static double[] Doubles(JsonElement a) =>
        a.ValueKind == JsonValueKind.Array ? [.. a.EnumerateArray().Select(x => x.GetDouble())] : [a.GetDouble()];

    /// <summary>The public parameters from a packed vector (our reporting order).</summary>
    private static MixtureParameters Unpacked(double[] v, GrowthData d, GrowthCurve curve)
    {
        int q = curve == GrowthCurve.JenssBayley ? 3 : 2, r = curve == GrowthCurve.Nonparametric ? d.P - 2 : 1, m = d.M;
        int at = 0;
        double Next() => v[at++];
        var classes = new GrowthClassParameters[2];
        for (int k = 0; k < 2; k++)
        {
            var alpha = Vector<double>.Build.Dense(q, _ => Next());
            var gamma = Vector<double>.Build.Dense(r, _ => Next());
            var psi = Matrix<double>.Build.Dense(q, q);
            for (int a = 0; a < q; a++) for (int b = a; b < q; b++) { psi[a, b] = Next(); psi[b, a] = psi[a, b]; }
            double theta = Next();
            var B = Matrix<double>.Build.Dense(q, m);
            for (int c = 0; c < m; c++) for (int a = 0; a < q; a++) B[a, c] = Next();
            var mux = Vector<double>.Build.Dense(m, _ => Next());
            var phi = Matrix<double>.Build.Dense(m, m, (_, _) => Next());
            classes[k] = new GrowthClassParameters(alpha, double.NaN, B, psi, theta, mux, phi) { CurveParameters = gamma };
        }
        var gate = Matrix<double>.Build.Dense(2, 1 + d.G);
        for (int g = 0; g <= d.G; g++) gate[1, g] = Next();
        return new MixtureParameters(classes, gate);
    }

    /// <summary>Our likelihood at OpenMx's estimates is OpenMx's: the parameterisation is the same model.</summary>
    [Theory]
    [InlineData("rms_exp")]
    [InlineData("rms_nonp")]
    [InlineData("sim_exp")]
    [InlineData("sim_jb")]
    [InlineData("sim_nonp")]
    public void LikelihoodAtOpenMxEstimatesIsOpenMxs(string name)
    {
        var (data, curve, e) = Case(name);
        var p = Unpacked(Packed(e), data, curve);
        double ll = new GrowthMixture { Curve = curve, Classes = 2 }.LogLikelihood(data, p).LogLikelihood;
        double reference = e.GetProperty("logLik").GetDouble();
        Assert.True(Math.Abs(ll - reference) < Fixture.Tolerance("logLik"), $"{name}: ours {ll:R}, OpenMx {reference:R}");
    }

    /// <summary>Ten starts reach OpenMx's maximum (or better), with the same estimates to 1e-3.</summary>
    [Theory]
    [InlineData("rms_exp")]
    [InlineData("rms_nonp")]
    [InlineData("sim_exp")]
    [InlineData("sim_jb")]
    [InlineData("sim_nonp")]
    public void FitReachesOpenMxsMaximum(string name)
    {
        var (data, curve, e) = Case(name);
        var fit = new GrowthMixture { Curve = curve, Classes = 2, Starts = 10 }.Fit(data);
        double reference = e.GetProperty("logLik").GetDouble();
        Assert.True(fit.LogLikelihood >= reference - Fixture.Tolerance("logLik"), $"ours {fit.LogLikelihood:F6}, OpenMx {reference:F6}");
        Assert.Equal(e.GetProperty("nParameters").GetInt32(), fit.NParameters);
        if (fit.LogLikelihood - reference < 1e-4)
        {
            var expected = Packed(e);
            var ours = fit.Estimates.Select(x => x.Estimate).ToArray();
            Assert.Equal(expected.Length, ours.Length);
            for (int j = 0; j < ours.Length; j++)
                Assert.True(Math.Abs(ours[j] - expected[j]) < Fixture.Tolerance("estimates"), $"{fit.Estimates[j].Term}: ours {ours[j]:F6}, OpenMx " +
                    $"{expected[j]:F6}");
        }
        Assert.All(fit.Estimates, x => Assert.True(x.StdError is > 0, $"{x.Term} has no standard error"));
    }
}
