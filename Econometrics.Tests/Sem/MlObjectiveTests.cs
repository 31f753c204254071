using Econometrics.Data;
using Econometrics.Sem.Fitting;
using MathNet.Numerics.LinearAlgebra;
using Xunit;

namespace Econometrics.Tests.Sem;

/// <summary>The complete-data ML objective's analytic derivatives against differences of the lower-order ones.</summary>
public class MlObjectiveTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Hessian_EqualsNumericalDerivativeOfTheGradient(bool meanStructure)
    {
        // Bollen's model has regressions among latent variables (second derivatives in two A cells), loadings (A with S) and
        // residual covariances; with the mean structure the intercepts and the mean terms of the Hessian enter too. Checked
        // away from the optimum, where the residual terms of the Hessian matter.
        var frame = CsvFrame.Load(Path.Combine(Econometrics.Tests.Cli.CliRunner.DataDir, "sem", "PoliticalDemocracy.csv"));
        var model = RamModel.FromStatements(Econometrics.Sem.Syntax.LavaanSyntax.Parse(ExampleModels.PoliticalDemocracy), frame.ColumnKeys.ToList(),
            meanStructure: meanStructure);
        var columns = DataColumns.Of(frame);
        int p = model.Observed;
        var x = Matrix<double>.Build.DenseOfColumnArrays(Enumerable.Range(0, p).Select(v => columns.Numbers(model.Variables[v])));
        var mean = x.ColumnSums() / x.RowCount;
        var centered = x - Matrix<double>.Build.Dense(x.RowCount, p, (_, j) => mean[j]);
        var sample = centered.TransposeThisAndMultiply(centered) / x.RowCount;
        var ybar = meanStructure ? mean : null;
        var ml = new MlObjective(new RamEvaluator(model, sample, ybar), sample, Math.Log(sample.Determinant()), ybar);
        var rng = new Random(11);
        var theta = new double[model.FreeCount];
        foreach (var c in model.Cells.Where(c => c.IsFree))
            theta[c.Free] = c.IsMean ? mean[c.Row] + 0.3 * rng.NextDouble() : c.IsA ? 0.5 + 0.5 * rng.NextDouble()
                : c.Row == c.Col ? 0.5 * sample[Math.Min(c.Row, p - 1), Math.Min(c.Row, p - 1)] + 1 : 0.2;
        var analytic = ml.Hessian(ml.At(theta)!);
        const double H = 1e-5;
        for (int b = 0; b < theta.Length; b++)
        {
            Vector<double> G(double t) { var th = (double[])theta.Clone(); th[b] += t; return ml.Gradient(ml.At(th)!); }
            var column = (G(-2 * H) - 8 * G(-H) + 8 * G(H) - G(2 * H)) / (12 * H);
            for (int a = 0; a < theta.Length; a++)
                Assert.True(Math.Abs(column[a] - analytic[a, b]) <= 1e-6 * (1 + Math.Abs(analytic[a, b])),
                    $"H[{a},{b}]: numerical {column[a]:R}, analytic {analytic[a, b]:R}");
        }
    }
}
