# R peer of the C# bench case: basis-shrinkage partial correlations (Jin, Notredame & Erb 2023), as
# propr::pcor.bshrink computes them: log-proportions -> corpcor::cov.shrink -> G C G -> corpcor::cor2pcor.
# Usage: Rscript pcor-bshrink.R INPUT.csv OUTPUT.json     (R 4.2.2, corpcor 1.6.10, jsonlite)
# Only the computation is timed (not reading the CSV). Writes the elapsed seconds, the intensities and the first
# 5 rows of the partial-correlation matrix so the C# side can check that both computed the same thing.
suppressMessages({ library(corpcor); library(jsonlite) })
args <- commandArgs(TRUE)
X <- as.matrix(read.csv(args[1], check.names = FALSE))
elapsed <- system.time({
  logP <- log(X / rowSums(X)); D <- ncol(X)
  Cb <- cov.shrink(logP, verbose = FALSE)
  G <- diag(D) - matrix(1 / D, D, D)
  P <- cor2pcor(G %*% Cb %*% G)
})[["elapsed"]]
writeLines(toJSON(list(seconds = elapsed, n = nrow(X), D = ncol(X), lambda = attr(Cb, "lambda"),
                       lambdaVar = attr(Cb, "lambda.var"), rows = unname(P[1:5, ]),
                       software = sprintf("R %s.%s, corpcor %s", R.version$major, R.version$minor, packageVersion("corpcor"))),
                  digits = NA, auto_unbox = TRUE, matrix = "rowmajor"), args[2])
