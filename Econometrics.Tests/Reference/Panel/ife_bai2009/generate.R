# Fixture: Bai (2009) interactive fixed effects with additive individual effects, by an independent R transcription
# of the alternating least-squares algorithm (research note section 6.2): within-demean y and x, start from the
# within estimator, then F = leading r eigenvectors of W W' (W = Y - sum_p b_p X_p), b = (sum X'M_F X)^-1 sum X'M_F Y,
# until no coefficient moves by 1e-14. Variance: Bai's homoskedastic sigma^2 D0^-1/(NT), Z_p = M_F X_p M_Lambda,
# sigma^2 = SSR/(NT - N - (N+T) r - K). Data: N = 30, T = 25, r = 2, two regressors loading on the factors; set.seed(11).
# Run from this folder: Rscript generate.R   (R 4.2.2, jsonlite)
suppressPackageStartupMessages(library(jsonlite))
set.seed(11)
N <- 30; T <- 25; r <- 2; K <- 2
Fm <- matrix(rnorm(T * r), T, r); L <- matrix(runif(N * r, 0.5, 2), N, r)
X1 <- Fm %*% t(matrix(runif(N * r), N, r)) + matrix(rnorm(T * N), T, N)
X2 <- Fm %*% t(matrix(runif(N * r), N, r)) + matrix(rnorm(T * N), T, N)
Y <- 1 * X1 - 0.5 * X2 + Fm %*% t(L) + matrix(rep(rnorm(N), each = T), T, N) + matrix(rnorm(T * N), T, N)
write.csv(data.frame(unit = rep(1:N, each = T), time = rep(1:T, N), y = as.vector(Y), x1 = as.vector(X1), x2 = as.vector(X2)),
  "input.csv", row.names = FALSE, quote = FALSE)
dm <- function(A) sweep(A, 2, colMeans(A))
y <- dm(Y); xs <- list(dm(X1), dm(X2))
ip <- function(A, B) sum(A * B)
solve_b <- function(MF) {
  D <- matrix(0, K, K); c <- numeric(K)
  for (p in 1:K) { c[p] <- ip(xs[[p]], MF %*% y); for (q in 1:K) D[p, q] <- ip(xs[[p]], MF %*% xs[[q]]) }
  solve(D, c)
}
b <- solve_b(diag(T))
for (it in 1:10000) {
  W <- y - b[1] * xs[[1]] - b[2] * xs[[2]]
  U <- eigen(W %*% t(W), symmetric = TRUE)$vectors[, 1:r]
  MF <- diag(T) - U %*% t(U)
  nb <- solve_b(MF)
  done <- max(abs(nb - b) / pmax(1, abs(b))) < 1e-14
  b <- nb
  if (done) break
}
W <- y - b[1] * xs[[1]] - b[2] * xs[[2]]
U <- eigen(W %*% t(W), symmetric = TRUE)$vectors[, 1:r]
MF <- diag(T) - U %*% t(U)
E <- MF %*% W
Lam <- t(W) %*% U
ML <- diag(N) - Lam %*% solve(crossprod(Lam), t(Lam))
Z <- lapply(xs, function(x) MF %*% x %*% ML)
D0 <- matrix(c(ip(Z[[1]], Z[[1]]), ip(Z[[2]], Z[[1]]), ip(Z[[1]], Z[[2]]), ip(Z[[2]], Z[[2]])), 2) / (N * T)
s2 <- sum(E^2) / (N * T - N - (N + T) * r - K)
V <- s2 * solve(D0) / (N * T)
exp <- list(coefficients = list(x1 = list(estimate = b[1], stdError = sqrt(V[1, 1])), x2 = list(estimate = b[2], stdError = sqrt(V[2, 2]))),
  iterations = it, ssr = sum(E^2), n = N, t = T, factors = r)
doc <- list(source = paste(R.version.string, "(independent transcription of Bai 2009, cd.md section 6.2)"),
  call = "alternating least squares, r = 2, tolerance 1e-14", spec = list(formula = "y ~ x1 + x2", entity = "unit", time = "time"),
  expected = exp, tolerance = list(coefficients = 1e-8))
writeLines(toJSON(doc, auto_unbox = TRUE, digits = NA, pretty = TRUE), "expected.json")
