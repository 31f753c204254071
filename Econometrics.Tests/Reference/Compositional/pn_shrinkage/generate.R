# p > n basis shrinkage (Jin, Notredame & Erb 2023; propr::pcor.bshrink) with corpcor.
# Run from this folder: Rscript generate.R   (R 4.2.2, corpcor 1.6.10, jsonlite 1.8.4; seed 20260101)
suppressMessages({ library(corpcor); library(jsonlite) })
set.seed(20260101)
n <- 12; D <- 40
# Log-normal "absolute abundances" with a few correlated blocks, rounded to 6 significant digits so the CSV is exact.
basis <- matrix(rnorm(n * D), n, D)
basis[, 2] <- basis[, 1] + 0.3 * basis[, 2]; basis[, 7] <- -basis[, 5] + 0.5 * basis[, 7]
X <- signif(exp(1 + basis) * 100, 6)
colnames(X) <- sprintf("p%02d", 1:D)
write.csv(X, "input.csv", row.names = FALSE)
X <- as.matrix(read.csv("input.csv"))
logP <- log(X / rowSums(X))
Cb <- cov.shrink(logP, verbose = FALSE)
Gm <- diag(D) - matrix(1 / D, D, D)
P <- unname(cor2pcor(Gm %*% Cb %*% Gm))
# Same with fixed intensities (lambda = 0.3, lambda.var = 0.1): checks the shrinkage formula apart from the estimates.
Cf <- cov.shrink(logP, lambda = 0.3, lambda.var = 0.1, verbose = FALSE)
Pf <- unname(cor2pcor(Gm %*% Cf %*% Gm))
out <- list(
  source = sprintf("R %s.%s, corpcor %s", R.version$major, R.version$minor, packageVersion("corpcor")),
  call = "Cb <- cov.shrink(log(X/rowSums(X))); cor2pcor(G %*% Cb %*% G); and cov.shrink(..., lambda = 0.3, lambda.var = 0.1)",
  expected = list(n = n, D = D, lambda = attr(Cb, "lambda"), lambdaVar = attr(Cb, "lambda.var"),
                  basisCovariance = unname(Cb[, ]), partialCorrelation = P,
                  fixedLambda = 0.3, fixedLambdaVar = 0.1, fixedPartialCorrelation = Pf),
  tolerance = list(lambda = 1e-10, basisCovariance = 1e-10, partialCorrelation = 1e-9))
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, matrix = "rowmajor", pretty = FALSE), "expected.json")
