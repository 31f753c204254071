# lavaan peer of the sem/poldem-fit bench case: the PoliticalDemocracy SEM of the lavaan tutorial, default ML.
# Sourced by the bench harness (which times fit_once()); run directly, it prints its own median over 20 fits.
suppressPackageStartupMessages(library(lavaan))
model <- "
ind60 =~ x1 + x2 + x3
dem60 =~ y1 + y2 + y3 + y4
dem65 =~ y5 + y6 + y7 + y8
dem60 ~ ind60
dem65 ~ ind60 + dem60
y1 ~~ y5
y2 ~~ y4 + y6
y3 ~~ y7
y4 ~~ y8
y6 ~~ y8"
fit_once <- function() sem(model, data = PoliticalDemocracy)
if (sys.nframe() == 0) {
  invisible(fit_once())
  t <- replicate(20, system.time(fit_once())[["elapsed"]])
  cat(sprintf("lavaan %s PoliticalDemocracy sem(): median %.2f ms\n", packageVersion("lavaan"), 1000 * median(t)))
}
