# Reference values for log-ratio partial correlations (Erb 2020) and friends, computed with base R and corpcor only
# (no C# code involved). Run from this folder:  Rscript generate.R ../../../../data/coda
# R 4.2.2, corpcor 1.6.10, jsonlite 1.8.4 (Debian packages). Deterministic: no random numbers.
suppressMessages({ library(corpcor); library(jsonlite) })
args <- commandArgs(TRUE); dd <- if (length(args)) args[1] else "../../../../data/coda"

clr <- function(X) { L <- log(X); L - rowMeans(L) }
variation <- function(X) { C <- cov(log(X)); d <- diag(C); outer(d, d, "+") - 2 * C }
rho_p <- function(X) { v <- apply(clr(X), 2, var); R <- 1 - variation(X) / outer(v, v, "+"); diag(R) <- 1; R }
# propr's phi: element [i, j] = T_ij / v_j (column's clr variance); phs = (1 - rho) / (1 + rho)
phi <- function(X) { v <- apply(clr(X), 2, var); sweep(variation(X), 2, v, "/") }
phs <- function(X) { R <- rho_p(X); (1 - R) / (1 + R) }
lrpcor <- function(X) unname(cor2pcor(cov(clr(X))))             # SVD pseudo-inverse inside corpcor
pvar <- function(X) unname(1 / diag(pseudoinverse(cov(clr(X)))))
alrpcor <- function(X, r) { L <- log(X); A <- L[, -r] - L[, r]; unname(cor2pcor(cov(A))) }
tests <- function(P, n, D, level = 0.95) {
  df <- n - D + 1
  t <- P * sqrt(df / (1 - P^2)); diag(t) <- NA
  pt2 <- 2 * pt(-abs(t), df)
  z <- atanh(P) * sqrt(n - D); diag(z) <- NA
  pz <- 2 * pnorm(-abs(z))
  q <- qnorm(1 - (1 - level) / 2)
  lo <- tanh(atanh(P) - q / sqrt(n - D)); hi <- tanh(atanh(P) + q / sqrt(n - D)); diag(lo) <- NA; diag(hi) <- NA
  up <- upper.tri(P)
  adj <- function(m) { A <- matrix(NA, nrow(P), ncol(P)); A[up] <- p.adjust(pt2[up], m); A[lower.tri(A)] <- t(A)[lower.tri(A)]; A }
  list(df = df, t = t, p = pt2, z = z, pz = pz, lower = lo, upper = hi, holm = adj("holm"), bh = adj("BH"))
}
bshrink <- function(X) {                                          # Jin, Notredame & Erb (2023) = propr::pcor.bshrink
  logP <- log(X / rowSums(X)); D <- ncol(X)
  Cb <- cov.shrink(logP, verbose = FALSE)
  Gm <- diag(D) - matrix(1 / D, D, D)
  list(P = unname(cor2pcor(Gm %*% Cb %*% Gm)), lambda = attr(Cb, "lambda"), lambda.var = attr(Cb, "lambda.var"))
}
na <- function(M) { M[!is.finite(M)] <- NA; M }
case <- function(X, level = 0.95) {
  n <- nrow(X); D <- ncol(X); P <- lrpcor(X); tt <- tests(P, n, D, level); b <- bshrink(X)
  list(parts = colnames(X), n = n, partialCorrelation = P, partialVariance = pvar(X),
       partialCorrelationAlrFirst = alrpcor(X, 1),
       variation = unname(variation(X)), clrCovariance = unname(cov(clr(X))), clrCorrelation = unname(cor(clr(X))),
       proportionality = unname(rho_p(X)), phi = unname(phi(X)), phs = unname(na(phs(X))),
       totalVariance = sum(diag(cov(clr(X)))),
       df = tt$df, t = na(tt$t), pValues = na(tt$p), fisherZ = na(tt$z), fisherPValues = na(tt$pz),
       lower = na(tt$lower), upper = na(tt$upper), holm = na(tt$holm), bh = na(tt$bh),
       shrinkLambda = b$lambda, shrinkLambdaVar = b$lambda.var, shrinkPartialCorrelation = b$P)
}
toy <- matrix(c(1,2,3,4, 2,1,4,3, 3,5,1,2, 4,3,2,6, 5,4,6,1, 2,6,5,3), 6, 4, byrow = TRUE,
              dimnames = list(NULL, paste0("x", 1:4)))
cups <- as.matrix(read.csv(file.path(dd, "roman_cups.csv")))
sub <- c("Si", "Al", "Fe", "Mg", "Ca", "Na", "K", "Ti")
expected <- list(
  toy = case(toy),
  cups = case(cups),
  cupsSubcomposition = list(parts = sub, partialCorrelation = lrpcor(cups[, sub])),
  hongite = case(as.matrix(read.csv(file.path(dd, "hongite.csv")))),
  arcticLake = case(as.matrix(read.csv(file.path(dd, "arctic_lake.csv")))[, 1:3]),
  skyeAfm = case(as.matrix(read.csv(file.path(dd, "skye_afm.csv")))),
  householdExpenditures = case(as.matrix(read.csv(file.path(dd, "household_expenditures.csv")))))
out <- list(
  source = sprintf("R %s, corpcor %s, jsonlite %s", paste(R.version$major, R.version$minor, sep = "."),
                   packageVersion("corpcor"), packageVersion("jsonlite")),
  call = "cor2pcor(cov(clr(X))); 1/diag(pseudoinverse(cov(clr(X)))); cov.shrink(log(X/rowSums(X))) then cor2pcor(G C G); pt/pnorm tests with df = n-D+1; p.adjust(holm, BH) over the upper triangle",
  expected = expected,
  tolerance = list(partialCorrelation = 1e-10, partialVariance = 1e-10, variation = 1e-12, proportionality = 1e-10,
                   pValues = 1e-10, confidenceInterval = 1e-10, shrinkLambda = 1e-10, shrinkPartialCorrelation = 1e-9,
                   note = "absolute tolerances except partialVariance (relative); R uses an SVD pseudo-inverse, C# uses (Gamma + J)^-1 - J"))
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, matrix = "rowmajor", na = "null", pretty = FALSE), "expected.json")
