#!/bin/bash
# CI: a single-node Slurm runs a 4-task array of `econ cd-mc --shard auto`, the merge runs as a dependent job, and the
# merged result must equal the one-process run (cells, counts and theta sums to the last bit). Then the Kubernetes
# path: the same shards with JOB_COMPLETION_INDEX set (as an Indexed Job sets it) must merge to the same result, and
# so must the shards of `econ moe simulate`, of the BLRT of `econ moe enumerate`, of the permutation FDR of
# `econ coda pcor`, of the invariance bootstrap and of the SEM bootstrap of `econ sem fit --se bootstrap` (ML and
# FIML) (merged JSON byte-equal). The FDR also runs as a Slurm array with the dependent merge job.
# Usage: deploy/slurm/ci-check.sh ECON   (ECON: the econ executable)
set -euo pipefail
econ=$(readlink -f "${1:?econ executable}")
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
study=(--n 20,30 --t 20 --reps 24 --seed 11)
cluster="$work/cluster"
trap '"$here/local-cluster.sh" stop "$cluster"' EXIT
eval "$("$here/local-cluster.sh" start "$cluster")"

"$econ" cd-mc "${study[@]}" --json "$work/one.json" >/dev/null 2>&1
cd "$work"
export ECON="$econ" ECON_OUT="$work/slurm"
array=$(sbatch --parsable --wait --array=0-3 "$here/shard.sbatch" cd-mc "${study[@]}")
sbatch --parsable --wait --dependency=afterok:"$array" "$here/merge.sbatch" cd-mc >/dev/null
for i in 0 1 2 3; do
  JOB_COMPLETION_INDEX=$i "$econ" cd-mc "${study[@]}" --shard auto/4 --json "$work/k8s/shard-$i.json" >/dev/null 2>&1
done
"$econ" cd-mc merge "$work"/k8s/shard-*.json --json "$work/k8s/merged.json" >/dev/null

python3 - "$work/one.json" "$work/slurm/merged.json" "$work/k8s/merged.json" <<'PY'
import json, sys
one, *merged = (json.load(open(p)) for p in sys.argv[1:])
for name, m in zip(("slurm", "k8s"), merged):
    assert m["isComplete"] and m["shardCount"] == 4, (name, m["shards"])
    strip = lambda cells: [{k: v for k, v in c.items() if k != "thetas"} for c in cells]
    if strip(m["cells"]) != strip(one["cells"]):
        sys.exit(f"{name}: merged cells differ from the one-process run:\n{m['cells']}\n{one['cells']}")
    print(f"{name}: 4 shards merged == one-process run ({len(m['cells'])} cells)")
PY

# The growth-mixture runners, Kubernetes path: 2 indexed shards each, merged, byte-equal to one process.
moe=(--data "$here/../../data/moe/moe_ref_sim.csv" --id id --y-prefix Y --t-prefix T --starts 2 --seed 3)
check_merge() {   # NAME MERGE-KIND COMMAND...
  local name=$1 kind=$2; shift 2
  mkdir -p "$work/$name"
  "$econ" "$@" --json "$work/$name/one.json" >/dev/null 2>&1
  for i in 0 1; do JOB_COMPLETION_INDEX=$i "$econ" "$@" --shard auto/2 --json "$work/$name/shard-$i.json" >/dev/null 2>&1; done
  if [ "$kind" = files ]; then "$econ" "$1" "$2" merge "$work/$name"/shard-*.json --json "$work/$name/merged.json" >/dev/null 2>&1
  else "$econ" "$@" --merge "$work/$name/shard-0.json,$work/$name/shard-1.json" --json "$work/$name/merged.json" >/dev/null 2>&1; fi
  cmp -s "$work/$name/one.json" "$work/$name/merged.json" || { echo "$name: merged shards differ from the one-process run" >&2; exit 1; }
  echo "$name: 2 shards merged == one-process run"
}
check_merge moe-simulate files moe simulate "${moe[@]}" --classes 2 --reps 4 --persons 150
check_merge moe-blrt option moe enumerate "${moe[@]}" --max-classes 2 --blrt 4

# The permutation FDR and the invariance bootstrap, Kubernetes path, then the FDR as a Slurm array + dependent merge.
fdr=(coda pcor --data "$here/../../data/coda/arctic_lake.csv" --parts sand,silt,clay --fdr-permutations 24 --fdr-tails both --seed 5)
check_merge coda-fdr option "${fdr[@]}"
check_merge invariance-bootstrap option invariance --data "$here/../../data/invariance/invariance_sim.csv" --target Y --env env \
  --predictors X1,X2,X3,X4 --bootstrap 30 --seed 5
# The SEM bootstrap (case resampling), complete-data ML and full-information ML, Kubernetes path.
sem=(sem fit --model "$here/../../data/sem/holzinger_swineford.lav" --data "$here/../../data/sem/HolzingerSwineford1939.csv" --se bootstrap
  --bootstrap 20 --seed 5)
check_merge sem-bootstrap option "${sem[@]}"
check_merge sem-fiml-bootstrap option "${sem[@]}" --missing ml
export ECON_OUT="$work/slurm-fdr"
array=$(sbatch --parsable --wait --array=0-3 "$here/shard.sbatch" "${fdr[@]}")
sbatch --parsable --wait --dependency=afterok:"$array" "$here/merge.sbatch" "${fdr[@]}" >/dev/null
cmp -s "$work/coda-fdr/one.json" "$work/slurm-fdr/merged.json" || { echo "coda-fdr: Slurm merge differs from the one-process run" >&2; exit 1; }
echo "coda-fdr slurm: 4 shards merged == one-process run"
