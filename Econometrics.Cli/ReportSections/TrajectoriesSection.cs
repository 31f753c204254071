using Econometrics.Mixtures;
using Econometrics.Reporting;

namespace Econometrics.Cli.ReportSections;

/// <summary>
/// Heterogeneous trajectories: the full growth mixture of experts on the synthetic reference set, and a two-class
/// bilinear-spline mixture of ECLS-K:2011 mathematics scores with income and parental education as gating covariates.
/// </summary>
public sealed class TrajectoriesSection : IReportSection
{
    /// <inheritdoc/>
    public string Title => "Trajectories: growth mixtures of experts";

    /// <inheritdoc/>
    public void Write(ReportSection section, ReportContext context)
    {
        var sim = GrowthData.Load(context.DataFile("moe/moe_ref_sim.csv"), "id", "Y", "T", ["gx"], ["ex"]);
        section.AddParagraph(
            "Mixture of experts for nonlinear trajectories (Liu and Perera, Psychological Methods 28(1), 152-178): within each latent " +
            "class a bilinear spline with a class-specific knot, growth factors regressed on an expert covariate (ex) and class " +
            "membership on a gating covariate (gx), with the expert covariate in the likelihood as OpenMx/nlpsem do. Data: the " +
            "synthetic reference set of the project (N = 400, 8 individually varying occasions; generating knots 3.0 and 4.5). " +
            "The fit is EM with a knot search from seeded random starts, then a quasi-Newton polish; OpenMx stops at " +
            "log-likelihood -7062.805964 on these data because the maximum sits on a kink in the knot.");
        var fit = new GrowthMixture { Classes = 2, Starts = 10, Seed = context.Seed }.Fit(sim, null, context.Cancellation);
        section.AddReproduction($"econ moe fit --data data/moe/moe_ref_sim.csv --id id --y-prefix Y --t-prefix T --classes 2 --gating gx --experts " +
            $"ex --starts 10 --seed {context.Seed}");
        section.AddSummary(fit.Summary());
        section.AddFigure("moe-sim-trajectories", "Estimated class trajectories over the individual curves (colour: modal class).", fit.PlotTrajectories(sim));
        section.AddFigure("moe-sim-posteriors", "Posterior probability of each person's assigned class.", fit.PlotPosteriors());

        var ecls = GrowthData.Load(context.DataFile("moe/RMS_dat.csv"), "ID", "M", "T", ["INCOME", "EDU"]).FromFirstOccasion();
        section.AddParagraph(
            "ECLS-K:2011 mathematics IRT scores of 500 children at 9 waves, age in months since the first wave (nlpsem's RMS_dat, " +
            "derived from the NCES ECLS-K:2011 public-use file; GPL >= 3 package data, not to be used to identify respondents). " +
            "Two classes with family income (1-18) and parents' highest education (1-8) as gating covariates.");
        var enumeration = new ClassEnumeration { MaxClasses = 3, Model = new GrowthMixture { Starts = 6, StandardErrors = false, Seed = context.Seed } }
            .Fit(GrowthData.Load(context.DataFile("moe/RMS_dat.csv"), "ID", "M", "T").FromFirstOccasion(), null, context.Cancellation);
        section.AddParagraph("The enumeration below uses 6 random starts per K to keep the report fast; `econ moe enumerate` defaults to 20. " +
            "More starts can reach a higher maximum for K = 3 (the columns final, conv. and best LL show how often the best " +
            "log-likelihood was replicated); rerun with more starts before choosing K.");
        section.AddReproduction($"econ moe enumerate --data data/moe/RMS_dat.csv --id ID --y-prefix M --t-prefix T --max-classes 3 --starts 6 " +
            $"--rebaseline --seed {context.Seed}");
        section.AddSummary(enumeration.Summary());
        section.AddFigure("moe-ecls-enumeration", "Information criteria by number of classes (no covariates, as nlpsem enumerates).",
            enumeration.PlotCriteria());
        var eclsFit = new GrowthMixture { Classes = 2, Starts = 10, Seed = context.Seed }.Fit(ecls, null, context.Cancellation);
        section.AddReproduction($"econ moe fit --data data/moe/RMS_dat.csv --id ID --y-prefix M --t-prefix T --classes 2 --gating INCOME,EDU " +
            $"--starts 10 --rebaseline --seed {context.Seed}");
        section.AddSummary(eclsFit.Summary());
        section.AddFigure("moe-ecls-trajectories", "ECLS-K mathematics: two-class trajectories (age in months since the first wave).",
            eclsFit.PlotTrajectories(ecls));
    }
}
