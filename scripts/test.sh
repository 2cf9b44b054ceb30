#!/usr/bin/env bash
# The test command of the README and of CI: install what is missing, then run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift test "$@"
