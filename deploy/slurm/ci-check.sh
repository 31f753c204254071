#!/bin/bash
# CI: a single-node Slurm runs a 4-task array of `econ cd-mc --shard auto`, the merge runs as a dependent job, and the
# merged result must equal the one-process run (cells, counts and theta sums to the last bit). Then the Kubernetes
# path: the same shards with JOB_COMPLETION_INDEX set (as an Indexed Job sets it) must merge to the same result.
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
array=$(sbatch --parsable --wait --array=0-3 "$here/cd-mc.sbatch" "${study[@]}")
sbatch --parsable --wait --dependency=afterok:"$array" "$here/merge.sbatch" >/dev/null
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
