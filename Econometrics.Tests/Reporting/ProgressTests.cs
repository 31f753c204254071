using System.Collections.Concurrent;
using Econometrics.Cli;
using Econometrics.Mixtures;
using Econometrics.Tests.Cli;

namespace Econometrics.Tests.Reporting;

/// <summary>Progress moves within long steps and is drawn only on a terminal.</summary>
public class ProgressTests
{
    private static readonly string MoeData = Path.Combine(CliRunner.DataDir, "moe", "moe_ref_sim.csv");

    private sealed class Recorder : IProgress<double>
    {
        public ConcurrentQueue<double> Values { get; } = new();

        public void Report(double value) => Values.Enqueue(value);
    }

    [Fact]
    public void Class_enumeration_progress_advances_within_each_class_count()
    {
        var data = GrowthData.Load(MoeData, "id", "Y", "T");
        var recorder = new Recorder();
        new ClassEnumeration { MaxClasses = 2, Model = new GrowthMixture { Starts = 3, FinalStarts = 1, StandardErrors = false } }
            .Fit(data, recorder);
        var values = recorder.Values.ToArray();
        // Reports strictly inside the first and inside the second half: the bar moves while each K is fitted.
        Assert.Contains(values, v => v > 0 && v < 0.5);
        Assert.Contains(values, v => v > 0.5 && v < 1);
        Assert.Equal(1.0, values.Max(), 12);
    }

    [Fact]
    public void Covariate_screen_progress_advances_within_the_base_fit_and_over_the_refits()
    {
        var data = GrowthData.Load(MoeData, "id", "Y", "T", gating: ["gx", "ex"]);
        var recorder = new Recorder();
        new CovariateScreen { Model = new GrowthMixture { Starts = 4, FinalStarts = 1, StandardErrors = false } }.Test(data, recorder);
        var values = recorder.Values.ToArray();
        // 4 start units then 4 refit units: reports inside the base fit (below 1/2) and between the refits.
        Assert.Contains(values, v => v > 0 && v < 0.5);
        Assert.Contains(values, v => v > 0.5 && v < 1);
        Assert.Equal(1.0, values.Max(), 12);

        // The command draws the screen's bar on a terminal.
        string[] args = ["moe", "screen", "--data", MoeData, "--id", "id", "--y-prefix", "Y", "--t-prefix", "T", "--candidates", "gx,ex",
            "--starts", "3"];
        var (o, e) = (new StringWriter(), new StringWriter());
        Assert.Equal(0, Econometrics.Cli.Cli.Run(args, new CliConsole(o, e) { ErrorIsTerminal = true }));
        Assert.True(e.ToString().Split('\r').Count(f => f.Trim().StartsWith("[moe]", StringComparison.Ordinal)) >= 3, e.ToString());
    }

    [Fact]
    public void Progress_frames_go_to_a_terminal_only()
    {
        string[] args = ["moe", "fit", "--data", MoeData, "--id", "id", "--y-prefix", "Y", "--t-prefix", "T", "--starts", "3"];
        var (o, e) = (new StringWriter(), new StringWriter());
        Assert.Equal(0, Econometrics.Cli.Cli.Run(args, new CliConsole(o, e) { ErrorIsTerminal = true }));
        var frames = e.ToString().Split('\r',
            StringSplitOptions.RemoveEmptyEntries).Select(f => f.Trim()).Where(f => f.StartsWith("[moe]")).Distinct().ToList();
        Assert.True(frames.Count >= 3, $"{frames.Count} distinct progress frames: {string.Join(" | ", frames)}");
        Assert.EndsWith("\n", e.ToString());

        var redirected = CliRunner.Run(args);
        Assert.Equal(0, redirected.ExitCode);
        Assert.Equal("", redirected.Error);
    }
}
