using System.Text.Json;
using Econometrics.Data;
using Econometrics.Sem.Fitting;
using Xunit;

namespace Econometrics.Tests.Sem;

/// <summary>Modification indices against lavaan 0.6-14's <c>modindices(fit, sort. = TRUE)</c> (Reference/Sem/generate.R).</summary>
public class ModificationIndexTests
{
    public static TheoryData<string> Cases => new() { "lavaan_hs_cfa", "lavaan_poldem_sem", "lavaan_growth", "sem_mediation", "sem_mediation_eq" };

    private static string Dir(string name) => Path.Combine(AppContext.BaseDirectory, "Reference", "Sem", name);

    private static SemFit Fit(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Dir(name), "expected.json")));
        string call = doc.RootElement.GetProperty("call").GetString()!, model = File.ReadAllText(Path.Combine(Dir(name), "model.lav"));
        var est = (call.StartsWith("growth(", StringComparison.Ordinal) ? SemEstimator.Growth(model) : new SemEstimator(model)) with { ModificationIndices = true };
        return est.Fit(CsvFrame.Load(Path.Combine(Dir(name), "input.csv")));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ModificationIndices_MatchLavaan(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Dir(name), "modindices.json")));
        var expected = doc.RootElement.GetProperty("modindices").EnumerateArray().ToList();
        // Tolerances stated in the file (a missing one fails).
        var tol = doc.RootElement.GetProperty("tolerance");
        double tolMi = tol.GetProperty("miRelative").GetDouble(), tolEpc = tol.GetProperty("epc").GetDouble(), tolSepc = tol.GetProperty("sepcAll").GetDouble();
        var mine = Fit(name).ModificationIndices!;
        static string Key(string l, string op, string r) => op == "~~" && string.CompareOrdinal(l, r) > 0 ? $"{r} ~~ {l}" : $"{l} {op} {r}";
        var byKey = mine.ToDictionary(m => Key(m.Lhs, m.Op, m.Rhs));
        var failures = new List<string>();
        foreach (var e in expected)
        {
            string key = Key(e.GetProperty("lhs").GetString()!, e.GetProperty("op").GetString()!, e.GetProperty("rhs").GetString()!);
            if (!byKey.TryGetValue(key, out var m)) { failures.Add($"missing {key}"); continue; }
            double mi = e.GetProperty("mi").GetDouble(), epc = e.GetProperty("epc").GetDouble();
            if (!(Math.Abs(m.Mi - mi) <= tolMi * Math.Max(1, Math.Abs(mi)))) failures.Add($"{key}: mi {m.Mi} vs {mi}");
            if (!(Math.Abs(m.Epc - epc) <= tolEpc)) failures.Add($"{key}: epc {m.Epc} vs {epc}");
            var sepc = e.GetProperty("sepc.all");
            if (sepc.ValueKind == JsonValueKind.Number && !(Math.Abs((m.SepcAll ?? double.NaN) - sepc.GetDouble()) <= tolSepc))
                failures.Add($"{key}: sepc.all {m.SepcAll} vs {sepc.GetDouble()}");
        }
        var extra = byKey.Keys.Except(expected.Select(e => Key(e.GetProperty("lhs").GetString()!, e.GetProperty("op").GetString()!, e.GetProperty("rhs").GetString()!))).ToList();
        if (extra.Count > 0) failures.Add("not in lavaan: " + string.Join(", ", extra));
        Assert.True(failures.Count == 0, $"{failures.Count} mismatches: " + string.Join("; ", failures.Take(12)));
        for (int i = 1; i < mine.Count; i++) Assert.True(mine[i - 1].Mi >= mine[i].Mi);
    }
}
