// The toolkit from an F# script:  dotnet fsi notebooks/quickstart.fsx   (run from notebooks/)
// Packages come from nuget.org or a registered local feed (see the README); notebooks/run adds
// #i "nuget: <repository>/artifacts" above these lines to use the packages built from this checkout.
#r "nuget: Econometrics.Core, 0.1.0"

open System.IO
open Econometrics
open Econometrics.Panel.Estimators
open Econometrics.Panel.Dependence
open Econometrics.Reporting

let panel = PanelData.Load("../data/grunfeld.csv", entity = "firm", time = "year")
printfn "%O" panel

// A Deedle frame works as well as a file.
let frame = Deedle.Frame.ReadCsv("../data/grunfeld.csv")
let fromFrame = PanelData.FromFrame(frame, "firm", "year")

let fe = PanelRegression("inv ~ value + capital", PanelModel.FixedEffects).Fit(panel)
let cd = CrossSectionalDependence().Test(fe)
printfn "%O" cd

let figure = Path.Combine(Path.GetTempPath(), "econometrics-fsx-heatmap.png")
cd.PlotCorrelationHeatmap().SaveFigure(figure)
printfn "Wrote %s" figure

if fromFrame.N <> panel.N || abs (cd.["CD"].Statistic - 4.6611924852) > 1e-8 then exit 1
