#!/usr/bin/env bash
# What YARDSTICK_H2_SYNC_COMMITS costs end to end: a fresh server on the embedded H2, plain and synced alternating,
# each measured by LoadGen at the 1,000-developer load (latency) and at full load (throughput).
#
#   bench/h2-sync.sh           ROUNDS=2 LATDUR=30 DUR=15 PORT=18181
#
# Needs: the jar (./mvnw -B -DskipTests package) and the test classpath (./mvnw -q test-compile). Only loopback
# traffic; every process started here is stopped here.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-2}; LATDUR=${LATDUR:-30}; DUR=${DUR:-15}; PORT=${PORT:-18181}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}; JAVA="$JAVA_HOME/bin/java"
OUT=bench/out/$(date +%Y%m%d-%H%M%S)-h2-sync; mkdir -p "$OUT"
ADMIN=bench-admin-token-0123456789abcdef
CP="target/test-classes:target/classes:$(./mvnw -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)"
S=""
trap '[ -n "$S" ] && kill "$S" 2>/dev/null || true' EXIT

echo "== $(date -u +%FT%TZ) rounds=$ROUNDS on $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT/results.txt"
for r in $(seq 1 "$ROUNDS"); do
  for sync in false true; do
    rm -rf "$OUT/data"
    YARDSTICK_H2_SYNC_COMMITS=$sync YARDSTICK_BOOTSTRAP_API_TOKEN=$ADMIN YARDSTICK_DATA_DIR="$OUT/data" YARDSTICK_HTTP_PORT=$PORT \
      YARDSTICK_OTLP_GRPC_PORT=0 taskset -c 0 "$JAVA" -Xmx256m -jar target/yardstick.jar serve > "$OUT/server-$r-$sync.log" 2>&1 &
    S=$!
    until curl -sf -m 2 "http://127.0.0.1:$PORT/readyz" >/dev/null; do sleep 0.3; done
    TOKEN=$(curl -sf -X POST "http://127.0.0.1:$PORT/api/v1/ingest-tokens" -H "Authorization: Bearer $ADMIN" \
      -H 'Content-Type: application/json' -d '{"name":"bench"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
    lg() { taskset -c 1 "$JAVA" -cp "$CP" dev.yardstick.bench.LoadGen --url "http://127.0.0.1:$PORT" --token "$TOKEN" \
      --admin-token $ADMIN --developers 1000 "$@"; }
    lg --encoding json --signal metrics --connections 64 --duration 10 > /dev/null # the JIT's warm-up
    echo "-- round $r, YARDSTICK_H2_SYNC_COMMITS=$sync" | tee -a "$OUT/results.txt"
    lg --encoding json --signal mixed --rate 220 --connections 64 --duration "$LATDUR" | tee -a "$OUT/results.txt"
    lg --encoding json --signal metrics --connections 64 --duration "$DUR" | tee -a "$OUT/results.txt"
    curl -s "http://127.0.0.1:$PORT/metrics" | grep -E '^yardstick_ingest_commit_exports_(sum|count)' | tee -a "$OUT/results.txt"
    kill "$S"; wait "$S" 2>/dev/null || true; S=""
  done
done
echo "results in $OUT/results.txt"
