#!/usr/bin/env bash
# Measures report-service: the time from an auction's AuctionCompleted reaching Kafka to its report on disk, and how
# many events per second a replay processes (reading the six topics, building the timeline and the report), over HTTP
# and from the command line. Starts its own single-node Kafka (from the Kafka jars) and report-service on spare ports,
# publishes synthetic auctions, prints the numbers, and stops both. A benchmark, not a test: run it on a quiet machine.
#
#   scripts/bench-replay.sh [--events 20000] [--auctions 5]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib/jdk.sh"
java="$JAVA_HOME/bin/java"

events=20000 auctions=5
while [ $# -gt 0 ]; do
    case "$1" in
        --events) events="$2"; shift 2 ;;
        --auctions) auctions="$2"; shift 2 ;;
        *) echo "unknown option $1 (use --events N, --auctions N)" >&2; exit 2 ;;
    esac
done

kafka_port=${BENCH_KAFKA_PORT:-29192} controller_port=$((kafka_port + 1)) http_port=${BENCH_HTTP_PORT:-28084}
work=$(mktemp -d /tmp/bench-replay.XXXXXX)
source "$root/scripts/lib/bench-services.sh"
trap 'cleanup; rm -rf "$work"' EXIT INT TERM

echo "building ..."
(cd "$root" && ./mvnw -q -B -pl local-kafka,report-service,benchmarks -am package -DskipTests -Dspotless.check.skip=true)

start_kafka

jar=$(ls "$root"/report-service/target/report-service-*-exec.jar)
KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$kafka_port PORT=$http_port REPORTS_DIR="$work/reports" \
    REPORTS_STATE_DIR="$work/state" "$java" -Xmx1g -jar "$jar" > "$work/report-service.log" 2>&1 &
service_pid=$!
pids+=($service_pid)
await_health "$http_port" "$work/report-service.log"

cp="$root/benchmarks/target/classes:$root/benchmarks/target/lib/*"
echo
echo "== report-service: $auctions auctions of about $events events ($(nproc) cores) =="
"$java" -cp "$cp" dev.iplauction.bench.ReplayBench --kafka "127.0.0.1:$kafka_port" \
    --url "http://127.0.0.1:$http_port" --reports-dir "$work/reports" --events "$events" --auctions "$auctions" \
    | tee "$work/bench.out"
echo "the service's own timer (AuctionCompleted record timestamp -> report on disk):"
curl -fs -H "Authorization: Bearer $OPERATOR_TOKEN" "http://127.0.0.1:$http_port/actuator/metrics/reports.completed.to.disk" | tr -d '\n' | cut -c1-400; echo
echo "report-service RSS after the run: $(( $(awk '/VmRSS/ {print $2}' /proc/$service_pid/status) / 1024 )) MiB"

code=$(awk '/^replay / {print $2; exit}' "$work/bench.out" | tr -d ':')
echo
echo "== replay from the command line (a fresh JVM; the time it prints excludes JVM start) =="
start=$(date +%s%N)
"$java" -jar "$jar" --replay="$code" --bootstrap-servers="127.0.0.1:$kafka_port" --reports-dir="$work/cli"
echo "whole command, JVM start included: $(( ($(date +%s%N) - start) / 1000000 )) ms"
