# ICP on the note's simulated data, R 4.2.2 with the R sources of InvariantCausalPrediction 0.8 (N. Meinshausen,
# GPL): ICP.R, getpval.R, pvalfunc.R and getblanketall from the CRAN source (GitHub mirror
# cran/InvariantCausalPrediction). The package is not on Debian and needs glmnet/mboost to install, so the
# research note (section 3.8) sources the files instead; glmnet/mboost are only used by other selections.
# The sources are not part of this repository: put them in a folder and point ICP_R_SOURCE at it.
# The ICP() used here has the argument checks and console printing stripped and returns two extra fields,
# Pall (the set p-values, empty set first) and testsets, so the per-set p-values can be stored.
#   ICP_R_SOURCE=/path/to/R Rscript generate.R
src <- Sys.getenv("ICP_R_SOURCE")
for (f in c("ICP", "getpval", "pvalfunc", "getblanketall")) source(file.path(src, paste0(f, ".R")))
library(jsonlite)
D <- read.csv("../../../../data/invariance/invariance_sim.csv")
X <- as.matrix(D[, c("X1", "X2", "X3", "X4")]); Y <- D$Y; E <- D$env
nm <- function(s) I(if (length(s)) paste0("X", s) else character(0))
runs <- list()
for (a in c(0.01, 0.05)) for (tst in c("normal", "exact")) {
  r <- ICP(X, Y, E, alpha = a, test = tst, selection = "all", maxNoObs = 1000,
           showAcceptedSets = FALSE, showCompletion = FALSE)
  sets <- c(list(integer(0)), r$testsets)
  runs[[length(runs) + 1]] <- list(
    alpha = a, test = tst,
    acceptedSets = lapply(r$acceptedSets, nm),
    pValues = as.list(setNames(r$pvalues, colnames(X))),
    upper = as.list(setNames(r$ConfInt[1, ], colnames(X))),
    lower = as.list(setNames(r$ConfInt[2, ], colnames(X))),
    maximin = as.list(setNames(r$maximinCoefficients, colnames(X))),
    modelReject = r$modelReject, bestModel = r$bestModel,
    setPValues = lapply(seq_along(sets), function(i) list(set = nm(sets[[i]]), p = r$Pall[i])))
}
doc <- list(source = paste0(R.version.string, "; InvariantCausalPrediction 0.8 R sources"),
            call = "ICP(X, Y, env, alpha, test, selection = 'all', maxNoObs = 1000) for alpha in {0.01, 0.05}, test in {normal, exact}",
            expected = list(runs = runs),
            tolerance = list(pValueRelative = 1e-6, pValueFloor = 1e-12, confInt = 1e-8))
writeLines(toJSON(doc, auto_unbox = TRUE, digits = NA, pretty = TRUE), "expected.json")
