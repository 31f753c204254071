using Econometrics.Inference;

namespace Econometrics.Tests.Inference;

public class ShardTests
{
    private static Func<string, string?> Env(params (string Key, string Value)[] vars) =>
        key => vars.FirstOrDefault(v => v.Key == key).Value;

    [Fact]
    public void Explicit_shards_and_the_schedulers_environment_are_read()
    {
        Assert.Equal(new Shard(2, 5), Shard.Parse("2/5", Env()));
        Assert.Equal(new Shard(3, 4), Shard.Parse("auto", Env(("SLURM_ARRAY_TASK_ID", "3"), ("SLURM_ARRAY_TASK_COUNT", "4"))));
        // --array=1-4: task ids start at SLURM_ARRAY_TASK_MIN.
        Assert.Equal(new Shard(0, 4), Shard.Parse("auto", Env(("SLURM_ARRAY_TASK_ID", "1"), ("SLURM_ARRAY_TASK_COUNT", "4"), ("SLURM_ARRAY_TASK_MIN", "1"))));
        Assert.Equal(new Shard(1, 4), Shard.Parse("auto/4", Env(("JOB_COMPLETION_INDEX", "1"))));
        Assert.Equal(new Shard(1, 3), Shard.Parse("auto", Env(("JOB_COMPLETION_INDEX", "1"), ("ECON_SHARD_COUNT", "3"))));
    }

    [Theory]
    [InlineData("4/4", "")]
    [InlineData("x", "")]
    [InlineData("auto", "")]
    [InlineData("auto", "JOB_COMPLETION_INDEX=2")]
    [InlineData("auto/4", "JOB_COMPLETION_INDEX=4")]
    [InlineData("auto/3", "SLURM_ARRAY_TASK_ID=0;SLURM_ARRAY_TASK_COUNT=4")]
    public void Bad_shards_name_the_problem(string text, string env)
    {
        var vars = env.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(kv => (kv.Split('=')[0], kv.Split('=')[1])).ToArray();
        var e = Assert.Throws<ArgumentException>(() => Shard.Parse(text, Env(vars)));
        Assert.StartsWith("--shard", e.Message);
    }
}
