using Econometrics.Sem.Syntax;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Sem.Fitting;

/// <summary>
/// The traces behind the Yuan-Bentler scaled test under full-information ML, as lavaan's MLR with <c>missing = "ml"</c>
/// (its Mplus variant): tr(U Gamma) = tr(A1^-1 B1) - tr(H^-1 B0), with A1 and B1 the observed and first-order (casewise
/// score) information of the saturated model at its EM estimates, and H, B0 those of the fitted model. The saturated and the
/// baseline (independence) model are themselves fitted as RAM models through <see cref="FimlObjective"/>, so that their
/// information and scores come from the same code as the model's.
/// </summary>
internal static class FimlRobust
{
    /// <summary>tr(A^-1 B) of a model at theta: A the observed information, B the mean outer product of the casewise scores.</summary>
    public static double Trace(FimlObjective fiml, double[] theta)
    {
        var state = fiml.At(theta) ?? throw new InvalidOperationException("The moments are outside the parameter space.");
        var scores = fiml.Scores(state);
        var b = scores.TransposeThisAndMultiply(scores) / fiml.Data.N;
        return fiml.Information(state).Cholesky().Solve(b).Trace();
    }

    /// <summary>tr(A1^-1 B1) of the saturated model (free means and covariances) at the EM estimates.</summary>
    public static double SaturatedTrace(IReadOnlyList<string> names, MissingPatterns data, SaturatedMomentsEm.Result h1)
    {
        var lines = names.Select((v, i) => $"{v} ~~ {string.Join(" + ", names.Skip(i))}");
        return Trace(names, data, string.Join("\n", lines), (i, j) => h1.Covariance[i, j], i => h1.Mean[i]);
    }

    /// <summary>tr(A0^-1 B0) of the baseline model (free means and variances) at its estimates, the available-case moments.</summary>
    public static double BaselineTrace(IReadOnlyList<string> names, MissingPatterns data)
    {
        var (mean, variance) = SaturatedMomentsEm.AvailableCaseMoments(data);
        return Trace(names, data, string.Join("\n", names.Select(v => $"{v} ~~ {v}")), (i, _) => variance[i], i => mean[i]);
    }

    private static double Trace(IReadOnlyList<string> names, MissingPatterns data, string syntax, Func<int, int, double> cov, Func<int, double> mean)
    {
        var model = RamModel.FromStatements(LavaanSyntax.Parse(syntax), names.ToList(), meanStructure: true);
        var theta = new double[model.FreeCount];
        foreach (var c in model.Cells.Where(c => c.IsFree)) theta[c.Free] = c.IsMean ? mean(c.Row) : cov(c.Row, c.Col);
        var fiml = new FimlObjective(new RamEvaluator(model, null, Vector<double>.Build.Dense(names.Count)), data, 0);
        return Trace(fiml, theta);
    }
}
