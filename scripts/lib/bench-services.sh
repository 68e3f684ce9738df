# Sourced by the benchmark scripts: starts a single-node Kafka (from the Kafka jars) and the auction house on spare
# ports under $work, and stops them (and anything else added to pids) on exit. Needs $root, $java and $work; a script
# may set kafka_port, controller_port and http_port before sourcing this. Extra JVM options for the auction house (say
# -XX:StartFlightRecording=filename=/tmp/house.jfr to profile it) go in AUCTION_JAVA_OPTS.
kafka_port=${kafka_port:-${KAFKA_PORT:-19092}}
controller_port=${controller_port:-${KAFKA_CONTROLLER_PORT:-$((kafka_port + 1))}}
http_port=${http_port:-${AUCTION_PORT:-18080}}
# The operator token the services started here (and the benchmarks' requests) use: log-service, replays, orchestrator.
export OPERATOR_TOKEN="${OPERATOR_TOKEN:-bench-operator-token-$RANDOM$RANDOM$RANDOM}"
export SECRETS_DIR="${SECRETS_DIR:-$work/secrets}"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work/kafka"
}
trap cleanup EXIT INT TERM

start_kafka() {
    "$java" -jar "$root"/local-kafka/target/local-kafka-*.jar --port "$kafka_port" \
        --controller-port "$controller_port" --data-dir "$work/kafka" > "$work/kafka.log" 2>&1 &
    kafka_pid=$!
    pids+=($kafka_pid)
    # Up to two minutes: on a busy 2-core machine the broker takes more than the usual few seconds.
    for _ in $(seq 1 240); do grep -qs "Kafka ready" "$work/kafka.log" && break; sleep 0.5; done
    grep -q "Kafka ready" "$work/kafka.log" || { cat "$work/kafka.log"; echo "Kafka did not start" >&2; exit 1; }
}

# await_health PORT LOG: waits up to a minute for a service's Actuator health, showing its log if it never comes.
await_health() {
    for _ in $(seq 1 120); do
        curl -fs "http://127.0.0.1:$1/actuator/health" > /dev/null 2>&1 && return 0
        sleep 0.5
    done
    curl -fs "http://127.0.0.1:$1/actuator/health" > /dev/null || { tail -50 "$2"; exit 1; }
}

# The house runs with its image's collector (Dockerfile: -XX:+UseSerialGC): on 2 cores G1's barriers and background
# threads cost it 0.01 ms of CPU per bid (bench-bids: 0.12 ms with G1, 0.11 with Serial, the same machine and hour).
start_auction_service() {
    KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$kafka_port PORT=$http_port \
        "$java" -XX:+UseSerialGC -Xmx1g ${AUCTION_JAVA_OPTS:-} -jar "$root"/auction-service/target/auction-service-*-exec.jar > "$work/auction.log" 2>&1 &
    service_pid=$!
    pids+=($service_pid)
    await_health "$http_port" "$work/auction.log"
}
