#!/usr/bin/env bash
# Measures the log pipeline: how fast log-service writes agent.logs into combined.log, against how fast a bare
# KafkaConsumer reads the same topic. Starts its own single-node Kafka (from the Kafka jars), fills agent.logs with
# N records, times the bare consumer, then starts log-service on an empty directory and times its writes from its
# own counters. Prints the numbers and stops both. A benchmark, not a test: run it by hand on a quiet machine.
#
#   scripts/bench-logs.sh [--records 1000000] [--partitions 3]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib/jdk.sh"
java="$JAVA_HOME/bin/java"

records=1000000 partitions=3
while [ $# -gt 0 ]; do
    case "$1" in
        --records) records="$2"; shift 2 ;;
        --partitions) partitions="$2"; shift 2 ;;
        *) echo "unknown option $1 (use --records N, --partitions N)" >&2; exit 2 ;;
    esac
done

# Ports nobody is using now (other benchmarks or services may run on this machine).
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
kafka_port=$(free_port) controller_port=$(free_port) http_port=$(free_port)
work=$(mktemp -d /tmp/bench-logs.XXXXXX)
source "$root/scripts/lib/bench-services.sh"
trap 'cleanup; rm -rf "$work"' EXIT INT TERM

if [ -z "${SKIP_BUILD:-}" ]; then
    echo "building ..."
    (cd "$root" && ./mvnw -q -B -pl local-kafka,log-service,benchmarks -am package -DskipTests -Dspotless.check.skip=true)
fi

start_kafka

cp="$root/benchmarks/target/classes:$root/benchmarks/target/lib/*"
bench() { "$java" -cp "$cp" dev.iplauction.bench.LogThroughput "$@" --bootstrap 127.0.0.1:$kafka_port; }

echo
echo "== agent.logs: $records records, $partitions partitions ($(nproc) cores) =="
bench produce --records "$records" --partitions "$partitions"
bench read --records "$records"
bench read --records "$records"

LOGS_DIR="$work/logs" KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$kafka_port PORT=$http_port \
    "$java" -Xmx1g ${LOG_SERVICE_JAVA_OPTS:-} -jar "$root"/log-service/target/log-service-*-exec.jar > "$work/log-service.log" 2>&1 &
service_pid=$!
pids+=($service_pid)
bench watch --records "$records" --url "http://127.0.0.1:$http_port"
echo "combined.log and rotated files: $(ls "$work/logs" | grep -c '\.log$') files, $(du -sh "$work/logs" | cut -f1)"
echo "log-service RSS after the run: $(( $(awk '/VmRSS/ {print $2}' /proc/$service_pid/status) / 1024 )) MiB"
