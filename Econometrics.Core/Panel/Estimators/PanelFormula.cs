using System.Text.RegularExpressions;

namespace Econometrics.Panel.Estimators;

/// <summary>A parsed regression formula "y ~ x1 + log(x2)": terms are variable names or log(name).</summary>
internal sealed partial record PanelFormula(string Text, string Response, IReadOnlyList<string> Regressors)
{
    [GeneratedRegex(@"^\s*(log\s*\(\s*[A-Za-z_.][A-Za-z0-9_.]*\s*\)|[A-Za-z_.][A-Za-z0-9_.]*)\s*$")]
    private static partial Regex Term();

    public static PanelFormula Parse(string formula)
    {
        if (string.IsNullOrWhiteSpace(formula)) throw new ArgumentException("The formula is empty; write it as \"y ~ x1 + x2\".", nameof(formula));
        var sides = formula.Split('~');
        if (sides.Length != 2) throw new ArgumentException($"The formula '{formula}' must have one '~', as in \"y ~ x1 + x2\".", nameof(formula));
        var rhs = sides[1].Split('+').Select(s => s.Trim()).ToArray();
        foreach (var term in rhs.Append(sides[0].Trim()))
            if (!Term().IsMatch(term)) throw new ArgumentException($"Formula term '{term}' is not supported; use variable names or log(name).", nameof(formula));
        var regressors = rhs.Select(Normalize).ToArray();
        if (regressors.Distinct().Count() != regressors.Length) throw new ArgumentException($"The formula '{formula}' repeats a regressor.", nameof(formula));
        var response = Normalize(sides[0]);
        // R's lm drops a response that reappears on the right with only a warning; here it is a wrong model.
        if (regressors.Contains(response))
            throw new ArgumentException($"The formula '{formula.Trim()}' uses the response '{response}' as a regressor too.", nameof(formula));
        return new PanelFormula(formula.Trim(), response, regressors);
    }

    private static string Normalize(string term) => Regex.Replace(term.Trim(), @"\s+", "");

    /// <summary>
    /// The T x N values of a term (NaN for gaps), read-only: a plain variable is the panel's own storage. Log of a
    /// nonpositive value is an error naming the variable.
    /// </summary>
    public static double[] Values(PanelData panel, string term)
    {
        bool log = term.StartsWith("log(", StringComparison.Ordinal);
        var name = log ? term[4..^1] : term;
        if (!log) return panel.Values(name);
        var v = (double[])panel.Values(name).Clone();
        for (int k = 0; k < v.Length; k++)
        {
            if (double.IsNaN(v[k])) continue;
            if (v[k] <= 0) throw new ArgumentException($"log({name}): variable '{name}' has a nonpositive value {v[k]} (entity '{panel.Entities[k / panel.T]}', time '{panel.Times[k % panel.T]}').", "formula");
            v[k] = Math.Log(v[k]);
        }
        return v;
    }
}
