using Econometrics.Data;
using Econometrics.Inference;
using Econometrics.Sem.Fitting;
using static Econometrics.Tests.Cli.CliRunner;
using Econometrics.Tests.Support;
using Xunit;

namespace Econometrics.Tests.Sem;

/// <summary>
/// The SEM bootstrap in shards: replicate r resamples from the stream keyed by (seed, r) alone, so the replicates of any split,
/// merged through the shards' JSON, are the one-process replicates bit for bit and the merged fit is the one-process fit.
/// </summary>
public sealed class SemBootstrapShardTests
{
    private static (Deedle.Frame<int, string> Data, SemEstimator Estimator) Case(bool fiml)
    {
        var f = ReferenceFixture.Load(fiml ? "Sem/fiml_hs_cfa" : "Sem/boot_mediation");
        var est = new SemEstimator(File.ReadAllText(f.File("model.lav")))
        {
            StandardErrors = SemStandardErrors.Bootstrap, BootstrapReplicates = fiml ? 17 : 23, Seed = 7,
            Missing = fiml ? SemMissing.Ml : SemMissing.Listwise,
        };
        return (CsvFrame.Load(f.File("input.csv")), est);
    }

    [Theory]
    [InlineData(false, 1)]
    [InlineData(false, 3)]
    [InlineData(false, 7)]
    [InlineData(true, 1)]
    [InlineData(true, 3)]
    [InlineData(true, 7)]
    public void Merged_shards_give_exactly_the_one_process_fit(bool fiml, int count)
    {
        var (data, est) = Case(fiml);
        var one = (est with { MaxDegreeOfParallelism = 1 }).Fit(data);
        Assert.Null(one.ReplicateDraws);
        // The shards run on 3 threads, the one-process fit on 1: neither the split nor the thread count changes a replicate.
        var parts = Enumerable.Range(0, count)
            .Select(i => (est with { BootstrapShard = new Shard(i, count), MaxDegreeOfParallelism = 3 }).Fit(data)).ToArray();
        Assert.All(parts, p => Assert.Equal(count > 1, p.ReplicateDraws is not null));
        if (count == 1)
        {
            Assert.Equal(one.ToJson(), parts[0].ToJson());
            return;
        }
        Assert.Equal(est.BootstrapReplicates, parts.Sum(p => p.ReplicateDraws!.Values.Count));
        Assert.All(parts, p => Assert.Contains(p.Diagnostics, d => d.Code == "shard"));
        var draws = parts.Reverse().Select(p => ReplicateDraws.FromJson(p.ToJson())).ToArray();
        var merged = (est with { BootstrapShards = draws }).Fit(data);
        Assert.Null(merged.ReplicateDraws);
        Assert.Equal(one.ToJson(), merged.ToJson());
        Assert.Equal(one.ToString(), merged.ToString());
        // A missing shard, another seed, another replicate count or another model is another run: refused, not merged.
        Assert.Throws<ArgumentException>(() => (est with { BootstrapShards = draws.Skip(1).ToArray() }).Fit(data));
        Assert.Throws<ArgumentException>(() => (est with { Seed = 8, BootstrapShards = draws }).Fit(data));
        Assert.Throws<ArgumentException>(() => (est with { BootstrapReplicates = est.BootstrapReplicates + 1, BootstrapShards = draws }).Fit(data));
        var other = est with { Model = est.Model + "\n" + (fiml ? "x1 ~~ x4" : "c == 0.1"), BootstrapShards = draws };
        var ex = Assert.Throws<ArgumentException>(() => other.Fit(data));
        Assert.Contains("another run", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shard_settings_without_the_bootstrap_or_both_at_once_are_refused()
    {
        var (data, est) = Case(false);
        var standard = est with { StandardErrors = SemStandardErrors.Standard };
        Assert.Equal("BootstrapShard", Assert.Throws<ArgumentException>(() => (standard with { BootstrapShard = new Shard(0, 2) }).Fit(data)).ParamName);
        var draws = (est with { BootstrapShard = new Shard(0, 2) }).Fit(data).ReplicateDraws!;
        Assert.Equal("BootstrapShards", Assert.Throws<ArgumentException>(() => (standard with { BootstrapShards = [draws] }).Fit(data)).ParamName);
        Assert.Throws<ArgumentException>(() => (est with { BootstrapShard = new Shard(1, 2), BootstrapShards = [draws] }).Fit(data));
    }

    [Fact]
    public void Cli_shards_merge_to_the_one_process_json_and_foreign_shards_are_refused()
    {
        var f = ReferenceFixture.Load("Sem/boot_mediation");
        var dir = Directory.CreateTempSubdirectory("econ-sem-shard-").FullName;
        try
        {
            string[] fit = ["sem", "fit", "--model", f.File("model.lav"), "--data", f.File("input.csv"), "--se", "bootstrap", "--bootstrap", "11",
                "--seed", "3"];
            string Out(string name) => Path.Combine(dir, name);
            Assert.Equal(0, Run([.. fit, "--json", Out("one.json")]).ExitCode);
            for (int i = 0; i < 3; i++) Assert.Equal(0, Run([.. fit, "--shard", $"{i}/3", "--json", Out($"s{i}.json")]).ExitCode);
            string shards = string.Join(",", Enumerable.Range(0, 3).Select(i => Out($"s{i}.json")));
            var (code, _, err) = Run([.. fit, "--merge", shards, "--json", Out("merged.json")]);
            Assert.True(code == 0, err);
            Assert.Equal(File.ReadAllBytes(Out("one.json")), File.ReadAllBytes(Out("merged.json")));

            // Shards of another seed, another model or a missing shard: exit 2, one error line, nothing written.
            Assert.Equal(0, Run([.. fit[..^1], "4", "--shard", "0/3", "--json", Out("seed4.json")]).ExitCode);
            var model2 = Out("model2.lav");
            File.WriteAllText(model2, File.ReadAllText(f.File("model.lav")) + "\nc == 0.1\n");
            foreach (var bad in new[]
            {
                (string[])[.. fit, "--merge", $"{Out("seed4.json")},{Out("s1.json")},{Out("s2.json")}"],
                [.. fit.Select(a => a == f.File("model.lav") ? model2 : a), "--merge", shards],
                [.. fit, "--merge", $"{Out("s0.json")},{Out("s1.json")}"],
                [.. fit, "--merge", Out("one.json")],
            })
            {
                var (c, o, e) = Run([.. bad, "--json", Out("bad.json")]);
                Assert.Equal(2, c);
                Assert.StartsWith("error: ", e);
                Assert.Single(e.TrimEnd().Split('\n'));
                Assert.False(File.Exists(Out("bad.json")), string.Join(" ", bad));
            }
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Theory]
    [InlineData("--shard", "0/2", "--shard and --merge split the bootstrap: they need --se bootstrap")]
    [InlineData("--merge", "a.json,b.json", "--shard and --merge split the bootstrap: they need --se bootstrap")]
    [InlineData("--shard", "2/2", "--shard")]
    public void Shard_options_without_the_bootstrap_are_usage_errors(string option, string value, string message)
    {
        var f = ReferenceFixture.Load("Sem/boot_mediation");
        var (code, _, err) = Run("sem", "fit", "--model", f.File("model.lav"), "--data", f.File("input.csv"), option, value);
        Assert.Equal(2, code);
        Assert.StartsWith("error: ", err);
        Assert.Contains(message, err);
        Assert.Single(err.TrimEnd().Split('\n'));
    }

    [Fact]
    public void Cli_merge_and_shard_together_are_a_usage_error()
    {
        var f = ReferenceFixture.Load("Sem/boot_mediation");
        var (code, _, err) = Run("sem", "fit", "--model", f.File("model.lav"), "--data", f.File("input.csv"), "--se", "bootstrap", "--shard", "0/2",
            "--merge", "a.json");
        Assert.Equal(2, code);
        Assert.Contains("--merge and --shard exclude each other", err);
    }
}
