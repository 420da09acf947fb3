#!/usr/bin/env bash
# A private one-node SLURM cluster (slurmctld + slurmd + its own munged) for the SLURM tests.
#
#   test/slurm/cluster.sh start DIR   # prints `export SLURM_CONF=DIR/slurm.conf`; needs root
#   test/slurm/cluster.sh stop DIR    # scontrol shutdown, then stops the munged it started
#
# Everything lives in DIR (config, state, spool, logs, munge socket) and the daemons listen on
# ports chosen at random, so two clusters on one machine (or a system cluster) do not meet.
# No systemd and no cgroups: proctrack/linuxproc, task/none, jobacct_gather/none.
set -euo pipefail
export PATH="$PATH:/usr/sbin:/sbin"

cmd=${1:-}
dir=${2:-}
if [ -z "$cmd" ] || [ -z "$dir" ]; then
  echo "usage: $0 start|stop DIR" >&2
  exit 2
fi
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
conf="$dir/slurm.conf"

wait_for() { # wait_for SECONDS COMMAND...: poll every 0.2 s
  local deadline=$((SECONDS + $1)); shift
  until "$@" >/dev/null 2>&1; do
    [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep 0.2
  done
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start() {
  [ "$(id -u)" = 0 ] || { echo "cluster.sh: must run as root (slurmd runs jobs as their user)" >&2; exit 1; }
  for b in slurmctld slurmd sbatch sinfo scontrol munged munge unmunge runuser; do
    command -v "$b" >/dev/null 2>&1 || { echo "cluster.sh: $b not found" >&2; exit 1; }
  done
  chmod 755 "$dir"
  runuser -u munge -- test -x "$dir" || { echo "cluster.sh: the munge user cannot enter $dir (make its parent directories world-executable)" >&2; exit 1; }
  mkdir -p "$dir/state" "$dir/spool" "$dir/log" "$dir/munge"
  chown munge:munge "$dir/munge" 2>/dev/null || chown munge "$dir/munge"
  chmod 755 "$dir/munge"

  # munged with its own socket (the key is the package's /etc/munge/munge.key).
  local sock="$dir/munge/munge.socket"
  runuser -u munge -- munged --socket="$sock" --pid-file="$dir/munge/munged.pid" \
    --log-file="$dir/munge/munged.log" --seed-file="$dir/munge/munged.seed"
  wait_for 10 test -S "$sock" || { echo "cluster.sh: munged did not start (see $dir/munge/munged.log)" >&2; exit 1; }
  munge -S "$sock" -n | unmunge -S "$sock" >/dev/null || { echo "cluster.sh: munge round trip failed" >&2; exit 1; }

  local ctl slurmd_port tries=0
  while :; do
    ctl=$((20000 + RANDOM % 20000)); slurmd_port=$((ctl + 1))
    if port_free "$ctl" && port_free "$slurmd_port"; then break; fi
    tries=$((tries + 1)); [ "$tries" -lt 50 ] || { echo "cluster.sh: no free ports" >&2; exit 1; }
  done

  # CPUs, sockets, cores from slurmd -C; RealMemory = total minus about 1 GB.
  local hw cpus sockets cores threads mem
  hw=$(slurmd -C | head -n 1)
  cpus=$(sed -n 's/.* CPUs=\([0-9]*\).*/\1/p' <<<"$hw")
  sockets=$(sed -n 's/.* SocketsPerBoard=\([0-9]*\).*/\1/p' <<<"$hw")
  cores=$(sed -n 's/.* CoresPerSocket=\([0-9]*\).*/\1/p' <<<"$hw")
  threads=$(sed -n 's/.* ThreadsPerCore=\([0-9]*\).*/\1/p' <<<"$hw")
  mem=$(sed -n 's/.* RealMemory=\([0-9]*\).*/\1/p' <<<"$hw")
  mem=$((mem > 2048 ? mem - 1024 : mem / 2))
  cat >"$conf" <<CONF
ClusterName=coulomixci
SlurmctldHost=localhost
SlurmctldPort=$ctl
SlurmdPort=$slurmd_port
SlurmUser=root
AuthType=auth/munge
AuthInfo=socket=$sock
CredType=cred/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MpiDefault=none
MailProg=/bin/true
SchedulerParameters=sched_interval=1
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$cpus Sockets=$sockets CoresPerSocket=$cores ThreadsPerCore=$threads RealMemory=$mem State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
  export SLURM_CONF="$conf"
  slurmctld -f "$conf"
  slurmd -f "$conf" -N localhost
  if ! wait_for 30 sh -c 'sinfo -h -o %T | grep -qx idle'; then
    echo "cluster.sh: the node did not become idle within 30 s (logs in $dir/log)" >&2
    stop
    exit 1
  fi
  echo "export SLURM_CONF=$conf"
}

alive() { # alive PID: running and not a zombie
  [ -r "/proc/$1/stat" ] && ! grep -q '^[0-9]* ([^)]*) Z' "/proc/$1/stat"
}

stop() {
  local p
  if [ -f "$conf" ]; then
    SLURM_CONF="$conf" scontrol shutdown >/dev/null 2>&1 || true
    for f in "$dir/slurmctld.pid" "$dir/slurmd.pid"; do
      [ -f "$f" ] || continue
      p=$(cat "$f")
      wait_for 10 sh -c "! { [ -r /proc/$p/stat ] && ! grep -q '^[0-9]* ([^)]*) Z' /proc/$p/stat; }" || kill -9 "$p" 2>/dev/null || true
    done
  fi
  if [ -f "$dir/munge/munged.pid" ]; then
    p=$(cat "$dir/munge/munged.pid")
    kill "$p" 2>/dev/null || true
    wait_for 10 sh -c "! { [ -r /proc/$p/stat ] && ! grep -q '^[0-9]* ([^)]*) Z' /proc/$p/stat; }" || kill -9 "$p" 2>/dev/null || true
  fi
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
