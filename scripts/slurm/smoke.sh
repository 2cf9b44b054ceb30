#!/usr/bin/env bash
# CI's check of the Slurm path (issue #22) on the single-node cluster of local-cluster.sh:
#
#   scripts/slurm/smoke.sh                      srun, and a 4-task array writing its indices
#   scripts/slurm/smoke.sh --cosite PATH [--scenario FILE] [--tile-km K]
#                                               also a scenario through submit.sh, whose merged
#                                               outputs must equal cosite run's byte for byte;
#                                               then its largest tile killed while it runs (the
#                                               merge must not run) and resubmitted: the same
#                                               merged outputs again
#       [--recommend-carrier ID]                and a recommendation for carrier ID through
#                                               submit.sh --final recommend (tiles planned with
#                                               --candidates), equal to cosite recommend's
#
# Exits 3 (from local-cluster.sh) when slurm-wlm is not installed, so CI can skip, saying
# why. Stops the cluster at the end when it was not running before.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
cosite="" scenario="$here/../../scenarios/phu-tho.yaml" tile_km="" recommend_carrier=""
while [ $# -gt 0 ]; do
  case "$1" in
    --cosite) cosite=$2; shift 2 ;;
    --scenario) scenario=$2; shift 2 ;;
    --tile-km) tile_km=$2; shift 2 ;;
    --recommend-carrier) recommend_carrier=$2; shift 2 ;;
    *) echo "usage: $0 [--cosite PATH [--scenario FILE] [--tile-km K] [--recommend-carrier ID]]" >&2; exit 2 ;;
  esac
done

was_up=no
"$here/local-cluster.sh" status >/dev/null 2>&1 && was_up=yes
"$here/local-cluster.sh" start
work=$(mktemp -d /tmp/cosite-slurm-smoke.XXXXXX)
finish() {
  local status=$?
  [ "$was_up" = yes ] || "$here/local-cluster.sh" stop >/dev/null || true
  if [ "$status" -eq 0 ]; then rm -rf "$work"; else echo "smoke: failed; files kept in $work" >&2; fi
}
trap finish EXIT

[ "$(srun hostname)" = "$(hostname)" ] || { echo "smoke: srun hostname did not print $(hostname)" >&2; exit 1; }
echo "smoke: srun ok"

# sbatch --wait exits with the array's highest exit code.
sbatch --quiet --wait --array=0-3 --output="$work/slurm-%A_%a.out" \
  --wrap "echo \"\$SLURM_ARRAY_TASK_ID\" > $work/task-\$SLURM_ARRAY_TASK_ID.txt"
for task in 0 1 2 3; do
  [ "$(cat "$work/task-$task.txt" 2>/dev/null)" = "$task" ] \
    || { echo "smoke: array task $task wrote no $work/task-$task.txt" >&2; exit 1; }
done
echo "smoke: array ok"

[ -n "$cosite" ] || exit 0
# A local cluster answers at once: poll every second instead of submit.sh's 5.
export COSITE_SLURM_POLL=${COSITE_SLURM_POLL:-1}
options=(--cosite "$cosite" --wait)
[ -z "$tile_km" ] || options+=(--tile-km "$tile_km")
"$here/submit.sh" "$scenario" "$work/tiles" "$work/out-all" "${options[@]}"
# The merged outputs are the single-machine run's, byte for byte.
"$cosite" run "$scenario" --out "$work/single" >/dev/null
diff -r "$work/single" "$work/out-all" >&2 \
  || { echo "smoke: the merged outputs differ from cosite run's" >&2; exit 1; }
echo "smoke: submit ok; the merged outputs equal cosite run's byte for byte"

# A task killed while it runs: its result lost, tile K (the largest, so that it runs long
# enough to be caught) is submitted again and cancelled as soon as it runs. The merge must
# not run; resubmitted, the tile gives the same merged outputs. The re-runs reuse the plan.
tile=$(python3 -c 'import json, sys
tiles = json.load(open(sys.argv[1]))["tiles"]
print(max(tiles, key=lambda t: t["cells"])["index"])' "$work/tiles/tiles.json")
rm -rf "$work/tiles/tile-$tile"
jobs=$("$here/submit.sh" "$scenario" "$work/tiles" "$work/out-killed" --cosite "$cosite" --only-tile "$tile")
tiles_job=$(sed -n 's/^tiles_job=//p' <<<"$jobs")
merge_job=$(sed -n 's/^merge_job=//p' <<<"$jobs")
running=no
for _ in $(seq 600); do
  if [ -n "$(squeue -h -j "$tiles_job" -t RUNNING -o %i)" ]; then running=yes; break; fi
  sleep 0.1
done
scancel "$tiles_job"
[ "$running" = yes ] || { echo "smoke: tile $tile did not start within 60 s: nothing was tested" >&2; exit 1; }
# Both jobs leave the queue: the task cancelled, the merge with it (afterok never holds).
for _ in $(seq 600); do
  [ -n "$(squeue -h -j "$tiles_job,$merge_job" -o %i 2>/dev/null)" ] || break
  sleep 0.1
done
[ ! -e "$work/tiles/tile-$tile/tile.cosite" ] \
  || { echo "smoke: tile $tile finished before it was killed: nothing was tested" >&2; exit 1; }
# The merge never started: no log (slurmd opens it when a job starts), no output, and
# slurmctld cancelled it because its dependency can never be met.
if [ -e "$work/tiles/logs/merge-$merge_job.out" ] || [ -e "$work/out-killed" ]; then
  echo "smoke: the merge ran although tile $tile was killed" >&2
  exit 1
fi
merge_state=$(scontrol -o show job "$merge_job" | grep -o 'JobState=[A-Z_]*' || true)
[ "$merge_state" = JobState=CANCELLED ] \
  || { echo "smoke: merge job $merge_job is '$merge_state', expected JobState=CANCELLED" >&2; exit 1; }
echo "smoke: tile $tile killed while it ran; the merge did not run"
"$here/submit.sh" "$scenario" "$work/tiles" "$work/out-rerun" --cosite "$cosite" --wait --only-tile "$tile"
diff -r "$work/single" "$work/out-rerun" >&2 \
  || { echo "smoke: tile $tile run again changed the merged outputs" >&2; exit 1; }
echo "smoke: tile $tile resubmitted; the merged outputs equal cosite run's byte for byte"

[ -n "$recommend_carrier" ] || exit 0
"$here/submit.sh" "$scenario" "$work/tiles-plan" "$work/out-recommend" "${options[@]}" \
  --final recommend --final-args "--carrier $recommend_carrier"
"$cosite" recommend "$scenario" --carrier "$recommend_carrier" --out "$work/single-recommend" >/dev/null
diff -r "$work/single-recommend" "$work/out-recommend" >&2 \
  || { echo "smoke: the recommendation from the tiles differs from cosite recommend's" >&2; exit 1; }
echo "smoke: submit --final recommend ok; its outputs equal cosite recommend's byte for byte"
