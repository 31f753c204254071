# Profile-likelihood 95% intervals (OpenMx mxCI: the parameter values where -2LL, re-minimised over every other
# parameter, rises by qchisq(0.95, 1) = 3.841459 above its minimum; Neale and Miller 1997) of the nonlinear growth
# parameter of one-class growth curves on RMS_dat (ECLS-K:2011 mathematics M1..M9, T in years since the first wave):
#   negative exponential  rate b           (model of ../nonlinear_curves/generate.R, K = 1)
#   Jenss-Bayley          acceleration c   (same)
#   bilinear spline       knot g           (loadings [1, t - g, |t - g|], the reparameterisation of Liu et al.; the knot's
#                                           interval is invariant to it)
# R 4.2.2, OpenMx 2.21.1, CSOLNP. Usage (from the repository root):
#   for c in exp jb bls; do Rscript Econometrics.Tests/Reference/Mixtures/profile/generate.R $c; done
#   Rscript Econometrics.Tests/Reference/Mixtures/profile/generate.R merge     (writes expected.json beside this script)
suppressMessages({ library(OpenMx); library(jsonlite) })
source("Econometrics.Tests/Reference/Mixtures/nonlinear_curves/generate.R")
here <- "Econometrics.Tests/Reference/Mixtures/profile"
mxOption(key = "Default optimizer", value = "CSOLNP")

build_bls1 <- function(dat, p, s) {
  manifests <- paste0("Y", 1:p); latents <- c("eta0s", "eta1s", "eta2s")
  defs <- lapply(1:p, function(j) mxMatrix("Full", 1, 1, free = FALSE, labels = paste0("data.T", j), name = paste0("t", j)))
  L1 <- lapply(1:p, function(j) mxAlgebraFromString(paste0("t", j, " - c1g"), name = paste0("c1L1", j)))
  L2 <- lapply(1:p, function(j) mxAlgebraFromString(paste0("abs(t", j, " - c1g)"), name = paste0("c1L2", j)))
  do.call(mxModel, c(list("Class1", type = "RAM", manifestVars = manifests, latentVars = latents, mxData(dat, type = "raw"),
    mxMatrix("Full", 1, 1, free = TRUE, values = s$g, labels = "c1gamma", name = "c1g"),
    mxPath(from = "eta0s", to = manifests, arrows = 1, free = FALSE, values = 1),
    mxPath(from = "eta1s", to = manifests, arrows = 1, free = FALSE, values = 0, labels = paste0("c1L1", 1:p, "[1,1]")),
    mxPath(from = "eta2s", to = manifests, arrows = 1, free = FALSE, values = 0, labels = paste0("c1L2", 1:p, "[1,1]")),
    mxPath(from = manifests, arrows = 2, free = TRUE, values = s$theta, labels = "c1theta"),
    mxPath(from = "one", to = latents, arrows = 1, free = TRUE, values = s$alpha, labels = paste0("c1a", 0:2)),
    mxPath(from = latents, arrows = 2, connect = "unique.pairs", free = TRUE, values = s$psi, labels = paste0("c1p", upair(3)))),
    defs, L1, L2))
}

dat <- prep_rms(); p <- 9
one <- function(curve) {
  set.seed(20260101)
  t0 <- proc.time()[["elapsed"]]
  m0 <- if (curve == "bls") {
    build_bls1(dat, p, list(g = 2.5, alpha = c(100, 17, -7), psi = c(150, 5, 0, 10, 0, 5), theta = 30))
  } else {
    st <- list(start_of(rms_starts[[curve]][[1]], nfac(curve))); st$gate <- matrix(0, 1, 2)
    build(dat, curve, 1, p, st)
  }
  fit <- mxTryHard(m0, extraTries = 4, OKstatuscodes = 0, silent = TRUE)
  ci <- mxRun(mxModel(fit, mxCI("c1gamma", interval = 0.95)), intervals = TRUE, silent = TRUE)
  s <- summary(ci)$CI
  list(logLik = -ci$output$minimum / 2, status = ci$output$status$code, gamma = omxGetParameters(ci)[["c1gamma"]],
       lower = s[1, "lbound"], upper = s[1, "ubound"], nParameters = length(omxGetParameters(ci)),
       seconds = proc.time()[["elapsed"]] - t0)
}
# One curve per process (Rscript generate.R exp|jb|bls writes cases/<curve>.json; OpenMx takes many minutes per
# interval), then "Rscript generate.R merge" gathers the cases present into expected.json.
arg <- commandArgs(trailingOnly = TRUE)[1]
if (arg %in% c("exp", "jb", "bls")) {
  dir.create(file.path(here, "cases"), showWarnings = FALSE)
  r <- tryCatch(one(arg), error = function(e) list(error = conditionMessage(e)))
  print(r)
  writeLines(toJSON(r, auto_unbox = TRUE, digits = NA), file.path(here, "cases", paste0(arg, ".json")))
} else if (arg == "merge") {
  done <- Filter(function(c) file.exists(file.path(here, "cases", paste0(c, ".json"))), c("exp", "jb", "bls"))
  res <- lapply(done, function(c) fromJSON(file.path(here, "cases", paste0(c, ".json")), simplifyVector = FALSE))
  names(res) <- done
  writeLines(toJSON(list(source = paste("R", getRversion(), "OpenMx", packageVersion("OpenMx"), "CSOLNP"),
                         call = "mxRun(mxModel(mxTryHard(model, extraTries = 4), mxCI('c1gamma')), intervals = TRUE), one class",
                         tolerance = list(bounds = 1e-3, note = "interval bounds agree absolutely where both fits reach the same maximum"),
                         expected = res), auto_unbox = TRUE, digits = NA, pretty = TRUE),
             file.path(here, "expected.json"))
}
