# lavaan peer of the sem/fiml-1000x30 bench case: a five-factor CFA (six indicators each) fitted by full-information ML
# (missing = "ml") to n = 1000 rows with 20% of the values missing completely at random. The data are simulated by the
# bench (SemBench.FimlData, seeded) and written to fiml_1000x30.csv in the working folder before this script is sourced.
# Sourced by the bench harness (which times fit_once()); run directly (with the CSV present), it prints one timing.
suppressPackageStartupMessages(library(lavaan))
fiml_data <- read.csv("fiml_1000x30.csv")
fiml_model <- paste(sapply(1:5, function(f) paste0("f", f, " =~ ", paste0("y", (f - 1) * 6 + 1:6, collapse = " + "))),
                    collapse = "\n")
fit_once <- function() cfa(fiml_model, data = fiml_data, missing = "ml")
if (sys.nframe() == 0) {
  t <- system.time(fit <- fit_once())[["elapsed"]]
  cat(sprintf("lavaan %s cfa(missing = 'ml') on %d x %d: %.2f s\n", packageVersion("lavaan"), nrow(fiml_data), ncol(fiml_data), t))
}
