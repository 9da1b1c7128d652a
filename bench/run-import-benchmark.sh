#!/usr/bin/env bash
# Import benchmark: writes a Shopify inventory CSV of ROWS rows (default 1,000,000) and
# imports it with the jar's import command into a fresh embedded PostgreSQL (demo locations
# only), with a 256 MB heap. The command prints rows/s and the heap peak; the GC log
# (bench/target/gc.log) shows the heap before and after each collection.
# Usage: bench/run-import-benchmark.sh [ROWS]   (after ./mvnw -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."

rows="${1:-1000000}"
work=bench/target
mkdir -p "$work"
rm -rf "$work/db"
jar=$(ls target/stockline-*.jar | grep -v original | head -1)

java bench/GenerateShopifyCsv.java "$work/inventory.csv" "$rows"
java -Xmx256m -Xlog:gc:file="$work/gc.log" -jar "$jar" \
    import "$work/inventory.csv" --format shopify-csv \
    --stockline.embedded-postgres.data-dir="$work/db" > "$work/summary.json"

echo "heap after GC, max: $(grep -o '[0-9]*M->[0-9]*M' "$work/gc.log" \
    | sed 's/.*->//; s/M//' | sort -n | tail -1) MB;" \
    "heap before GC, max: $(grep -o '[0-9]*M->' "$work/gc.log" \
    | sed 's/M->//' | sort -n | tail -1) MB" >&2
