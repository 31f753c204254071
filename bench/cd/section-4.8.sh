#!/usr/bin/env bash
# The research note's section 4.8 design (size of CD* when the number of factors removed is right, one too many, or
# xtcd2's fixed 4) and two spatial power designs, 500 replications per cell, written to bench/cd/results/.
# Usage: bench/cd/section-4.8.sh [path-to-econ]   (each run is shardable: add --shard i/n and merge the JSON files)
set -euo pipefail
econ=${1:-Econometrics.Cli/bin/Release/net10.0/linux-x64/econ}
out=bench/cd/results
mkdir -p "$out"
common=(--n 50,100 --t 50,100 --reps 500 --seed 20260101 --threads "${THREADS:-1}")
for m in 1 2; do
  for remove in $m $((m + 1)) 4; do
    "$econ" cd-mc "${common[@]}" --factors $m --remove $remove --json "$out/size-m$m-remove$remove.json" > "$out/size-m$m-remove$remove.txt"
  done
done
"$econ" cd-mc "${common[@]}" --delta 0.4 --neighbours 1 --json "$out/power-delta0.4-2nb.json" > "$out/power-delta0.4-2nb.txt"
"$econ" cd-mc "${common[@]}" --delta 0.8 --neighbours 5 --json "$out/power-delta0.8-10nb.json" > "$out/power-delta0.8-10nb.txt"
