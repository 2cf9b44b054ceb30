#!/usr/bin/env bash
# Runs a Cosite scenario on Slurm as a job array (issue #22): plans the tiles, submits one
# array task per tile (tiles.sbatch) and a merge job (merge.sbatch) that starts only when
# every tile succeeded.
#
#   scripts/slurm/submit.sh SCENARIO TILES_DIR OUT_DIR [--tile-km K] [--cpus-per-task N]
#       [--mem-per-task MB] [--wait] [--cosite PATH] [--only-tile I[,J...]]
#       [--final merge|recommend|compare] [--final-args 'ARGS'] [--final-mem MB]
#
# --final-mem MB asks memory for the last job (the merge holds every cell map: BENCHMARKS.md,
# National scale); without it the cluster's default applies.
# --final recommend (or compare) plans the tiles with --candidates (each task also computes
# the candidate stations' fields) and runs `cosite recommend SCENARIO --tiles TILES_DIR
# --out OUT_DIR ARGS` as the last job instead of the merge; ARGS (split at spaces) are its
# options, e.g. '--carrier vnpt --target 90%'.
# --only-tile I (or I,J,...) re-runs those tiles of the plan already in TILES_DIR (no new
# plan), then a fresh merge: a task that was killed or failed, re-run alone, gives the same
# merged result.
# --wait blocks until the tiles and the merge have ended and exits 1 if any failed.
# COSITE (or --cosite) names the binary, default cosite on the PATH.
#
# stdout has two lines, tiles_job=<id> and merge_job=<id> (shell assignments, for scripts);
# everything else, the plan's own lines included, goes to stderr. Slurm's output files go
# to TILES_DIR/logs/ (slurm-<array job>_<tile>.out, merge-<job>.out). SCENARIO, TILES_DIR,
# OUT_DIR and the cosite binary must be on a filesystem every node sees.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
# scontrol's records of finished jobs last MinJobAge (300 s by default): poll well inside it.
poll_s=${COSITE_SLURM_POLL:-5}

usage() {
  echo "usage: $0 SCENARIO TILES_DIR OUT_DIR [--tile-km K] [--cpus-per-task N] [--mem-per-task MB] [--wait] [--cosite PATH] [--only-tile I[,J...]] [--final merge|recommend|compare] [--final-args 'ARGS'] [--final-mem MB]" >&2
  exit 2
}

fail() {
  echo "submit: $*" >&2
  exit 1
}

positive_integer() {
  case "$2" in
    '' | *[!0-9]* | 0) fail "$1 expects a positive integer, not '$2'" ;;
  esac
}

positionals=()
tile_km="" cpus=1 mem_mb="" wait=no only_tile="" final=merge final_args="" final_mem_mb=""
cosite=${COSITE:-cosite}
while [ $# -gt 0 ]; do
  case "$1" in
    --tile-km | --cpus-per-task | --mem-per-task | --cosite | --only-tile | --final | --final-args | --final-mem)
      [ $# -ge 2 ] || fail "$1 expects a value"
      case "$1" in
        --tile-km) tile_km=$2 ;;
        --cpus-per-task) positive_integer "$1" "$2"; cpus=$2 ;;
        --mem-per-task) positive_integer "$1" "$2"; mem_mb=$2 ;;
        --cosite) cosite=$2 ;;
        --final)
          case "$2" in
            merge | recommend | compare) final=$2 ;;
            *) fail "--final expects merge, recommend or compare, not '$2'" ;;
          esac
          ;;
        --final-args) final_args=$2 ;;
        --final-mem) positive_integer "$1" "$2"; final_mem_mb=$2 ;;
        --only-tile)
          case "$2" in
            '' | ,* | *, | *,,* | *[!0-9,]*) fail "--only-tile expects tile indices (3, or 3,7), not '$2'" ;;
          esac
          only_tile=$2
          ;;
      esac
      shift 2
      ;;
    --wait) wait=yes; shift ;;
    -h | --help) usage ;;
    -*) fail "unknown option $1" ;;
    *) positionals+=("$1"); shift ;;
  esac
done
[ ${#positionals[@]} -eq 3 ] || usage
command -v sbatch >/dev/null 2>&1 || fail "sbatch not found: run on a Slurm login node (or scripts/slurm/local-cluster.sh start)"
[ -f "${positionals[0]}" ] || fail "scenario ${positionals[0]} not found"
if [ -n "$only_tile" ] && [ -n "$tile_km" ]; then
  fail "--tile-km cannot change a plan that --only-tile re-uses"
fi
if [ "$final" = merge ] && [ -n "$final_args" ]; then
  fail "--final-args are recommend's or compare's options: give --final recommend or --final compare"
fi

# The jobs run elsewhere, from another directory: hand them absolute paths.
scenario=$(realpath "${positionals[0]}")
tiles_dir=$(realpath -m "${positionals[1]}")
out_dir=$(realpath -m "${positionals[2]}")
case "$cosite" in
  */*)
    cosite=$(realpath -m "$cosite")
    [ -x "$cosite" ] || fail "$cosite is not an executable"
    ;;
esac

# The plan's tile count: the top-level "tile_count" of tiles.json.
tile_count() {
  local plan="$tiles_dir/tiles.json" count
  [ -f "$plan" ] || fail "$plan not found (cosite plan-tiles writes it)"
  if command -v python3 >/dev/null 2>&1; then
    count=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["tile_count"])' "$plan") \
      || fail "$plan has no top-level tile_count"
  else
    # Without python3: the first "tile_count": <digits> in the file (cosite writes the
    # top-level key before the tiles' list).
    count=$(tr -d '\n' <"$plan" | grep -o '"tile_count"[[:space:]]*:[[:space:]]*[0-9]*' | head -n 1 \
      | sed 's/.*:[[:space:]]*//' || true)
  fi
  case "$count" in
    '' | *[!0-9]* | 0) fail "$plan: tile_count is '$count', expected a positive integer" ;;
  esac
  echo "$count"
}

if [ -z "$only_tile" ]; then
  plan_args=(plan-tiles "$scenario" --out "$tiles_dir")
  [ -z "$tile_km" ] || plan_args+=(--tile-km "$tile_km")
  [ "$final" = merge ] || plan_args+=(--candidates)
  command -v "$cosite" >/dev/null 2>&1 \
    || fail "$cosite not found (swift build -c release, then --cosite .build/release/cosite)"
  "$cosite" "${plan_args[@]}" >&2 || fail "cosite plan-tiles failed (exit $?)"
  count=$(tile_count)
  array="0-$((count - 1))"
else
  count=$(tile_count)
  IFS=, read -r -a chosen <<<"$only_tile"
  for tile in "${chosen[@]}"; do
    [ "$tile" -lt "$count" ] || fail "--only-tile $tile: the plan has tiles 0 to $((count - 1))"
  done
  array=$only_tile
  # A plan without candidate fields cannot feed recommend or compare: say so before the tiles run.
  if [ "$final" != merge ] && ! grep -q '"candidate_fields": true' "$tiles_dir/tiles.json"; then
    fail "$tiles_dir/tiles.json was planned without --candidates: --final $final needs a new plan (leave out --only-tile)"
  fi
fi
# slurmd opens the output files before the job starts: the directory must exist.
mkdir -p "$tiles_dir/logs"

# The scripts read their inputs from the environment; --export=ALL hands them over without
# the quoting limits of --export=NAME=value (a comma would split the value).
export SCENARIO="$scenario" TILES="$tiles_dir" OUT="$out_dir" COSITE="$cosite" FINAL="$final" \
  FINAL_ARGS="$final_args"
tiles_args=(--parsable --export=ALL --chdir="$tiles_dir" --array="$array"
  --cpus-per-task="$cpus" --output="$tiles_dir/logs/slurm-%A_%a.out")
[ -z "$mem_mb" ] || tiles_args+=(--mem="$mem_mb")
tiles_job=$(sbatch "${tiles_args[@]}" "$here/tiles.sbatch")
# --parsable prints "id" or "id;cluster".
tiles_job=${tiles_job%%;*}
echo "submit: tiles job $tiles_job, array $array of $count tiles (logs: $tiles_dir/logs/slurm-${tiles_job}_<tile>.out)" >&2

# afterok: the merge never reads a missing or failed tile; --kill-on-invalid-dep cancels it
# at once when a tile fails instead of leaving it pending forever.
final_sbatch=(--parsable --export=ALL --chdir="$tiles_dir" --dependency="afterok:$tiles_job"
  --kill-on-invalid-dep=yes --output="$tiles_dir/logs/merge-%j.out")
[ -z "$final_mem_mb" ] || final_sbatch+=(--mem="$final_mem_mb")
merge_job=$(sbatch "${final_sbatch[@]}" "$here/merge.sbatch") \
  || fail "the $final job could not be submitted; tiles job $tiles_job runs on ($(printf '%q ' FINAL="$final" SCENARIO="$scenario" TILES="$tiles_dir" OUT="$out_dir" FINAL_ARGS="$final_args")sbatch $here/merge.sbatch runs it by hand)"
merge_job=${merge_job%%;*}
echo "submit: $final job $merge_job into $out_dir after tiles job $tiles_job (log: $tiles_dir/logs/merge-$merge_job.out)" >&2

echo "tiles_job=$tiles_job"
echo "merge_job=$merge_job"
[ "$wait" = yes ] || exit 0

# Sets `records` to one line per job record of job $1, "<array task or -> <state> <exit
# code>"; returns 1 when slurmctld did not answer (try again). Without accounting storage
# sacct knows nothing, so this asks slurmctld, which keeps finished jobs for MinJobAge; a
# pending array's tasks share one record (ArrayTaskId=2-3).
records=""
read_records() {
  local text
  if ! text=$(scontrol -o show job "$1" 2>&1); then
    case "$text" in
      *"Invalid job id"*)
        fail "slurmctld no longer knows job $1 (it keeps finished jobs for MinJobAge, 300 s by default); see $tiles_dir/logs/"
        ;;
    esac
    # A busy or restarting slurmctld: the next poll asks again.
    echo "submit: scontrol: $text" >&2
    return 1
  fi
  records=$(awk '{
    task = "-"; state = "?"; code = "?"
    for (i = 1; i <= NF; i++) {
      if ($i ~ /^ArrayTaskId=/) task = substr($i, 13)
      else if ($i ~ /^JobState=/) state = substr($i, 10)
      else if ($i ~ /^ExitCode=/) code = substr($i, 10)
    }
    print task, state, code
  }' <<<"$text")
}

# Whether every record of job $1 has reached an end state.
finished() {
  read_records "$1" || return 1
  ! awk '{print $2}' <<<"$records" \
    | grep -qvE '^(COMPLETED|FAILED|CANCELLED|TIMEOUT|NODE_FAIL|OUT_OF_MEMORY|BOOT_FAIL|DEADLINE|PREEMPTED)$'
}

echo "submit: waiting for tiles job $tiles_job and merge job $merge_job" >&2
# The merge may end (cancelled) while other tiles still run, and a national merge runs
# longer than slurmctld keeps the finished array (MinJobAge): each job's records are kept
# once it has ended, and only the other job is asked about after that.
tile_records="" merge_records=""
while :; do
  if [ -z "$tile_records" ] && finished "$tiles_job"; then tile_records=$records; fi
  if [ -z "$merge_records" ] && finished "$merge_job"; then merge_records=$records; fi
  if [ -n "$tile_records" ] && [ -n "$merge_records" ]; then break; fi
  sleep "$poll_s"
done

status=0
failed_tiles=()
while read -r task state code; do
  if [ "$state" != COMPLETED ]; then
    echo "submit: tile $task $state (exit $code): $tiles_dir/logs/slurm-${tiles_job}_$task.out" >&2
    failed_tiles+=("$task")
    status=1
  fi
done <<<"$tile_records"
read -r _ state code <<<"$merge_records"
if [ "$state" = COMPLETED ]; then
  echo "submit: $final done, outputs in $out_dir" >&2
elif [ ${#failed_tiles[@]} -gt 0 ] && [ "$state" = CANCELLED ]; then
  # afterok was never satisfied: the merge did not start and wrote no log.
  rerun=("$0" "$scenario" "$tiles_dir" "$out_dir" --cpus-per-task "$cpus" --cosite "$cosite")
  [ -z "$mem_mb" ] || rerun+=(--mem-per-task "$mem_mb")
  [ "$final" = merge ] || rerun+=(--final "$final" --final-args "$final_args")
  [ -z "$final_mem_mb" ] || rerun+=(--final-mem "$final_mem_mb")
  rerun+=(--only-tile "$(IFS=,; echo "${failed_tiles[*]}")")
  echo "submit: $final not run; to re-run the failed tiles and then $final: $(printf '%q ' "${rerun[@]}")" >&2
else
  echo "submit: $final $state (exit $code): $tiles_dir/logs/merge-$merge_job.out" >&2
  status=1
fi
exit "$status"
