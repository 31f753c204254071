# Binary-target ICP and hiddenICP on simulated data with known parents, R 4.2.2 with the R sources of
# InvariantCausalPrediction 0.8 (N. Meinshausen, GPL; CRAN source, GitHub mirror cran/InvariantCausalPrediction):
# ICP.R, getpval.R, getpvalClassif.R, pvalfunc.R, getblanketall.R and hiddenICP.R. The package is not on Debian and
# needs glmnet/mboost to install, so the files are sourced instead (glmnet/mboost serve only other selections).
# The sources are not part of this repository: put them in a folder and point ICP_R_SOURCE at it.
#   ICP_R_SOURCE=/path/to/R Rscript generate.R
# Writes binary.csv, hidden.csv and expected.json. Per-set p-values come from the package's getpval on each set
# (ICP's own loop calls it in the same way).
src <- Sys.getenv("ICP_R_SOURCE")
for (f in c("ICP", "getpval", "getpvalClassif", "pvalfunc", "getblanketall", "hiddenICP")) source(file.path(src, paste0(f, ".R")))
suppressMessages(library(jsonlite))
set.seed(20261206)

# Binary target: X1 -> Y <- X2, Y -> X3, X4 independent noise. Environments shift X1 and X2 (never Y) and X3's noise.
nb <- c(e1 = 300, e2 = 250, e3 = 250)
envb <- rep(names(nb), nb); nB <- sum(nb)
shift1 <- c(e1 = 0, e2 = 1.2, e3 = 0)[envb]; shift2 <- c(e1 = 0, e2 = 0, e3 = -1)[envb]
X1 <- rnorm(nB) + shift1; X2 <- rnorm(nB) + shift2; X4 <- rnorm(nB)
Yb <- rbinom(nB, 1, plogis(-0.3 + 1.1 * X1 - 0.9 * X2))
X3 <- 1.5 * Yb + rnorm(nB) * c(e1 = 1, e2 = 1, e3 = 2)[envb]
binary <- data.frame(env = envb, Y = Yb, X1 = X1, X2 = X2, X3 = X3, X4 = X4)
write.csv(binary, "binary.csv", row.names = FALSE)

# hiddenICP: hidden H confounds X2 and Y; X1 -> Y (effect 1), Y -> X3; shift interventions on X1, X2 and X3.
nh <- c(obs = 400, s1 = 300, s2 = 300)
envh <- rep(names(nh), nh); nH <- sum(nh)
H <- rnorm(nH)
Z1 <- rnorm(nH) + c(obs = 0, s1 = 2, s2 = 0)[envh]
Z2 <- H + rnorm(nH) + c(obs = 0, s1 = 0, s2 = 1.5)[envh]
Yh <- 1.0 * Z1 + 0.8 * H + rnorm(nH)
Z3 <- 0.7 * Yh + rnorm(nH) + c(obs = 0, s1 = -1, s2 = 1)[envh]
hidden <- data.frame(env = envh, Y = Yh, X1 = Z1, X2 = Z2, X3 = Z3)
write.csv(hidden, "hidden.csv", row.names = FALSE)

XB <- as.matrix(binary[, c("X1", "X2", "X3", "X4")])
nm <- function(s) I(if (length(s)) paste0("X", s) else character(0))
binrun <- function(alpha) {
  r <- suppressWarnings(ICP(XB, binary$Y, binary$env, alpha = alpha, selection = "all",
                            showAcceptedSets = FALSE, showCompletion = FALSE))
  Yf <- as.factor(binary$Y); uni <- unique(binary$env); IN <- lapply(uni, function(u) which(binary$env == u))
  sets <- getblanketall(XB)                      # empty set first, then by size and binary code
  setp <- lapply(sets, function(s) {
    g <- suppressWarnings(getpval(Yf, cbind(rep(1, nrow(XB)), XB[, s, drop = FALSE]), IN, test = "normal"))
    list(set = nm(s), p = g$pval, coefficients = if (length(s)) unname(g$coefficients) else numeric(0),
         stdErrors = if (length(s)) unname(g$coefficientsvar) else numeric(0))
  })
  list(alpha = alpha, acceptedSets = lapply(r$acceptedSets, nm),
       pValues = as.list(setNames(r$pvalues, colnames(XB))),
       upper = if (is.null(r$ConfInt)) NULL else as.list(setNames(r$ConfInt[1, ], colnames(XB))),
       lower = if (is.null(r$ConfInt)) NULL else as.list(setNames(r$ConfInt[2, ], colnames(XB))),
       modelReject = r$modelReject, bestModel = r$bestModel, factor = r$factor, setPValues = setp)
}
XH <- as.matrix(hidden[, c("X1", "X2", "X3")])
hidrun <- function(alpha, intercept) {
  r <- hiddenICP(XH, hidden$Y, hidden$env, alpha = alpha, intercept = intercept)
  list(alpha = alpha, intercept = intercept, betahat = r$betahat, maximin = r$maximinCoefficients,
       upper = r$ConfInt[1, ], lower = r$ConfInt[2, ], pValues = r$pvalues)
}
doc <- list(source = paste0(R.version.string, "; InvariantCausalPrediction 0.8 R sources"),
            call = "ICP(X, Y01, env, alpha, selection = 'all') on binary.csv; hiddenICP(X, Y, env, alpha, intercept) on hidden.csv",
            truth = list(binaryParents = c("X1", "X2"), hiddenParents = c("X1")),
            expected = list(binary = list(binrun(0.05), binrun(0.1)),
                            hidden = list(hidrun(0.1, FALSE), hidrun(0.05, TRUE))),
            tolerance = list(pValueRelative = 1e-6, pValueFloor = 1e-12, coefficient = 1e-6, confInt = 1e-6))
writeLines(toJSON(doc, auto_unbox = TRUE, digits = NA, pretty = TRUE, na = "null", null = "null"), "expected.json")
