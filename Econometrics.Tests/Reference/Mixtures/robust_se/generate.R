# Robust (Huber-White sandwich, Mplus MLR) standard errors of a 2-class linear growth mixture from OpenMx's
# imxRobustSE (numerical casewise gradients of the row likelihoods, bread = inverse Hessian), beside the usual
# observed-information SEs, on the simulated set of the VLMR fixture (../vlmr/sim.csv, N = 300, 5 occasions at 0..4).
# R 4.2.2, OpenMx 2.21.1. Usage (from the repository root): Rscript Econometrics.Tests/Reference/Mixtures/robust_se/generate.R
suppressMessages({ library(OpenMx); library(jsonlite) })
mxOption(key = "Default optimizer", value = "CSOLNP")
here <- "Econometrics.Tests/Reference/Mixtures/robust_se"
dat <- read.csv("Econometrics.Tests/Reference/Mixtures/vlmr/sim.csv")
p <- 5; manifests <- paste0("Y", 1:p)
starts <- list(list(a = c(8.2, 0.1), psi = c(0.5, 0.0, 0.2), theta = 0.9), list(a = c(10.0, 0.9), psi = c(0.8, 0.1, 0.2), theta = 1.0))
cls <- lapply(1:2, function(k) {
  s <- starts[[k]]
  mxModel(paste0("Class", k), type = "RAM", manifestVars = manifests, latentVars = c("eta0", "eta1"),
    mxPath(from = "eta0", to = manifests, free = FALSE, values = 1),
    mxPath(from = "eta1", to = manifests, free = FALSE, values = 0:(p - 1)),
    mxPath(from = manifests, arrows = 2, free = TRUE, values = s$theta, labels = paste0("c", k, "theta")),
    mxPath(from = "one", to = c("eta0", "eta1"), free = TRUE, values = s$a, labels = paste0("c", k, "a", 0:1)),
    mxPath(from = c("eta0", "eta1"), arrows = 2, connect = "unique.pairs", free = TRUE, values = s$psi,
           labels = paste0("c", k, "p", c("00", "01", "11"))),
    mxFitFunctionML(vector = TRUE))
})
model <- mxModel("Mix", mxData(dat, type = "raw"), cls,
  mxMatrix("Full", 2, 1, free = c(FALSE, TRUE), values = c(0, 1), labels = c("g1", "g2"), name = "weights"),
  mxExpectationMixture(paste0("Class", 1:2), weights = "weights", scale = "softmax"), mxFitFunctionML())
fit <- mxTryHard(model, extraTries = 9, silent = TRUE)
v <- omxGetParameters(fit)
se <- fit$output$standardErrors[, 1]
# imxRobustSE refuses a mixture's submodels (it wants MxFitFunctionMultigroup), so the same sandwich is computed here
# as imxRobustSE does it: casewise gradients of the row log-likelihoods by central differences (the fit function with
# vector = TRUE returns each row's likelihood), bread = the inverse of OpenMx's Hessian of -2 log L, times 2.
rows <- function(x) {   # log sum_k pi_k f_k(y_i), the class likelihoods f_k from the submodels' vector fit functions
  r <- mxRun(omxSetParameters(fit, labels = names(v), values = x), useOptimizer = FALSE, silent = TRUE)
  w <- exp(c(0, x[["g2"]])); w <- w / sum(w)
  log(w[1] * r$Class1$fitfunction$result[, 1] + w[2] * r$Class2$fitfunction$result[, 1])
}
stopifnot(abs(sum(rows(v)) + fit$output$minimum / 2) < 1e-8)
G <- sapply(seq_along(v), function(j) {
  h <- 1e-5 * max(abs(v[[j]]), 1); e <- replace(numeric(length(v)), j, h)
  (rows(v + e) - rows(v - e)) / (2 * h)
})
bread <- 2 * solve(fit$output$hessian)                    # (-d2 log L)^-1
robust <- sqrt(diag(bread %*% crossprod(G) %*% bread)); names(robust) <- names(v)
ord <- order(c(v[["c1a0"]], v[["c2a0"]]))                 # classes by ascending intercept, as the C# canonical order
names_c <- function(k) paste0("c", k, c("a0", "a1", "p00", "p01", "p11", "theta"))
pick <- function(x) unname(unlist(lapply(ord, function(k) x[names_c(k)])))
gate <- if (ord[1] == 1) v[["g2"]] else -v[["g2"]]         # the logit of the other class against class 1 is +-g2
out <- list(
  source = sprintf("R %s OpenMx %s CSOLNP", paste(R.version$major, R.version$minor, sep = "."), packageVersion("OpenMx")),
  call = "mxTryHard(2-class linear growth mixture, softmax weights); fit$output$standardErrors; imxRobustSE(fit)",
  tolerance = list(logLik = 1e-6, estimates = 1e-4, standardErrors = 1e-2, robustStandardErrors = 1e-2,
                   note = paste("relative; per class alpha0, alpha1, psi00, psi01, psi11, theta, then the gating logit",
                                "(its SE is sign-invariant); OpenMx's numerical Hessian differs from the analytic-score one by up to 3e-3",
                                "(see ../vlmr for the tight check)")),
  expected = list(logLik = -fit$output$minimum / 2, status = fit$output$status$code,
                  estimates = c(pick(v), gate), standardErrors = c(pick(se), se[["g2"]]),
                  robustStandardErrors = c(pick(robust), robust[["g2"]])))
write(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), file.path(here, "expected.json"))
print(out$expected)
