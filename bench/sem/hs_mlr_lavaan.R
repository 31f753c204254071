# lavaan peer of the sem/hs-mlr-fit bench case: the Holzinger-Swineford three-factor CFA with estimator = "MLR"
# (Huber-White standard errors, Yuan-Bentler scaled test, robust fit indices).
# Sourced by the bench harness (which times fit_once()); run directly, it prints its own median over 20 fits.
suppressPackageStartupMessages(library(lavaan))
model <- "
visual  =~ x1 + x2 + x3
textual =~ x4 + x5 + x6
speed   =~ x7 + x8 + x9"
fit_once <- function() fitMeasures(cfa(model, data = HolzingerSwineford1939, estimator = "MLR"))
if (sys.nframe() == 0) {
  invisible(fit_once())
  t <- replicate(20, system.time(fit_once())[["elapsed"]])
  cat(sprintf("lavaan %s HolzingerSwineford1939 cfa(estimator = 'MLR'): median %.2f ms\n", packageVersion("lavaan"), 1000 * median(t)))
}
