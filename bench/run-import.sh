#!/usr/bin/env bash
# Bulk people import benchmark (issue 4): 50,000 rows with 1% bad rows, CSV and XLSX, against a
# raw JDBC batch insert of the same rows, on MariaDB. Usage: bench/run-import.sh [rows] [jdbc-url]
# Needs MariaDB on 127.0.0.1:3306 reachable as root without a password (as on the CI machines).
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-50000}
database=hocso_bench_import
jdbc=${2:-jdbc:mysql://127.0.0.1:3306/$database}
mkdir -p bench/target
classpath_file=$(pwd)/bench/target/import-classpath.txt

# lms-web's classes and its test class path (JPA provider, H2/MariaDB drivers), without install.
mvn -B -q -Dspotless.check.skip=true -DskipTests -pl lms-web -am test-compile \
  dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
mariadb --protocol=tcp -h 127.0.0.1 -u root -e \
  "drop database if exists $database; create database $database character set utf8mb4 collate utf8mb4_unicode_ci"

classpath=lms-web/target/classes:course-content/target/classes:$(cat "$classpath_file")
java -Xmx512m -XX:+ExitOnOutOfMemoryError -cp "$classpath" \
  bench/people-import/PeopleImportBenchmark.java rows="$rows" jdbc="$jdbc" out=bench/target/import
