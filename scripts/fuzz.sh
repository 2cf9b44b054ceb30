#!/usr/bin/env bash
# Builds the libFuzzer targets of Fuzz/ and runs each for a bounded time (issue #13).
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     default: 10 s, every target
#
# Installs nothing (scripts/setup.sh first). Writes only Fuzz/.build and Fuzz/artifacts/
# (gitignored; COSITE_FUZZ_OUT moves the latter): artifacts/corpus/TARGET (the working corpus,
# kept between runs), artifacts/crashes/TARGET (crashing, hanging or memory-hungry inputs),
# artifacts/logs/TARGET.log. One line per target with executions, exec/s and coverage; exits 1
# if any target crashed (its input is named). One libFuzzer process at a time: one core.
# Extra libFuzzer flags: COSITE_FUZZ_FLAGS="-use_value_profile=1 ...".
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

all_targets=(geojson csv dem-asc dem-hgt msi site-export scenario scenario-parcels scenario-structures scenario-sites)
seconds=10
if [ $# -gt 0 ] && [[ $1 =~ ^[0-9]+$ ]]; then
  seconds=$1
  shift
fi
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")
for target in "${targets[@]}"; do
  [[ " ${all_targets[*]} " == *" $target "* ]] || { echo "fuzz: unknown target '$target' (${all_targets[*]})" >&2; exit 2; }
done
out=${COSITE_FUZZ_OUT:-$root/Fuzz/artifacts}
mkdir -p "$out"
out=$(cd "$out" && pwd)

build_flags=(-c release -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library -Xswiftc -enable-testing
  -Xcc -fsanitize=fuzzer-no-link)
started=$(date +%s)
echo "fuzz: building Fuzz/ (release, -sanitize=fuzzer)"
if ! (cd Fuzz && swift build "${build_flags[@]}" --product cosite-fuzz >"$out/build.log" 2>&1); then
  tail -n 40 "$out/build.log" >&2
  echo "fuzz: the build failed (log: $out/build.log)" >&2
  exit 1
fi
binary="$(cd Fuzz && swift build "${build_flags[@]}" --show-bin-path)/cosite-fuzz"
echo "fuzz: built in $(($(date +%s) - started)) s; ${seconds} s per target"

failed=()
for target in "${targets[@]}"; do
  work="$out/corpus/$target"
  crashes="$out/crashes/$target"
  log="$out/logs/$target.log"
  mkdir -p "$work" "$crashes" "$out/logs"
  # The scenario targets' fixture folders; libFuzzer leaves them behind when it stops on a crash.
  tmp="$out/tmp/$target"
  rm -rf "$tmp"
  mkdir -p "$tmp"
  stamp="$out/tmp/$target.stamp"
  touch "$stamp"
  status=0
  # New inputs go to the first folder (the working corpus); Fuzz/corpus/TARGET holds the seeds,
  # Fuzz/regressions/TARGET (if any) inputs that once crashed, replayed first like seeds.
  seeds=("$root/Fuzz/corpus/$target")
  [ -d "$root/Fuzz/regressions/$target" ] && seeds+=("$root/Fuzz/regressions/$target")
  # shellcheck disable=SC2086
  # SWIFT_BACKTRACE=enable=no: else Swift's backtracer takes the trap's signal first and
  # libFuzzer never writes the crashing input.
  TMPDIR="$tmp" SWIFT_BACKTRACE=enable=no "$binary" "$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -malloc_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$crashes/" ${COSITE_FUZZ_FLAGS:-} \
    "$work" "${seeds[@]}" >"$log" 2>&1 || status=$?
  found=$(find "$crashes" -type f -newer "$stamp" | sort)
  rm -rf "$tmp" "$stamp"
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
  rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -n 1)
  progress=$(grep -E '^#[0-9]+' "$log" | tail -n 1 || true)
  cov=$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<<"$progress")
  ft=$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<<"$progress")
  corpus=$(sed -nE 's/.* corp: ([0-9]+)\/.*/\1/p' <<<"$progress")
  summary="${runs:-?} runs, ${rate:-?} exec/s, cov ${cov:-?}, ft ${ft:-?}, corpus ${corpus:-?}, peak ${rss:-?} MB"
  if [ "$status" -eq 0 ] && [ -z "$found" ]; then
    printf 'fuzz: %-20s ok     %s\n' "$target" "$summary"
  else
    printf 'fuzz: %-20s FAILED %s (exit %s)\n' "$target" "$summary" "$status"
    # What went wrong, then the top of the stack without libFuzzer's and libc's own frames.
    grep -E '^(==[0-9]+== ERROR|cosite-fuzz check failed|.*Fatal error)' "$log" | head -n 3 | cut -c1-300 |
      sed 's/^/        /' || true
    grep -E '^ *#[0-9]+ 0x' "$log" | grep -vE 'compiler-rt/|libc\.so|nptl/|sysdeps/|stdlib/' | head -n 6 |
      { swift demangle --simplified 2>/dev/null || cat; } | sed -E 's/^ *#[0-9]+ 0x[0-9a-f]+ in /        /' || true
    for file in $found; do echo "        input: ${file#"$root"/}"; done
    echo "        log: ${log#"$root"/}"
    failed+=("$target")
  fi
done
rm -rf "$out/tmp"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: ${#failed[@]} of ${#targets[@]} targets failed: ${failed[*]}" \
    "(replay: $binary TARGET INPUT; minimise: add -minimize_crash=1 -runs=100000)" >&2
  exit 1
fi
echo "fuzz: all ${#targets[@]} targets ran clean in $(($(date +%s) - started)) s"
