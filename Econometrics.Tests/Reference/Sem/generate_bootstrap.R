# Bootstrap fixture for Econometrics.Sem: lavaan 0.6-14 ordinary (case-resampling) bootstrap standard errors of the
# mediation model of generate.R (case 8, which writes sem_mediation/input.csv; run that first), with many replicates so
# that lavaan's own Monte Carlo error is small. Run from this folder: Rscript generate_bootstrap.R
# Besides each bootstrap SE the fixture stores the kurtosis k of lavaan's bootstrap distribution of that parameter: the
# Monte Carlo standard deviation of a bootstrap SE from B replicates is about SE * sqrt((k - 1) / (4 B)), which the test
# uses to state its tolerance (lavaan's and ours are independent, so their difference has variance
# SE^2 (k - 1) / 4 (1 / B_lavaan + 1 / B_ours)).
suppressPackageStartupMessages({ library(lavaan); library(jsonlite) })
source_tag <- sprintf("R %s, lavaan %s", paste(R.version$major, R.version$minor, sep = "."), packageVersion("lavaan"))
med <- read.csv("sem_mediation/input.csv")
med_model <- readLines("sem_mediation/model.lav")
B <- 5000
set.seed(20261206)
fit <- sem(paste(med_model, collapse = "\n"), data = med, se = "bootstrap", bootstrap = B)
boot <- lavInspect(fit, "boot")
pe <- parameterEstimates(fit, boot.ci.type = "perc")
pe <- pe[pe$op %in% c("~", "~~", ":="), ]
pt <- parTable(fit)
kurt <- function(x) { x <- x[is.finite(x)]; m <- mean(x); mean((x - m)^4) / mean((x - m)^2)^2 }
# Bootstrap draws of the defined parameters, by lavaan's own function of the free parameters.
def_draws <- t(apply(boot, 1, function(x) fit@Model@def.function(x)))
rows <- lapply(seq_len(nrow(pe)), function(i) {
  key <- paste(pe$lhs[i], pe$op[i], pe$rhs[i])
  draws <- if (pe$op[i] == ":=") def_draws[, pe$lhs[i]] else {
    j <- pt$free[pt$lhs == pe$lhs[i] & pt$op == pe$op[i] & pt$rhs == pe$rhs[i]]
    if (length(j) == 1 && j > 0) boot[, j] else NULL
  }
  list(lhs = pe$lhs[i], op = pe$op[i], rhs = pe$rhs[i], est = pe$est[i],
       se = if (is.na(pe$se[i]) || pe$se[i] == 0) NULL else pe$se[i],
       kurtosis = if (is.null(draws)) NULL else kurt(draws))
})
out <- list(source = source_tag, call = sprintf("sem(model, data = mediation, se = \"bootstrap\", bootstrap = %d)", B),
            replicates = nrow(boot), expected = list(estimates = rows),
            tolerance = list(estimate = 1e-4, bootstrapSeSigmas = 4,
                             bootstrapSeNote = "Monte Carlo standard deviations of the SE difference, SE sqrt((k - 1) / 4 (1 / B_lavaan + 1 / B_ours))"))
dir.create("boot_mediation", showWarnings = FALSE)
invisible(file.copy("sem_mediation/model.lav", "boot_mediation/model.lav", overwrite = TRUE))
invisible(file.copy("sem_mediation/input.csv", "boot_mediation/input.csv", overwrite = TRUE))
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, null = "null"), "boot_mediation/expected.json")
