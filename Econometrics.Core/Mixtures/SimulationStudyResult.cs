using System.Globalization;
using Econometrics.Reporting;

namespace Econometrics.Mixtures;

/// <summary>
/// Performance of a growth mixture estimator over replications (Morris, White and Crowther 2019, Table 6): relative
/// bias (absolute bias when the truth is 0), empirical SE, mean model SE, RMSE and 95% Wald coverage per parameter.
/// </summary>
public sealed record SimulationStudyResult : Result
{
    internal SimulationStudyResult(IReadOnlyList<string> names, IReadOnlyList<double> truth, IReadOnlyList<SimulationReplication> replications, int planned)
    {
        Names = names; Truth = truth; Replications = replications.OrderBy(r => r.Index).ToArray(); Planned = planned;
    }

    /// <summary>Parameter names, in the reporting order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The generating values, aligned with <see cref="Names"/>.</summary>
    public IReadOnlyList<double> Truth { get; }

    /// <summary>The replications run (of every combined shard), ordered by index.</summary>
    public IReadOnlyList<SimulationReplication> Replications { get; }

    /// <summary>The planned number of replications R.</summary>
    public int Planned { get; }

    /// <summary>Replications whose fit succeeded.</summary>
    public int Succeeded => Replications.Count(r => r.Estimates is not null);

    /// <summary>Mean classification accuracy over successful replications.</summary>
    public double MeanAccuracy => Replications.Where(r => r.Estimates is not null).Select(r => r.Accuracy).DefaultIfEmpty(double.NaN).Average();

    /// <summary>Merges shards of the same study.</summary>
    /// <param name="shards">Results of the shards.</param>
    /// <exception cref="ArgumentException">The shards belong to different studies or overlap.</exception>
    public static SimulationStudyResult Combine(params SimulationStudyResult[] shards)
    {
        ArgumentNullException.ThrowIfNull(shards);
        if (shards.Length == 0) throw new ArgumentException("At least one shard is needed.", nameof(shards));
        var f = shards[0];
        if (shards.Any(s => !s.Names.SequenceEqual(f.Names) || !s.Truth.SequenceEqual(f.Truth) || s.Planned != f.Planned))
            throw new ArgumentException("The shards come from different studies.", nameof(shards));
        var all = shards.SelectMany(s => s.Replications).ToArray();
        if (all.Select(r => r.Index).Distinct().Count() != all.Length) throw new ArgumentException("The shards overlap.", nameof(shards));
        return new SimulationStudyResult(f.Names, f.Truth, all, f.Planned);
    }

    /// <summary>Reads a result written by <see cref="Result.ToJson"/> (e.g. a shard's <c>--json</c>), for <see cref="Combine"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <exception cref="ArgumentException">The text is not a simulation-study result.</exception>
    public static SimulationStudyResult FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(json);
            var r = doc.RootElement;
            // Non-finite numbers are written as null; an absent fit has null estimates.
            static double Num(System.Text.Json.JsonElement v) => v.ValueKind == System.Text.Json.JsonValueKind.Null ? double.NaN : v.GetDouble();
            static double[]? Array(System.Text.Json.JsonElement v) =>
                v.ValueKind == System.Text.Json.JsonValueKind.Null ? null : v.EnumerateArray().Select(Num).ToArray();
            var reps = r.GetProperty("replications").EnumerateArray().Select(x => new SimulationReplication(x.GetProperty("index").GetInt32(),
                Array(x.GetProperty("estimates")), Array(x.GetProperty("stdErrors")), Num(x.GetProperty("accuracy")),
                x.GetProperty("converged").GetBoolean())).ToArray();
            return new SimulationStudyResult(r.GetProperty("names").EnumerateArray().Select(v => v.GetString()!).ToArray(),
                r.GetProperty("truth").EnumerateArray().Select(Num).ToArray(), reps, r.GetProperty("planned").GetInt32());
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            string why = e is System.Text.Json.JsonException { LineNumber: { } line, BytePositionInLine: { } at }
                ? $"not valid JSON at line {line + 1}, byte {at + 1}" : e.Message;
            throw new ArgumentException($"Not a growth mixture simulation study: {why}.", nameof(json), e);
        }
    }

    /// <summary>Per-parameter performance measures (the table of the summary).</summary>
    [System.Text.Json.Serialization.JsonPropertyName("measures")]
    public IReadOnlyList<SimulationMeasure> PerformanceMeasures => Measures();

    /// <summary>Per-parameter performance measures.</summary>
    public IReadOnlyList<SimulationMeasure> Measures()
    {
        var ok = Replications.Where(r => r.Estimates is not null).ToArray();
        var list = new List<SimulationMeasure>();
        for (int j = 0; j < Names.Count; j++)
        {
            double truth = Truth[j];
            var est = ok.Select(r => r.Estimates![j]).ToArray();
            if (est.Length == 0) { list.Add(new SimulationMeasure(Names[j], truth, null, null, null, null, null, null)); continue; }
            double mean = est.Average();
            double bias = mean - truth;
            double? rel = truth != 0 ? bias / truth : null;
            double? empSe = est.Length > 1 ? Math.Sqrt(est.Sum(e => (e - mean) * (e - mean)) / (est.Length - 1)) : null;
            double rmse = Math.Sqrt(est.Average(e => (e - truth) * (e - truth)));
            var withSe = ok.Where(r => double.IsFinite(r.StdErrors![j])).ToArray();
            double? meanSe = withSe.Length > 0 ? withSe.Average(r => r.StdErrors![j]) : null;
            double? cover = withSe.Length > 0 ? withSe.Count(r => Math.Abs(r.Estimates![j] - truth) <= 1.959963984540054 * r.StdErrors![j]) /
                (double)withSe.Length : null;
            list.Add(new SimulationMeasure(Names[j], truth, mean, truth != 0 ? rel : bias, empSe, meanSe, rmse, cover));
        }
        return list;
    }

    /// <inheritdoc/>
    protected override System.Text.Json.Serialization.Metadata.JsonTypeInfo JsonContract => CoreJsonContext.Default.SimulationStudyResult;

    /// <summary>The summary as data.</summary>
    public override SummaryTable Summary()
    {
        static string F(double? v, string f = "F4") => v is double d ? d.ToString(f, CultureInfo.InvariantCulture) : "-";
        var s = new SummaryTable("Growth mixture simulation study");
        s.AddHeader("Replications", $"{Replications.Count} of {Planned} run, {Succeeded} fitted")
         .AddHeader("Mean classification accuracy", F(MeanAccuracy));
        var t = new Table("Performance (relative bias; absolute bias where the truth is 0)", "parameter", "truth", "mean", "rel. bias", "emp. SE", "mean SE",
            "RMSE", "coverage");
        foreach (var m in Measures()) t.AddRow(m.Name, F(m.Truth), F(m.Mean), F(m.RelativeBias), F(m.EmpiricalSE), F(m.MeanSE), F(m.Rmse), F(m.Coverage, "F3"));
        s.AddTable(t);
        return s;
    }
}
