# Fixture: Bai-Ng (2002) PC_p1..3 / IC_p1..3 and Ahn-Horenstein (2013) ER / GR, transcribed from the research note
# (cd.md section 6.4) in R, on a three-factor panel (T = 60, N = 50, normal loadings) generated here with set.seed(7).
# Eigenvalues of X X'/(NT) of the column-demeaned data; V(k) = sum_{j>k} mu_j; sigma^2 = V(kmax); C = min(N, T);
# mock eigenvalue mu_0 = V(0)/ln C; GR(0) uses the mock ratio mu_0/V(0) (scale-free; xtnumfac uses mu_0 itself).
# Run from this folder: Rscript generate.R   (R 4.2.2, jsonlite)
suppressPackageStartupMessages(library(jsonlite))
set.seed(7)
T <- 60; N <- 50; r <- 3
X <- matrix(rnorm(T * r), T, r) %*% matrix(rnorm(r * N), r, N) + matrix(rnorm(T * N), T, N)
write.csv(data.frame(unit = rep(1:N, each = T), time = rep(1:T, N), x = as.vector(X)), "input.csv", row.names = FALSE, quote = FALSE)
A <- sweep(X, 2, colMeans(X))
mu <- eigen(crossprod(A) / (N * T), symmetric = TRUE, only.values = TRUE)$values
kmax <- 8; C <- min(N, T)
V <- sapply(0:(kmax + 1), function(k) sum(mu) - sum(mu[seq_len(k)]))
s2 <- V[kmax + 1]
p1 <- (N + T) / (N * T) * log(N * T / (N + T)); p2 <- (N + T) / (N * T) * log(C); p3 <- log(C) / C
k <- 0:kmax; Vk <- V[k + 1]
mu0 <- V[1] / log(C)
muk <- c(mu0, mu[1:kmax]); tildek <- c(1 / log(C), mu[1:kmax] / V[2:(kmax + 1)]); tildenext <- mu[1:(kmax + 1)] / V[2:(kmax + 2)]
rows <- data.frame(k = k, V = Vk, PC1 = Vk + k * s2 * p1, PC2 = Vk + k * s2 * p2, PC3 = Vk + k * s2 * p3,
  IC1 = log(Vk) + k * p1, IC2 = log(Vk) + k * p2, IC3 = log(Vk) + k * p3,
  ER = muk / mu[1:(kmax + 1)], GR = log(1 + tildek) / log(1 + tildenext))
sel <- list(PC1 = k[which.min(rows$PC1)], PC2 = k[which.min(rows$PC2)], PC3 = k[which.min(rows$PC3)],
  IC1 = k[which.min(rows$IC1)], IC2 = k[which.min(rows$IC2)], IC3 = k[which.min(rows$IC3)], ER = k[which.max(rows$ER)], GR = k[which.max(rows$GR)])
doc <- list(source = paste(R.version.string, "(transcription of cd.md section 6.4)"), call = "criteria for k = 0..8 on input.csv",
  spec = list(entity = "unit", time = "time", variable = "x", kmax = kmax),
  expected = list(eigenvalues = mu[1:10], rows = rows, selected = sel), tolerance = list(statistic = 1e-8))
writeLines(toJSON(doc, auto_unbox = TRUE, digits = NA, pretty = TRUE, dataframe = "rows"), "expected.json")
