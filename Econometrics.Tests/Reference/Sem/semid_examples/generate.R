# SEMID reference outputs for the research note's example graphs (sem.md, tables R2 and R3).
# The values in expected.json were produced by the research note with SEMID 0.4.2 on R 4.2.2 (SEMID is not
# installed on the build machine); this script is the exact call that reproduces them:
#   Rscript generate.R   (needs install.packages("SEMID"))
# Jacobian ranks come from the note's exact modular computation (table R2).
suppressPackageStartupMessages({ library(SEMID); library(jsonlite) })
g <- function(n, d, b = NULL) {
  L <- matrix(0, n, n); O <- matrix(0, n, n)
  for (e in d) L[e[1], e[2]] <- 1
  for (e in b) O[e[1], e[2]] <- O[e[2], e[1]] <- 1
  list(L = L, O = O)
}
graphs <- list(
  chain = g(3, list(c(1, 2), c(2, 3))),
  G1 = g(2, list(c(1, 2), c(2, 1))),
  G2 = g(3, list(c(1, 2), c(2, 3), c(3, 1))),
  G3 = g(3, list(c(1, 2), c(2, 3), c(3, 2)), list(c(1, 3))),
  G3prime = g(3, list(c(1, 2), c(2, 3), c(3, 2))),
  G4 = g(4, list(c(1, 2), c(2, 3), c(3, 4), c(4, 2)), list(c(1, 3))),
  Verma = g(4, list(c(1, 2), c(1, 3), c(2, 3), c(3, 4)), list(c(2, 4))),
  G6 = g(4, list(c(1, 2), c(2, 3), c(3, 4), c(4, 2))),
  G7 = g(4, list(c(1, 3), c(2, 4), c(3, 4), c(4, 3))),
  IV = g(3, list(c(1, 2), c(2, 3)), list(c(2, 3))),
  bow = g(2, list(c(1, 2)), list(c(1, 2))),
  FDDEx3a = g(5, list(c(1, 2), c(2, 3), c(3, 4), c(4, 5)), list(c(1, 3), c(1, 4), c(2, 4), c(2, 5))),
  FDDEx4a = g(5, list(c(1, 2), c(1, 3), c(1, 4), c(1, 5), c(2, 3), c(2, 4), c(3, 4), c(3, 5)), list(c(2, 3), c(2, 5))))
out <- lapply(graphs, function(x) list(
  globalID = graphID.globalID(x$L, x$O),
  htcOrder = as.integer(graphID.htcID(x$L, x$O)),
  nonHtcID = graphID.nonHtcID(x$L, x$O)))
print(toJSON(out, auto_unbox = TRUE, pretty = TRUE))
