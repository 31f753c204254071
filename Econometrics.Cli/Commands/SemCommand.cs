using Econometrics.Data;
using MathNet.Numerics.LinearAlgebra;
using Econometrics.Sem.Covariance;
using Econometrics.Sem.Fitting;
using Econometrics.Sem.Graphs;
using Econometrics.Sem.Identification;
using Econometrics.Sem.Relations;

namespace Econometrics.Cli.Commands;

/// <summary><c>econ sem</c>: linear SEMs on mixed graphs (covariance, identifiability, relations) and lavaan-syntax ML fitting.</summary>
public sealed class SemCommand : ICommand
{
    /// <inheritdoc/>
    public string Name => "sem";

    /// <inheritdoc/>
    public string Description => "linear SEMs: covariance, identifiability, relations of a mixed graph; ML fit of lavaan syntax";

    /// <inheritdoc/>
    public IReadOnlyCollection<string> Flags => ["symbolic", "force"];

    /// <inheritdoc/>
    public string Usage => """
        usage: econ sem covariance --graph G.json [--method inversion|one-connection|trek|all] [--symbolic] [options]
               econ sem identify   --graph G.json [options]
               econ sem relations  --graph G.json --degree D [--observed a,b,c] [options]
               econ sem fit        --model M.lav (--data D.csv | --cov C.csv --nobs N) [--force] [--residuals OUT.png|svg] [options]

        The graph JSON: {"nodes":[...],"directed":[{"from","to","weight"}],"bidirected":[{"a","b","weight"}],"variances":{"node":value}}
        (weights and variances are needed only for covariance). --plot draws the path diagram.

        """ + SharedOptions.Usage;

    /// <inheritdoc/>
    public int Execute(ParsedArgs args, CliConsole console)
    {
        if (args.Positionals.Count != 1)
            throw new UsageException("econ sem needs one subcommand: covariance, identify, relations or fit.");
        var shared = SharedOptions.From(args, dataRequired: false);
        switch (args.Positionals[0])
        {
            case "covariance":
            {
                var sem = LinearSem.FromJson(ReadFile(args.Require("graph", "the graph JSON file"), "graph"));
                var method = args.Get("method") ?? "inversion";
                if (method is not ("inversion" or "one-connection" or "trek" or "all"))
                    throw new UsageException($"--method: '{method}' is not one of inversion, one-connection, trek, all.");
                bool symbolic = args.Has("symbolic");
                args.RejectUnknown();
                var r = CovarianceResult.Compute(sem, method, symbolic);
                shared.Emit(console, r.ToString(), r.ToJson, r.ToHtml, sem.PlotPathDiagram);
                return 0;
            }
            case "identify":
            {
                var graph = MixedGraph.FromJson(ReadFile(args.Require("graph", "the graph JSON file"), "graph"));
                args.RejectUnknown();
                var r = new SemIdentification { Seed = shared.Seed }.Test(graph);
                shared.Emit(console, r.ToString(), r.ToJson, r.ToHtml);
                return 0;
            }
            case "relations":
            {
                var graph = MixedGraph.FromJson(ReadFile(args.Require("graph", "the graph JSON file"), "graph"));
                int degree = args.GetInt("degree", 2);
                if (degree < 1) throw new UsageException("--degree must be at least 1.");
                var observed = args.GetList("observed");
                args.RejectUnknown();
                var r = new RelationSearch { MaxDegree = degree, Seed = shared.Seed, Observed = observed.Length > 0 ? observed : null }.Search(graph, console.Cancellation);
                shared.Emit(console, r.ToString(), r.ToJson, r.ToHtml);
                return 0;
            }
            case "fit":
            {
                var model = ReadFile(args.Require("model", "the lavaan model file"), "model");
                var cov = args.Get("cov");
                var residuals = args.Get("residuals");
                if (residuals is not null && Path.GetExtension(residuals).ToLowerInvariant() is not (".png" or ".svg"))
                    throw new UsageException($"--residuals: '{residuals}' must end in .png or .svg.");
                var estimator = new SemEstimator(model) { ForceFit = args.Has("force"), Seed = shared.Seed };
                SemFit fit;
                if (cov is not null)
                {
                    if (shared.Data is not null) throw new UsageException("Give either --data or --cov, not both.");
                    int nobs = args.GetInt("nobs", -1);
                    if (nobs <= 0) throw new UsageException("--cov needs --nobs N (the sample size).");
                    args.RejectUnknown();
                    var (matrix, names) = ReadCovariance(cov);
                    fit = estimator.Fit(matrix, names, nobs);
                }
                else
                {
                    if (shared.Data is null) throw new UsageException("econ sem fit needs --data FILE.csv or --cov FILE.csv --nobs N.");
                    args.RejectUnknown();
                    fit = estimator.Fit(CsvFrame.Load(shared.Data));
                }
                shared.Emit(console, fit.ToString(), fit.ToJson, fit.ToHtml, fit.PlotPathDiagram);
                if (residuals is not null) Econometrics.Reporting.Figures.SaveFigure(fit.PlotResidualCorrelations(), residuals);
                return 0;
            }
            default:
                throw new UsageException($"Unknown subcommand '{args.Positionals[0]}'; expected covariance, identify, relations or fit.");
        }
    }

    private static string ReadFile(string path, string option) =>
        File.Exists(path) ? File.ReadAllText(path) : throw new UsageException($"--{option}: file '{path}' does not exist.");

    private static (Matrix<double>, string[]) ReadCovariance(string path)
    {
        if (!File.Exists(path)) throw new UsageException($"--cov: file '{path}' does not exist.");
        var data = DataColumns.Load(path);
        var names = data.Names.ToArray();
        if (data.RowCount != names.Length)
            throw new DataFormatException($"The covariance file must be square: {names.Length} columns but {data.RowCount} rows.", path);
        var m = Matrix<double>.Build.Dense(names.Length, names.Length);
        for (int j = 0; j < names.Length; j++)
        {
            var col = data.Numbers(names[j], $"column '{names[j]}' of the covariance file must be numeric");
            for (int i = 0; i < names.Length; i++)
            {
                if (double.IsNaN(col[i])) throw new DataFormatException($"Missing covariance in row {i + 1}.", path, data.Line(i), names[j]);
                m[i, j] = col[i];
            }
        }
        return (m, names);
    }
}
