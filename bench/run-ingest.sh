#!/usr/bin/env bash
# Ingest and query benchmark of the LRS on MariaDB (issue 3), with its raw-JDBC baseline measured
# in the same run. Usage: bench/run-ingest.sh [clients] [batches-per-client]
# Needs MariaDB on 127.0.0.1:3306 reachable as root without a password (as on the CI machines).
set -euo pipefail
cd "$(dirname "$0")/.."
clients=${1:-8}
batches=${2:-100}
port=18500
data=$(pwd)/bench/target/run
database=hocso_bench

[ -n "${BENCH_SKIP_BUILD:-}" ] || mvn -B -q -DskipTests -Dspotless.check.skip=true install -pl platform -am
mvn -B -q -Dspotless.check.skip=true -f bench/pom.xml package
rm -rf "$data" && mkdir -p "$data"
mariadb --protocol=tcp -h 127.0.0.1 -u root <<SQL
drop database if exists $database;
create database $database character set utf8mb4 collate utf8mb4_unicode_ci;
create or replace user '$database'@'127.0.0.1' identified by '$database';
create or replace user '$database'@'localhost' identified by '$database';
grant all on $database.* to '$database'@'127.0.0.1', '$database'@'localhost';
SQL

platform=platform/target/platform
# The LRS must hold the load within a 512 MB heap (issue 3).
HOCSO_DATA=$data PORT=$port HOCSO_LRS_URL=http://localhost:$port/xapi/ \
  HOCSO_DB_URL=jdbc:mysql://127.0.0.1:3306/$database HOCSO_DB_USER=$database \
  HOCSO_DB_PASSWORD=$database HOCSO_DB_DATASOURCE_CLASS=com.mysql.cj.jdbc.MysqlDataSource \
  HOCSO_DEMO_DATA=false LRS_BOOTSTRAP_KEY=bench LRS_BOOTSTRAP_SECRET=bench-secret \
  java -Xmx512m -XX:+ExitOnOutOfMemoryError -jar $platform/payara-micro.jar --nohazelcast \
  --port $port --rootdir "$data/payara-runtime" --deploy $platform/xapi.war \
  >"$data/payara.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
  curl -sf "http://localhost:$port/health/ready" >/dev/null 2>&1 && break
  sleep 1
done

mvn -B -q -f bench/pom.xml dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
classpath=bench/target/classes:$(cat bench/target/classpath.txt)
java -cp "$classpath" vn.hocso.bench.IngestBenchmark \
  lrs=http://localhost:$port/xapi key=bench secret=bench-secret \
  jdbc=jdbc:mysql://127.0.0.1:3306/$database?rewriteBatchedStatements=true \
  user=$database password=$database clients="$clients" batches="$batches"
echo "LRS heap at the end: $(jcmd $server GC.heap_info 2>/dev/null | grep -m1 -E 'total|used' || echo n/a)"
