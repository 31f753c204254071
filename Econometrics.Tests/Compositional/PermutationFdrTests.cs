using Econometrics.Tests.Support;
using System.Text.Json;
using Econometrics.Compositional;
using Econometrics.LinearAlgebra;
using Xunit;
using static Econometrics.Tests.Compositional.CodaFixture;

namespace Econometrics.Tests.Compositional;

/// <summary>
/// Permutation FDR against an independent R transcription of propr's updateCutoffs
/// (<c>Reference/Compositional/permutation_fdr</c>): exactly on the same permutations, and within Monte Carlo error
/// on independent ones.
/// </summary>
[VerifiesFixtures("Compositional/permutation_fdr")]
public sealed class PermutationFdrTests
{
    private static readonly Composition Cups = Composition.Load(DataFile("roman_cups.csv"));

    private static int[][] Replay(JsonElement perms, int k)
    {
        // The fixture stores [row][column]; the engine wants the row order of each column.
        var rows = perms[k].EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetInt32()).ToArray()).ToArray();
        return Enumerable.Range(0, rows[0].Length).Select(j => rows.Select(r => r[j]).ToArray()).ToArray();
    }

    public static TheoryData<string, PairwiseMetric, CompositionalCovariance, FdrTails> SharedCases => new()
    {
        { "rhoRight", PairwiseMetric.Proportionality, CompositionalCovariance.Sample, FdrTails.Right },
        { "rhoBoth", PairwiseMetric.Proportionality, CompositionalCovariance.Sample, FdrTails.Both },
        { "pcorRight", PairwiseMetric.PartialCorrelation, CompositionalCovariance.Sample, FdrTails.Right },
        { "pcorBoth", PairwiseMetric.PartialCorrelation, CompositionalCovariance.Sample, FdrTails.Both },
        { "bshrinkBoth", PairwiseMetric.PartialCorrelation, CompositionalCovariance.BasisShrinkage, FdrTails.Both },
    };

    [Theory]
    [MemberData(nameof(SharedCases))]
    public void Same_permutations_give_the_R_transcription_table(string name, PairwiseMetric metric, CompositionalCovariance cov, FdrTails tails)
    {
        var f = Fixture("permutation_fdr");
        var e = f.Expected;
        var perms = e.GetProperty("permutations");
        var options = new PermutationFdr
        {
            Metric = metric, Tails = tails, Permutations = perms.GetArrayLength(),
            PartialCorrelations = new PartialCorrelations { Covariance = cov },
        };
        var r = options.Estimate(Cups, k => Replay(perms, k), LinearAlgebraBackends.Default, null, default);
        var x = e.GetProperty("shared").GetProperty(name);
        AssertClose(Vector(x.GetProperty("cutoff")), r.Rows.Select(v => v.Cutoff).ToArray(), f.Tolerance("cutoff"), $"{name} cutoff");
        AssertClose(Vector(x.GetProperty("discoveries")), r.Rows.Select(v => (double)v.Discoveries).ToArray(), 0, $"{name} discoveries");
        AssertClose(Vector(x.GetProperty("permutedCount")), r.Rows.Select(v => v.PermutedCount).ToArray(), f.Tolerance("count"), $"{name} permuted");
        var fdr = Vector(x.GetProperty("fdr"));
        for (int t = 0; t < fdr.Length; t++)
        {
            Assert.Equal(double.IsNaN(fdr[t]), double.IsNaN(r.Rows[t].Fdr));
            if (!double.IsNaN(fdr[t])) Assert.True(Math.Abs(fdr[t] - r.Rows[t].Fdr) <= f.Tolerance("fdrRelative") * Math.Max(1, fdr[t]), $"{name} fdr[{t}]");
        }
    }

    [Theory]
    [InlineData("rhoRight", PairwiseMetric.Proportionality, FdrTails.Right)]
    [InlineData("pcorBoth", PairwiseMetric.PartialCorrelation, FdrTails.Both)]
    public void Own_permutations_agree_with_R_within_Monte_Carlo_error(string name, PairwiseMetric metric, FdrTails tails)
    {
        var f = Fixture("permutation_fdr");
        var e = f.Expected.GetProperty("own");
        double sigmas = f.Tolerance("ownSigmas");
        var x = e.GetProperty(name);
        var r = new PermutationFdr { Metric = metric, Tails = tails, Permutations = e.GetProperty("permutations").GetInt32(), Seed = 11 }.Estimate(Cups);
        var fdr = Vector(x.GetProperty("fdr"));
        var se = Vector(x.GetProperty("fdrStdError"));
        int compared = 0;
        double worst = 0;
        for (int t = 0; t < fdr.Length; t++)
        {
            if (double.IsNaN(fdr[t])) { Assert.True(double.IsNaN(r.Rows[t].Fdr)); continue; }
            double combined = Math.Sqrt(se[t] * se[t] + r.Rows[t].FdrStdError * r.Rows[t].FdrStdError);
            double diff = Math.Abs(fdr[t] - r.Rows[t].Fdr);
            if (combined == 0) Assert.Equal(fdr[t], r.Rows[t].Fdr);
            else worst = Math.Max(worst, diff / combined);
            Assert.True(diff <= sigmas * combined, $"{name} cutoff {t}: R {fdr[t]:R} +- {se[t]:G3}, C# {r.Rows[t].Fdr:R} +- {r.Rows[t].FdrStdError:G3}");
            compared++;
        }
        Assert.True(compared >= 90, $"{compared} cutoffs compared");
        Assert.True(worst > 0, "the two runs used different permutations, so they must differ somewhere");
    }

    [Fact]
    public void Same_table_on_one_thread_and_many()
    {
        var one = new PermutationFdr { Permutations = 40, MaxDegreeOfParallelism = 1, Metric = PairwiseMetric.PartialCorrelation }.Estimate(Cups);
        var many = new PermutationFdr { Permutations = 40, MaxDegreeOfParallelism = 8, Metric = PairwiseMetric.PartialCorrelation }.Estimate(Cups);
        Assert.Equal(one.Rows, many.Rows);
        var other = new PermutationFdr { Permutations = 40, Seed = 5, Metric = PairwiseMetric.PartialCorrelation }.Estimate(Cups);
        Assert.NotEqual(one.Rows.Select(r => r.PermutedCount), other.Rows.Select(r => r.PermutedCount));
    }

    [Fact]
    public void Custom_cutoffs_count_below_negative_cutoffs_and_undefined_fdr_is_a_diagnostic()
    {
        var r = new PermutationFdr { Cutoffs = [-0.5, 0.0, 0.5, 2.0], Permutations = 10 }.Estimate(Cups);
        var rho = LogRatioMeasures.Proportionality(Cups);
        var pairs = new List<double>();
        for (int i = 0; i < rho.RowCount; i++) for (int j = i + 1; j < rho.RowCount; j++) pairs.Add(rho[i, j]);
        Assert.Equal(pairs.Count(v => v < -0.5), r.Rows[0].Discoveries);
        Assert.Equal(pairs.Count(v => v > 0.0), r.Rows[1].Discoveries);
        Assert.Equal(0, r.Rows[3].Discoveries);
        Assert.True(double.IsNaN(r.Rows[3].Fdr));
        Assert.Contains(r.Diagnostics, d => d.Code == "fdr-undefined");
        using var doc = JsonDocument.Parse(r.ToJson());
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("fdr")[3].GetProperty("fdr").ValueKind);
        Assert.Equal(4, doc.RootElement.GetProperty("fdr").GetArrayLength());
    }

    [Fact]
    public void Bad_settings_are_errors_and_cancellation_stops()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PermutationFdr { Permutations = 0 }.Estimate(Cups));
        Assert.Throws<ArgumentException>(() => new PermutationFdr { Cutoffs = [double.NaN] }.Estimate(Cups));
        var tooFew = Composition.From(Cups.Values.SubMatrix(0, 6, 0, 11), Cups.Parts);
        Assert.Contains("Use basis shrinkage", Assert.Throws<ArgumentException>(() =>
            new PermutationFdr { Metric = PairwiseMetric.PartialCorrelation }.Estimate(tooFew)).Message);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => new PermutationFdr { Permutations = 1000 }.Estimate(Cups, null, cts.Token));
        var seen = new List<double>();
        new PermutationFdr { Permutations = 20, MaxDegreeOfParallelism = 1 }.Estimate(Cups, new Progress(seen));
        Assert.Equal(1.0, seen.Max());
    }

    private sealed class Progress(List<double> seen) : IProgress<double>
    {
        public void Report(double value) { lock (seen) seen.Add(value); }
    }

    [Fact]
    public void Summary_names_the_cutoff_at_five_percent_and_fits_in_100_columns()
    {
        var r = new PermutationFdr { Permutations = 50, Metric = PairwiseMetric.PartialCorrelation, Tails = FdrTails.Both }.Estimate(Cups);
        var text = r.ToString();
        Assert.Contains("Cutoff at FDR 5%", text);
        // The caption counts the rows it heads.
        var m = System.Text.RegularExpressions.Regex.Match(text, @"FDR at (\d+) of 100 cutoffs \(every 5th");
        Assert.True(m.Success, text);
        var rows = text.Split('\n').SkipWhile(l => !l.StartsWith("Cutoff  Discoveries", StringComparison.Ordinal)).Skip(1)
            .TakeWhile(l => !l.StartsWith('=')).Count();
        Assert.Equal(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), rows);
        Assert.All(text.Split('\n'), line => Assert.True(line.Length <= 100, line));
    }

    [Fact]
    public void Caption_of_tied_cutoffs_says_they_are_one_row()
    {
        // Three parts with one positive rho_p: all 100 right-tail quantile cutoffs coincide.
        var lake = Composition.Load(Path.Combine(Econometrics.Tests.Cli.CliRunner.DataDir, "coda", "arctic_lake.csv"), ["sand", "silt", "clay"]);
        var r = new PermutationFdr { Permutations = 20 }.Estimate(lake);
        var text = r.ToString();
        Assert.Contains("FDR at the one distinct cutoff of 100 (tied quantiles)", text);
        Assert.DoesNotContain("every", text);
    }
}
