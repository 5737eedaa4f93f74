#!/usr/bin/env bash
# The coverage projector's throughput against the LRS's ingest rate (issue 7), in one run: the
# platform on MariaDB with the LMS's own projector off (no LRS credentials for the LMS), learners
# seeded through the real Registration, then bench/projector/ProjectorBenchmark.java:
#   1. ingest: learner journeys (21 statements per learner and course, every course) posted to the
#      LRS by 8 clients in batches of 50, the projector not running: the LRS's ingest rate;
#   2. project: the projector (the real CoverageProjector, xAPI query transport) alone, from just
#      before those statements until it has handled them all: its rate, and the ratio to 1;
#      with BENCH_BEFORE_CLASSES=<dir of another build's lms-web classes> the same statements are
#      projected by that build too, alternately (before, after, before, after);
#   3. steady: the projector running and caught up while a second set is posted: the ingest rate
#      under it, freshness (stored → cov_statement) and how long after the last post it is done.
# Usage: bench/run-projector.sh [learners=300]
# Environment: BENCH_DATABASE (hocso_projector_bench), BENCH_PORT (42700), BENCH_SKIP_BUILD=1,
# BENCH_KEEP_DATABASE=1 (reuse the database and its learners), BENCH_JFR=1 (a JFR profile of the
# projector's JVM per project run into bench/target/projector/), BENCH_BEFORE_CLASSES.
set -euo pipefail
cd "$(dirname "$0")/.."
learners=${1:-300}
half=$((learners / 2))
port=${BENCH_PORT:-42700}
database=${BENCH_DATABASE:-hocso_projector_bench}
data=$(pwd)/bench/target/run-$database
out=$(pwd)/bench/target/projector
lrs_key=hocso-bench
lrs_secret=hocso-bench-secret
mkdir -p "$out"

if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  mvn -B -o -q -DskipTests -Dspotless.check.skip=true package -pl platform -am
fi
if [ -z "${BENCH_SKIP_BUILD:-}" ] || [ ! -s "$out/classpath.txt" ]; then
  mvn -B -o -q -Dspotless.check.skip=true -DskipTests -pl lms-web -am test-compile \
    dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$out/classpath.txt"
fi

if [ -z "${BENCH_KEEP_DATABASE:-}" ]; then
  mariadb --protocol=tcp -h 127.0.0.1 -u root <<SQL
drop database if exists $database;
create database $database character set utf8mb4 collate utf8mb4_unicode_ci;
create or replace user '$database'@'127.0.0.1' identified by '$database';
create or replace user '$database'@'localhost' identified by '$database';
grant all on $database.* to '$database'@'127.0.0.1', '$database'@'localhost';
SQL
fi

rm -rf "$data" && mkdir -p "$data"
platform=platform/target/platform
# No HOCSO_LRS_KEY: the LMS's projector stays off; this benchmark's JVM runs it.
HOCSO_DATA=$data PORT=$port HOCSO_LRS_URL=http://localhost:$port/xapi/ \
  HOCSO_DB_URL=jdbc:mysql://127.0.0.1:3306/$database HOCSO_DB_USER=$database \
  HOCSO_DB_PASSWORD=$database HOCSO_DB_DATASOURCE_CLASS=com.mysql.cj.jdbc.MysqlDataSource \
  LRS_BOOTSTRAP_KEY=$lrs_key LRS_BOOTSTRAP_SECRET=$lrs_secret \
  java -Xmx1g -XX:+ExitOnOutOfMemoryError -jar $platform/payara-micro.jar \
  --nohazelcast --port "$port" --rootdir "$data/payara-runtime" --deploy $platform/ROOT.war \
  --deploy $platform/xapi.war --deploy $platform/platform-readiness.war >"$data/payara.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
ready=
for _ in $(seq 1 900); do
  if curl -s --max-time 10 "http://localhost:$port/health/ready" | grep -q '^{"status":"UP"'; then
    ready=1 && break
  fi
  kill -0 $server 2>/dev/null || break
  sleep 1
done
[ -n "$ready" ] || { echo "Platform not ready; see $data/payara.log" >&2; exit 1; }

cp=$(cat "$out/classpath.txt")
java -Xmx512m -cp "lms-web/target/classes:course-content/target/classes:$cp" \
  bench/learners/SeedLearners.java jdbc="jdbc:mysql://127.0.0.1:3306/$database" user=root \
  password= count="$learners" prefix=hv-bench- learnerPassword=hoc-so-bench-2026

mariadb_pid=$(pgrep -o -x mariadbd || pgrep -o -x mysqld || echo)
common=(jdbc="jdbc:mysql://127.0.0.1:3306/$database" lrs="http://localhost:$port/xapi/"
  key=$lrs_key secret=$lrs_secret out="$out" platformPid=$server mariadbPid="$mariadb_pid")
bench() { # classes-dir label, then arguments
  local classes=$1 label=$2 jfr=
  shift 2
  if [ -n "${BENCH_JFR:-}" ]; then
    jfr="-XX:StartFlightRecording=filename=$out/$label-$(date +%H%M%S).jfr,settings=profile,dumponexit=true"
  fi
  java -Xmx512m $jfr -cp "$classes:course-content/target/classes:$cp" \
    bench/projector/ProjectorBenchmark.java "${common[@]}" label="$label" "$@"
}
{
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(java -version 2>&1 | head -1); load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "commit: $(git rev-parse --short HEAD)$(git diff --quiet || echo ' (uncommitted changes)')"
  after=lms-web/target/classes
  bench $after after mode=ingest set=A learners=0-$half seed=1
  if [ -n "${BENCH_BEFORE_CLASSES:-}" ]; then
    bench "$BENCH_BEFORE_CLASSES" before mode=project set=A
    bench $after after mode=project set=A
    bench "$BENCH_BEFORE_CLASSES" before mode=project set=A
    bench $after after mode=project set=A
  else
    bench $after after mode=project set=A
    bench $after after mode=project set=A
  fi
  bench $after after mode=steady set=B learners=$half-$learners seed=2
} 2>&1 | tee "$out/run.txt"
echo "Summary: $out/run.txt"
