# Log-likelihood of the full mixture of experts (bilinear spline, class-specific knot, gating and expert
# covariates) evaluated at given parameters, with the hand-coded spec ll_moe() of the research note moe.md §4.3
# (which reproduces OpenMx's -2LL). R 4.2.2, mvtnorm 1.1-3, jsonlite. Deterministic (no random numbers).
# Run from this folder: Rscript generate.R  (reads ../../../../data/moe/*.csv, writes expected.json)
library(mvtnorm); library(jsonlite)
ll_moe <- function(dat, par, p, ycol = "Y", tcol = "T", ex = NULL, gx = NULL, include_x = TRUE) {
  K <- length(par$class); N <- nrow(dat)
  Y <- as.matrix(dat[, paste0(ycol, 1:p)]); Tm <- as.matrix(dat[, paste0(tcol, 1:p)])
  Xg <- cbind(1, if (!is.null(gx)) as.matrix(dat[, gx]) else NULL)
  eta <- Xg %*% t(par$gate)
  lpi <- eta - apply(eta, 1, function(r) max(r) + log(sum(exp(r - max(r)))))
  lf <- matrix(0, N, K)
  for (k in 1:K) {
    ck <- par$class[[k]]
    for (i in 1:N) {
      t <- Tm[i, ]
      Lam <- cbind(1, pmin(t, ck$knot), pmax(t - ck$knot, 0))
      mu <- ck$alpha; if (!is.null(ex)) mu <- mu + ck$B %*% unlist(dat[i, ex])
      S <- Lam %*% ck$psi %*% t(Lam) + diag(ck$theta, p)
      lf[i, k] <- dmvnorm(Y[i, ], as.vector(Lam %*% mu), S, log = TRUE)
      if (!is.null(ex) && include_x) lf[i, k] <- lf[i, k] + dmvnorm(unlist(dat[i, ex]), ck$mux, ck$phi, log = TRUE)
    }
  }
  a <- lpi + lf; m <- apply(a, 1, max); lli <- m + log(rowSums(exp(a - m)))
  list(ll = sum(lli), lli = lli, post = exp(a - lli))
}
sym <- function(v) { q <- if (length(v) == 6) 3 else 2; M <- matrix(0, q, q); M[lower.tri(M, TRUE)] <- v; M + t(M) - diag(diag(M), q) }
cl <- function(alpha, knot, B, psi, theta, mux, phi) list(alpha = alpha, knot = knot, B = matrix(B, 3), psi = sym(psi),
                                                     theta = theta, mux = mux, phi = if (length(phi) == 1) matrix(phi) else sym3(phi))
sym3 <- function(v) matrix(c(v[1], v[2], v[2], v[3]), 2)
sim <- read.csv("../../../../data/moe/moe_ref_sim.csv")
true <- list(gate = rbind(c(0, 0), c(0.2, 0.9)), class = list(
  cl(c(100, -5, -2), 3.0, c(1.5, 0.3, 0.2), c(16, 1, .8, .64, .1, .49), 1, 0, 1),
  cl(c(90, -2, -4), 4.5, c(2, .4, -.2), c(16, 1, .8, .64, .1, .49), 1, 0, 1)))
# OpenMx optimum of the note (table B.2), 6 decimals
omx <- list(gate = rbind(c(0, 0), c(0.340008, 0.889570)), class = list(
  cl(c(100.343308, -5.123106, -2.106381), 2.929607, c(1.238278, 0.317276, 0.195536),
     c(16.550600, 0.654120, 1.158060, 0.544554, 0.123714, 0.440097), 1.033985, -0.022226, 1.143247),
  cl(c(90.166627, -1.948670, -4.038405), 4.554950, c(2.561179, 0.460606, -0.260385),
     c(15.375933, 0.976766, 0.817010, 0.690061, 0.081400, 0.526058), 0.957106, 0.000909, 1.032088)))
ex <- read.csv("../../../../data/moe/example_data.csv")
# OpenMx optimum on the authors' example (table A); class 1 = knot 3.52 (reference)
exa <- list(gate = rbind(c(0, 0, 0), c(-0.094739, 0.439923, 0.552543)), class = list(
  list(alpha = c(99.701178, -5.112431, -2.654804), knot = 3.518717,
       B = cbind(c(0.642520, 0.129272, 0.144095), c(1.130288, 0.241319, 0.353659)),
       psi = sym(c(22.690426, 0.697454, 0.319850, 0.853503, 0.201450, 0.876215)), theta = 1.013258,
       mux = c(0.041721, 0.087787), phi = sym3(c(0.866556, 0.212073, 1.018854))),
  list(alpha = c(99.671644, -4.816995, -3.381120), knot = 5.558551,
       B = cbind(c(0.941612, 0.263754, 0.208682), c(1.682442, 0.361742, 0.515016)),
       psi = sym(c(18.211941, 0.381392, 0.396209, 0.809081, 0.041735, 0.798641)), theta = 1.024090,
       mux = c(0.110327, 0.055069), phi = sym3(c(1.137381, 0.391858, 0.909038)))))
tj <- ll_moe(sim, true, 8, ex = "ex", gx = "gx")
tc <- ll_moe(sim, true, 8, ex = "ex", gx = "gx", include_x = FALSE)
oj <- ll_moe(sim, omx, 8, ex = "ex", gx = "gx")
aj <- ll_moe(ex, exa, 10, ex = c("ex1", "ex2"), gx = c("gx1", "gx2"))
ac <- ll_moe(ex, exa, 10, ex = c("ex1", "ex2"), gx = c("gx1", "gx2"), include_x = FALSE)
out <- list(source = paste0("R ", getRversion(), ", mvtnorm ", packageVersion("mvtnorm"), "; hand-coded likelihood of research note moe.md (matches OpenMx 2.21.1 -2LL)"),
  call = "ll_moe(dat, par, p, ex, gx, include_x) at the parameters listed in generate.R",
  expected = list(sim_true_joint = tj$ll, sim_true_conditional = tc$ll, sim_openmx_joint = oj$ll,
                  sim_openmx_loglik_i = oj$lli, sim_openmx_post1 = oj$post[, 1],
                  example_openmx_joint = aj$ll, example_openmx_conditional = ac$ll),
  tolerance = list(loglik = 1e-6, loglik_i = 1e-8, post = 1e-8,
                   note = "note: sim_true_joint -7079.111965, sim_true_conditional -6495.296738; example at 6-decimal OpenMx estimates -11458.3474 / -10075.7811"))
write(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE), "expected.json")
cat(sprintf("%.6f %.6f %.6f %.6f %.6f\n", tj$ll, tc$ll, oj$ll, aj$ll, ac$ll))
