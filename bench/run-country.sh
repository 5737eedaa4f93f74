#!/usr/bin/env bash
# National-scale coverage benchmark (issue 7): generates a synthetic country at a scale (1 = 34
# provinces, 3,321 communes, ~30,000 branches, 2,000,000 people, ~26,000,000 statements), bulk-loads
# it into MariaDB, and times the full recompute, the dashboards (Central, Hà Nội, a commune) and the
# projector; prints EXPLAIN of the dashboard queries. Usage:
#   bench/run-country.sh [scale] [key=value…]     e.g. bench/run-country.sh 0.01 iterations=40
# BENCH_DATABASE (default hocso_bench_scale_<scale>), BENCH_KEEP_DATABASE=1 reuses a loaded one
# (load=false; add recompute=false to time only the dashboards and the projector, recompute=inplace
# for the one-transaction recompute instead of the swap), BENCH_XMX
# (default 2g; 6g for scale 1).
set -euo pipefail
cd "$(dirname "$0")/.."
scale=${1:-0.01}
shift || true
database=${BENCH_DATABASE:-hocso_bench_scale_${scale//./_}}
mkdir -p bench/target
classpath_file=$(pwd)/bench/target/country-classpath.txt
if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  mvn -B -q -o -Dspotless.check.skip=true -DskipTests -pl lms-web -am test-compile \
    dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
fi
extra=()
if [ -z "${BENCH_KEEP_DATABASE:-}" ]; then
  mariadb --protocol=tcp -h 127.0.0.1 -u root -e \
    "drop database if exists $database; create database $database character set utf8mb4 collate utf8mb4_unicode_ci"
else
  extra+=(load=false)
fi
classpath=lms-web/target/classes:lms-web/target/test-classes:course-content/target/classes:$(cat "$classpath_file")
uptime
java -Xmx${BENCH_XMX:-2g} -XX:+ExitOnOutOfMemoryError -cp "$classpath" \
  bench/country/CountryBenchmark.java scale="$scale" \
  jdbc="jdbc:mysql://127.0.0.1:3306/$database" "${extra[@]}" "$@" | tee "bench/target/country-$scale.txt"
uptime
