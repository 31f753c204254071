#!/usr/bin/env -S dotnet run
#:project ../Econometrics.Core/Econometrics.Core.csproj
#:property RuntimeIdentifier=linux-x64
#:property SelfContained=false
// Quickstart: load a shipped CSV, build a panel, print its summary and write a plot.
// Run from the repository root or from notebooks/:  dotnet run notebooks/00-quickstart.cs
using Econometrics;
using Econometrics.Reporting;

var root = Directory.Exists("data") ? "." : "..";
var outDir = Path.Combine(root, "notebooks", "out");

// 1. Which numerics are we running on? (OpenBLAS when installed, managed Math.NET otherwise.)
Console.WriteLine(Toolkit.Describe());
Console.WriteLine();

// 2. The Grunfeld investment panel: 10 firms x 20 years, long format (one row per firm and year).
var panel = PanelData.Load(Path.Combine(root, "data", "grunfeld.csv"), entity: "firm", time: "year");
Console.WriteLine(panel);

// 3. Any variable as a T x N matrix (rows years, columns firms); gaps would be NaN.
var inv = panel.Matrix("inv");
Console.WriteLine($"inv is {inv.RowCount} x {inv.ColumnCount}; firm 1 invested {inv[0, 0]} in {panel.Times[0]}.");

// 4. Every result renders as text, HTML, Markdown and JSON, and draws its own plots.
panel.PlotTrajectories("inv").SaveFigure(Path.Combine(outDir, "00-grunfeld-inv.png"));
File.WriteAllText(Path.Combine(outDir, "00-grunfeld.md"), panel.ToMarkdown());
Console.WriteLine($"Wrote {Path.Combine(outDir, "00-grunfeld-inv.png")}");
return panel.N == 10 && panel.T == 20 && panel.IsBalanced ? 0 : 1;
