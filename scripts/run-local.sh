#!/usr/bin/env bash
# Runs the system on this machine without Docker: a real single-node Kafka broker from the Kafka jars and the
# services as local processes, with their logs under ./data-local/logs. Ctrl-C stops everything.
#
#   scripts/run-local.sh [AUCTION_CODE]
#
# With a code, that auction is created (IPL 2025 catalogue unless AUCTION_CATALOGUE=quick) if it does not exist,
# its host token is printed, and one agent-service instance plays the franchises (AGENT_SKIP_TEAMS=RCB leaves RCB
# to you; AGENTS=0 starts no agents). Settings come from the environment (see the README's configuration tables).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib/jdk.sh"
java="$JAVA_HOME/bin/java"

code="${1:-${AUCTION_CODE:-}}"
data="${DATA_DIR:-$root/data-local}"
kafka_port="${KAFKA_PORT:-9092}"
http_port="${PORT:-8080}"
mkdir -p "$data/logs"

pids=()
stop() {
    trap - EXIT INT TERM
    echo "stopping ..."
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
}
trap stop EXIT INT TERM

if ! ls "$root"/local-kafka/target/local-kafka-*.jar "$root"/auction-service/target/auction-service-*-exec.jar \
        "$root"/agent-service/target/agent-service-*-exec.jar > /dev/null 2>&1; then
    echo "building ..."
    (cd "$root" && ./mvnw -q -B -pl local-kafka,auction-service,agent-service -am package -DskipTests \
        -Dspotless.check.skip=true)
fi

"$java" -jar "$root"/local-kafka/target/local-kafka-*.jar --port "$kafka_port" --controller-port $((kafka_port + 1)) \
    --data-dir "$data/kafka" > "$data/logs/kafka.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do grep -q "Kafka ready" "$data/logs/kafka.log" && break; sleep 0.5; done
grep -q "Kafka ready" "$data/logs/kafka.log" || { tail -20 "$data/logs/kafka.log"; echo "Kafka did not start" >&2; exit 1; }
echo "Kafka         127.0.0.1:$kafka_port   (log: $data/logs/kafka.log)"

KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$kafka_port" PORT="$http_port" AUCTION_CODE="$code" \
    "$java" -jar "$root"/auction-service/target/auction-service-*-exec.jar > "$data/logs/auction-service.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$http_port/actuator/health" > /dev/null 2>&1 && break
    sleep 0.5
done
curl -fs "http://127.0.0.1:$http_port/actuator/health" > /dev/null || {
    tail -30 "$data/logs/auction-service.log"; echo "auction-service did not start" >&2; exit 1; }
echo "Auction house http://localhost:$http_port   (log: $data/logs/auction-service.log)"
echo "REST API      http://localhost:$http_port/swagger-ui.html"
if [ -n "$code" ]; then
    echo "Auction $code: http://localhost:$http_port/auctions/$code"
    grep -o "auction $code created from configuration; host token: .*" "$data/logs/auction-service.log" || true
fi
if [ -n "$code" ] && [ "${AGENTS:-1}" != "0" ]; then
    chromium="${CHROMIUM_PATH:-}"
    [ -z "$chromium" ] && [ -x /usr/lib/chromium/chromium ] && chromium=/usr/lib/chromium/chromium
    KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$kafka_port" AUCTION_URL="http://127.0.0.1:$http_port" AUCTION_CODE="$code" \
        PORT="${AGENT_PORT:-8081}" CHROMIUM_PATH="$chromium" \
        "$java" -jar "$root"/agent-service/target/agent-service-*-exec.jar > "$data/logs/agent-service.log" 2>&1 &
    pids+=($!)
    echo "AI franchises one agent-service instance (log: $data/logs/agent-service.log; skipping: ${AGENT_SKIP_TEAMS:-none})"
fi
echo "Ctrl-C stops everything."
wait -n "${pids[@]}" || true
