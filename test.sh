#!/usr/bin/env bash
# The test command of the README: builds everything and runs the default test suite
# (unit, topology and real-broker integration tests; benchmarks are behind -Pbenchmark).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
command -v mvn >/dev/null || { echo "test.sh: Maven is required (apt-get install maven)" >&2; exit 1; }
mvn -B -ntp verify "$@"
