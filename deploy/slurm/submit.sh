#!/bin/bash
# Usage: deploy/slurm/submit.sh SHARDS [cd-mc options...]
#   e.g. ECON_OUT=study1 deploy/slurm/submit.sh 16 --n 50,100 --t 50,100 --reps 2000 --seed 7
# Submits an array of SHARDS tasks (one shard each) and the merge as a job that runs after all of them succeed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
shards=${1:?number of shards}; shift
array=$(sbatch --parsable --array=0-$((shards - 1)) "$here/cd-mc.sbatch" "$@")
merge=$(sbatch --parsable --dependency=afterok:"${array%%;*}" "$here/merge.sbatch")
echo "array job $array, merge job $merge; result in ${ECON_OUT:-results}/merged.json"
