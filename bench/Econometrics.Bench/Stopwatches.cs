using System.Diagnostics;

namespace Econometrics.Bench;

/// <summary>
/// Wall time of an in-process action after a warm-up: median and minimum over the repetitions.
/// </summary>
public static class Stopwatches
{
    // Tiered JIT promotes a method to optimized code after about 30 calls once 100 ms pass without new tier-0 work, so
    // one warm-up run times tier-0 code for millisecond cases; warming up to 40 runs or 2 s measures the steady state
    // (what BenchmarkDotNet and R's repeated calls measure) without lengthening slow cases.
    private const int WarmupRuns = 40;
    private static readonly TimeSpan WarmupBudget = TimeSpan.FromSeconds(2);

    public static (double Median, double Min) Ms(Action action, int repetitions)
    {
        var warm = Stopwatch.StartNew();
        for (int i = 0; i < WarmupRuns && (i == 0 || warm.Elapsed < WarmupBudget); i++)
            action(); // JIT to tier 1, native library loading, caches
        var times = new double[repetitions];
        for (int i = 0; i < repetitions; i++)
        {
            var sw = Stopwatch.StartNew();
            action();
            times[i] = sw.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        double median = repetitions % 2 == 1 ? times[repetitions / 2] : (times[repetitions / 2 - 1] + times[repetitions / 2]) / 2;
        return (median, times[0]);
    }

    public static double MedianMs(Action action, int repetitions) => Ms(action, repetitions).Median;
}

/// <summary>
/// Memory of one run of an action: bytes the managed heap allocated, and the peak resident set above the level before
/// the run (sampled every millisecond from /proc/self/statm, so native BLAS buffers count too).
/// </summary>
public static class MemoryProbe
{
    public static (double AllocatedMb, double PeakMb) Measure(Action action)
    {
        GC.Collect(); GC.WaitForPendingFinalizers(); GC.Collect();
        long before = Rss(), peak = before;
        long allocated = GC.GetTotalAllocatedBytes(true);
        using var done = new ManualResetEventSlim();
        var sampler = new Thread(() =>
        {
            while (!done.Wait(1)) peak = Math.Max(peak, Rss());
        })
        { IsBackground = true };
        sampler.Start();
        action();
        done.Set();
        sampler.Join();
        peak = Math.Max(peak, Rss());
        return ((GC.GetTotalAllocatedBytes(true) - allocated) / 1e6, (peak - before) / 1e6);
    }

    private static long Rss()
    {
        try
        {
            var fields = File.ReadAllText("/proc/self/statm").Split(' ');
            return long.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture) * Environment.SystemPageSize;
        }
        catch (IOException) { return Environment.WorkingSet; }
    }
}
