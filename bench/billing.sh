#!/usr/bin/env bash
# Billing command rates: starts the service jar with a fresh data directory on 127.0.0.1 (embedded mode, test
# clock on), drives it with bench/CommandRate.java, prints one line per figure with its ratio to the health
# endpoint of the same run, and stops the service.
#
#   bench/billing.sh [jar] [customers] [connections]     (default: app/target/planledger.jar 2000 16)
#
# Build the jar first: ./mvnw -q -DskipTests package
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${1:-app/target/planledger.jar}
CUSTOMERS=${2:-2000}
CONNECTIONS=${3:-16}
DATA=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
KEY=bench-admin-key-0123456789
PLANLEDGER_DATA_DIR="$DATA" SERVER_ADDRESS=127.0.0.1 SERVER_PORT="$PORT" \
  PLANLEDGER_API_KEYS="bench:$KEY:ADMIN" PLANLEDGER_TEST_CLOCK_ENABLED=true \
  java ${BENCH_JAVA_OPTS:--Xmx512m} -jar "$JAR" > "$DATA/service.log" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null && break
  kill -0 $SERVICE 2>/dev/null || { cat "$DATA/service.log"; exit 1; }
  sleep 1
done
echo "# $JAR, $CUSTOMERS customers, $CONNECTIONS connections, $(nproc) cores"
java bench/CommandRate.java "http://127.0.0.1:$PORT" "$KEY" "$CUSTOMERS" "$CONNECTIONS"
