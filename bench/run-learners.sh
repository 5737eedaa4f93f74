#!/usr/bin/env bash
# Concurrent learners (issue 6): N learners log in, search, enrol, read the VietQR course's lessons
# and pass its quiz, through the real Faces pages, with their statements going through the LMS's
# queue to the LRS; and the baseline, the same arrivals and pauses on the login page only, in the
# same run. Platform on MariaDB, as ./hocso run starts it. Usage:
#   bench/run-learners.sh [learners=500] [ramp-seconds=120] [think-seconds=3]
# Needs MariaDB on 127.0.0.1:3306 reachable as root without a password (as on the CI machines),
# JDK 17, Maven, python3, curl. Environment: BENCH_DATABASE (hocso_bench_learners), BENCH_PORT
# (18700), BENCH_SKIP_BUILD=1 (reuse platform/target/platform and lms-web's classes),
# BENCH_JAVA_OPTS (platform JVM, default -Xmx1g as ./hocso run), BENCH_SKIP_BASELINE=1,
# BENCH_JFR=1 (a JFR profile of the platform into bench/target/run-<database>/platform.jfr),
# BENCH_PLATFORM (another built platform directory, e.g. a copy of an older build's
# platform/target/platform, for an A/B run of two builds on the same machine).
# Also measures the coverage dashboards' freshness during the learners' run (bench/learners/Freshness.java).
set -euo pipefail
cd "$(dirname "$0")/.."
learners=${1:-500}
ramp=${2:-120}
think=${3:-3}
port=${BENCH_PORT:-18700}
database=${BENCH_DATABASE:-hocso_bench_learners}
data=$(pwd)/bench/target/run-$database
out=$(pwd)/bench/target/learners
lrs_key=hocso-bench
lrs_secret=hocso-bench-secret
mkdir -p "$out"

# No install: package builds the WARs and platform/target/platform without touching ~/.m2; the
# seeder runs on lms-web's class path (as bench/run-import.sh does).
if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  mvn -B -q -DskipTests -Dspotless.check.skip=true package -pl platform -am
fi
# The seeder's class path: also with BENCH_SKIP_BUILD when a plain `mvn package` built the rest,
# and again whenever a pom changed since it was written (a new dependency, e.g. Bouncy Castle).
if [ -z "${BENCH_SKIP_BUILD:-}" ] || [ ! -s "$out/classpath.txt" ] ||
  [ pom.xml -nt "$out/classpath.txt" ] || [ lms-web/pom.xml -nt "$out/classpath.txt" ] ||
  [ course-content/pom.xml -nt "$out/classpath.txt" ]; then
  mvn -B -q -Dspotless.check.skip=true -DskipTests -pl lms-web -am test-compile \
    dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$out/classpath.txt"
fi
mvn -B -q -Dspotless.check.skip=true -f bench/learners/pom.xml test-compile

mariadb --protocol=tcp -h 127.0.0.1 -u root <<SQL
drop database if exists $database;
create database $database character set utf8mb4 collate utf8mb4_unicode_ci;
create or replace user '$database'@'127.0.0.1' identified by '$database';
create or replace user '$database'@'localhost' identified by '$database';
grant all on $database.* to '$database'@'127.0.0.1', '$database'@'localhost';
SQL

rm -rf "$data" && mkdir -p "$data"
platform=${BENCH_PLATFORM:-platform/target/platform}
jfr_options=
if [ -n "${BENCH_JFR:-}" ]; then
  jfr_options="-XX:StartFlightRecording=filename=$data/platform.jfr,settings=profile,dumponexit=true"
fi
HOCSO_DATA=$data PORT=$port HOCSO_LRS_URL=http://localhost:$port/xapi/ \
  HOCSO_DB_URL=jdbc:mysql://127.0.0.1:3306/$database HOCSO_DB_USER=$database \
  HOCSO_DB_PASSWORD=$database HOCSO_DB_DATASOURCE_CLASS=com.mysql.cj.jdbc.MysqlDataSource \
  LRS_BOOTSTRAP_KEY=$lrs_key LRS_BOOTSTRAP_SECRET=$lrs_secret \
  HOCSO_LRS_KEY=$lrs_key HOCSO_LRS_SECRET=$lrs_secret \
  java ${BENCH_JAVA_OPTS:--Xmx1g} $jfr_options -XX:+ExitOnOutOfMemoryError -jar $platform/payara-micro.jar \
  --nohazelcast --port "$port" --rootdir "$data/payara-runtime" --deploy $platform/ROOT.war \
  --deploy $platform/xapi.war --deploy $platform/platform-readiness.war >"$data/payara.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
ready=
for _ in $(seq 1 900); do # a loaded 2-core machine may need minutes
  if curl -s --max-time 10 "http://localhost:$port/health/ready" | grep -q '^{"status":"UP"'; then
    ready=1 && break
  fi
  kill -0 $server 2>/dev/null || break
  sleep 1
done
[ -n "$ready" ] || { echo "Platform not ready; see $data/payara.log" >&2; exit 1; }

java -Xmx512m -cp "lms-web/target/classes:course-content/target/classes:$(cat "$out/classpath.txt")" \
  bench/learners/SeedLearners.java jdbc="jdbc:mysql://127.0.0.1:3306/$database" user=root \
  password= count="$learners" prefix=hv-bench- learnerPassword=hoc-so-bench-2026

gatling() {
  mvn -B -q -Dspotless.check.skip=true -f bench/learners/pom.xml gatling:test \
    -Dgatling.simulationClass="vn.hocso.bench.learners.$1" -DbaseUrl="http://localhost:$port" \
    -Dlearners="$learners" -DrampSeconds="$ramp" -DthinkSeconds="$think" \
    -DcourseJson="$(pwd)/lms-web/src/main/resources/curriculum/thanh-toan-bang-ma-vietqr/course.json" \
    -DlrsKey=$lrs_key -DlrsSecret=$lrs_secret -Dgatling.noReports=false || true
}
load() { cut -d' ' -f1-3 /proc/loadavg; }
# CPU seconds (user + system) a process has used so far: the platform's and MariaDB's share of the
# machine's two cores, which the load generator (Gatling) and other work share with them.
ticks=$(getconf CLK_TCK)
cpu_seconds() { awk -v t="$ticks" '{printf "%.1f", ($14 + $15) / t}' "/proc/$1/stat" 2>/dev/null || echo 0; }
mariadb_pid=$(pgrep -o -x mariadbd || pgrep -o -x mysqld || echo)
cpu() { echo "$(cpu_seconds $server) ${mariadb_pid:+$(cpu_seconds "$mariadb_pid")}"; }
cpu_report() { # label, learners, requests, before-platform before-db, after-platform after-db
  awk -v label="$1" -v n="$2" -v r="$3" -v p0="$4" -v d0="$5" -v p1="$6" -v d1="$7" 'BEGIN {
    p = p1 - p0; d = d1 - d0;
    printf "cpu %s: platform %.1f s, MariaDB %.1f s; per learner %.3f s + %.3f s; per request %.1f ms + %.1f ms\n",
      label, p, d, p / n, d / n, 1000 * p / r, 1000 * d / r }'
}
statements_before=$(mariadb --protocol=tcp -h 127.0.0.1 -u root -N -e "select count(*) from $database.lrs_statement")
{
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(java -version 2>&1 | head -1)"
  echo "learners=$learners ramp=${ramp}s think=${think}s (pause uniform in [0.5, 1.5] × think)"
  echo "load before baseline: $(load)"
} | tee "$out/run.txt"
rm -rf bench/learners/target/gatling bench/learners/target/learners-lrs.json
requests=$((learners * 21)) # both simulations make 21 requests per learner ("next question" sends none)
read -r p0 d0 <<<"$(cpu)"
[ -n "${BENCH_SKIP_BASELINE:-}" ] || gatling BaselineSimulation
read -r p1 d1 <<<"$(cpu)"
echo "load after baseline / before learners: $(load)" | tee -a "$out/run.txt"
# Freshness of the coverage dashboards (issue 7) while the learners' statements arrive.
rm -f "$out/freshness.stop"
java -Xmx128m -cp "$(cat "$out/classpath.txt")" bench/learners/Freshness.java \
  jdbc="jdbc:mysql://127.0.0.1:3306/$database" user=root password= stop="$out/freshness.stop" \
  >"$out/freshness.txt" 2>&1 &
freshness=$!
gatling LearnersSimulation
read -r p2 d2 <<<"$(cpu)"
echo "load after learners: $(load)" | tee -a "$out/run.txt"
touch "$out/freshness.stop"
wait $freshness || true
tee -a "$out/run.txt" <"$out/freshness.txt"
{
  [ -n "${BENCH_SKIP_BASELINE:-}" ] || cpu_report baseline "$learners" "$requests" "$p0" "$d0" "$p1" "$d1"
  cpu_report learners "$learners" "$requests" "$p1" "$d1" "$p2" "$d2"
} | tee -a "$out/run.txt"
statements_after=$(mariadb --protocol=tcp -h 127.0.0.1 -u root -N -e "select count(*) from $database.lrs_statement")
queued=$(mariadb --protocol=tcp -h 127.0.0.1 -u root -N -e "select count(*) from $database.statement_queue")
echo "lrs_statement rows: $statements_before before, $statements_after after; statement_queue rows left: $queued" | tee -a "$out/run.txt"

python3 bench/learners/summary.py | tee -a "$out/run.txt"
echo "Reports: bench/learners/target/gatling/*/index.html; summary: $out/run.txt"
