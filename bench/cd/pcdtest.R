# R peer for bench/cd: reads the T x N panel the C# case wrote to x.bin (column-major doubles) and builds the
# pseries plm::pcdtest takes. The timed expression is pcdtest(px, test = "cd") (R 4.2.2, plm 2.6-2).
suppressPackageStartupMessages(library(plm))
cd_bench_setup <- function(t, n) {
  x <- readBin("x.bin", "double", t * n)
  d <- data.frame(id = rep(seq_len(n), each = t), time = rep(seq_len(t), n), x = x)
  pdata.frame(d, index = c("id", "time"))$x
}
