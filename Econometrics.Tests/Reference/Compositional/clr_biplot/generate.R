# Reference values for the clr principal components and the form/covariance biplots, from base R's prcomp on the
# clr coordinates (no C# code involved). Run from this folder:  Rscript generate.R ../../../../data/coda
# R 4.2.2, jsonlite 1.8.4 (Debian packages). Deterministic: no random numbers.
# Form biplot (Aitchison & Greenacre 2002, alpha = 1): rows = prcomp$x, columns = prcomp$rotation.
# Covariance biplot (alpha = 0): rows = prcomp$x / sdev (= sqrt(n-1) U), columns = rotation * sdev (= V S / sqrt(n-1)).
suppressMessages(library(jsonlite))
args <- commandArgs(TRUE); dd <- if (length(args)) args[1] else "../../../../data/coda"

clr <- function(X) { L <- log(X); L - rowMeans(L) }
case <- function(X) {
  p <- prcomp(clr(X), center = TRUE, scale. = FALSE)
  k <- sum(p$sdev > max(dim(X)) * .Machine$double.eps * p$sdev[1])   # non-zero components
  sd <- p$sdev[1:k]; V <- unname(p$rotation[, 1:k, drop = FALSE]); S <- unname(p$x[, 1:k, drop = FALSE])
  list(parts = colnames(X), n = nrow(X), components = k, sdev = sd,
       proportion = p$sdev[1:k]^2 / sum(p$sdev^2),
       rotation = V, scores = S,
       formRows = S, formColumns = V,
       covarianceRows = sweep(S, 2, sd, "/"), covarianceColumns = sweep(V, 2, sd, "*"),
       # Checks of the covariance biplot's meaning: G G' = clr covariance, |g_i - g_j|^2 = var(log(x_i / x_j)).
       clrCovariance = unname(cov(clr(X))))
}
cups <- as.matrix(read.csv(file.path(dd, "roman_cups.csv")))
expected <- list(
  cups = case(cups),
  hongite = case(as.matrix(read.csv(file.path(dd, "hongite.csv")))),
  householdExpenditures = case(as.matrix(read.csv(file.path(dd, "household_expenditures.csv")))),
  cupsFirstSixRows = case(cups[1:6, ]))       # D = 11 > n = 6: rank n - 1 = 5
out <- list(
  source = sprintf("R %s, stats::prcomp, jsonlite %s", paste(R.version$major, R.version$minor, sep = "."), packageVersion("jsonlite")),
  call = "prcomp(clr(X), center = TRUE, scale. = FALSE); components with sdev > max(n, D) * eps * sdev[1]",
  expected = expected,
  tolerance = list(sdev = 1e-10, proportion = 1e-10, rotation = 1e-10, scores = 1e-10, biplot = 1e-10,
                   note = "absolute; columns of rotation/scores/biplot coordinates are compared after aligning the sign of each component"))
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, matrix = "rowmajor", pretty = TRUE), "expected.json")
