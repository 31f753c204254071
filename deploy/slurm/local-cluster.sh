#!/bin/bash
# A throw-away single-node Slurm cluster on this machine (root; Debian's slurm-wlm and munge), for CI and trials.
#   eval "$(deploy/slurm/local-cluster.sh start DIR)"   # starts munged, slurmctld, slurmd; prints export SLURM_CONF=...
#   deploy/slurm/local-cluster.sh stop DIR              # stops the daemons it started (by their pid files)
# Everything (config, key, socket, spool, logs, pids) lives under DIR; ports 16817/16818 avoid a system Slurm.
set -euo pipefail
cmd=${1:?start|stop}; dir=$(mkdir -p "${2:?DIR}" && cd "$2" && pwd)
case "$cmd" in
start)
  host=$(hostname -s); cpus=$(nproc)
  mkdir -p "$dir/spool/ctld" "$dir/spool/d" "$dir/log" "$dir/run"
  mungekey --create --keyfile "$dir/munge.key" --force >/dev/null 2>&1
  chmod 600 "$dir/munge.key"
  munged --force --key-file "$dir/munge.key" --socket "$dir/run/munge.socket" --pid-file "$dir/run/munged.pid" \
    --log-file "$dir/log/munged.log" --seed-file "$dir/run/munge.seed"
  cat > "$dir/slurm.conf" <<CONF
ClusterName=econci
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=16817
SlurmdPort=16818
SlurmUser=root
AuthType=auth/munge
AuthInfo=socket=$dir/run/munge.socket
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
StateSaveLocation=$dir/spool/ctld
SlurmdSpoolDir=$dir/spool/d
SlurmctldPidFile=$dir/run/slurmctld.pid
SlurmdPidFile=$dir/run/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
ReturnToService=2
MpiDefault=none
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
  export SLURM_CONF="$dir/slurm.conf"
  slurmctld
  slurmd
  for _ in $(seq 1 60); do
    if sinfo -h -o %T 2>/dev/null | grep -qE '^(idle|mixed|allocated)'; then echo "export SLURM_CONF=$dir/slurm.conf"; exit 0; fi
    sleep 1
  done
  echo "slurm did not come up; see $dir/log" >&2; exit 1 ;;
stop)
  for p in slurmd slurmctld munged; do
    f="$dir/run/$p.pid"
    [ -s "$f" ] || continue
    pid=$(cat "$f")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  done ;;
*) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
