#!/usr/bin/env bash
# The test command of the README and of CI: install what is missing, then run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# Release build: the field engine's SIMD code is ~50× slower unoptimised; -enable-testing
# keeps @testable imports working.
swift test -c release -Xswiftc -enable-testing "$@"
