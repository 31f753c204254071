using System.Diagnostics;

namespace Econometrics.Bench;

/// <summary>Median wall time of an in-process action after one warm-up run.</summary>
public static class Stopwatches
{
    public static double MedianMs(Action action, int repetitions)
    {
        action(); // warm-up: JIT, native library loading, caches
        var times = new double[repetitions];
        for (int i = 0; i < repetitions; i++)
        {
            var sw = Stopwatch.StartNew();
            action();
            times[i] = sw.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        return repetitions % 2 == 1 ? times[repetitions / 2] : (times[repetitions / 2 - 1] + times[repetitions / 2]) / 2;
    }
}
