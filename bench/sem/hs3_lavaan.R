# lavaan peer of the sem/hs-3group-scalar-fit bench case: a three-factor CFA (the Holzinger-Swineford model) in three
# groups with equal loadings and intercepts (scalar invariance), on the simulated data the C# bench writes to hs3.csv
# (3 x 200 cases; SemBench.SimulateThreeGroups). Sourced by the bench harness, which times fit_once().
suppressPackageStartupMessages(library(lavaan))
model <- "
visual  =~ x1 + x2 + x3
textual =~ x4 + x5 + x6
speed   =~ x7 + x8 + x9"
hs3 <- read.csv("hs3.csv")
fit_once <- function() fitMeasures(cfa(model, data = hs3, group = "g", group.equal = c("loadings", "intercepts")))
