using System.Text.Json;
using Econometrics.Mixtures;
using Econometrics.Tests.Support;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Tests.Mixtures;

/// <summary>Shipped data and the parameter sets of the research note's section 5.</summary>
internal static class MixtureFixtures
{
    public static string DataPath(string file) => Path.Combine(AppContext.BaseDirectory, "data", "moe", file);

    public static string ReferencePath(string folder, string file) =>
        Path.Combine(AppContext.BaseDirectory, "Reference", "Mixtures", folder, file);

    public static ReferenceFixture Fixture(string folder) => ReferenceFixture.Load($"Mixtures/{folder}");

    public static JsonElement Expected(string folder) => Fixture(folder).Expected;

    private static readonly Lazy<GrowthData> SimLazy = new(() =>
        GrowthData.Load(DataPath("moe_ref_sim.csv"), "id", "Y", "T", ["gx"], ["ex"]));

    private static readonly Lazy<GrowthData> ExampleLazy = new(() =>
        GrowthData.Load(DataPath("example_data.csv"), "id", "Y", "T", ["gx1", "gx2"], ["ex1", "ex2"]));

    /// <summary>The synthetic reference set (N = 400, p = 8, gx, ex).</summary>
    public static GrowthData Sim => SimLazy.Value;

    /// <summary>The authors' example (N = 500, p = 10, gx1, gx2, ex1, ex2).</summary>
    public static GrowthData Example => ExampleLazy.Value;

    public static Matrix<double> Sym3(params double[] v) => Matrix<double>.Build.DenseOfArray(new[,]
        { { v[0], v[1], v[2] }, { v[1], v[3], v[4] }, { v[2], v[4], v[5] } });

    public static GrowthClassParameters Class(double[] alpha, double knot, double[] b, double[] psi, double theta, double mux, double phi) =>
        new(Vector<double>.Build.DenseOfArray(alpha), knot, Matrix<double>.Build.DenseOfColumnArrays(b), Sym3(psi), theta,
            Vector<double>.Build.Dense(1, mux), Matrix<double>.Build.Dense(1, 1, phi));

    /// <summary>The generating parameters of moe_ref_sim.csv.</summary>
    public static MixtureParameters SimTruth => new(
        [Class([100, -5, -2], 3.0, [1.5, 0.3, 0.2], [16, 1, .8, .64, .1, .49], 1, 0, 1),
         Class([90, -2, -4], 4.5, [2, .4, -.2], [16, 1, .8, .64, .1, .49], 1, 0, 1)],
        Matrix<double>.Build.DenseOfArray(new[,] { { 0, 0 }, { 0.2, 0.9 } }));

    /// <summary>OpenMx's free-knot optimum on moe_ref_sim.csv (note table B.2).</summary>
    public static MixtureParameters SimOpenMx => new(
        [Class([100.343308, -5.123106, -2.106381], 2.929607, [1.238278, 0.317276, 0.195536],
            [16.550600, 0.654120, 1.158060, 0.544554, 0.123714, 0.440097], 1.033985, -0.022226, 1.143247),
         Class([90.166627, -1.948670, -4.038405], 4.554950, [2.561179, 0.460606, -0.260385],
            [15.375933, 0.976766, 0.817010, 0.690061, 0.081400, 0.526058], 0.957106, 0.000909, 1.032088)],
        Matrix<double>.Build.DenseOfArray(new[,] { { 0, 0 }, { 0.340008, 0.889570 } }));

    /// <summary>OpenMx's optimum on the authors' example (note table A).</summary>
    public static MixtureParameters ExampleOpenMx
    {
        get
        {
            static GrowthClassParameters C(double[] a, double g, double[] b1, double[] b2, double[] psi, double th, double[] mux, double[] phi) =>
                new(Vector<double>.Build.DenseOfArray(a), g, Matrix<double>.Build.DenseOfColumnArrays(b1, b2), Sym3(psi), th,
                    Vector<double>.Build.DenseOfArray(mux),
                    Matrix<double>.Build.DenseOfArray(new[,] { { phi[0], phi[1] }, { phi[1], phi[2] } }));
            return new(
                [C([99.701178, -5.112431, -2.654804], 3.518717, [0.642520, 0.129272, 0.144095], [1.130288, 0.241319, 0.353659],
                    [22.690426, 0.697454, 0.319850, 0.853503, 0.201450, 0.876215], 1.013258, [0.041721, 0.087787], [0.866556, 0.212073, 1.018854]),
                 C([99.671644, -4.816995, -3.381120], 5.558551, [0.941612, 0.263754, 0.208682], [1.682442, 0.361742, 0.515016],
                    [18.211941, 0.381392, 0.396209, 0.809081, 0.041735, 0.798641], 1.024090, [0.110327, 0.055069], [1.137381, 0.391858, 0.909038])],
                Matrix<double>.Build.DenseOfArray(new[,] { { 0, 0, 0 }, { -0.094739, 0.439923, 0.552543 } }));
        }
    }

    /// <summary>The per-person reference file: id, loglik_i_openmx, post1_openmx, post2_openmx, loglik_i_em, post1_em, post2_em.</summary>
    public static double[][] Posteriors() => File.ReadAllLines(DataPath("moe_ref_sim_posteriors.csv")).Skip(1)
        .Select(l => l.Split(',').Select(s => double.Parse(s.Trim('"'), System.Globalization.CultureInfo.InvariantCulture)).ToArray())
        .ToArray();
}
