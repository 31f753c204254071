# Reference fit: the 2-class full mixture of experts on the authors' example data (data/moe/example_data.csv),
# OpenMx 2.21.1 with CSOLNP, model code build_moe()/extract_moe() from research note moe.md section 4.3, which
# reproduces nlpsem::getMIX (-2LL 22916.694888). R 4.2.2. Deterministic given the starts below (set.seed(1) for
# mxTryHard jitter). Original-scale SEs: mxSE() delta method for alpha, B and Psi; direct Hessian SEs otherwise.
# Run from this folder: Rscript generate.R  (about 5 minutes; writes expected.json)
library(jsonlite)
suppressMessages(library(OpenMx))

# build_moe(), rep_s() and mk() are the bench peer's model code: one copy, shared with bench/moe/openmx_fit.R.
source("../../../../bench/moe/openmx_fit.R")

## Original-scale estimates from a fitted model (alpha = F alpha*, Psi = F Psi* F', B = F B*)
extract_moe <- function(fit, K, ex = NULL, gx = NULL) {
  pp <- omxGetParameters(fit, free = NA)
  out <- list(class = list())
  for (k in 1:K) {
    g <- unname(pp[paste0("c", k, "gamma")])
    F <- rbind(c(1, -g, g), c(0, 1, -1), c(0, 1, 1))
    as <- unname(pp[paste0("c", k, c("a0s", "a1s", "a2s"))])
    ps <- unname(pp[paste0("c", k, c("p00s","p01s","p02s","p11s","p12s","p22s"))])
    Ps <- matrix(c(ps[1], ps[2], ps[3], ps[2], ps[4], ps[5], ps[3], ps[5], ps[6]), 3)
    ck <- list(alpha = as.vector(F %*% as), knot = g, psi = F %*% Ps %*% t(F),
               theta = unname(pp[paste0("c", k, "theta")]))
    if (!is.null(ex)) {
      m <- length(ex)
      Bs <- matrix(unname(pp[as.vector(outer(0:2, 1:m, function(a, b) paste0("c", k, "b", a, "_", b)))]), 3, m)
      ck$B <- F %*% Bs
      ck$mux <- unname(pp[paste0("c", k, "mux", 1:m)])
      ph <- unname(pp[paste0("c", k, "phi", 1:(m*(m+1)/2))])
      Phi <- matrix(0, m, m); Phi[lower.tri(Phi, diag = TRUE)] <- ph; Phi <- Phi + t(Phi) - diag(diag(Phi), m)
      ck$phi <- Phi
    }
    out$class[[k]] <- ck
  }
  if (!is.null(gx)) {
    G <- length(gx)
    out$gate <- matrix(unname(pp[as.vector(outer(1:K, 0:G, function(a, b) paste0("g", a, "_", b)))]), K, G + 1)
    out$gate[1, ] <- 0
  } else out$gate <- matrix(c(0, unname(pp[paste0("g", 2:K, "_0")])), ncol = 1)
  out
}

dat <- read.csv("../../../../data/moe/example_data.csv")
st <- list(mk(c(98, -4, -2.5), 3), mk(c(98, -4, -3.5), 6), gate = matrix(0, 2, 3))
m0 <- build_moe(dat, K = 2, p = 10, ex = c("ex1", "ex2"), gx = c("gx1", "gx2"), starts = st)
set.seed(1)
fit <- mxTryHard(m0, extraTries = 9, OKstatuscodes = 0, silent = TRUE)
est <- extract_moe(fit, 2, ex = c("ex1", "ex2"), gx = c("gx1", "gx2"))
se <- fit$output$standardErrors[, 1]
ord <- order(sapply(est$class, function(c) c$knot))       # canonical order: ascending knot
cls <- lapply(seq_along(ord), function(j) {
  k <- ord[j]; c <- est$class[[k]]
  list(alpha = c$alpha, knot = c$knot, B = c$B, psi = c$psi[upper.tri(c$psi, TRUE)][c(1, 2, 4, 3, 5, 6)], theta = c$theta,
       mux = c$mux, phi = c(c$phi[1, 1], c$phi[1, 2], c$phi[2, 2]),
       se_alpha = as.vector(mxSE(paste0("Class", k, ".c", k, "alpha"), fit, forceName = TRUE, silent = TRUE)),
       se_B = matrix(mxSE(paste0("Class", k, ".c", k, "B"), fit, forceName = TRUE, silent = TRUE), 3),
       se_psi = as.vector(mxSE(paste0("Class", k, ".c", k, "psi"), fit, forceName = TRUE, silent = TRUE))[c(1, 4, 7, 5, 8, 9)],
       se_knot = unname(se[paste0("c", k, "gamma")]), se_theta = unname(se[paste0("c", k, "theta")]),
       se_mux = unname(se[paste0("c", k, "mux", 1:2)]), se_phi = unname(se[paste0("c", k, "phi", 1:3)]))
})
stopifnot(ord[1] == 1)   # the OpenMx reference class (gate row fixed at 0) must be canonical class 1
g <- est$gate[ord[2], ] - est$gate[ord[1], ]
gse <- unname(se[paste0("g", ord[2], "_", 0:2)])          # with ord[1] the OpenMx reference class (row fixed at 0)
post_ll <- -fit$output$minimum / 2
out <- list(source = paste0("R ", getRversion(), ", OpenMx ", packageVersion("OpenMx"), " (CSOLNP), build_moe() of research note moe.md"),
  call = "mxTryHard(build_moe(example_data, K = 2, p = 10, ex = c('ex1','ex2'), gx = c('gx1','gx2')), extraTries = 9)",
  expected = list(logLik = post_ll, nParameters = length(omxGetParameters(fit)), classes = cls, gating = g, gating_se = gse,
                  aic_mplus = 23010.695, bic_mplus = 23208.781, abic_mplus = 23059.601, entropy_mplus = 0.661,
                  expected_sizes = c(258.036, 241.964), modal_counts = c(245, 255)),
  tolerance = list(logLik = 1e-3, estimates_relative = 1e-2, se_relative = 2e-2, knot_se_relative = 1e-1,
                   note = "Mplus values from the authors' full moe.out; tolerances from research note section 5"))
write(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE), "expected.json")
cat(sprintf("%.6f\n", post_ll))
