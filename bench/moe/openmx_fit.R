# Bench peer: the 2-class full mixture of experts (bilinear spline, class-specific knots, gating gx1 gx2, experts
# ex1 ex2, joint covariate likelihood) on the authors' example data, fitted with OpenMx 2.21.1 (CSOLNP) and
# mxTryHard(extraTries = 9), i.e. up to 10 starts, with the Hessian (standard errors), as nlpsem/the authors do.
# Model code: build_moe() of the research note moe.md section 4.3 (equivalent to nlpsem::getMIX, which gives the same
# -2LL). Sourced by the bench harness (MoeBench.cs), which times moe_openmx_fit(dat). Standalone:
#   Rscript openmx_fit.R DATA.csv   prints one JSON line {"seconds":..,"logLik":..,"status":..}
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


mxOption(key = "Default optimizer", value = "CSOLNP")
rep_s <- function(a, g, psi) { Fi <- rbind(c(1, g, 0), c(0, .5, .5), c(0, -.5, .5)); list(a = as.vector(Fi %*% a), psi = Fi %*% psi %*% t(Fi)) }
mk <- function(a, g) { r <- rep_s(a, g, diag(c(20, 1, 1)))
  list(alpha_s = r$a, knot = g, psi_s = r$psi[lower.tri(r$psi, TRUE)], theta = 2,
       B_s = matrix(0.2, 3, 2), mux = c(0, 0), phi = c(1, 0.3, 1)) }
moe_openmx_fit <- function(dat) {
  st <- list(mk(c(98, -4, -2.5), 3), mk(c(98, -4, -3.5), 6), gate = matrix(0, 2, 3))
  set.seed(20260101)
  m0 <- build_moe(dat, K = 2, p = 10, ex = c("ex1", "ex2"), gx = c("gx1", "gx2"), starts = st)
  mxTryHard(m0, extraTries = 9, OKstatuscodes = 0, silent = TRUE)
}
if (sys.nframe() == 0L) {
  args <- commandArgs(trailingOnly = TRUE)
  dat <- read.csv(if (length(args) > 0) args[1] else "../../data/moe/example_data.csv")
  t0 <- proc.time()[["elapsed"]]
  fit <- moe_openmx_fit(dat)
  secs <- proc.time()[["elapsed"]] - t0
  cat(sprintf('{"seconds": %.3f, "logLik": %.6f, "status": %d, "openmx": "%s"}\n', secs, -fit$output$minimum / 2,
              fit$output$status$code, as.character(packageVersion("OpenMx"))))
}
