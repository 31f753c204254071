# R peer of bench case coda/pcor-bshrink: basis-shrinkage partial correlations (Jin, Notredame & Erb 2023) as
# propr::pcor.bshrink computes them: log-proportions -> corpcor::cov.shrink -> G C G -> corpcor::cor2pcor.
# The harness sources this file in its R setup and times pcor_bshrink(X). R 4.2.2, corpcor 1.6.10.
suppressPackageStartupMessages(library(corpcor))
pcor_bshrink <- function(X) {
  logP <- log(X / rowSums(X)); D <- ncol(X)
  Cb <- cov.shrink(logP, verbose = FALSE)
  G <- diag(D) - matrix(1 / D, D, D)
  P <- cor2pcor(G %*% Cb %*% G)
  attr(P, "lambda") <- attr(Cb, "lambda")
  P
}
