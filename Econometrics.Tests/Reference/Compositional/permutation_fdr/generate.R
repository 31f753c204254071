# Permutation FDR of proportionality and log-ratio partial correlations, transcribed in base R + corpcor from the
# algorithm of propr 5.1.8's updateCutoffs (updatePermutes: every column shuffled independently; cutoffs at quantile
# type 7 of the observed values, seq(0, 1, length = 100); counts strictly above a non-negative cutoff, strictly
# below a negative one; FDR = mean permuted count / observed count). No C# code involved; propr is not needed.
# Run from this folder:  Rscript generate.R ../../../../data/coda
# R 4.2.2, corpcor 1.6.10, jsonlite 1.8.4 (Debian packages).
suppressMessages({ library(corpcor); library(jsonlite) })
args <- commandArgs(TRUE); dd <- if (length(args)) args[1] else "../../../../data/coda"

clr <- function(X) { L <- log(X); L - rowMeans(L) }
rho <- function(X) { C <- cov(clr(X)); v <- diag(C); 1 - (outer(v, v, "+") - 2 * C) / outer(v, v, "+") }
pcor <- function(X) cor2pcor(cov(clr(X)))
bshrink <- function(X) {                                     # propr::pcor.bshrink (Jin, Notredame & Erb 2023)
  logP <- log(X / rowSums(X)); D <- ncol(X)
  Cb <- cov.shrink(logP, verbose = FALSE); G <- diag(D) - matrix(1 / D, D, D)
  cor2pcor(G %*% Cb %*% G)
}
pairs <- function(M, tails) { v <- M[upper.tri(M)]; if (tails == "both") abs(v) else v }
beyond <- function(v, cut) if (cut >= 0) sum(v > cut) else sum(v < cut)
cutoffs <- function(v, tails, k = 100) {
  vals <- if (tails == "right") v[v >= 0] else v
  as.numeric(quantile(vals, seq(0, 1, length.out = k)))
}
# perms: list of n x D index matrices (1-based); column j of permutation k is X[perms[[k]][, j], j].
fdr_table <- function(X, metric, tails, perms) {
  obs <- pairs(metric(X), tails); cuts <- cutoffs(obs, tails)
  counts <- sapply(perms, function(P) {
    Xk <- sapply(seq_len(ncol(X)), function(j) X[P[, j], j])
    pk <- pairs(metric(Xk), tails)
    sapply(cuts, function(ct) beyond(pk, ct))
  })                                                         # cutoffs x permutations
  rand <- rowMeans(counts); true <- sapply(cuts, function(ct) beyond(obs, ct))
  fdr <- rand / true; fdr[!is.finite(fdr)] <- NA
  se <- apply(counts, 1, sd) / sqrt(length(perms)) / true; se[!is.finite(se)] <- NA
  list(cutoff = cuts, discoveries = true, permutedCount = rand, fdr = fdr, fdrStdError = se)
}
X <- as.matrix(read.csv(file.path(dd, "roman_cups.csv")))
n <- nrow(X); D <- ncol(X)
draw <- function(p) lapply(seq_len(p), function(k) apply(matrix(rep(seq_len(n), D), n, D), 2, sample))

set.seed(20261206)
shared <- draw(25)          # exported: the C# test replays exactly these permutations
set.seed(7)
own <- draw(1000)           # R's own permutations: the C# test draws its own and compares within Monte Carlo error

expected <- list(
  parts = colnames(X), n = n,
  permutations = lapply(shared, function(P) unname(P - 1L)),      # 0-based, [permutation][row][column]
  shared = list(
    rhoRight = fdr_table(X, rho, "right", shared),
    rhoBoth = fdr_table(X, rho, "both", shared),
    pcorRight = fdr_table(X, pcor, "right", shared),
    pcorBoth = fdr_table(X, pcor, "both", shared),
    bshrinkBoth = fdr_table(X, bshrink, "both", shared)),
  own = list(
    permutations = length(own),
    rhoRight = fdr_table(X, rho, "right", own),
    pcorBoth = fdr_table(X, pcor, "both", own)))
out <- list(
  source = sprintf("R %s, corpcor %s, jsonlite %s; transcription of propr 5.1.8 updateCutoffs",
                   paste(R.version$major, R.version$minor, sep = "."), packageVersion("corpcor"), packageVersion("jsonlite")),
  call = "fdr_table(X, metric, tails, perms) on data/coda/roman_cups.csv",
  expected = expected,
  tolerance = list(cutoff = 1e-12, count = 1e-12, fdrRelative = 1e-12, ownSigmas = 4.5,
                   note = paste("shared permutations: cutoffs absolute, discoveries and mean permuted counts absolute, FDR relative;",
                                "own permutations: |FDR_C# - FDR_R| <= ownSigmas * sqrt(se_C#^2 + se_R^2) at every cutoff with discoveries")))
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, matrix = "rowmajor", na = "null", pretty = FALSE), "expected.json")
