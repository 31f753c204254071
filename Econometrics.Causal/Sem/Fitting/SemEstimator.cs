using System.Runtime.CompilerServices;
using Econometrics.LinearAlgebra;
using Deedle;
using Econometrics.Data;
using MathNet.Numerics.LinearAlgebra;
using Econometrics.Sem.Algebra;
using Econometrics.Sem.Identification;
using Econometrics.Sem.Syntax;

namespace Econometrics.Sem.Fitting;

/// <summary>
/// Maximum-likelihood fitting of a linear SEM written in lavaan syntax, following lavaan 0.6's defaults: normal
/// likelihood with divisor N, marker-variable identification (first loading fixed at 1), free residual and latent
/// variances, free covariances among exogenous latents and among pure endogenous variables, fixed.x = TRUE,
/// expected-information standard errors. Non-recursive (cyclic) models are fitted like recursive ones.
/// </summary>
/// <param name="Model">The model in lavaan syntax.</param>
public sealed partial record SemEstimator(string Model)
{
    /// <summary>The model in lavaan syntax.</summary>
    public string Model { get; init; } = Model ?? throw new ArgumentNullException(nameof(Model));

    /// <summary>Fit even when the identification check fails (standard errors may then be missing). Default false.</summary>
    public bool ForceFit { get; init; }

    /// <summary>lavaan's <c>std.lv = TRUE</c>: latent (residual) variances fixed at 1 and all loadings free. Default false (marker variables).</summary>
    public bool StdLv { get; init; }

    /// <summary>Maximum Fisher-scoring iterations. Default 500.</summary>
    public int MaxIterations { get; init; } = 500;

    /// <summary>
    /// Convergence tolerance on the largest scaled gradient entry |g_a| / sqrt(I_aa) of the objective (g the gradient, I the
    /// expected information). The scaled gradient does not change when a parameter or the data are rescaled, so the
    /// criterion means the same at any scale of the data. Default 1e-10.
    /// </summary>
    public double GradientTolerance { get; init; } = 1e-10;

    /// <summary>
    /// The estimator: <see cref="SemEstimation.Ml"/> (default) or <see cref="SemEstimation.Mlm"/> (robust standard
    /// errors and the Satorra-Bentler scaled test, with lavaan's scaled and robust fit measures).
    /// </summary>
    public SemEstimation Estimation { get; init; }

    /// <summary>
    /// lavaan's <c>se</c>: <see cref="SemStandardErrors.Standard"/> (the estimator's own) or
    /// <see cref="SemStandardErrors.Bootstrap"/> (case resampling, seeded by <see cref="Seed"/>; needs raw data).
    /// </summary>
    public SemStandardErrors StandardErrors { get; init; }

    /// <summary>The number of bootstrap replicates (lavaan's <c>bootstrap</c>). Default 1000.</summary>
    public int BootstrapReplicates { get; init; } = 1000;

    /// <summary>Threads for the bootstrap (-1: all cores). The result does not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Compute modification indices (lavaan's <c>modindices()</c>), sorted by size. Default false.</summary>
    public bool ModificationIndices { get; init; }

    /// <summary>Seed of the random points of the identification check and of the bootstrap resamples. Default 20260101.</summary>
    public int Seed { get; init; } = 20260101;

    /// <summary>
    /// lavaan's <c>meanstructure = TRUE</c>: fit intercepts and latent means as well (also switched on by any <c>~ 1</c>
    /// statement). Default false.
    /// </summary>
    public bool MeanStructure { get; init; }

    /// <summary>
    /// lavaan's <c>group</c>: the column whose values define the groups of a multiple-group model (numbered 1, 2, ... in order
    /// of first appearance in the data, as lavaan). Each group has its own parameters unless <see cref="GroupEqual"/>, a
    /// shared label or <c>c(...)</c> modifiers say otherwise; the mean structure is always fitted. Default null (one group).
    /// </summary>
    public string? Group { get; init; }

    /// <summary>
    /// lavaan's <c>group.equal</c>: kinds of parameters held equal across groups, among loadings, intercepts, means, residuals,
    /// residual.covariances, lv.variances, lv.covariances and regressions. Default none (the configural model).
    /// </summary>
    public IReadOnlyList<string> GroupEqual { get; init; } = [];

    /// <summary>The <see cref="GroupEqual"/> levels lavaan knows for continuous data.</summary>
    public static IReadOnlyList<string> GroupEqualLevels => GroupStructure.Levels;

    /// <summary>lavaan's <c>group.partial</c>: parameters ("x1 ~ 1", "visual =~ x2") exempt from <see cref="GroupEqual"/>.</summary>
    public IReadOnlyList<string> GroupPartial { get; init; } = [];

    /// <summary>lavaan's <c>int.ov.free</c>: intercepts of observed variables free by default (else fixed at 0). Default true.</summary>
    public bool ObservedInterceptsFree { get; init; } = true;

    /// <summary>lavaan's <c>int.lv.free</c>: intercepts (means) of latent variables free by default (else fixed at 0). Default false.</summary>
    public bool LatentMeansFree { get; init; }

    /// <summary>
    /// lavaan's <c>growth()</c>: the mean structure with the observed intercepts fixed at 0 and the latent intercepts free, so
    /// that the growth factors carry the means. Exogenous covariates keep their sample means (fixed.x).
    /// </summary>
    /// <param name="model">The growth model in lavaan syntax.</param>
    public static SemEstimator Growth(string model) =>
        new(model ?? throw new ArgumentNullException(nameof(model))) { MeanStructure = true, ObservedInterceptsFree = false, LatentMeansFree = true };

    private (RamModel[], ParameterFunctions) Build(IReadOnlyCollection<string> columns, int groups)
    {
        var structure = GroupStructure.Of(groups, GroupEqual ?? throw new ArgumentNullException(nameof(GroupEqual)),
            GroupPartial ?? throw new ArgumentNullException(nameof(GroupPartial)));
        if (Group is null && (structure.Equal.Count > 0 || structure.Partial.Count > 0))
            throw new ArgumentException("GroupEqual and GroupPartial need a grouping column (Group).", structure.Equal.Count > 0 ? nameof(GroupEqual)
                : nameof(GroupPartial));
        var statements = LavaanSyntax.Parse(Model);
        var models = RamModel.FromStatements(statements, columns, structure, StdLv, MeanStructure || groups > 1, ObservedInterceptsFree,
            LatentMeansFree);
        return (models, ParameterFunctions.Compile(statements, models[0]));
    }

    // One group's data: sample moments with divisor N_g (lavaan's likelihood = "normal") and, from raw data, the centred and
    // raw complete rows (fourth moments, scores and bootstrap resamples).
    private sealed record GroupData(string Label, Matrix<double> Sample, Vector<double>? Mean, int N, Matrix<double>? Centered = null,
        Matrix<double>? Raw = null);

    /// <summary>Fits the model to raw data; rows with a missing value in a model variable are dropped (listwise) with a diagnostic.</summary>
    /// <param name="data">A frame whose columns include every observed variable of the model (and the <see cref="Group"/> column).</param>
    /// <param name="progress">Receives the fraction of bootstrap replicates done (bootstrap standard errors only).</param>
    /// <param name="cancellationToken">Cancels the bootstrap.</param>
    public SemFit Fit(Frame<int, string> data, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        CheckBootstrapShards();
        if (BootstrapReplicates < 2)
            throw new ArgumentOutOfRangeException(nameof(BootstrapReplicates), BootstrapReplicates, "The bootstrap needs at least 2 replicates.");
        var columns = DataColumns.Of(data);
        int rows = data.RowCount;
        var groupOf = new int[rows];
        string[] labels = [""];
        if (Group is not null)
        {
            if (!columns.Contains(Group))
                throw new ArgumentException($"The grouping column '{Group}' (Group) is not a column of the data.", nameof(Group));
            (groupOf, labels) = columns.Codes(Group);
            if (labels.Length == 0) throw new ArgumentException($"The grouping column '{Group}' (Group) has no values.", nameof(Group));
            RequireSingleGroupFeatures(labels.Length);
        }
        var (models, functions) = (Missing == SemMissing.Ml ? this with { MeanStructure = true } : this).Build(data.ColumnKeys.ToList(), labels.Length);
        var model = models[0];
        int p = model.Observed;
        var cols = new double[p][];
        for (int v = 0; v < p; v++)
            cols[v] = columns.Numbers(model.Variables[v], $"column '{model.Variables[v]}' must be numeric for the model");
        if (Missing == SemMissing.Ml) return FitFiml(model, functions, cols, rows, [], progress, cancellationToken);
        var diagnostics = new List<Diagnostic>();
        int noGroup = groupOf.Count(g => g < 0);
        if (noGroup > 0) diagnostics.Add(Diagnostic.Warning($"{noGroup} of {rows} rows have no value in the grouping column '{Group}' and were dropped.",
            "group-missing"));
        for (int g = 0; g < labels.Length && Group is not null; g++)
            for (int v = 0; v < p; v++)
                if (Enumerable.Range(0, rows).Where(r => groupOf[r] == g).All(r => !double.IsFinite(cols[v][r])))
                    throw new ArgumentException($"Column '{model.Variables[v]}' is missing in every row of group {g + 1} [{labels[g]}].", "data");
        var complete = Enumerable.Range(0, rows).Where(r => groupOf[r] >= 0 && cols.All(c => double.IsFinite(c[r]))).ToArray();
        int incomplete = rows - noGroup - complete.Length;
        if (incomplete > 0) diagnostics.Add(Diagnostic.Warning($"{incomplete} of {rows} rows have missing values in model variables " +
            $"and were dropped (listwise deletion).", "listwise"));
        var groups = new GroupData[labels.Length];
        for (int g = 0; g < labels.Length; g++)
        {
            var keep = complete.Where(r => groupOf[r] == g).ToArray();
            int n = keep.Length;
            if (n <= p)
                throw new ArgumentException(Group is null ? $"{n} complete rows are too few for {p} observed variables."
                    : $"In column '{Group}', group {g + 1} [{labels[g]}] has {n} complete rows, too few for {p} observed variables (its sample covariance " +
                      "matrix cannot be positive definite).", "data");
            var (x, means, centered, sample) = Moments(cols, keep);
            groups[g] = new GroupData(labels[g], sample, model.HasMeans ? means : null, n, centered, x);
        }
        return Estimate(models, functions, groups, diagnostics, progress, cancellationToken);
    }

    // The rows keep of the columns, their means, the centred rows and the covariance with divisor N. Plain loops: at
    // SEM sizes (hundreds of rows, tens of columns) a general matrix product costs more in dispatch than in arithmetic.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (Matrix<double> Raw, Vector<double> Means, Matrix<double> Centered, Matrix<double> Covariance) Moments(double[][] cols, int[] keep)
    {
        int n = keep.Length, p = cols.Length;
        var raw = new double[n * p];
        var centered = new double[n * p];
        var means = new double[p];
        for (int v = 0; v < p; v++)
        {
            var c = cols[v];
            double sum = 0;
            for (int r = 0; r < n; r++) sum += raw[r + v * n] = c[keep[r]];
            double mean = means[v] = sum / n;
            for (int r = 0; r < n; r++) centered[r + v * n] = raw[r + v * n] - mean;
        }
        var cov = SmallDense.CrossProduct(centered, centered, n, p);
        for (int k = 0; k < cov.Length; k++) cov[k] /= n;
        return (Matrix<double>.Build.Dense(n, p, raw), Vector<double>.Build.Dense(means), Matrix<double>.Build.Dense(n, p, centered),
            Matrix<double>.Build.Dense(p, p, cov));
    }

    // Multiple-group fits use the ML estimator with standard errors from the expected information.
    private void RequireSingleGroupFeatures(int groups)
    {
        if (groups < 2) return;
        if (Missing == SemMissing.Ml)
            throw new ArgumentException("Full-information ML (missing = ml) is not available with several groups (Group) yet.", nameof(Missing));
        if (Estimation != SemEstimation.Ml)
            throw new ArgumentException($"Estimation {Estimation.ToString().ToUpperInvariant()} is not available with several groups (Group) yet; use ML.",
                nameof(Estimation));
        if (StandardErrors == SemStandardErrors.Bootstrap)
            throw new ArgumentException("StandardErrors = Bootstrap is not available with several groups (Group) yet.", nameof(StandardErrors));
        if (ModificationIndices)
            throw new ArgumentException("ModificationIndices are not available with several groups (Group) yet.", nameof(ModificationIndices));
    }

    /// <summary>Fits the model to a covariance matrix, rescaled by (N - 1)/N as lavaan does (sample.cov.rescale).</summary>
    /// <param name="covariance">The unbiased sample covariance.</param>
    /// <param name="names">Variable names, one per row/column.</param>
    /// <param name="nobs">The sample size N.</param>
    public SemFit Fit(Matrix<double> covariance, IReadOnlyList<string> names, int nobs)
    {
        ArgumentNullException.ThrowIfNull(covariance); ArgumentNullException.ThrowIfNull(names);
        CheckBootstrapShards();
        if (covariance.RowCount != covariance.ColumnCount || covariance.RowCount != names.Count)
            throw new ArgumentException($"The covariance matrix must be square with one row per name ({names.Count}), got {covariance.RowCount} x " +
                $"{covariance.ColumnCount}.", nameof(covariance));
        for (int i = 0; i < names.Count; i++)
            for (int j = 0; j < i; j++)
                if (Math.Abs(covariance[i, j] - covariance[j, i]) > 1e-12 * Math.Max(1, Math.Abs(covariance[i, j])))
                    throw new ArgumentException($"The covariance matrix is not symmetric at ({names[i]}, {names[j]}).", nameof(covariance));
        if (StandardErrors == SemStandardErrors.Bootstrap)
            throw new ArgumentException("Bootstrap standard errors need raw data (case resampling), not a covariance matrix.", nameof(covariance));
        if (Missing == SemMissing.Ml)
            throw new ArgumentException("Full-information ML (missing = ml) needs raw data, not a covariance matrix.", nameof(covariance));
        if (Estimation != SemEstimation.Ml)
            throw new ArgumentException($"Estimator {Estimation.ToString().ToUpperInvariant()} needs raw data (the fourth moments), not a covariance matrix.",
                nameof(covariance));
        if (Group is not null)
            throw new ArgumentException("A multiple-group fit needs raw data with the grouping column, not a covariance matrix.", nameof(Group));
        var (models, functions) = Build(names.ToList(), 1);
        var model = models[0];
        if (model.HasMeans)
            throw new ArgumentException("A model with a mean structure (intercepts or latent means) needs raw data, not a covariance matrix.",
                nameof(covariance));
        int p = model.Observed;
        if (nobs <= p) throw new ArgumentOutOfRangeException(nameof(nobs), nobs, $"N must exceed the number of observed variables ({p}).");
        var pos = model.Variables.Take(p).Select(v => names.ToList().IndexOf(v)).ToArray();
        var sample = Matrix<double>.Build.Dense(p, p, (i, j) => covariance[pos[i], pos[j]] * (nobs - 1.0) / nobs);
        return Estimate(models, functions, [new GroupData("", sample, null, nobs)], [], null, default);
    }

    private SemFit Estimate(RamModel[] models, ParameterFunctions functions, GroupData[] groups, List<Diagnostic> diagnostics,
                            IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var model = models[0];
        int p = model.Observed, q = model.FreeCount, k = model.FixedX.Length, ng = groups.Length;
        int n = groups.Sum(g => g.N);
        var obsNames = model.Variables.Take(p).ToArray();
        var logDetS = new double[ng];
        for (int g = 0; g < ng; g++)
        {
            var sample = groups[g].Sample;
            try
            {
                var factor = sample.ToColumnMajorArray();
                if (!SmallDense.Cholesky(factor, p)) throw new ArgumentException("not positive definite");
                logDetS[g] = SmallDense.LogDeterminant(factor, p);
                // A pivot that is a negligible share of its variance means the matrix is singular up to rounding.
                bool degenerate = Enumerable.Range(0, p).Any(i => !(factor[i * p + i] * factor[i * p + i] > 1e-10 * sample[i, i]));
                if (!double.IsFinite(logDetS[g]) || degenerate) throw new ArgumentException("not positive definite");
            }
            catch (ArgumentException)
            {
                throw new ArgumentException($"The sample covariance matrix of {string.Join(", ", obsNames)}" +
                    (ng > 1 ? $" in group {g + 1} [{groups[g].Label}]" : "") +
                    " is not positive definite (a variable is constant or a linear combination of others).", "data");
            }
        }
        // Linear equality constraints: theta = theta0 + K x. Each independent one adds a degree of freedom and removes a
        // parameter from npar, as in lavaan; inequality constraints change neither.
        var equalities = ConstraintSpace.Of(q, functions.Equalities);
        int npar = q - equalities.Rank;
        // With a mean structure the p means are moments too, and the k fixed.x means are not modelled.
        int df = ng * (p * (p + 1) / 2 - k * (k + 1) / 2 + (model.HasMeans ? p - k : 0)) - npar;

        var evals = new RamEvaluator[ng];
        var mls = new MlObjective[ng];
        var start = new double[q];
        var started = new bool[q];
        for (int g = 0; g < ng; g++)
        {
            evals[g] = new RamEvaluator(models[g], groups[g].Sample, groups[g].Mean);
            mls[g] = new MlObjective(evals[g], groups[g].Sample, logDetS[g], groups[g].Mean);
            // A parameter shared by several groups starts at its value in the first group that uses it.
            var sg = StartValues(models[g], groups[g].Sample, groups[g].Mean);
            foreach (var c in models[g].Cells.Where(c => c.IsFree && !started[c.Free])) { start[c.Free] = sg[c.Free]; started[c.Free] = true; }
        }
        var objective = ng == 1 ? new SemObjective(mls[0]) : new SemObjective(mls, groups.Select(g => (double)g.N / n).ToArray());
        CheckIdentification(models, df, equalities, objective, start);

        var (state, it, converged, active, space) = Minimize(objective, functions, equalities, start);
        if (!converged) diagnostics.Add(Diagnostic.Warning($"The optimizer did not converge in {it} iterations.", "nonconvergence"));
        foreach (var c in active)
            diagnostics.Add(Diagnostic.Info($"The inequality constraint '{c.Text}' is active (holds with equality) at the solution.", "active-constraint"));

        var (_, infoFinal) = objective.GradientAndInformation(state);
        var vcov = InverseInformation(space, infoFinal, n, diagnostics);
        var measures = FitMeasureCalculator.Compute(model, groups.Select(g => g.Sample).ToArray(), state.Groups.Select(s => s.Sigma).ToArray(), logDetS,
            state.Groups.Select(s => s.F).ToArray(), groups.Select(g => g.N).ToArray(), df, npar, groups.Select(g => g.Mean).ToArray(),
            state.Groups.Select(s => s.Moments.Mu).ToArray());
        var vcovStandard = vcov;
        var first = groups[0];
        if (Estimation != SemEstimation.Ml && vcov is not null)
            (vcov, measures) = Robust(model, mls[0], state, first.Sample, first.Mean, first.Centered!, vcov!, space, measures, n, diagnostics);
        (Matrix<double> Covariance, (double Lo, double Hi)[] Free, double[][] Defined)? boot = null;
        int? bootDraws = null;
        Econometrics.Inference.ReplicateDraws? shardDraws = null;
        if (StandardErrors == SemStandardErrors.Bootstrap && vcov is not null)
        {
            var draws = Bootstrap(model, functions, equalities, first.Raw!, state.Theta, progress, cancellationToken);
            (bootDraws, shardDraws) = (draws.Successes, draws.Shard);
            boot = SummarizeBootstrap(draws, functions, q, "singular resample or no convergence", diagnostics);
            vcov = boot?.Covariance;
        }
        var estimates = new List<ParameterEstimate>();
        var stdTheta = (double[])state.Theta.Clone();
        var stdSeen = new HashSet<int>();
        var totals = new Vector<double>[ng];
        Matrix<double>? fs0 = null;
        for (int g = 0; g < ng; g++)
        {
            var (_, fs, _) = evals[g].Fill(state.Theta);
            totals[g] = evals[g].Variances(state.Theta);
            fs0 ??= fs;
            var rows = BuildEstimates(models[g], state.Theta, groups[g].Sample, groups[g].Mean, vcov, totals[g], fs, space, stdTheta, stdSeen,
                boot?.Free);
            estimates.AddRange(ng == 1 ? rows : rows.Select(e => e with { Group = g + 1, GroupLabel = groups[g].Label }));
        }
        estimates.AddRange(DefinedEstimates(functions, state.Theta, vcov, stdTheta, boot?.Defined));
        List<ModificationIndex>? mi = null;
        if (ModificationIndices && vcovStandard is not null)
            mi = ModificationIndexCalculator.Compute(model, state.Theta, first.Sample, first.Mean, logDetS[0], n, vcovStandard!, totals[0], fs0!);
        else if (ModificationIndices)
            diagnostics.Add(Diagnostic.Warning("Modification indices need the inverse information, which is singular.", "modindices"));
        var groupResults = ng == 1 ? null : groups.Select((g, i) => new SemGroup(i + 1, g.Label, g.N, 2 * g.N * state.Groups[i].F, g.Sample,
            state.Groups[i].Sigma)).ToArray();
        return new SemFit(model, estimates, measures, first.Sample, state.Groups[0].Sigma, n, it, converged, vcov, diagnostics)
        {
            ModificationIndices = mi, Estimation = Estimation, BootstrapDraws = bootDraws, ReplicateDraws = shardDraws, Groups = groupResults,
        };
    }

    // MLM (Satorra-Bentler): robust covariance P B P / N; MLR (Huber-White, Yuan-Bentler): H^-1 B0 H^-1 / N. Both scale the
    // test as T / c with c = tr(U Gamma) / df, and use the baseline's c0 for the robust CFI/TLI (Brosseau-Liard and Savalei
    // 2014) and RMSEA (Brosseau-Liard, Savalei and Li 2012) as lavaan.
    private (Matrix<double>?, SemFitMeasures) Robust(RamModel model, MlObjective ml, SemObjective.State full,
        Matrix<double> sample,
        Vector<double>? sampleMean, Matrix<double> centered, Matrix<double> vcov, ConstraintSpace space, SemFitMeasures f, int n,
        List<Diagnostic> diagnostics)
    {
        int p = model.Observed;
        var state = full.Groups[0];
        var isX = new bool[p];
        foreach (var i in model.FixedX) isX[i] = true;
        var (dSigma, dMu) = ml.Derivatives(state);
        Matrix<double>? robust;
        double traceU, traceU0;

        // The baseline (independence) model: free variances (and means) of the non-x variables, the x block at S.
        var sigma0 = Matrix<double>.Build.Dense(p, p, (i, j) => i == j || (isX[i] && isX[j]) ? sample[i, j] : 0);
        var sigma0Inv = SmallDense.InverseSpd(sigma0) ?? sigma0.Inverse();
        var free = Enumerable.Range(0, p).Where(i => !isX[i]).ToArray();
        var d0 = new List<Matrix<double>>();
        var m0 = new List<Vector<double>?>();
        foreach (var v in free)
        {
            var e = Matrix<double>.Build.Dense(p, p); e[v,
            v] = 1; d0.Add(e); m0.Add(model.HasMeans ? Vector<double>.Build.Dense(p) : null);
        }
        if (model.HasMeans)
            foreach (var v in free) { d0.Add(Matrix<double>.Build.Dense(p, p)); var e = Vector<double>.Build.Dense(p); e[v] = 1; m0.Add(e); }
        int q0 = d0.Count, nv = free.Length;
        // The baseline's information: observed = expected here (Sigma0 is linear in its parameters and its residuals vanish
        // on the diagonal and in the means). With unit dSigma_v = e_v e_v' and dmu_v = e_v: 0.5 tr(P E_v P E_w) = 0.5 P_vw^2 and
        // e_v' P e_w = P_vw (P = Sigma0^-1), zero between a variance and a mean.
        var e0 = Matrix<double>.Build.Dense(q0, q0);
        for (int a = 0; a < nv; a++)
            for (int b = 0; b < nv; b++)
            {
                double pab = sigma0Inv[free[a], free[b]];
                e0[a, b] = 0.5 * pab * pab;
                if (model.HasMeans) e0[nv + a, nv + b] = pab;
            }
        if (Estimation == SemEstimation.Mlm)
        {
            var (meat, trWG) = SatorraBentler.Pieces(centered, sample, state.SigmaInv, dSigma, dMu, isX, model.HasMeans);
            var pInv = vcov * n;
            robust = pInv * meat * pInv / n;
            traceU = trWG - (pInv * meat).Trace();
            var (meat0, trWG0) = SatorraBentler.Pieces(centered, sample, sigma0Inv, d0, m0, isX, model.HasMeans);
            traceU0 = trWG0 - SmallDense.TraceOfProduct(SmallDense.InverseSpd(e0) ?? e0.Inverse(), meat0);
        }
        else
        {
            double h1 = HuberWhite.UnrestrictedTrace(centered, sample, isX, model.HasMeans);
            // Scores at the implied moments (lavaan's structured h1): the implied means with a mean structure, else the sample means.
            var resid = state.Moments.Mu is { } mu ? centered - Matrix<double>.Build.Dense(n, p, (_, j) => mu[j] - sampleMean![j]) : centered;
            var scores = HuberWhite.Scores(resid, state.SigmaInv, dSigma, dMu);
            var b0 = space.Information(SmallDense.CrossProduct(scores) / n);
            var hInv = SmallDense.InverseSpd(space.Information(ml.Hessian(state)));
            if (hInv is null || !hInv.Enumerate().All(double.IsFinite))
            {
                diagnostics.Add(Diagnostic.Warning("The observed information is not positive definite: no robust (Huber-White) standard " +
                    "errors or scaled test.", "observed-information"));
                return (null, f);
            }
            robust = space.Expand(SmallDense.Product(SmallDense.Product(hInv, b0), hInv)) / n;
            traceU = h1 - SmallDense.TraceOfProduct(hInv, b0);
            var scores0 = HuberWhite.Scores(centered, sigma0Inv, d0, m0);
            traceU0 = h1 - SmallDense.TraceOfProduct(SmallDense.InverseSpd(e0) ?? e0.Inverse(), SmallDense.CrossProduct(scores0)) / n;
        }
        return (robust, WithScaledTest(f, traceU, traceU0, n, diagnostics));
    }

    // The scaled test T / c with c = tr(U Gamma) / df, and the robust CFI/TLI (Brosseau-Liard and Savalei 2014) and RMSEA
    // (Brosseau-Liard, Savalei and Li 2012) from the baseline's c0, as lavaan.
    private SemFitMeasures WithScaledTest(SemFitMeasures f, double traceU, double traceU0, int n, List<Diagnostic> diagnostics)
    {
        double c = f.Df > 0 ? traceU / f.Df : double.NaN;
        if (c < 0) c = double.NaN;
        double c0 = f.BaselineDf > 0 ? traceU0 / f.BaselineDf : double.NaN;

        double t = f.Chisq, tb = f.BaselineChisq;
        double scaled = double.IsNaN(c) ? t : t / c;
        double cfi = double.NaN, tli = double.NaN, rmsea = double.NaN;
        if (double.IsFinite(c) && double.IsFinite(c0))
        {
            double t1 = Math.Max(t - c * f.Df, 0), t2 = Math.Max(Math.Max(t - c * f.Df, tb - c0 * f.BaselineDf), 0);
            cfi = t1 == 0 && t2 == 0 ? 1 : 1 - t1 / t2;
            double u1 = (t - c * f.Df) * f.BaselineDf, u2 = (tb - c0 * f.BaselineDf) * f.Df;
            tli = Math.Abs(u2) > 0 ? 1 - u1 / u2 : 1;
            rmsea = Math.Sqrt(Math.Max(t / n / f.Df - c / n, 0));
        }
        else if (f.Df == 0) rmsea = 0;
        if (double.IsNaN(c) && f.Df > 0)
            diagnostics.Add(Diagnostic.Warning($"The {(Estimation == SemEstimation.Mlm ? "Satorra-Bentler" : "Yuan-Bentler")} scaling factor " +
                "is not positive; the scaled test is not available.", "scaling-factor"));
        return f with
        {
            ChisqScaled = scaled,
            DfScaled = f.Df,
            PValueScaled = f.Df > 0 && double.IsFinite(scaled) ? ReferenceDistribution.ChiSquared(f.Df).Survival(scaled) : double.NaN,
            ChisqScalingFactor = c,
            BaselineChisqScaled = double.IsNaN(c0) ? tb : tb / c0,
            BaselineChisqScalingFactor = c0,
            CfiRobust = cfi,
            TliRobust = tli,
            RmseaRobust = rmsea,
        };
    }

    // Fits over the equality constraints, with the inequality constraints by an active set.
    private (SemObjective.State State, int Iterations, bool Converged, List<LinearConstraint> Active, ConstraintSpace Space) Minimize(
        SemObjective ml, ParameterFunctions functions, ConstraintSpace equalities, double[] start)
    {
        // Inequality constraints by an active set: fit with the active ones held as equalities, add the most violated
        // inactive one, drop an active one whose Lagrange multiplier has the wrong sign, until neither happens.
        var active = new List<LinearConstraint>();
        var space = equalities;
        var (state, it, converged) = Optimize(ml, space, start);
        for (int round = 0; round < 2 * functions.Inequalities.Count + 2 && functions.Inequalities.Count > 0; round++)
        {
            var violated = functions.Inequalities.Where(c => !active.Contains(c))
                .Select(c => (c, slack: c.Slack(state.Theta) / Norm(c.A)))
                .Where(t => t.slack < -1e-9 * (1 + state.Theta.Max(Math.Abs))).OrderBy(t => t.slack).Select(t => t.c).FirstOrDefault();
            LinearConstraint? release = null;
            if (violated is null && active.Count > 0)
            {
                var (g, _) = ml.GradientAndInformation(state);
                var lambda = Multipliers(functions.Equalities.Concat(active).ToList(), g);
                int worst = -1;
                double tol = 1e-8 * (1 + g.AbsoluteMaximum());
                for (int j = 0; j < active.Count; j++)
                    if (lambda[functions.Equalities.Count + j] < -tol && (worst < 0 || lambda[functions.Equalities.Count + j] <
                        lambda[functions.Equalities.Count + worst])) worst = j;
                if (worst >= 0) release = active[worst];
            }
            if (violated is null && release is null) break;
            if (violated is not null) active.Add(violated); else active.Remove(release!);
            space = ConstraintSpace.Of(equalities.Size, functions.Equalities.Concat(active).ToList());
            int used = it;
            (state, it, converged) = Optimize(ml, space, state.Theta);
            it += used;
        }
        return (state, it, converged, active, space);
    }

    private static double Norm(double[] a) => Math.Sqrt(a.Sum(x => x * x));

    // Least-squares multipliers lambda of g = C' lambda (C the constraint rows); the SVD keeps redundant rows harmless.
    private static Vector<double> Multipliers(IReadOnlyList<LinearConstraint> rows, Vector<double> g)
    {
        var c = Matrix<double>.Build.Dense(rows.Count, g.Count, (i, j) => rows[i].A[j]);
        return c.Transpose().Svd(true).Solve(g);
    }

    // Fisher scoring over the coordinates x of the constraint space (theta itself when unconstrained).
    private (SemObjective.State State, int Iterations, bool Converged) Optimize(SemObjective ml, ConstraintSpace space, double[] start)
    {
        var x = space.Coordinates(start);
        var theta = space.Theta(x);
        var state = ml.At(theta) ?? (space.IsIdentity ? null : ml.At(start))
                    ?? throw new InvalidOperationException("The start values give a singular model.");
        if (space.Dimension == 0) return (state, 0, true);
        int it = 0; bool converged = false;
        for (; it < MaxIterations; it++)
        {
            var (gt, it_) = ml.GradientAndInformation(state);
            var g = space.Gradient(gt);
            var info = space.Information(it_);
            double scaled = ScaledGradient(g, info);
            if (scaled < GradientTolerance) { converged = true; break; }
            // Fisher scoring converges linearly (at a rate set by the misfit); close to the optimum, Newton steps on the
            // analytic Hessian converge quadratically. Far from it the Hessian need not be positive definite, and scoring is safer.
            var step = (scaled < NewtonThreshold && ml.Hessian(state) is { } hess ? TrySolve(space.Information(hess), g) : null) ?? Solve(info, g);
            double t = 1; SemObjective.State? next = null;
            for (int h = 0; h < 60; h++, t /= 2)
            {
                var cand = ml.At(space.Theta(x - t * step));
                if (cand is not null && cand.F <= state.F) { next = cand; x -= t * step; break; }
                // Near the optimum F is flat to rounding, so comparing F values no longer tells steps apart (halving would
                // only find a step too small to change F): take the full scoring step, which the gradient trusts, and stop.
                if (h == 0 && cand is not null && scaled < 1e-7 && cand.F - state.F <= 1e-14 * Math.Max(1, Math.Abs(state.F)))
                {
                    state = cand;
                    x -= step;
                    converged = true;
                    break;
                }
            }
            if (converged) break;
            if (next is null) { converged = scaled < 1e-6; break; }
            bool stalled = state.F - next.F < 1e-16 * Math.Max(1, state.F);
            state = next;
            if (stalled && scaled < 1e-7) { converged = true; break; }
        }
        return (state, it, converged);
    }

    // std.all of a defined parameter is its function of the standardized parameters (lavaan's standardizedSolution).
    // With bootstrap draws, the SE and percentile interval of a defined parameter come from its own bootstrap distribution.
    private static IEnumerable<ParameterEstimate> DefinedEstimates(ParameterFunctions functions, double[] theta, Matrix<double>? vcov, double[] std,
        double[][]? draws = null)
    {
        int k = 0;
        foreach (var d in functions.Defined)
        {
            var v = functions.Evaluate(d.Expression!, theta);
            double? se = null;
            (double Lo, double Hi)? ci = null;
            if (draws is not null)
            {
                double spread = StandardDeviation(draws[k]);
                if (spread > 0) se = spread;
                ci = Percentile(draws[k]);
            }
            else if (vcov is not null)
            {
                var grad = Vector<double>.Build.DenseOfArray(v.Gradient);
                double var = grad.DotProduct(vcov * grad);
                if (var > 0 && double.IsFinite(var)) se = Math.Sqrt(var);
            }
            double? z = se is double sd ? v.Value / sd : null;
            double? pv = z is double zz ? ReferenceDistribution.Normal.PValue(zz, Tail.TwoSided) : null;
            double stdValue = functions.Evaluate(d.Expression!, std).Value;
            k++;
            yield return new ParameterEstimate($"{d.Lhs} := {d.Expression!.Text}", v.Value, se, z, pv, ci?.Lo, ci?.Hi)
            {
                Lhs = d.Lhs, Op = ":=", Rhs = d.Expression!.Text, Label = d.Lhs, Free = false,
                StdAll = double.IsFinite(stdValue) ? stdValue : null,
            };
        }
    }

    private void CheckIdentification(RamModel[] models, int df, ConstraintSpace equalities, SemObjective ml, double[] start)
    {
        if (ForceFit) return;
        var model = models[0];
        if (equalities.Rank > 0)
        {
            try { CheckIdentification(models, df + equalities.Rank, ConstraintSpace.Unconstrained(model.FreeCount), ml, start); return; }
            catch (UnidentifiedModelException) when (df >= 0)
            {
                // Constraints can identify what the free model does not: check the rank of K'IK at the start values instead.
                var state = ml.At(equalities.Theta(equalities.Coordinates(start)));
                if (state is not null)
                {
                    var (scaled, _) = JacobiScaled(equalities.Information(ml.GradientAndInformation(state).Information));
                    var eig = scaled.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric).EigenValues.Select(z => z.Real).ToArray();
                    if (eig.Length == 0 || eig.Min() > 1e-8 * eig.Max()) return;
                }
                throw;
            }
        }
        var names = new string[model.FreeCount];
        for (int g = models.Length - 1; g >= 0; g--)
            foreach (var c in models[g].Cells.Where(c => c.IsFree).Reverse())
                names[c.Free] = GroupStructure.Text(c.Lhs, c.Op, c.Rhs) + (models.Length > 1 ? $" (group {g + 1})" : "");
        if (df < 0)
            throw new UnidentifiedModelException($"The model is not identified: it has {model.FreeCount} free parameters but only " +
                $"{df + model.FreeCount} covariance moments (df = {df}). Add constraints or instruments, or set ForceFit to fit anyway.", names);
        var (rank, unid) = JacobianRank.Compute(models, Seed);
        if (rank < model.FreeCount)
        {
            var bad = unid.Select(i => names[i]).ToArray();
            throw new UnidentifiedModelException($"The model is not identified: the Jacobian of the covariance map has rank {rank} < " +
                $"{model.FreeCount} free parameters at random points (exact, modulo 2^31 - 1), so {model.FreeCount - rank} direction(s) " +
                $"leave Sigma unchanged. Parameters involved: {string.Join(", ", bad)}. Set ForceFit to fit anyway.", bad);
        }
    }

    // max_a |g_a| / sqrt(I_aa): invariant under rescaling any parameter (g_a scales as 1/c, I_aa as 1/c^2).
    private static double ScaledGradient(Vector<double> g, Matrix<double> info)
    {
        double m = 0;
        for (int a = 0; a < g.Count; a++)
            m = Math.Max(m, info[a, a] > 0 ? Math.Abs(g[a]) / Math.Sqrt(info[a, a]) : Math.Abs(g[a]) == 0 ? 0 : double.PositiveInfinity);
        return m;
    }

    // D^-1/2 I D^-1/2 with D = diag(I) (zero diagonals left unscaled) and the scale vector sqrt(diag(I)), in plain loops over
    // the column-major array (it runs on every optimizer step; Math.NET's element-initialiser form cost a fifth of a fit).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (Matrix<double> Scaled, double[] D) JacobiScaled(Matrix<double> info)
    {
        int q = info.RowCount;
        var a = info.AsColumnMajorArray() ?? info.ToColumnMajorArray();
        var d = new double[q];
        for (int k = 0; k < q; k++) d[k] = a[k + k * q] > 0 ? Math.Sqrt(a[k + k * q]) : 1;
        var scaled = new double[q * q];
        for (int j = 0; j < q; j++)
            for (int i = 0; i < q; i++) scaled[i + j * q] = a[i + j * q] / (d[i] * d[j]);
        return (Matrix<double>.Build.Dense(q, q, scaled), d);
    }

    // The scaled gradient below which the optimizer takes Newton steps.
    private const double NewtonThreshold = 1e-3;

    // The Fisher-scoring step I^-1 g, solved on the Jacobi-scaled information so that parameters of very different units
    // (loadings near 1, variances near 1e12 for data in the millions) do not make a well-posed system look singular.
    private static Vector<double> Solve(Matrix<double> info, Vector<double> g) =>
        TrySolve(info, g, ridge: true) ?? throw new InvalidOperationException("The ridge step is singular (internal).");

    // The step (Jacobi-scaled) by Cholesky; null when the matrix is not positive definite, unless ridge is set.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Vector<double>? TrySolve(Matrix<double> info, Vector<double> g, bool ridge = false)
    {
        int q = g.Count;
        var (scaled, d) = JacobiScaled(info);
        var gs = new double[q];
        for (int j = 0; j < q; j++) gs[j] = g[j] / d[j];
        var l = scaled.ToColumnMajorArray();
        double[]? step = null;
        if (SmallDense.Cholesky(l, q))
        {
            step = (double[])gs.Clone();
            SmallDense.Solve(l, q, step);
            if (!step.All(double.IsFinite)) step = null;
        }
        // Singular information (an unidentified model under ForceFit): a ridge keeps the step finite.
        if (step is null && !ridge) return null;
        step ??= (scaled + 1e-8 * Matrix<double>.Build.DenseIdentity(q)).Solve(Vector<double>.Build.Dense(gs)).ToArray();
        for (int a = 0; a < q; a++) step[a] /= d[a];
        return Vector<double>.Build.Dense(step);
    }

    // Start values on the scale of S, so that the iterations are the same at any scale of the data: loadings
    // sqrt(s_jj / s_mm) when the latent variable has a marker indicator m (its scale is the marker's; 1 for indicators on a
    // common scale), else sqrt(s_jj / 2); regressions and covariances 0;
    // residual variances s_jj / 2; latent variances 0.05 times the variance of the first indicator (lavaan's 0.05 for
    // unit-variance data).
    private static double[] StartValues(RamModel model, Matrix<double> sample, Vector<double>? sampleMean)
    {
        int m = model.Size;
        var scale = new double[m];
        for (int v = 0; v < model.Observed; v++) scale[v] = sample[v, v];
        double mean = Enumerable.Range(0, model.Observed).Average(v => sample[v, v]);
        var loadings = model.Cells.Where(c => c.Op == "=~").ToList();
        var marker = new Dictionary<int, int>();
        foreach (var c in loadings.Where(c => !c.IsFree && c.Value != 0)) marker.TryAdd(c.Col, c.Row);
        for (int v = model.Observed; v < m; v++)
        {
            var first = loadings.FirstOrDefault(c => c.Col == v && c.Row < model.Observed);
            scale[v] = first is null ? mean : sample[first.Row, first.Row];
        }
        var t = new double[model.FreeCount];
        foreach (var c in model.Cells.Where(c => c.IsFree).GroupBy(c => c.Free).Select(g => g.First()))
            t[c.Free] = c.Op switch
            {
                "=~" => marker.TryGetValue(c.Col, out int mk) ? Math.Sqrt(scale[c.Row] / scale[mk]) : Math.Sqrt(0.5 * scale[c.Row]),
                "~" => 0.0,
                // Observed intercepts start at the sample means, latent means at 0.
                "~1" => c.Row < model.Observed ? sampleMean![c.Row] : 0.0,
                _ when c.Row != c.Col => 0.0,
                _ => model.IsLatent(c.Row) ? 0.05 * scale[c.Row] : 0.5 * sample[c.Row, c.Row],
            };
        return t;
    }

    private static List<ParameterEstimate> BuildEstimates(RamModel model, double[] theta, Matrix<double> sample, Vector<double>? sampleMean,
        Matrix<double>? vcov,
                                                    Vector<double> total, Matrix<double> s, ConstraintSpace space, double[] stdTheta,
                                                    HashSet<int> stdSeen, (double Lo, double Hi)[]? intervals = null)
    {
        var list = new List<ParameterEstimate>();
        // lavaan's order: loadings, regressions, then covariances and variances.
        int Rank(RamCell c) => c.Op switch { "=~" => 0, "~" => 1, "~~" => 2, _ => 3 };
        foreach (var c in model.Cells.OrderBy(Rank))
        {
            double est = c.IsFree ? theta[c.Free] : c.Kind == RamCellKind.FixedX ? (c.IsMean ? sampleMean![c.Row] : sample[c.Row, c.Col]) : c.Value;
            // A free parameter pinned by constraints has no standard error (lavaan reports 0 or NA).
            double? se = c.IsFree && vcov is not null && !space.Pins(c.Free) ? Math.Sqrt(vcov[c.Free, c.Free]) : null;
            double? z = se is double sd ? est / sd : null;
            double? pv = z is double zz ? ReferenceDistribution.Normal.PValue(zz, Tail.TwoSided) : null;
            // std.all: coefficients rescaled by model-implied standard deviations; (co)variances by the variances of their own
            // matrix, so residual covariances become residual correlations.
            // Intercepts and means are divided by the model-implied standard deviation of their variable.
            double std = c.IsA ? est * Math.Sqrt(total[c.Col] / total[c.Row])
                : c.IsMean ? est / Math.Sqrt(total[c.Row])
                : c.Row == c.Col ? est / total[c.Row]
                : est / Math.Sqrt(s[c.Row, c.Row] * s[c.Col, c.Col]);
            if (c.IsFree && stdSeen.Add(c.Free)) stdTheta[c.Free] = std;
            (double Lo, double Hi)? ci = se is not null && intervals is not null ? intervals[c.Free] : null;
            list.Add(new ParameterEstimate(c.IsMean ? $"{c.Lhs} ~ 1" : $"{c.Lhs} {c.Op} {c.Rhs}", est, se, z, pv, ci?.Lo, ci?.Hi)
            {
                Lhs = c.Lhs, Op = c.Op, Rhs = c.Rhs, Label = c.Label, Free = c.IsFree, StdAll = double.IsFinite(std) ? std : null,
            });
        }
        return list;
    }
}
