# Reference fit: the 2-class full mixture of experts on the authors' example data (data/moe/example_data.csv),
# OpenMx 2.21.1 with CSOLNP, model code build_moe()/extract_moe() from research note moe.md section 4.3, which
# reproduces nlpsem::getMIX (-2LL 22916.694888). R 4.2.2. Deterministic given the starts below (set.seed(1) for
# mxTryHard jitter). Original-scale SEs: mxSE() delta method for alpha, B and Psi; direct Hessian SEs otherwise.
# Run from this folder: Rscript generate.R  (about 5 minutes; writes expected.json)
library(jsonlite)
suppressMessages(library(OpenMx))

build_moe <- function(dat, K, p, ycol = "Y", tcol = "T", ex = NULL, gx = NULL, starts) {
  manifests <- paste0(ycol, 1:p)
  latents <- c("eta0s", "eta1s", "eta2s")
  cls <- list()
  for (k in 1:K) {
    s <- starts[[k]]
    defs <- lapply(1:p, function(j) mxMatrix("Full", 1, 1, free = FALSE,
                   labels = paste0("data.", tcol, j), name = paste0("t", j)))
    L1 <- lapply(1:p, function(j) mxAlgebraFromString(paste0("t", j, " - c", k, "knot"),
                 name = paste0("c", k, "L1", j)))
    L2 <- lapply(1:p, function(j) mxAlgebraFromString(paste0("abs(t", j, " - c", k, "knot)"),
                 name = paste0("c", k, "L2", j)))
    parts <- list(
      mxPath(from = "eta0s", to = manifests, arrows = 1, free = FALSE, values = 1),
      mxPath(from = "eta1s", to = manifests, arrows = 1, free = FALSE, values = 0,
             labels = paste0("c", k, "L1", 1:p, "[1,1]")),
      mxPath(from = "eta2s", to = manifests, arrows = 1, free = FALSE, values = 0,
             labels = paste0("c", k, "L2", 1:p, "[1,1]")),
      mxPath(from = manifests, arrows = 2, free = TRUE, values = s$theta,
             labels = paste0("c", k, "theta")),
      mxPath(from = "one", to = latents, arrows = 1, free = TRUE, values = s$alpha_s,
             labels = paste0("c", k, c("a0s", "a1s", "a2s"))),
      mxPath(from = latents, arrows = 2, connect = "unique.pairs", free = TRUE,
             values = s$psi_s, labels = paste0("c", k, c("p00s","p01s","p02s","p11s","p12s","p22s"))),
      mxMatrix("Full", 1, 1, free = TRUE, values = s$knot, labels = paste0("c", k, "gamma"),
               name = paste0("c", k, "knot")),
      mxAlgebraFromString(paste0("rbind(cbind(1, -c", k, "knot, c", k, "knot), cbind(0, 1, -1), cbind(0, 1, 1))"),
                          name = paste0("c", k, "F")),
      mxAlgebraFromString(paste0("c", k, "F %*% rbind(c", k, "a0s, c", k, "a1s, c", k, "a2s)"),
                          name = paste0("c", k, "alpha")),
      mxAlgebraFromString(paste0("c", k, "F %*% rbind(cbind(c", k, "p00s, c", k, "p01s, c", k, "p02s),",
                                 "cbind(c", k, "p01s, c", k, "p11s, c", k, "p12s),",
                                 "cbind(c", k, "p02s, c", k, "p12s, c", k, "p22s)) %*% t(c", k, "F)"),
                          name = paste0("c", k, "psi")),
      mxFitFunctionML(vector = TRUE))
    mv <- manifests
    if (!is.null(ex)) {
      m <- length(ex); mv <- c(manifests, ex)
      bl <- outer(0:2, 1:m, function(a, b) paste0("c", k, "b", a, "_", b))  # 3 x m labels
      for (q in 1:m) parts[[length(parts) + 1]] <- mxPath(from = ex[q], to = latents, arrows = 1, free = TRUE,
                                                     values = s$B_s[, q], labels = bl[, q])
      parts[[length(parts) + 1]] <- mxPath(from = "one", to = ex, free = TRUE, values = s$mux,
                                           labels = paste0("c", k, "mux", 1:m))
      parts[[length(parts) + 1]] <- mxPath(from = ex, arrows = 2, connect = "unique.pairs", free = TRUE,
                                           values = s$phi, labels = paste0("c", k, "phi", 1:(m*(m+1)/2)))
      parts[[length(parts) + 1]] <- mxMatrix("Full", 3, m, free = TRUE, values = s$B_s, labels = bl,
                                             name = paste0("c", k, "Bs"))
      parts[[length(parts) + 1]] <- mxAlgebraFromString(paste0("c", k, "F %*% c", k, "Bs"), name = paste0("c", k, "B"))
    }
    cls[[k]] <- do.call(mxModel, c(list(name = paste0("Class", k), type = "RAM",
                         manifestVars = mv, latentVars = latents), defs, L1, L2, parts))
  }
  if (!is.null(gx)) {
    G <- length(gx)
    gate <- mxMatrix("Full", K, G + 1, free = rep(c(FALSE, rep(TRUE, K - 1)), G + 1),
                     values = starts$gate, labels = outer(1:K, 0:G, function(a, b) paste0("g", a, "_", b)),
                     name = "gateB")
    gv <- mxMatrix("Full", G + 1, 1, free = FALSE, values = 1, labels = c(NA, paste0("data.", gx)), name = "gv")
    w <- mxAlgebra(gateB %*% gv, name = "weights")
    top <- list(gate, gv, w)
  } else {
    top <- list(mxMatrix("Full", K, 1, free = c(FALSE, rep(TRUE, K - 1)), values = starts$gate,
                         labels = paste0("g", 1:K, "_0"), name = "weights"))
  }
  do.call(mxModel, c(list("MoE", mxData(dat, type = "raw")), cls, top,
                     list(mxExpectationMixture(paste0("Class", 1:K), weights = "weights", scale = "softmax"),
                          mxFitFunctionML())))
}

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

mxOption(key = "Default optimizer", value = "CSOLNP")
dat <- read.csv("../../../../data/moe/example_data.csv")
rep_s <- function(a, g, psi) { Fi <- rbind(c(1, g, 0), c(0, .5, .5), c(0, -.5, .5)); list(a = as.vector(Fi %*% a), psi = Fi %*% psi %*% t(Fi)) }
mk <- function(a, g) { r <- rep_s(a, g, diag(c(20, 1, 1)))
  list(alpha_s = r$a, knot = g, psi_s = r$psi[lower.tri(r$psi, TRUE)], theta = 2,
       B_s = matrix(0.2, 3, 2), mux = c(0, 0), phi = c(1, 0.3, 1)) }
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
