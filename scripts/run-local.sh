#!/usr/bin/env bash
# Runs the whole system on this machine without Docker: a real single-node Kafka broker from the Kafka jars, the
# auction house, the log and report services, and the orchestrator, which starts the AI franchises as local
# processes (its process runtime) and keeps them alive. Every log, combined.log included, goes under ./data-local/logs;
# the reports under ./data-local/reports. Ctrl-C stops everything (the orchestrator stops its agents first).
#
#   scripts/run-local.sh [AUCTION_CODE]
#
# With a code, that auction is created (IPL 2025 catalogue unless AUCTION_CATALOGUE names ipl2026, quick or a catalogue
# file's absolute path) if it does not exist; its
# host token (and, with HUMAN_FRANCHISE=RCB, the invitation to RCB's seat, which the agents leave to you) is kept in
# an owner-only file under SECRETS_DIR (./data-local/secrets): scripts/host-token.sh CODE prints it. The agents' seat
# secret and the operator token are made there too at first start, never logged; AGENTS=0 starts no agents. Nine seats share one
# agent process (one Chromium) unless SEATS_PER_PROCESS says otherwise. The agents use the Ollama at OLLAMA_BASE_URL
# (http://localhost:11434) if it answers, else they decide by rules and say so. Other settings come from the
# environment (see the README's configuration tables).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib/jdk.sh"
java="$JAVA_HOME/bin/java"

code="${1:-${AUCTION_CODE:-}}"
data="${DATA_DIR:-$root/data-local}"
kafka_port="${KAFKA_PORT:-9092}"
auction_port="${PORT:-8080}" orchestrator_port="${ORCHESTRATOR_PORT:-8082}"
log_port="${LOG_SERVICE_PORT:-8083}" report_port="${REPORT_SERVICE_PORT:-8084}"
logs="$data/logs"
mkdir -p "$logs"
export KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$kafka_port"
# Every service (and every agent process the orchestrator starts) reads its secrets here; none has a default.
export SECRETS_DIR="${SECRETS_DIR:-$data/secrets}"
mkdir -p "$SECRETS_DIR" && chmod 700 "$SECRETS_DIR"

pids=()
stop() {
    trap - EXIT INT TERM
    echo "stopping ..."
    # Newest first: the orchestrator stops its agents before Kafka and the auction house go.
    for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
        kill -TERM "${pids[i]}" 2>/dev/null || true
        wait "${pids[i]}" 2>/dev/null || true
    done
}
trap stop EXIT INT TERM

jar() { ls "$root"/"$1"/target/"$1"-*"${2:-}".jar 2>/dev/null | head -1; }
modules=(local-kafka auction-service agent-service orchestrator-service log-service report-service)
for m in "${modules[@]}"; do
    if [ -z "$(jar "$m" "$([ "$m" = local-kafka ] || echo -exec)")" ]; then
        echo "building ..."
        (cd "$root" && ./mvnw -q -B -pl "$(IFS=,; echo "${modules[*]}")" -am package -DskipTests \
            -Dspotless.check.skip=true)
        break
    fi
done

await_health() { # name port log
    for _ in $(seq 1 180); do
        curl -fs "http://127.0.0.1:$2/actuator/health" > /dev/null 2>&1 && return 0
        sleep 0.5
    done
    tail -30 "$3"; echo "$1 did not start" >&2; exit 1
}

"$java" -jar "$(jar local-kafka)" --port "$kafka_port" --controller-port $((kafka_port + 1)) \
    --data-dir "$data/kafka" > "$logs/kafka.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do grep -qs "Kafka ready" "$logs/kafka.log" && break; sleep 0.5; done
grep -q "Kafka ready" "$logs/kafka.log" || { tail -20 "$logs/kafka.log"; echo "Kafka did not start" >&2; exit 1; }
echo "Kafka          127.0.0.1:$kafka_port"

PORT="$auction_port" AUCTION_CODE="$code" \
    "$java" -jar "$(jar auction-service -exec)" > "$logs/auction-service.log" 2>&1 &
pids+=($!)
PORT="$log_port" LOGS_DIR="$logs" \
    "$java" -jar "$(jar log-service -exec)" > "$logs/log-service.log" 2>&1 &
pids+=($!)
PORT="$report_port" REPORTS_DIR="$data/reports" REPORTS_STATE_DIR="$data/report-service/state" \
    "$java" -jar "$(jar report-service -exec)" > "$logs/report-service.log" 2>&1 &
pids+=($!)
await_health auction-service "$auction_port" "$logs/auction-service.log"
await_health log-service "$log_port" "$logs/log-service.log"
await_health report-service "$report_port" "$logs/report-service.log"
echo "Auction house  http://localhost:$auction_port   (REST API: /swagger-ui.html)"
echo "Logs           http://localhost:$log_port/api/logs   (combined.log: $logs/combined.log)"
echo "Reports        http://localhost:$report_port/   (files: $data/reports)"

if [ -n "$code" ]; then
    echo "Auction $code   http://localhost:$auction_port/auctions/$code"
    echo "Host token     SECRETS_DIR=$SECRETS_DIR scripts/host-token.sh $code"
    echo "Operator token SECRETS_DIR=$SECRETS_DIR scripts/operator-token.sh   (logs, orchestrator API, replays)"
    if [ "${AGENTS:-1}" != "0" ]; then
        llm=true
        if ! curl -fs "${OLLAMA_BASE_URL:-http://localhost:11434}/api/tags" > /dev/null 2>&1; then
            llm=false
            echo "No Ollama at ${OLLAMA_BASE_URL:-http://localhost:11434}: the agents decide by their rules alone."
        fi
        chromium="${CHROMIUM_PATH:-}"
        [ -z "$chromium" ] && [ -x /usr/lib/chromium/chromium ] && chromium=/usr/lib/chromium/chromium
        PORT="$orchestrator_port" AUCTION_CODE="$code" ORCHESTRATOR_RUNTIME=process \
            AGENT_SKIP_TEAMS="${HUMAN_FRANCHISE:-${AGENT_SKIP_TEAMS:-}}" \
            "$java" -jar "$(jar orchestrator-service -exec)" \
            --orchestrator.process.agent-jar="$(jar agent-service -exec)" \
            --orchestrator.process.seats-per-process="${SEATS_PER_PROCESS:-9}" \
            --orchestrator.process.log-dir="$logs/agents" \
            --orchestrator.process.env.AUCTION_URL="http://127.0.0.1:$auction_port" \
            --orchestrator.process.env.CHROMIUM_PATH="$chromium" \
            --orchestrator.process.env.LLM_ENABLED="${LLM_ENABLED:-$llm}" \
            > "$logs/orchestrator-service.log" 2>&1 &
        pids+=($!)
        await_health orchestrator-service "$orchestrator_port" "$logs/orchestrator-service.log"
        echo "Orchestrator   http://localhost:$orchestrator_port/   (agents' logs: $logs/agents)"
    fi
fi
echo "Service logs in $logs. Ctrl-C stops everything."
wait -n "${pids[@]}" || true
