#!/usr/bin/env bash
# The test command of the README and of CI: install what is missing, then run every test,
# then a short fuzzing pass over every reader (issue #13).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# Release build: the field engine's SIMD code is ~50× slower unoptimised; -enable-testing
# keeps @testable imports working.
swift test -c release -Xswiftc -enable-testing "$@"
# The fuzz targets are a package of their own (Fuzz/) built with -sanitize=fuzzer: a second
# build by necessity (coverage instrumentation), in Fuzz/.build, a few seconds per target.
# COSITE_FUZZ_SECONDS=0 skips it (e.g. when iterating on one test with "$@").
fuzz_seconds=${COSITE_FUZZ_SECONDS:-5}
if [ "$fuzz_seconds" -gt 0 ]; then
  scripts/fuzz.sh "$fuzz_seconds"
fi
