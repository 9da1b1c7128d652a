#!/usr/bin/env bash
# Availability read benchmark: warm-cache throughput and latency next to a constant endpoint,
# then the near-cache hit ratio under a Zipf workload. Needs wrk (apt-get install -y wrk) and
# a built jar (./mvnw -q package -DskipTests). Not part of the test run.
#
#   bench/availability/run.sh            # 300 demo SKUs, cache large enough for all
#   SKUS=10000 CACHE=1000 bench/availability/run.sh   # hit ratio with a cache of 10 % of SKUs
set -euo pipefail
cd "$(dirname "$0")/../.."

PORT=${PORT:-18090}
SKUS=${SKUS:-300}
CACHE=${CACHE:-100000}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
BASE=http://localhost:$PORT
DATA=$(mktemp -d)

java -jar target/stockline-0.1.0-SNAPSHOT.jar --server.port="$PORT" \
  --stockline.embedded-postgres.data-dir="$DATA" --stockline.demo.skus="$SKUS" \
  --stockline.availability.cache-maximum-size="$CACHE" --logging.level.root=WARN \
  > "${LOG:-/tmp/stockline-bench.log}" 2>&1 &
APP=$!
trap 'kill $APP; wait $APP 2>/dev/null; rm -rf "$DATA"' EXIT
# Demo data commits in one transaction after start-up: wait until it is readable.
until curl -sf "$BASE/api/v1/availability/TEE-001-S" | grep -q '"version":[1-9]'; do
  sleep 1
done

hits() {
  curl -s "$BASE/actuator/prometheus" | awk -v r="$1" \
    '$1 ~ "^cache_gets_total" && $1 ~ "cache=\"availability\"" && $1 ~ "result=\"" r "\"" \
     {print $2}'
}

echo "== warm-up (10 s each: ping, one SKU, Zipf)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d10s "$BASE/api/v1/ping" > /dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d10s "$BASE/api/v1/availability/TEE-001-S" > /dev/null
SKUS=$SKUS wrk -t"$THREADS" -c"$CONNECTIONS" -d10s -s bench/availability/zipf.lua "$BASE" \
  > /dev/null

echo "== constant endpoint: GET /api/v1/ping"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$BASE/api/v1/ping"

echo "== one warm availability read: GET /api/v1/availability/TEE-001-S?channel=default"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency \
  "$BASE/api/v1/availability/TEE-001-S?channel=default"

HIT0=$(hits hit); MISS0=$(hits miss)
echo "== Zipf (s=${ZIPF_S:-1.0}) over $SKUS SKUs, cache of $CACHE entries"
SKUS=$SKUS wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency \
  -s bench/availability/zipf.lua "$BASE"
HIT1=$(hits hit); MISS1=$(hits miss)
awk -v h="$HIT1" -v h0="$HIT0" -v m="$MISS1" -v m0="$MISS0" 'BEGIN {
  printf "hit ratio during the Zipf run: %.4f (%d hits, %d misses)\n",
    (h - h0) / ((h - h0) + (m - m0)), h - h0, m - m0 }'
