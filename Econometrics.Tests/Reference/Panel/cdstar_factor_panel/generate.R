# Fixture: Pesaran-Xie CD* by an independent R transcription of algorithm 4.3 of the research note (cd.md),
# in the paper variant (PCA on demeaned data) and the xtcd2 variant (standardized), m = 0..3, on a balanced
# one-factor panel with heteroskedastic errors; also Juodis-Reese CD_W (eq. 30 and correlation form) and the
# eq. 32 power-enhancement term with deterministic weights w_i = (-1)^(i+1).
# Run from this folder: Rscript generate.R   (R 4.2.2, jsonlite); set.seed(20260101), RNGkind defaults.
suppressPackageStartupMessages(library(jsonlite))
set.seed(20260101)
T <- 60; N <- 40
f <- rnorm(T); g <- runif(N, 0, 2); s <- sqrt(0.5 + rchisq(N, 2) / 2)
X <- outer(f, g) + sweep(matrix(rnorm(T * N), T, N), 2, s, `*`) + matrix(rep(rnorm(N), each = T), T, N)
long <- data.frame(unit = rep(1:N, each = T), time = rep(1:T, N), x = as.vector(X))
write.csv(long, "input.csv", row.names = FALSE, quote = FALSE)

cd_balanced <- function(E) { R <- cor(E); n <- ncol(E); sqrt(2 * nrow(E) / (n * (n - 1))) * sum(R[lower.tri(R)]) }
cdstar <- function(X, m, standardize) {
  T <- nrow(X); N <- ncol(X)
  A <- sweep(X, 2, colMeans(X))
  if (standardize) A <- sweep(A, 2, apply(A, 2, sd), `/`)
  if (m == 0) { e <- A; Gamma <- matrix(0, N, 0) } else {
    V <- svd(A, nu = 0, nv = m)$v
    Gamma <- sqrt(N) * V
    Fh <- A %*% Gamma / N
    e <- A - Fh %*% t(Gamma)
  }
  CD <- cd_balanced(e)
  sigma <- sqrt(colMeans(e^2))
  phi <- if (m == 0) numeric(0) else colMeans(Gamma / sigma)
  a <- 1 - sigma * (if (m == 0) 0 else as.vector(Gamma %*% phi))
  theta <- 1 - mean(a^2)
  list(cdstar = (CD + sqrt(T / 2) * theta) / (1 - theta), cd = CD, theta = theta)
}
exp <- list()
for (variant in c("paper", "standardized")) for (m in 0:3) {
  r <- cdstar(X, m, variant == "standardized")
  exp[[sprintf("%s_m%d", variant, m)]] <- list(cdstar = r$cdstar, pValue = 2 * pnorm(abs(r$cdstar), lower.tail = FALSE), cd = r$cd, theta = r$theta)
}
u <- sweep(X, 2, colMeans(X)); w <- (-1)^(0:(N - 1))
uw <- sweep(u, 2, w, `*`)
pair_sum <- (sum(rowSums(uw)^2) - sum(uw^2)) / 2
exp$cdw_pooled <- pair_sum * sqrt(2 / (T * N * (N - 1))) / mean(u^2)
R <- cor(X); W <- outer(w, w)
exp$cdw_correlation <- sqrt(2 * T / (N * (N - 1))) * sum((W * R)[lower.tri(R)])
rl <- abs(R[lower.tri(R)]); exp$pe <- sum(rl[rl > 2 * sqrt(log(N) / T)])
exp$n <- N; exp$t <- T
doc <- list(source = paste(R.version.string, "(independent transcription of cd.md algorithm 4.3 and JR eqs. 30, 32)"),
  call = "cdstar(X, m, standardize) for m in 0:3; CD_W with w_i = (-1)^(i+1)", spec = list(entity = "unit", time = "time", variable = "x"),
  expected = exp, tolerance = list(statistic = 1e-8))
writeLines(toJSON(doc, auto_unbox = TRUE, digits = NA, pretty = TRUE), "expected.json")
