# Bootstrap fixture for full-information ML in Econometrics.Sem: lavaan 0.6-14 ordinary (case-resampling) bootstrap
# standard errors with missing = "ml" on the MAR data of generate_fiml.R (fiml_hs_cfa/input.csv; run that first). Each
# lavaan replicate resamples the rows with their missing values and refits by FIML, as ours does. Run from this folder:
# Rscript generate_bootstrap_fiml.R [B]
# Besides each bootstrap SE the fixture stores the kurtosis k of lavaan's bootstrap distribution of that parameter: the
# Monte Carlo standard deviation of a bootstrap SE from B replicates is about SE * sqrt((k - 1) / (4 B)) (SE / sqrt(2 B)
# for normal draws, k = 3), which the test uses to state its tolerance (lavaan's and ours are independent, so their
# difference has variance SE^2 (k - 1) / 4 (1 / B_lavaan + 1 / B_ours)).
suppressPackageStartupMessages({ library(lavaan); library(jsonlite) })
source_tag <- sprintf("R %s, lavaan %s", paste(R.version$major, R.version$minor, sep = "."), packageVersion("lavaan"))
args <- commandArgs(trailingOnly = TRUE)
B <- if (length(args) > 0) as.integer(args[1]) else 2000
d <- read.csv("fiml_hs_cfa/input.csv")
model <- paste(readLines("fiml_hs_cfa/model.lav"), collapse = "\n")
set.seed(20261207)
fit <- cfa(model, data = d, missing = "ml", se = "bootstrap", bootstrap = B)
boot <- lavInspect(fit, "boot")
pe <- parameterEstimates(fit, boot.ci.type = "perc")
pe <- pe[pe$op %in% c("=~", "~~", "~1"), ]
pt <- parTable(fit)
kurt <- function(x) { x <- x[is.finite(x)]; m <- mean(x); mean((x - m)^4) / mean((x - m)^2)^2 }
rows <- lapply(seq_len(nrow(pe)), function(i) {
  j <- pt$free[pt$lhs == pe$lhs[i] & pt$op == pe$op[i] & pt$rhs == pe$rhs[i]]
  draws <- if (length(j) == 1 && j > 0) boot[, j] else NULL
  list(lhs = pe$lhs[i], op = pe$op[i], rhs = pe$rhs[i], est = pe$est[i],
       se = if (is.na(pe$se[i]) || pe$se[i] == 0) NULL else pe$se[i],
       kurtosis = if (is.null(draws)) NULL else kurt(draws))
})
out <- list(source = source_tag, call = sprintf("cfa(model, data = d, missing = \"ml\", se = \"bootstrap\", bootstrap = %d)", B),
            replicates = nrow(boot), expected = list(estimates = rows),
            tolerance = list(estimate = 1e-4, bootstrapSeSigmas = 4,
                             bootstrapSeNote = "Monte Carlo standard deviations of the SE difference, SE sqrt((k - 1) / 4 (1 / B_lavaan + 1 / B_ours))"))
dir.create("boot_fiml_hs_cfa", showWarnings = FALSE)
invisible(file.copy("fiml_hs_cfa/model.lav", "boot_fiml_hs_cfa/model.lav", overwrite = TRUE))
invisible(file.copy("fiml_hs_cfa/input.csv", "boot_fiml_hs_cfa/input.csv", overwrite = TRUE))
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, null = "null"), "boot_fiml_hs_cfa/expected.json")
