#!/usr/bin/env bash
# The test command of the README: builds every module and runs the default test suite — unit and
# topology (TopologyTestDriver) tests in `test`, then the real-broker integration tests (*IT, Failsafe) in `verify`, plus a real Prometheus scraping a
# running instance and headless Chromium loading the court page. Benchmarks are behind -Pbenchmark. Extra arguments go to Maven.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
command -v mvn >/dev/null || { echo "test.sh: Maven is required (apt-get install maven)" >&2; exit 1; }

# Real Prometheus (scrape test), Alertmanager and amtool (deploy files test, notify's Alertmanager delivery test) and headless
# Chromium (court page test): Debian's packages, installed when missing and we may (root, apt-get).
# Without them those tests fail under CI=true and are skipped elsewhere.
missing=()
command -v prometheus >/dev/null || missing+=(prometheus)
{ command -v amtool >/dev/null && command -v prometheus-alertmanager >/dev/null; } || missing+=(prometheus-alertmanager)
[ -x /usr/bin/chromium ] || missing+=(chromium)
# A Chinese font, so the board's and the report's screenshots and PDFs under target/ show the court names.
fc-list :lang=zh 2>/dev/null | grep -q . || missing+=(fonts-wqy-zenhei)
if [ ${#missing[@]} -gt 0 ] && command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
  echo "test.sh: installing Debian packages: ${missing[*]}..." >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}") >&2 \
    || echo "test.sh: could not install ${missing[*]}; the tests that need them will say so" >&2
fi

mvn -B -ntp verify "$@"
