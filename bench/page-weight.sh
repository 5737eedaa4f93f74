#!/usr/bin/env bash
# Page weight, Lighthouse mobile performance and axe-core violations of the learner pages (issue 6,
# items 6 and 7). Starts the platform on the embedded H2 with the demo data on port 18600, measures
# with headless Debian Chromium at 360 × 740 through bench/page-weight/measure.mjs, stops it.
# Usage: bench/page-weight.sh            (BENCH_SKIP_BUILD=1 reuses platform/target/platform;
#        BENCH_URL=http://host:port bench/page-weight.sh measures a platform already running)
# Needs: JDK 17, Maven, Node 18+ and npm, /usr/bin/chromium. npm packages go to
# bench/page-weight/node_modules (git-ignored), pinned in bench/page-weight/package.json.
set -euo pipefail
cd "$(dirname "$0")/.."
port=18600
data=$(pwd)/bench/target/page-weight

(cd bench/page-weight && [ -d node_modules/lighthouse ] || npm install --no-audit --no-fund)

pid=
if [ -z "${BENCH_URL:-}" ]; then
  # No install: package builds the WARs and platform/target/platform without touching ~/.m2.
  [ -n "${BENCH_SKIP_BUILD:-}" ] || mvn -B -q -DskipTests -Dspotless.check.skip=true package -pl platform -am
  rm -rf "$data" && mkdir -p "$data"
  platform=platform/target/platform
  HOCSO_DATA=$data PORT=$port HOCSO_LRS_URL=http://localhost:$port/xapi/ \
    java -Xmx768m -jar $platform/payara-micro.jar --nohazelcast --port $port \
    --rootdir "$data/payara-runtime" --deploy $platform/ROOT.war --deploy $platform/xapi.war \
    --deploy $platform/platform-readiness.war > "$data/payara.log" 2>&1 &
  pid=$!
  trap '[ -n "$pid" ] && kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
  for _ in $(seq 1 240); do
    curl -sf "http://localhost:$port/health/ready" > /dev/null && break
    sleep 1
  done
  curl -sf "http://localhost:$port/health/ready" > /dev/null || { echo "platform not ready"; tail -50 "$data/payara.log"; exit 1; }
  url=http://localhost:$port
else
  url=$BENCH_URL
fi

echo "Machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(chromium --version 2>/dev/null | head -1)"
mkdir -p bench/target
RESULT_JSON=$(pwd)/bench/target/page-weight.json node bench/page-weight/measure.mjs "$url"
echo "Details (per request, axe nodes): bench/target/page-weight.json"
