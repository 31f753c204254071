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

    /// <summary>
    /// lavaan's FIML-corrected statistics for the robust CFI, TLI and RMSEA under missing data (Zhang and Savalei 2020,
    /// "FIML-C", lavaan's version V3): T3 = the complete-data ML statistic of the model at the FIML estimates against the EM
    /// moments, and its scaling k = tr(U Wm^-1 Wc Wm^-1 U Gamma) with Wm, Jm the observed and first-order information of the
    /// saturated model under missing data, Wc its complete-data information (all at the EM moments), Gamma = Wm^-1 Jm Wm^-1,
    /// U = Wm - Wm D (D' Wm D)^-1 D' Wm and D the Jacobian of the moments; the same for the baseline model at its estimates.
    /// </summary>
    /// <returns>(T3, k) of the model and (T3, k) of the baseline.</returns>
    public static (double T, double K, double TNull, double KNull) Corrected(RamModel model, double[] theta, ConstraintSpace space,
        MissingPatterns data, SaturatedMomentsEm.Result h1)
    {
        var names = model.Variables.Take(model.Observed).ToArray();
        int p = names.Length;
        var sat = Saturated(names);
        var satTheta = Coordinates(sat, (i, j) => h1.Covariance[i, j], i => h1.Mean[i]);
        var satFiml = new FimlObjective(new RamEvaluator(sat, null, Vector<double>.Build.Dense(p)), data, 0);
        var satState = satFiml.At(satTheta)!;
        var wm = satFiml.Information(satState);
        var scores = satFiml.Scores(satState);
        var jm = scores.TransposeThisAndMultiply(scores) / data.N;
        double logDet = h1.Covariance.Cholesky().DeterminantLn;
        MlObjective Ml(RamModel m) => new(new RamEvaluator(m, h1.Covariance, h1.Mean), h1.Covariance, logDet, h1.Mean);
        var satMl = Ml(sat);
        var wc = satMl.GradientAndInformation(satMl.At(satTheta)!).Information;
        var wmInv = wm.Inverse();
        var gamma = wmInv * jm * wmInv;
        var middle = wmInv * wc * wmInv;

        (double T, double K) Of(RamModel m, double[] th, ConstraintSpace sp)
        {
            var ml = Ml(m);
            var state = ml.At(th) ?? throw new InvalidOperationException("The estimates are outside the parameter space.");
            var (dSigma, dMu) = ml.Derivatives(state);
            var delta = Matrix<double>.Build.Dense(sat.FreeCount, m.FreeCount);
            foreach (var c in sat.Cells.Where(c => c.IsFree))
                for (int a = 0; a < m.FreeCount; a++) delta[c.Free, a] = c.IsMean ? dMu[a]![c.Row] : dSigma[a][c.Row, c.Col];
            var wd = wm * delta;
            var eInv = sp.Expand(sp.Information(delta.TransposeThisAndMultiply(wd)).Inverse());
            var u = wm - wd * eInv * wd.Transpose();
            return (2 * data.N * state.F, (u * middle * u * gamma).Trace());
        }
        var (t, k) = Of(model, theta, space);
        var baseline = RamModel.FromStatements(LavaanSyntax.Parse(string.Join("\n", names.Select(v => $"{v} ~~ {v}"))), names, meanStructure: true);
        var (mean, variance) = SaturatedMomentsEm.AvailableCaseMoments(data);
        var (t0, k0) = Of(baseline, Coordinates(baseline, (i, _) => variance[i], i => mean[i]), ConstraintSpace.Unconstrained(baseline.FreeCount));
        return (t, k, t0, k0);
    }

    private static RamModel Saturated(IReadOnlyList<string> names) =>
        RamModel.FromStatements(LavaanSyntax.Parse(string.Join("\n", names.Select((v, i) => $"{v} ~~ {string.Join(" + ", names.Skip(i))}"))),
            names.ToList(), meanStructure: true);

    private static double[] Coordinates(RamModel model, Func<int, int, double> cov, Func<int, double> mean)
    {
        var theta = new double[model.FreeCount];
        foreach (var c in model.Cells.Where(c => c.IsFree)) theta[c.Free] = c.IsMean ? mean(c.Row) : cov(c.Row, c.Col);
        return theta;
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
