#!/usr/bin/env bash
# Peak memory (max resident set) and wall time of one-way FE with unit-clustered SEs, end to end from a CSV file:
# `econ panel fit --model fe --vcov cluster` against R reading the same file and running plm + vcovHC
# (fe_cluster.R). N = 10,000 units, T = 20 periods, 5 regressors, written once by R with a fixed seed.
# Usage: bench/panel/fe-cluster-memory.sh [path-to-econ]
set -euo pipefail
econ=${1:-Econometrics.Cli/bin/Release/net10.0/linux-x64/econ}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
Rscript --vanilla -e '
set.seed(20260101); n <- 10000; t <- 20; k <- 5
a <- rnorm(n); id <- rep(sprintf("u%d", seq_len(n)), each = t); time <- rep(2000 + seq_len(t) - 1, n)
x <- matrix(0.5 * rep(a, each = t) + rnorm(n * t * k), ncol = k, dimnames = list(NULL, paste0("x", 1:k)))
y <- rep(a, each = t) + drop(x %*% (0.1 * 1:k)) + rnorm(n * t) * (1 + 0.5 * abs(rep(a, each = t)))
write.csv(data.frame(id, time, y, x), commandArgs(TRUE)[1], row.names = FALSE)' "$work/panel.csv"
cat > "$work/fe.R" <<R
source("$here/fe_cluster.R")
print(fe_cluster(fe_cluster_setup("$work/panel.csv")))
R
measure() { /usr/bin/time -f "%e s wall, %M KB peak RSS" "$@" > "$work/out.txt" 2> "$work/time.txt"; tail -1 "$work/time.txt"; }
echo "load: $(uptime)"
echo "econ panel fit: $(measure "$econ" panel fit --data "$work/panel.csv" --entity id --time time \
  --formula "y ~ x1 + x2 + x3 + x4 + x5" --model fe --vcov cluster)"
echo "R plm + vcovHC: $(measure Rscript --vanilla "$work/fe.R")"
