# Per-environment OLS, the Chow test, Levene / Brown-Forsythe and anchor regression on the note's simulated data.
# R 4.2.2, car (leveneTest), jsonlite. Run from this folder: Rscript generate.R
library(jsonlite); library(car)
D <- read.csv("../../../../data/invariance/invariance_sim.csv")
D$env <- factor(D$env)
X <- as.matrix(D[, c("X1", "X2", "X3", "X4")])
reps <- list(S12_parents = rbind(c(1,0,0,0), c(0,1,0,0)),
             S124_superset = rbind(c(1,0,0,0), c(0,1,0,0), c(0,0,0,1)),
             Mix12_rotated_parents = rbind(c(1,1,0,0), c(1,-1,0,0)),
             Beta_causal_score = rbind(c(1,0.5,0,0)),
             S1_missing_parent = rbind(c(1,0,0,0)),
             S4_nonparent = rbind(c(0,0,0,1)),
             S123_with_child = rbind(c(1,0,0,0), c(0,1,0,0), c(0,0,1,0)),
             S1234_all = diag(4))
out <- list()
for (rn in names(reps)) {
  Phi <- reps[[rn]]
  F <- X %*% t(Phi); colnames(F) <- paste0("f", seq_len(ncol(F)))
  d <- data.frame(Y = D$Y, env = D$env, F)
  per <- lapply(levels(D$env), function(k) {
    m <- lm(Y ~ ., data = d[d$env == k, c("Y", colnames(F))])
    list(env = k, coef = unname(coef(m)), se = unname(sqrt(diag(vcov(m)))), sigma2 = summary(m)$sigma^2, n = nobs(m))
  })
  pooled <- lm(as.formula(paste("Y ~", paste(colnames(F), collapse = "+"))), data = d)
  full <- lm(as.formula(paste("Y ~ env * (", paste(colnames(F), collapse = "+"), ")")), data = d)
  a <- anova(pooled, full)
  r <- residuals(pooled)
  lm1 <- leveneTest(r, D$env, center = mean); lm2 <- leveneTest(r, D$env, center = median)
  out[[rn]] <- list(phi = Phi, environments = per,
                    chow = list(F = a$F[2], df1 = a$Df[2], df2 = a$Res.Df[2], p = a$`Pr(>F)`[2]),
                    levene = list(F = lm1$`F value`[1], p = lm1$`Pr(>F)`[1]),
                    brownForsythe = list(F = lm2$`F value`[1], p = lm2$`Pr(>F)`[1]))
}
Xd <- cbind(1, X); A <- model.matrix(~ env - 1, data = D); PA <- A %*% solve(crossprod(A), t(A))
anchor <- lapply(c(1, 2, 10), function(g) {
  W <- diag(nrow(Xd)) - (1 - sqrt(g)) * PA
  list(gamma = g, coefficients = unname(as.vector(qr.solve(W %*% Xd, W %*% D$Y))))
})
doc <- list(source = paste0(R.version.string, "; car ", packageVersion("car"), "; stats::lm/anova"),
            call = "lm per environment; anova(lm(Y ~ f), lm(Y ~ env * f)); car::leveneTest(resid, env, center = mean|median); anchor: qr.solve(W X, W Y), W = I - (1 - sqrt(gamma)) P_A",
            expected = list(representations = out, anchor = anchor),
            tolerance = list(relative = 1e-8, pValueRelative = 1e-6))
writeLines(toJSON(doc, auto_unbox = TRUE, digits = NA, pretty = TRUE, matrix = "rowmajor"), "expected.json")
