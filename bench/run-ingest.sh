#!/usr/bin/env bash
# Ingest and query benchmark of the LRS on MariaDB (issue 3), with its raw-JDBC baseline measured
# in the same run. Usage: bench/run-ingest.sh [clients] [batches-per-client] [extra benchmark args]
# e.g. bench/run-ingest.sh 8 50, or bench/run-ingest.sh 8 50 load=1000000 queries=200
# Needs MariaDB on 127.0.0.1:3306 reachable as root without a password (as on the CI machines).
# Environment: BENCH_DATABASE (hocso_bench), BENCH_KEEP_DATABASE=1 (reuse a loaded database),
# BENCH_SKIP_BUILD=1 (reuse xapi-store/lrs/target/xapi.war), BENCH_JFR=1 (profile the LRS),
# BENCH_DB_OPTIONS (Connector/J URL options of the LRS, default rewriteBatchedStatements=true),
# BENCH_LOAD=1000000 (bulk-load the store to that many statements before the queries).
# BENCH_WAR (another LRS war, e.g. a copy of an older build, for an A/B run), BENCH_LRS_JAVA_OPTS
# (extra JVM options of the LRS). The LRS's GC log (heap after each collection) goes to bench/target/run-<database>/gc.log.
set -euo pipefail
cd "$(dirname "$0")/.."
clients=${1:-8}
batches=${2:-100}
shift $(( $# > 2 ? 2 : $# ))
port=${BENCH_PORT:-18500}
data=$(pwd)/bench/target/run-${BENCH_DATABASE:-hocso_bench}
database=${BENCH_DATABASE:-hocso_bench}
options=${BENCH_DB_OPTIONS-rewriteBatchedStatements=true}

# The LRS alone, as its own war: no install into ~/.m2, no platform build needed.
[ -n "${BENCH_SKIP_BUILD:-}" ] ||
  mvn -B -q -DskipTests -Dspotless.check.skip=true package -pl xapi-store/lrs -am
mvn -B -q -Dspotless.check.skip=true -f bench/pom.xml package dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt
payara_version=$(sed -n "s:.*<payara.version>\(.*\)</payara.version>.*:\1:p" pom.xml)
micro=$HOME/.m2/repository/fish/payara/extras/payara-micro/$payara_version/payara-micro-$payara_version.jar
[ -f "$micro" ] || mvn -B -q dependency:get -Dartifact=fish.payara.extras:payara-micro:$payara_version
rm -rf "$data" && mkdir -p "$data"
if [ -z "${BENCH_KEEP_DATABASE:-}" ]; then
  mariadb --protocol=tcp -h 127.0.0.1 -u root -e "drop database if exists $database"
fi
mariadb --protocol=tcp -h 127.0.0.1 -u root <<SQL
create database if not exists $database character set utf8mb4 collate utf8mb4_unicode_ci;
create or replace user '$database'@'127.0.0.1' identified by '$database';
create or replace user '$database'@'localhost' identified by '$database';
grant all on $database.* to '$database'@'127.0.0.1', '$database'@'localhost';
SQL

jfr=()
[ -z "${BENCH_JFR:-}" ] ||
  jfr=(-XX:StartFlightRecording=settings=profile,filename=$data/lrs.jfr,dumponexit=true)
# The LRS must hold the load within a 512 MB heap (issue 3).
HOCSO_DATA=$data LRS_DB_URL="jdbc:mysql://127.0.0.1:3306/$database${options:+?$options}" \
  LRS_DB_USER=$database LRS_DB_PASSWORD=$database \
  LRS_DB_DATASOURCE_CLASS=com.mysql.cj.jdbc.MysqlDataSource \
  LRS_BOOTSTRAP_KEY=bench LRS_BOOTSTRAP_SECRET=bench-secret \
  java -Xmx512m -XX:+ExitOnOutOfMemoryError ${BENCH_LRS_JAVA_OPTS:-} -Xlog:gc:file=$data/gc.log:uptime "${jfr[@]}" -jar "$micro" --nohazelcast \
  --port $port --rootdir "$data/payara-runtime" --deploy "${BENCH_WAR:-xapi-store/lrs/target/xapi.war}" \
  --contextroot xapi >"$data/payara.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 1200); do # a loaded 2-core machine may need minutes
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/xapi/about" || true)
  [ "$code" = 200 ] && break
  # an LRS that failed to start (e.g. "Address already in use") ends the run at once
  kill -0 $server 2>/dev/null || { tail -20 "$data/payara.log"; echo "The LRS did not start" >&2; exit 1; }
  sleep 1
done

classpath=bench/target/classes:$(cat bench/target/classpath.txt)
if [ -n "${BENCH_LOAD:-}" ]; then
  # Fill the store to BENCH_LOAD statements with the LRS's own classes (bench/lrs-load), after
  # checking on 50 statements that they write the rows the LRS writes over HTTP.
  mvn -B -q -Dspotless.check.skip=true -pl xapi-store/lrs -am compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
  loader_cp=xapi-store/lrs/target/classes:bench/target/classes:$(cat xapi-store/lrs/target/bench-classpath.txt)
  java -Xmx1g -cp "$loader_cp" bench/lrs-load/LrsBulkLoad.java database=$database \
    check=http://localhost:$port/xapi count="$BENCH_LOAD" threads="${BENCH_LOAD_THREADS:-2}"
fi
java -cp "$classpath" vn.hocso.bench.IngestBenchmark \
  lrs=http://localhost:$port/xapi key=bench secret=bench-secret \
  jdbc="jdbc:mysql://127.0.0.1:3306/$database?rewriteBatchedStatements=true" \
  user=$database password=$database clients="$clients" batches="$batches" \
  lrsPid=$server "$@"
echo "LRS heap at the end: $(jcmd $server GC.heap_info 2>/dev/null | grep -m1 -E 'total|used' || echo n/a)"
