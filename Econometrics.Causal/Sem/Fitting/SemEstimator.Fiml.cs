using Econometrics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Sem.Fitting;

public sealed partial record SemEstimator
{
    /// <summary>
    /// lavaan's <c>missing</c>: <see cref="SemMissing.Listwise"/> (default) or <see cref="SemMissing.Ml"/> (full-information
    /// ML with the mean structure; the saturated model by EM for the chi-square; observed-information standard errors, as lavaan).
    /// </summary>
    public SemMissing Missing { get; init; }

    // Full-information ML: EM for the saturated model, start values from the complete-data ML fit to the EM moments, then
    // Newton steps on the FIML objective (the analytic observed information; Fisher scoring where it is not positive definite).
    private SemFit FitFiml(RamModel model, ParameterFunctions functions, double[][] cols, int rows, List<Diagnostic> diagnostics,
        IProgress<double>? progress, CancellationToken cancellationToken)
    {
        if (model.FixedX.Length > 0)
            throw new ArgumentException($"Full-information ML (missing = ml) does not support exogenous covariates with fixed moments (fixed.x): " +
                $"{string.Join(", ", model.FixedX.Select(i => model.Variables[i]))}. Give them a variance (x ~~ x) to model them.", "data");
        if (Estimation == SemEstimation.Mlm)
            throw new ArgumentException("Estimator MLM needs complete data; with missing = ml use MLR (as lavaan).", nameof(Estimation));
        if (functions.Inequalities.Count > 0)
            throw new ArgumentException("Inequality constraints are not supported with missing = ml.", nameof(Model));
        var data = MissingPatterns.Of(cols);
        int p = model.Observed, q = model.FreeCount, n = data.N;
        if (data.EmptyRows > 0)
            diagnostics.Add(Diagnostic.Warning($"{data.EmptyRows} of {rows} rows have every model variable missing and were dropped.", "empty-rows"));
        var coverage = data.Coverage();
        for (int i = 0; i < p; i++)
            for (int j = 0; j <= i; j++)
                if (coverage[i, j] == 0)
                    throw new ArgumentException(i == j ? $"Column '{model.Variables[i]}' has no observed value."
                        : $"Columns '{model.Variables[i]}' and '{model.Variables[j]}' are never observed together, so their covariance " +
                          "cannot be estimated.", "data");
        if (n < 2) throw new ArgumentException($"{n} rows with observed values are too few.", "data");
        var h1 = SaturatedMomentsEm.Estimate(data);
        if (!h1.Converged)
            diagnostics.Add(Diagnostic.Warning($"The EM algorithm for the saturated model did not converge in {h1.Iterations} steps.", "em"));
        double logDetS;
        try { logDetS = SmallDense.LogDeterminant(h1.Covariance.Cholesky().Factor); }
        catch (ArgumentException)
        {
            throw new ArgumentException("The EM estimate of the covariance matrix is not positive definite (a variable is constant or a " +
                                        "linear combination of others).", "data");
        }
        var equalities = ConstraintSpace.Of(q, functions.Equalities);
        int npar = q - equalities.Rank;
        int df = p * (p + 1) / 2 + p - npar;

        var eval = new RamEvaluator(model, h1.Covariance, h1.Mean);
        var ml = new SemObjective(new MlObjective(eval, h1.Covariance, logDetS, h1.Mean));
        var start = StartValues(model, h1.Covariance, h1.Mean);
        CheckIdentification([model], df, equalities, ml, start);
        var (mlState, _, _, _, _) = Minimize(ml, functions, equalities, start);
        var fiml = new FimlObjective(eval, data, h1.LogLikelihood);
        var (state, it, converged, info) = Newton(fiml, equalities, mlState.Theta);
        if (!converged) diagnostics.Add(Diagnostic.Warning($"The optimizer did not converge in {it} iterations.", "nonconvergence"));

        var vcov = InverseInformation(equalities, info, n, diagnostics);
        var mu = state.Moments.Mu!;
        var measures = FitMeasureCalculator.FromStatistics(2 * n * state.F, df, 2 * (h1.LogLikelihood - SaturatedMomentsEm.IndependenceLogLikelihood(data)),
            p * (p - 1) / 2, FitMeasureCalculator.Srmr(h1.Covariance, state.Sigma, h1.Mean, mu), state.LogLikelihood, h1.LogLikelihood, n, npar,
            state.F);
        if (Estimation == SemEstimation.Mlr && vcov is not null)
        {
            // Huber-White: bread the observed information, meat the mean outer product of the casewise scores of the FIML likelihood.
            var scores = fiml.Scores(state);
            var meat = equalities.Information(scores.TransposeThisAndMultiply(scores) / n);
            var hInv = equalities.Information(info).Inverse();
            vcov = equalities.Expand(hInv * meat * hInv) / n;
            var names = model.Variables.Take(p).ToArray();
            double traceH1 = FimlRobust.SaturatedTrace(names, data, h1);
            measures = WithScaledTest(measures, traceH1 - (hInv * meat).Trace(), traceH1 - FimlRobust.BaselineTrace(names, data), n, diagnostics);
            // The robust CFI, TLI and RMSEA under FIML are lavaan's FIML-corrected ones (Zhang and Savalei 2020): the robust
            // formulas applied to the complete-data statistics at the EM moments with their own scaling factors.
            var (t3, k3, t3Null, k3Null) = FimlRobust.Corrected(model, state.Theta, equalities, data, h1);
            var corrected = WithScaledTest(measures with { Chisq = t3, BaselineChisq = t3Null }, k3, k3Null, n, []);
            measures = measures with { CfiRobust = corrected.CfiRobust, TliRobust = corrected.TliRobust, RmseaRobust = corrected.RmseaRobust };
        }

        (Matrix<double> Covariance, (double Lo, double Hi)[] Free, double[][] Defined)? boot = null;
        int? bootDraws = null;
        Econometrics.Inference.ReplicateDraws? shardDraws = null;
        if (StandardErrors == SemStandardErrors.Bootstrap && vcov is not null)
        {
            // Case resampling of the used rows, missing values and all (lavaan's bootstrap with missing = "ml"); each replicate
            // runs EM and the FIML fit from the full-sample estimates.
            var raw = Matrix<double>.Build.Dense(n, p, (i, v) => cols[v][data.KeptRows[i]]);
            var theta0 = state.Theta;
            var draws = Bootstrap(model, functions, equalities, raw, theta0, progress, cancellationToken,
                x => FimlReplicate(model, equalities, x, theta0));
            (bootDraws, shardDraws) = (draws.Successes, draws.Shard);
            boot = SummarizeBootstrap(draws, functions, q, "a pair of variables never observed together, or no convergence", diagnostics);
            vcov = boot?.Covariance;
        }

        var (_, fs, _) = eval.Fill(state.Theta);
        var total = eval.Variances(state.Theta);
        var stdTheta = (double[])state.Theta.Clone();
        var estimates = BuildEstimates(model, state.Theta, h1.Covariance, h1.Mean, vcov, total, fs, equalities, stdTheta, [], boot?.Free);
        estimates.AddRange(DefinedEstimates(functions, state.Theta, vcov, stdTheta, boot?.Defined));
        if (ModificationIndices)
            diagnostics.Add(Diagnostic.Warning("Modification indices are not available with missing = ml.", "modindices"));
        diagnostics.Add(Diagnostic.Info($"Full-information ML over {data.Patterns.Length} missing-data patterns; the sample moments shown are the EM " +
            "estimates of the saturated model.", "fiml"));
        return new SemFit(model, estimates, measures, h1.Covariance, state.Sigma, n, it, converged, vcov, diagnostics)
        {
            Estimation = Estimation, Missing = SemMissing.Ml, Coverage = coverage, CasewiseLogLikelihood = fiml.CasewiseLogLikelihood(state),
            BootstrapDraws = bootDraws, ReplicateDraws = shardDraws,
        };
    }

    // One bootstrap replicate under FIML: null when a pair of variables is never observed together or the fit fails.
    private double[]? FimlReplicate(RamModel model, ConstraintSpace equalities, Matrix<double> x, double[] start)
    {
        var data = MissingPatterns.Of(Enumerable.Range(0, x.ColumnCount).Select(v => x.Column(v).ToArray()).ToArray());
        if (data.Coverage().Enumerate().Any(c => c == 0)) return null;
        var h1 = SaturatedMomentsEm.Estimate(data);
        try
        {
            var fiml = new FimlObjective(new RamEvaluator(model, h1.Covariance, h1.Mean), data, h1.LogLikelihood);
            var (state, _, converged, _) = Newton(fiml, equalities, start);
            return converged ? state.Theta : null;
        }
        catch (InvalidOperationException) { return null; }
    }

    // Newton steps with the observed information (Fisher scoring where it is not positive definite), halving the step until
    // F does not increase; stops on the scaled gradient as the complete-data optimizer does.
    private (FimlObjective.State State, int Iterations, bool Converged, Matrix<double> Information) Newton(FimlObjective fiml, ConstraintSpace space,
        double[] start)
    {
        var x = space.Coordinates(start);
        var state = fiml.At(space.Theta(x)) ?? fiml.At(start) ?? throw new InvalidOperationException("The start values give a singular model.");
        int it = 0; bool converged = false;
        Matrix<double> info;
        for (; ; it++)
        {
            info = fiml.Information(state);
            if (space.Dimension == 0) { converged = true; break; }
            var g = space.Gradient(fiml.Gradient(state));
            var h = space.Information(info);
            if (!IsPositiveDefinite(h)) h = space.Information(fiml.Information(state, observed: false));
            double scaled = ScaledGradient(g, h);
            if (scaled < GradientTolerance) { converged = true; break; }
            if (it >= MaxIterations) break;
            var step = Solve(h, g);
            double t = 1; FimlObjective.State? next = null;
            for (int k = 0; k < 60; k++, t /= 2)
            {
                var cand = fiml.At(space.Theta(x - t * step));
                if (cand is not null && cand.F <= state.F) { next = cand; x -= t * step; break; }
            }
            if (next is null) { converged = scaled < 1e-6; break; }
            bool stalled = state.F - next.F < 1e-16 * Math.Max(1, Math.Abs(state.F));
            state = next;
            if (stalled && scaled < 1e-7) { converged = true; info = fiml.Information(state); break; }
        }
        return (state, it, converged, info);
    }

    private static bool IsPositiveDefinite(Matrix<double> h)
    {
        var (scaled, _) = JacobiScaled(h);
        try { _ = scaled.Cholesky(); return true; }
        catch (ArgumentException) { return false; }
    }

    // The covariance of the estimates (K' I K)^-1 / N expanded to theta, or null with a diagnostic when I is singular.
    // Singular up to rounding counts as singular: a relative eigenvalue threshold on the Jacobi-scaled information (unit
    // diagonal, so the threshold does not depend on the units of the parameters), not the luck of a Cholesky pivot.
    private static Matrix<double>? InverseInformation(ConstraintSpace space, Matrix<double> info, int n, List<Diagnostic> diagnostics)
    {
        int q = space.Size, dim = space.Dimension;
        Matrix<double>? vcov = null;
        if (dim == 0) return Matrix<double>.Build.Dense(q, q);
        var (scaledInfo, d) = JacobiScaled(space.Information(info));
        var l = scaledInfo.ToColumnMajorArray();
        if (SmallDense.Cholesky(l, dim))
        {
            var inv = new double[dim * dim];
            SmallDense.Inverse(l, dim, inv);
            // The scaled information has unit diagonal, so lambda_max is in [1, dim] and 1 / lambda_min in [tr(I^-1) / dim,
            // tr(I^-1)]: the condition number lies within a factor dim^2 of tr(I^-1), which decides the threshold without
            // the eigenvalues except in that band.
            double trace = 0;
            for (int i = 0; i < dim; i++) trace += inv[i * dim + i];
            bool regular = trace * dim < 1e10 || (trace / dim <= 1e10 && MinEigenvalueRatio(scaledInfo) > 1e-10);
            if (regular && double.IsFinite(trace))
                vcov = space.Expand(Matrix<double>.Build.Dense(dim, dim, (i, j) => inv[i * dim + j] / (d[i] * d[j] * n)));
        }
        if (vcov is null || Enumerable.Range(0, q).Any(i => !space.Pins(i) && !(vcov[i, i] > 0)))
        {
            diagnostics.Add(Diagnostic.Warning("Could not compute standard errors: the information matrix is singular (the model may not be identified).",
                "singular-information"));
            return null;
        }
        return vcov;
    }

    private static double MinEigenvalueRatio(Matrix<double> symmetric)
    {
        var eig = symmetric.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric).EigenValues.Select(z => z.Real).ToArray();
        return eig.Min() / eig.Max();
    }
}
