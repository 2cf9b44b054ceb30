#!/usr/bin/env bash
# A single-node Slurm on localhost, for CI and for trying scripts/slurm/submit.sh without a
# cluster (issue #22): Debian's slurm-wlm (22.05) and munge, started as plain daemons
# because containers have no systemd.
#
#   scripts/slurm/local-cluster.sh start    configure and start; wait until the node is idle
#   scripts/slurm/local-cluster.sh status   daemons and sinfo; exit 0 only when the node is up
#   scripts/slurm/local-cluster.sh stop     cancel jobs and stop the daemons it started
#
# Everything it writes lives in $COSITE_SLURM_DIR (default /var/lib/cosite-slurm), except
# the munge key (/etc/munge/munge.key, created only when missing) and the link
# /etc/slurm/slurm.conf -> $COSITE_SLURM_DIR/slurm.conf (made only when no other
# slurm.conf is there), so that sinfo, srun and sbatch find the cluster without SLURM_CONF.
# Runs as root: slurmd must be root to start jobs as their user.
set -euo pipefail

dir=${COSITE_SLURM_DIR:-/var/lib/cosite-slurm}
conf="$dir/slurm.conf"
# slurmd registers within a few seconds; a slow CI machine gets a generous margin.
timeout_s=${COSITE_SLURM_TIMEOUT:-90}
marker="# Written by Cosite's scripts/slurm/local-cluster.sh"
# /usr/sbin is not on every PATH (non-login shells, non-root users).
export PATH="$PATH:/usr/sbin:/sbin"
export SLURM_CONF="$conf"

usage() {
  echo "usage: $0 start|stop|status" >&2
  exit 2
}

require_packages() {
  if ! command -v slurmctld >/dev/null 2>&1 || ! command -v slurmd >/dev/null 2>&1 \
    || ! command -v sinfo >/dev/null 2>&1; then
    echo "slurm-wlm not installed (scripts/setup.sh installs it)" >&2
    exit 3
  fi
  if ! command -v munged >/dev/null 2>&1; then
    echo "munge not installed (scripts/setup.sh installs it)" >&2
    exit 3
  fi
}

require_root() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "local-cluster: run as root (slurmd starts jobs as their user, munged's key is root's)" >&2
    exit 1
  fi
}

# The pid in a pid file when that process is alive, else nothing.
live_pid() {
  local file=$1 pid
  [ -f "$file" ] || return 1
  pid=$(cat "$file" 2>/dev/null || true)
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

munge_works() {
  munge -n 2>/dev/null | unmunge >/dev/null 2>&1
}

start_munge() {
  if munge_works; then
    return
  fi
  # Debian's postinst creates the key; a container image built without it may not have one.
  if [ ! -s /etc/munge/munge.key ]; then
    echo "local-cluster: creating /etc/munge/munge.key"
    mkdir -p /etc/munge
    if command -v mungekey >/dev/null 2>&1; then
      mungekey --create --keyfile=/etc/munge/munge.key
    else
      dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
    fi
  fi
  # munged runs as its own user when Debian created one, and refuses a key, socket or log
  # directory that user does not own or others can write to.
  local user=root
  id munge >/dev/null 2>&1 && user=munge
  chown "$user:$user" /etc/munge /etc/munge/munge.key
  chmod go-w /etc/munge
  chmod go-rwx /etc/munge/munge.key
  mkdir -p /run/munge /var/log/munge /var/lib/munge
  chown "$user:$user" /run/munge /var/log/munge /var/lib/munge
  chmod 0755 /run/munge
  if [ "$user" = root ]; then
    munged
  else
    runuser -u munge -- munged
  fi
  # Only a munged this script started is stopped by `stop`.
  touch "$dir/run/munged.ours"
  local waited=0
  until munge_works; do
    if [ "$waited" -ge 10 ]; then
      echo "local-cluster: munged does not answer after 10 s (see /var/log/munge/munged.log)" >&2
      exit 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
}

write_conf() {
  local host cpus mem_mb headroom_mb real_mb def_mem
  host=$(hostname -s)
  # nproc follows OMP_NUM_THREADS when set (CI often sets it): the node gets every CPU the
  # container may use.
  cpus=$(env -u OMP_NUM_THREADS -u OMP_THREAD_LIMIT nproc)
  mem_mb=$(($(awk '/^MemTotal:/ {print $2}' /proc/meminfo) / 1024))
  # slurmd drains a node that reports less memory than configured; leave the OS and the
  # daemons 10 % (at least 512 MB) so that never happens.
  headroom_mb=$((mem_mb / 10))
  [ "$headroom_mb" -ge 512 ] || headroom_mb=512
  real_mb=$((mem_mb - headroom_mb))
  [ "$real_mb" -ge 256 ] || real_mb=256
  # With CR_Core_Memory a job without --mem would otherwise get the whole node's memory
  # and run alone: give each CPU its share by default.
  def_mem=$((real_mb / cpus))
  local new="$dir/slurm.conf.new"
  cat >"$new" <<EOF
$marker; rewritten on every start.
ClusterName=cosite
# The address in brackets: the container's hostname need not resolve.
SlurmctldHost=$host(127.0.0.1)
# Root daemons: no slurm user needed to own the state directories.
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/run/slurmctld.pid
SlurmdPidFile=$dir/run/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
SlurmctldPort=6817
SlurmdPort=6818
# No cgroups in a container: track processes through /proc, bind nothing.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/linux
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SwitchType=switch/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
DefMemPerCPU=$def_mem
# A node that was down (a restart, a killed slurmd) comes back when it registers.
ReturnToService=2
# Finished jobs stay visible to scontrol for 5 minutes: submit.sh --wait reads them.
MinJobAge=300
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$real_mb State=UNKNOWN
PartitionName=local Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
  if [ -f "$conf" ] && cmp -s "$new" "$conf"; then
    rm -f "$new"
    return 1
  fi
  mv "$new" "$conf"
  return 0
}

link_conf() {
  # Clients (sinfo, sbatch, srun) read /etc/slurm/slurm.conf unless SLURM_CONF says
  # otherwise; link ours there unless someone else's config is in the way.
  mkdir -p /etc/slurm
  if [ ! -e /etc/slurm/slurm.conf ] || head -n 1 /etc/slurm/slurm.conf | grep -qF "$marker"; then
    ln -sfn "$conf" /etc/slurm/slurm.conf
  else
    echo "local-cluster: /etc/slurm/slurm.conf is not ours; clients need: export SLURM_CONF=$conf" >&2
  fi
}

# The node's state as sinfo prints it (idle, mixed, down*, drained, ...), or nothing.
node_state() {
  sinfo -h -N -n "$(hostname -s)" -o %T 2>/dev/null | head -n 1
}

# When slurmd last registered with slurmctld, in seconds since the epoch (0 if never).
slurmd_registered_epoch() {
  local stamp
  stamp=$(scontrol show node "$(hostname -s)" 2>/dev/null | sed -n 's/.*SlurmdStartTime=\([^ ]*\).*/\1/p')
  case "$stamp" in
    20*) date -d "$stamp" +%s ;;
    *) echo 0 ;;
  esac
}

# Waits until the node takes jobs. slurmctld recovers the node's last state (idle) from
# its state files before slurmd is up, so after starting slurmd ($1: when, in seconds
# since the epoch) it also waits for slurmd's own registration.
wait_for_idle() {
  local since=$1 waited=0 state resumed=no
  while :; do
    state=$(node_state)
    case "$state" in
      idle | mixed | allocated | completing)
        if [ "$(slurmd_registered_epoch)" -ge "$since" ]; then
          echo "local-cluster: node $(hostname -s) is $state after ${waited} s"
          return
        fi
        ;;
      down | drained | draining)
        # A node drained by an earlier configuration (e.g. more memory than it has) stays
        # so across restarts; resume it once, now that the configuration is rewritten.
        if [ "$resumed" = no ]; then
          scontrol update NodeName="$(hostname -s)" State=RESUME >/dev/null 2>&1 || true
          resumed=yes
        fi
        ;;
    esac
    if [ "$waited" -ge "$timeout_s" ]; then
      echo "local-cluster: node $(hostname -s) not idle after $timeout_s s (state: ${state:-no answer from slurmctld})" >&2
      sinfo -R 2>/dev/null >&2 || true
      echo "local-cluster: logs: $dir/log/slurmctld.log, $dir/log/slurmd.log" >&2
      exit 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
}

start() {
  require_packages
  require_root
  mkdir -p "$dir/state" "$dir/spool" "$dir/run" "$dir/log"
  chmod 0755 "$dir"
  start_munge
  local changed=no
  write_conf && changed=yes
  link_conf
  if [ "$changed" = yes ] && { live_pid "$dir/run/slurmctld.pid" >/dev/null || live_pid "$dir/run/slurmd.pid" >/dev/null; }; then
    # A changed machine (memory, cores) needs the daemons to read the new file.
    echo "local-cluster: configuration changed; restarting the daemons"
    stop_daemons
  fi
  if ! live_pid "$dir/run/slurmctld.pid" >/dev/null; then
    slurmctld -f "$conf"
  fi
  local since=0
  if ! live_pid "$dir/run/slurmd.pid" >/dev/null; then
    # SlurmdStartTime has whole seconds: a registration in this second counts.
    since=$(date +%s)
    slurmd -f "$conf"
  fi
  wait_for_idle "$since"
  echo "local-cluster: up; configuration $conf"
}

# Stops a daemon by its pid file: TERM, then KILL after 10 s.
stop_pid_file() {
  local file=$1 name=$2 pid waited=0
  pid=$(live_pid "$file") || { rm -f "$file"; return 0; }
  kill "$pid" 2>/dev/null || true
  # Each daemon takes 1-2 s to exit: poll in fifths of a second.
  while kill -0 "$pid" 2>/dev/null; do
    if [ "$waited" -ge 50 ]; then
      echo "local-cluster: $name ($pid) ignored TERM for 10 s; killing it" >&2
      kill -9 "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.2
    waited=$((waited + 1))
  done
  rm -f "$file"
  echo "local-cluster: stopped $name ($pid)"
}

stop_daemons() {
  stop_pid_file "$dir/run/slurmd.pid" slurmd
  stop_pid_file "$dir/run/slurmctld.pid" slurmctld
}

stop() {
  require_packages
  # Jobs would outlive slurmd (their slurmstepd keeps running): cancel them first, and
  # give the steps a moment to end.
  if live_pid "$dir/run/slurmctld.pid" >/dev/null; then
    local jobs
    jobs=$(squeue -h -o %A 2>/dev/null | sort -u | tr '\n' ' ')
    if [ -n "${jobs// /}" ]; then
      # shellcheck disable=SC2086 # one argument per job id
      scancel $jobs 2>/dev/null || true
      local waited=0
      while [ -n "$(squeue -h -o %A 2>/dev/null)" ] && [ "$waited" -lt 10 ]; do
        sleep 1
        waited=$((waited + 1))
      done
    fi
  fi
  stop_daemons
  if [ -f "$dir/run/munged.ours" ]; then
    stop_pid_file /run/munge/munged.pid munged
    rm -f "$dir/run/munged.ours"
  fi
}

status() {
  require_packages
  local pid up=yes
  for daemon in slurmctld slurmd; do
    if pid=$(live_pid "$dir/run/$daemon.pid"); then
      echo "$daemon: running ($pid)"
    else
      echo "$daemon: not running"
      up=no
    fi
  done
  if munge_works; then echo "munged: answering"; else echo "munged: not answering"; up=no; fi
  if [ "$up" = yes ]; then
    sinfo -N -l 2>/dev/null || true
    case "$(node_state)" in
      idle | mixed | allocated | completing) return 0 ;;
    esac
  fi
  return 1
}

[ $# -eq 1 ] || usage
case "$1" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) usage ;;
esac
