#!/usr/bin/env bash
# Ingest benchmark: Yardstick (durable, pinned to core 0) against the OpenTelemetry Collector that
# discards and the Collector forwarding to VictoriaMetrics, same payloads, same load generator, in one
# run; then Yardstick's own load generator for protobuf, events, latency at a fixed rate, and a burst.
#
#   bench/ingest.sh            DB=h2|pg ROUNDS=5 DUR=15 CONN=64 WARM=90 PEERS=/opt/peers KIT=../shared/bench/peers
#                              LATDUR=120 s at the 1,000-developer load; LG=0 skips Yardstick's own load generator (the peer comparison only)
#
# Every measured run is checked for answers other than 2xx (wrk counts a 429 or 503 as a request): such a run is
# FLAGGED in the results, and the script exits 1 at the end if any run had one.
# Needs: the jar (./mvnw -B -DskipTests package), the test classpath (./mvnw -q test-compile), wrk and the peers
# installed by $KIT/install-peers.sh (PREFIX=$PEERS). Only loopback traffic; every process started here is stopped here.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${DB:-h2}; ROUNDS=${ROUNDS:-5}; DUR=${DUR:-15}; CONN=${CONN:-64}; WARM=${WARM:-90}
PEERS=${PEERS:-/opt/peers}; KIT=$(cd "${KIT:-../shared/bench/peers}" && pwd)
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}; JAVA="$JAVA_HOME/bin/java"
OUT=bench/out/$(date +%Y%m%d-%H%M%S)-$DB; mkdir -p "$OUT"
PORT=18080; DPORT=18082; ADMIN=bench-admin-token-0123456789abcdef; USERS=1000
PAYLOAD=$PEERS/payloads/metrics-delta.json   # the Collector kit's Claude-Code-shaped export (8.7 KB, 13 points)
CP="target/test-classes:target/classes:$(./mvnw -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)"
PIDS=()
REFUSED=0   # answers other than 2xx over every measured run: a 429 or 503 is counted by wrk as a request
# flag <result line>: run1.sh prints non2xx=N, LoadGen statuses={200=..., 429=...}; a run that had any is flagged
flag() {
  local n
  n=$(sed -nE 's/.* non2xx=([0-9]+).*/\1/p' <<< "$1")
  [ -z "$n" ] && n=$(grep -oE 'statuses=\{[^}]*\}' <<< "$1" | sed -E 's/statuses=\{(.*)\}/\1/' | tr ',' '\n' \
    | awk -F= '{gsub(/ /, "", $1)} NF == 2 && $1 !~ /^2[0-9][0-9]$/ {s += $2} END {print s + 0}')
  if [ "${n:-0}" -gt 0 ]; then
    echo "  FLAGGED: $n answers above were not 2xx (refused or failed): that run's requests/s counts requests that stored nothing" | tee -a "$OUT/results.txt"
    REFUSED=$((REFUSED + n))
  fi
}
# measure <run1.sh arguments...>: one measured run, printed, kept and flagged
measure() { local line; line=$(DUR=$DUR CONN=$CONN bash "$KIT/run1.sh" "$@"); echo "$line" | tee -a "$OUT/results.txt"; flag "$line"; }
cleanup() { for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

start_yardstick() {
  local dbenv=()
  if [ "$DB" = pg ]; then
    su postgres -c "psql -q -c 'DROP DATABASE IF EXISTS ysbench' -c 'CREATE DATABASE ysbench'" >/dev/null
    dbenv=(YARDSTICK_DB_URL=jdbc:postgresql://127.0.0.1:5432/ysbench YARDSTICK_DB_USER=postgres)
  fi
  rm -rf "$OUT/data"
  env "${dbenv[@]}" YARDSTICK_BOOTSTRAP_API_TOKEN=$ADMIN YARDSTICK_DATA_DIR="$OUT/data" YARDSTICK_HTTP_PORT=$PORT \
    YARDSTICK_OTLP_GRPC_PORT=0 taskset -c 0 "$JAVA" -Xmx256m -Xlog:gc:file="$OUT/gc.log" -jar target/yardstick.jar serve > "$OUT/yardstick.log" 2>&1 &
  YS=$!; PIDS+=("$YS")
  until curl -sf -m 2 "http://127.0.0.1:$PORT/readyz" >/dev/null; do sleep 0.2; done
  TOKEN=$(curl -sf -X POST "http://127.0.0.1:$PORT/api/v1/ingest-tokens" -H "Authorization: Bearer $ADMIN" \
    -H 'Content-Type: application/json' -d '{"name":"bench"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
}

start_discarding() { # the same server with a writer that keeps nothing: the cost of receiving alone
  rm -rf "$OUT/data-discard"
  YARDSTICK_BOOTSTRAP_API_TOKEN=$ADMIN YARDSTICK_DATA_DIR="$OUT/data-discard" YARDSTICK_HTTP_PORT=$DPORT \
    YARDSTICK_OTLP_GRPC_PORT=0 taskset -c 0 "$JAVA" -Xmx256m -cp "$CP" dev.yardstick.bench.DiscardingServer > "$OUT/discard.log" 2>&1 &
  YD=$!; PIDS+=("$YD")
  until curl -sf -m 2 "http://127.0.0.1:$DPORT/readyz" >/dev/null; do sleep 0.2; done
  DTOKEN=$(curl -sf -X POST "http://127.0.0.1:$DPORT/api/v1/ingest-tokens" -H "Authorization: Bearer $ADMIN" \
    -H 'Content-Type: application/json' -d '{"name":"bench"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
}

peer() { # peer <label> <config> : one measured run of the Collector with a config
  taskset -c 0 "$PEERS/otelcol-min/otelcol-min" --config="file:$KIT/configs/$2" > "$OUT/otelcol.log" 2>&1 &
  local p=$!; PIDS+=("$p"); sleep 1.5
  measure "$1" $p http://127.0.0.1:4318/v1/metrics "$PAYLOAD" application/json $USERS
  kill $p; wait $p 2>/dev/null || true
}

heap_mb() { curl -s "http://127.0.0.1:$PORT/metrics" | awk '$1 ~ /^jvm_memory_used_bytes/ && /area="heap"/ {s+=$NF} END{printf "%.0f", s/1048576}'; }
rss_mb() { awk '/VmRSS/{printf "%.0f", $2/1024}' /proc/$YS/status; }

echo "== $(date -u +%FT%TZ) DB=$DB rounds=$ROUNDS dur=${DUR}s conn=$CONN on $(nproc) cores: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2)" | tee "$OUT/results.txt"
start_yardstick
echo "warming Yardstick's JIT for ${WARM}s" | tee -a "$OUT/results.txt"
DUR=$WARM CONN=$CONN bash "$KIT/run1.sh" "warm-up" $YS "http://127.0.0.1:$PORT/otel/v1/metrics" "$PAYLOAD" application/json $USERS "-" "$TOKEN" > /dev/null
start_discarding
DUR=$WARM CONN=$CONN bash "$KIT/run1.sh" "warm-up" $YD "http://127.0.0.1:$DPORT/otel/v1/metrics" "$PAYLOAD" application/json $USERS "-" "$DTOKEN" > /dev/null
"$PEERS"/x/victoria-metrics_*/usr/bin/victoria-metrics -storageDataPath="$OUT/vm" -httpListenAddr=127.0.0.1:8428 > "$OUT/vm.log" 2>&1 &
VM=$!; PIDS+=("$VM"); sleep 1
for r in $(seq 1 "$ROUNDS"); do
  measure "yardstick-$DB json durable" $YS "http://127.0.0.1:$PORT/otel/v1/metrics" "$PAYLOAD" application/json $USERS "-" "$TOKEN"
  echo "  heap ${DB} after round: $(heap_mb) MB used, RSS $(rss_mb) MB" | tee -a "$OUT/results.txt"
  measure "yardstick json receive+discard" $YD "http://127.0.0.1:$DPORT/otel/v1/metrics" "$PAYLOAD" application/json $USERS "-" "$DTOKEN"
  peer "otelcol json discard" nop.yaml
  peer "otelcol json -> victoriametrics" to-vm.yaml
done
# the peers stop before the load generator: VictoriaMetrics merges its parts in the background, on any core
kill $YD $VM; wait $YD $VM 2>/dev/null || true
if [ "${LG:-1}" = 1 ]; then
lg() {
  local out; out=$(taskset -c 1 "$JAVA" -cp "$CP" dev.yardstick.bench.LoadGen --url "http://127.0.0.1:$PORT" --token "$TOKEN" --admin-token $ADMIN --developers $USERS "$@")
  echo "$out" | tee -a "$OUT/results.txt"
  case "$*" in *--burst*) ;; *) flag "$(grep 'statuses=' <<< "$out")" ;; esac   # a burst retries its 429s by design: its statuses are reported, not flagged
}
echo "-- Yardstick's load generator (new data every export; verify = totals in the report equal acknowledged exports)" | tee -a "$OUT/results.txt"
# 1,000 developers exporting metrics every 60 s and events every 5 s while active: about 220 exports/s (the p99 target)
lg --encoding json --signal mixed --rate 220 --connections 64 --duration "${LATDUR:-120}"
lg --encoding json --signal metrics --connections "$CONN" --duration "$DUR"
lg --encoding protobuf --signal metrics --connections "$CONN" --duration "$DUR"
lg --encoding json --signal logs --connections "$CONN" --duration "$DUR"
lg --encoding protobuf --signal logs --connections "$CONN" --duration "$DUR"
# and at 5x that load
lg --encoding json --signal mixed --rate 1100 --connections 64 --duration "$DUR"
lg --encoding json --signal metrics --burst 2000
echo "  heap after load generator: $(heap_mb) MB used, RSS $(rss_mb) MB" | tee -a "$OUT/results.txt"
fi
awk '/Pause/{for(i=1;i<=NF;i++) if ($i ~ /->/) {split($i,b,"->"); before=b[1]+0; after=b[2]+0; if (before>mx) mx=before; if (/Pause Full/ && after>live) live=after}} END{printf "  heap (-Xmx256m): at most %d MB in use before a collection, at most %d MB live after a full one\n", mx, live}' "$OUT/gc.log" | tee -a "$OUT/results.txt"
echo "-- in-process decode+map, one thread, no HTTP, no storage" | tee -a "$OUT/results.txt"
kill $YS; wait $YS 2>/dev/null || true
taskset -c 0 "$JAVA" -cp "$CP" dev.yardstick.bench.DecodeBench 5 | tee -a "$OUT/results.txt"
echo "results in $OUT/results.txt"
if [ "$REFUSED" -gt 0 ]; then
  echo "FAILED: $REFUSED answers were not 2xx over the measured runs (see FLAGGED above): figures of those runs are not durable ingest" | tee -a "$OUT/results.txt"
  exit 1
fi
