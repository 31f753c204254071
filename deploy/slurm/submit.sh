#!/bin/bash
# Usage: deploy/slurm/submit.sh SHARDS COMMAND [options...]
#   ECON_OUT=study1 deploy/slurm/submit.sh 16 cd-mc --n 50,100 --t 50,100 --reps 2000 --seed 7
#   ECON_OUT=sim1   deploy/slurm/submit.sh 8 moe simulate --data d.csv --id id --y-prefix Y --t-prefix T --classes 2 --reps 400
#   ECON_OUT=blrt1  deploy/slurm/submit.sh 8 moe enumerate --data d.csv --id id --y-prefix Y --t-prefix T --max-classes 3 --blrt 199
#   ECON_OUT=fdr1   deploy/slurm/submit.sh 8 coda pcor --data c.csv --shrink --fdr-permutations 1000
#   ECON_OUT=inv1   deploy/slurm/submit.sh 4 invariance --data d.csv --target Y --env env --predictors X1,X2 --bootstrap 1999
#   ECON_OUT=sem1   deploy/slurm/submit.sh 8 sem fit --model m.lav --data d.csv --se bootstrap --bootstrap 5000 --seed 3
# Submits an array of SHARDS tasks (one shard each) and the merge as a job that runs after all of them succeed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
shards=${1:?number of shards}; shift
[ $# -gt 0 ] || { echo "error: name the command to shard (cd-mc, moe simulate, moe enumerate ... --blrt B, coda pcor|rho ... --fdr-permutations P, invariance ... --bootstrap B, sem fit ... --se bootstrap)" >&2; exit 2; }
array=$(sbatch --parsable --array=0-$((shards - 1)) "$here/shard.sbatch" "$@")
merge=$(sbatch --parsable --dependency=afterok:"${array%%;*}" "$here/merge.sbatch" "$@")
echo "array job $array, merge job $merge; result in ${ECON_OUT:-results}/merged.json"
