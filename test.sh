#!/usr/bin/env bash
# The test command of the README: builds everything and runs the default test suite — unit,
# topology (TopologyTestDriver) and real-broker integration tests, plus a real Prometheus scraping a
# running instance. Benchmarks are behind -Pbenchmark. Extra arguments go to Maven.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
command -v mvn >/dev/null || { echo "test.sh: Maven is required (apt-get install maven)" >&2; exit 1; }

# Real Prometheus for the scrape test: Debian's package, installed when missing and we may.
if ! command -v prometheus >/dev/null && command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
  echo "test.sh: installing Debian's prometheus (for the scrape test)..." >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus) >&2 \
    || echo "test.sh: could not install prometheus; the scrape test will say so" >&2
fi

mvn -B -ntp verify "$@"
