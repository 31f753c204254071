using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Mixtures;

public sealed partial record GrowthMixture
{
    /// <summary>Fits the mixture by multi-start EM with knot search and quasi-Newton polishing.</summary>
    /// <param name="data">The data.</param>
    /// <param name="progress">Receives the fraction of starts finished (optional).</param>
    /// <param name="cancellationToken">Cancels the fit.</param>
    /// <exception cref="ArgumentException">An option is out of range, or the data cannot support the requested classes.</exception>
    public GrowthMixtureResult Fit(GrowthData data, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        Validate(data);
        var shape = Shape(data, freeKnots: FixedKnots is null);
        var bounds = KnotBounds.From(data, Curve);
        var lik = new MixtureLikelihood(data, shape);
        var starts = new StartValues(data, shape, bounds);
        var fixedKnots = FixedKnots?.OrderBy(v => v).ToArray();
        var diagnostics = new List<Diagnostic>(data.Diagnostics);
        if (starts.UsablePersons < data.N)
            diagnostics.Add(Diagnostic.Info($"{data.N - starts.UsablePersons} person(s) with too few occasions for an individual curve entered the " +
                $"start values at random (they are in the likelihood).", "start-persons"));

        // Short runs from every start, in parallel; each start owns its generator, so the result is thread-count free.
        int S = Starts;
        var shortRuns = new (ParameterSet Ps, EmOutcome Out)[S];
        int done = 0;
        var po = new ParallelOptions { MaxDegreeOfParallelism = MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        Parallel.For(0, S, po, s =>
        {
            var ps = starts.Create(s, Seed, fixedKnots);
            var em = new EmAlgorithm(lik, bounds);
            var o = em.Run(ps, ShortIterations, Tolerance, cancellationToken);
            shortRuns[s] = (ps, o);
            progress?.Report(0.8 * Interlocked.Increment(ref done) / (S + FinalStarts));
        });
        var chosen = Enumerable.Range(0, S).Where(s => !shortRuns[s].Out.Degenerate && double.IsFinite(shortRuns[s].Out.LogLikelihood))
            .OrderByDescending(s => shortRuns[s].Out.LogLikelihood).ThenBy(s => s).Take(FinalStarts).ToArray();
        if (chosen.Length == 0)
            throw new ArgumentException(
                $"No start produced {Classes} classes each with more than {shape.PerClass} expected members; the data ({data.N} persons) do not " +
                    $"support {Classes} classes of this model.",
                nameof(Classes));
        var finals = new (ParameterSet Ps, EmOutcome Out)[chosen.Length];
        Parallel.For(0, chosen.Length, po, f =>
        {
            var ps = shortRuns[chosen[f]].Ps.Clone();
            var em = new EmAlgorithm(lik, bounds);
            if (!shape.SmoothGamma)
            {
                finals[f] = (ps, em.Run(ps, MaxIterations, Tolerance, cancellationToken));
            }
            else
            {
                // EM crawls along the ridge between a smooth curve's γ and its growth factors; a short EM warm-up and
                // quasi-Newton on every final run (γ included) converge far faster, and rank the runs by their maxima.
                var o = em.Run(ps, Math.Min(MaxIterations, SmoothWarmUp), Tolerance, cancellationToken);
                if (!o.Degenerate)
                {
                    double l = Polisher.Polish(lik, ps, bounds, cancellationToken);
                    o = o with { LogLikelihood = l, Converged = Polisher.AtStationaryPoint(lik, ps) };
                }
                finals[f] = (ps, o);
            }
            progress?.Report(0.8 * Interlocked.Increment(ref done) / (S + FinalStarts));
        });
        var valid = Enumerable.Range(0, finals.Length).Where(f => !finals[f].Out.Degenerate).ToArray();
        if (valid.Length == 0)
            throw new ArgumentException(
                $"Every run collapsed a class below {shape.PerClass} expected members; the data ({data.N} persons) do not support {Classes} " +
                    $"classes of this model.",
                nameof(Classes));
        int best = valid.OrderByDescending(f => finals[f].Out.LogLikelihood).ThenBy(f => f).First();
        var bestPs = finals[best].Ps;
        var bestOut = finals[best].Out;
        int replicated = valid.Count(f => finals[f].Out.LogLikelihood >= bestOut.LogLikelihood - 1e-3);
        if (S > 1 && replicated < 2)
            diagnostics.Add(Diagnostic.Warning("The best log-likelihood was reached by one final run only; more random starts would check that it " +
                "is the global maximum.", "not-replicated"));
        if (!bestOut.Converged && !shape.SmoothGamma)
            diagnostics.Add(Diagnostic.Warning($"EM stopped at {bestOut.Iterations} iterations before reaching its tolerance; the quasi-Newton " +
                $"polish followed.", "em-not-converged"));
        if (!bestOut.Converged && shape.SmoothGamma)
            diagnostics.Add(Diagnostic.Warning("The quasi-Newton maximisation stopped where the score is not yet zero; the estimates may be short " +
                "of the maximum.", "not-converged"));
        if (finals[best].Out.Floored)
            diagnostics.Add(Diagnostic.Warning("A covariance matrix reached its eigenvalue floor during EM (degenerate Ψ or Φ); standard errors " +
                "near the boundary are unreliable.", "covariance-floor"));

        double ll = shape.SmoothGamma ? bestOut.LogLikelihood : Polisher.Polish(lik, bestPs, bounds, cancellationToken);
        if (ll < bestOut.LogLikelihood - 1e-9) throw new InvalidOperationException("The polish lowered the log-likelihood.");
        var times = data.T.Where(t => !double.IsNaN(t)).Order().ToArray();
        if (shape.HasKnot && shape.FreeKnots) ll = KnotSearch.Refine(lik, bestPs, ll, bounds, times, cancellationToken);
        var ordered = Canonical(bestPs);
        var post = new double[data.N * shape.K];
        ll = lik.Evaluate(ordered, null, post);
        if (shape.R == 1 && !shape.HasKnot)
            for (int k = 0; k < shape.K; k++)
                if (ordered.Gamma[k][0] - bounds.Lower < 1e-3 * (bounds.Upper - bounds.Lower) || bounds.Upper - ordered.Gamma[k][0] < 1e-3 * (bounds.Upper -
                    bounds.Lower))
                    diagnostics.Add(Diagnostic.Warning(string.Create(CultureInfo.InvariantCulture,
                        $"The {shape.GammaNames[0]} of class {k + 1} ({ordered.Gamma[k][0]:G4}) is near the edge of the range searched " +
                            $"[{bounds.Lower:G4}, {bounds.Upper:G4}]; the curve is close to its linear or flat limit."), "curve-parameter-boundary"));
        progress?.Report(0.9);

        var names = ordered.Names(true, data.ExpertNames, data.GatingNames);
        var values = ordered.Pack(true);
        double[]? cov = null;
        if (StandardErrors)
        {
            cov = ObservedInformation.Covariance(lik, ordered, bounds);
            if (cov is null)
                diagnostics.Add(Diagnostic.Warning("The observed information is not positive definite (a boundary or unidentified solution); " +
                    "standard errors are not reported.", "hessian-not-pd"));
            else if (RobustStandardErrors)
            {
                cov = Sandwich(cov, CasewiseScores.Compute(lik, ordered, bounds), data.N);
                if (cov is null)
                    diagnostics.Add(Diagnostic.Warning("A casewise score left the admissible parameter space; robust standard errors are not " +
                        "reported.", "scores-undefined"));
            }
        }
        if (shape.HasKnot && shape.FreeKnots)
            for (int k = 0; k < shape.K; k++)
                if (ordered.Gamma[k][0] - bounds.Lower < 1e-6 || bounds.Upper - ordered.Gamma[k][0] < 1e-6)
                    diagnostics.Add(Diagnostic.Warning(string.Create(CultureInfo.InvariantCulture,
                        $"The knot of class {k + 1} is at the edge of its admissible range [{bounds.Lower:F3}, {bounds.Upper:F3}]."), "knot-boundary"));
        if (shape.HasKnot && shape.FreeKnots && StandardErrors)
        {
            for (int k = 0; k < shape.K; k++)
            {
                if (KnotSearch.OnObservedTime(times, ordered.Gamma[k][0]))
                    diagnostics.Add(Diagnostic.Info(string.Create(CultureInfo.InvariantCulture,
                        $"The knot of class {k + 1} ({ordered.Gamma[k][0]:F4}) sits on an observed time, a kink of the likelihood; its standard " +
                            $"error depends on the difference step."), "knot-at-kink"));
            }
        }
        var estimates = new ParameterEstimate[values.Length];
        for (int j = 0; j < values.Length; j++)
        {
            double? se = null;
            if (cov is not null)
            {
                double v = cov[j * values.Length + j];
                if (v > 0 && double.IsFinite(v)) se = Math.Sqrt(v);
            }
            double? z = values[j] / se;
            double? p = z is double zz ? 2 * MathNet.Numerics.Distributions.Normal.CDF(0, 1, -Math.Abs(zz)) : null;
            estimates[j] = new ParameterEstimate(names[j], values[j], se, z, p, values[j] - 1.959963984540054 * se, values[j] + 1.959963984540054 * se);
        }
        IReadOnlyList<ProfileInterval>? profiles = null;
        if (ProfileIntervals)
        {
            if (shape.R != 1 || !shape.FreeGamma)
                throw new ArgumentException($"Profile-likelihood intervals are for a curve with one free nonlinear parameter per class (knot, rate, " +
                    $"acceleration); a {GrowthMixtureResult.CurveName(Curve)} curve{(FixedKnots is null ? "" : " with fixed knots")} has " +
                    $"{(shape.FreeGamma ? shape.R : 0)}.", nameof(ProfileIntervals));
            var at = ordered.KnotIndices();
            var within = progress is null ? null : new Progress<double>(f => progress.Report(0.9 + 0.1 * f));
            var (intervals, notes) = ProfileLikelihood.Compute(lik, ordered, ll, bounds, at.Select(j => names[j]).ToArray(),
                at.Select(j => estimates[j].StdError).ToArray(), 0.95, within, cancellationToken);
            profiles = intervals;
            diagnostics.AddRange(notes);
        }
        progress?.Report(1.0);
        return new GrowthMixtureResult(ordered.ToPublic(), estimates, ll, shape.Count, data.Ids,
            Matrix<double>.Build.Dense(data.N, shape.K, (i, k) => post[i * shape.K + k]), Curve, Covariates, FixedKnots is not null,
            data.ExpertNames, data.GatingNames, bestOut.Converged, shortRuns[chosen[best]].Out.Iterations + bestOut.Iterations, S, replicated,
            StandardErrors && shape.HasKnot && shape.FreeKnots ? ObservedInformation.KnotStep(bounds) : null, diagnostics)
        {
            RobustStandardErrors = StandardErrors && RobustStandardErrors && cov is not null,
            FinalStarts = finals.Length,
            ConvergedStarts = valid.Count(f => finals[f].Out.Converged),
            ProfileIntervals = profiles,
        };
    }

    /// <summary>The sandwich C (SᵀS) C of the n x n bread C and the N x n casewise scores S (both row-major); null without scores.</summary>
    internal static double[]? Sandwich(double[] bread, double[]? scores, int N)
    {
        if (scores is null) return null;
        int n = scores.Length / N;
        var C = Matrix<double>.Build.Dense(n, n, bread);                       // symmetric: storage order is immaterial
        var S = Matrix<double>.Build.Dense(n, N, scores).Transpose();          // the row-major N x n scores
        var J = S.TransposeThisAndMultiply(S);
        return (C * J * C).ToColumnMajorArray();
    }

    /// <summary>EM iterations before the quasi-Newton maximisation of each final run of a smooth nonlinear curve.</summary>
    private const int SmoothWarmUp = 100;

    private void Validate(GrowthData data)
    {
        if (Classes < 1) throw new ArgumentOutOfRangeException(nameof(Classes), Classes, "At least one class is needed.");
        if (Starts < 1) throw new ArgumentOutOfRangeException(nameof(Starts), Starts, "At least one start is needed.");
        if (FinalStarts < 1 || FinalStarts > Starts)
            throw new ArgumentOutOfRangeException(nameof(FinalStarts), FinalStarts, $"FinalStarts must be between 1 and Starts ({Starts}).");
        if (ShortIterations < 1 || MaxIterations < 1) throw new ArgumentOutOfRangeException(nameof(MaxIterations), "Iteration limits must be positive.");
        if (!(Tolerance > 0)) throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, "The tolerance must be positive.");
        if (FixedKnots is not null)
        {
            if (Curve != GrowthCurve.BilinearSpline) throw new ArgumentException("Only a bilinear spline has knots.", nameof(FixedKnots));
            if (FixedKnots.Count != Classes) throw new ArgumentException($"FixedKnots has {FixedKnots.Count} values; one per class ({Classes}) is needed.",
                nameof(FixedKnots));
        }
        var shape = Shape(data, FixedKnots is null);
        int needed = Classes * (shape.PerClass + 1);
        if (data.N < needed)
            throw new ArgumentException(
                $"{Classes} classes of this model need at least {needed} persons ({shape.PerClass} parameters per class, plus one); the data have {data.N}.",
                nameof(Classes));
        int maxObs = data.Observed.Max();
        if (maxObs <= shape.Q)
            throw new ArgumentException($"A {GrowthMixtureResult.CurveName(Curve)} curve needs persons with more than {shape.Q} observed " +
                $"occasions; the most any person has is {maxObs}.", nameof(data));
        ValidateTimes(data, shape);
        if (FixedKnots is not null)
        {
            var b = KnotBounds.From(data);
            foreach (var g in FixedKnots)
                if (!(g > b.Lower && g < b.Upper))
                    throw new ArgumentOutOfRangeException(nameof(FixedKnots), g,
                        string.Create(CultureInfo.InvariantCulture, $"A knot must lie inside the admissible range ({b.Lower:F3}, {b.Upper:F3})."));
        }
    }

    /// <summary>The nonparametric curve needs at least 3 occasions and every person's time at each (its loadings accumulate intervals).</summary>
    private static void ValidateTimes(GrowthData data, ModelShape shape)
    {
        // The parametric curves are identified by the occasions check above: times increase within a person, so a
        // person with more than q occasions brings q + 1 distinct times, enough for q factors and a rate.
        if (shape.Curve == GrowthCurve.Nonparametric)
        {
            if (data.P < 3)
                throw new ArgumentException($"A nonparametric curve needs at least 3 occasions (the first interval's slope and one relative rate); " +
                    $"the data have {data.P}.", nameof(data));
            for (int i = 0; i < data.N; i++)
                for (int j = 0; j < data.P; j++)
                    if (double.IsNaN(data.T[i * data.P + j]))
                        throw new ArgumentException(
                            $"A nonparametric curve needs every person's time at every occasion (its loadings accumulate the intervals between " +
                                $"adjacent waves); person '{data.Ids[i]}' has none at occasion {j + 1} (a missing outcome). Use a parametric curve " +
                                    $"(exp, jb, bls) or complete the times.",
                            nameof(data));
        }
    }

    /// <summary>Puts the classes in canonical order (ascending knot, or ascending intercept) and re-references the gating to the new class 1.</summary>
    internal static ParameterSet Canonical(ParameterSet ps)
    {
        var s = ps.Shape;
        var order = Enumerable.Range(0, s.K)
            .OrderBy(k => s.HasKnot ? ps.Gamma[k][0] : ps.Alpha[k][0]).ThenBy(k => ps.Alpha[k][0]).ThenBy(k => k).ToArray();
        var r = new ParameterSet(s);
        int w = s.G + 1;
        for (int j = 0; j < s.K; j++)
        {
            int k = order[j];
            ps.Alpha[k].CopyTo(r.Alpha[j], 0); ps.B[k].CopyTo(r.B[j], 0); ps.Psi[k].CopyTo(r.Psi[j], 0);
            ps.MuX[k].CopyTo(r.MuX[j], 0); ps.Phi[k].CopyTo(r.Phi[j], 0);
            ps.Gamma[k].CopyTo(r.Gamma[j], 0); r.Theta[j] = ps.Theta[k];
            for (int g = 0; g < w; g++) r.Gate[j * w + g] = ps.Gate[k * w + g] - ps.Gate[order[0] * w + g];
        }
        return r;
    }
}
