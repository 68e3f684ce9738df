#!/usr/bin/env bash
# Measures the orchestrator: how long a hung agent (SIGSTOP) and a crashed one (SIGKILL) keep their seat silent,
# with the default settings and with short ones, and what the orchestrator costs (CPU, memory) while it watches nine
# seats. With --docker (a Docker engine answering and the local/jre:21 image built, see
# ../shared/tools/docker-offline) it also measures a crashed agent *container* restarted through the Docker API.
#
# Starts its own single-node Kafka (from the Kafka jars) on spare ports, runs orchestrator-service as a process
# (its exec jar) and, as agents, the stand-in agent from its tests (a real JVM per seat publishing real heartbeats
# with agent-service's environment contract, without a browser), prints the numbers, and stops everything.
# A benchmark, not a test: run it by hand on a quiet machine (the defaults part takes about five minutes).
#
#   scripts/bench-orchestrator.sh [--only short] [--docker] [--cpu-seconds 60]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib/jdk.sh"
java="$JAVA_HOME/bin/java"

only="" docker=false cpu_seconds=60
while [ $# -gt 0 ]; do
    case "$1" in
        --only) only="$2"; shift 2 ;;
        --docker) docker=true; shift ;;
        --cpu-seconds) cpu_seconds="$2"; shift 2 ;;
        *) echo "unknown option $1 (use --only default|short, --docker, --cpu-seconds N)" >&2; exit 2 ;;
    esac
done

kafka_port=19192 controller_port=19193 http_port=18082
work=$(mktemp -d /tmp/bench-orchestrator.XXXXXX)
export OPERATOR_TOKEN="${OPERATOR_TOKEN:-bench-operator-token-$RANDOM$RANDOM$RANDOM}" SECRETS_DIR="$work/secrets"
pids=()
containers=()
orchestrator_pid=""
cleanup() {
    [ -n "$orchestrator_pid" ] && kill "$orchestrator_pid" 2>/dev/null && wait "$orchestrator_pid" 2>/dev/null || true
    for c in "${containers[@]}"; do docker rm -f "$c" > /dev/null 2>&1 || true; done
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    if [ -n "${BENCH_KEEP:-}" ]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT INT TERM

echo "building ..."
(cd "$root" && ./mvnw -q -B -pl local-kafka,orchestrator-service -am package -DskipTests -Dspotless.check.skip=true)
(cd "$root" && ./mvnw -q -B -o -pl orchestrator-service dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$work/test-classpath.txt" > /dev/null)
module="$root/orchestrator-service"
standin_cp="$module/target/test-classes:$module/target/classes:$(cat "$work/test-classpath.txt")"
standin="$java,-Xmx64m,-XX:TieredStopAtLevel=1,-XX:+UseSerialGC,-cp,$standin_cp,dev.iplauction.orchestrator.standin.StandInAgent"
jar=$(ls "$module"/target/orchestrator-service-*-exec.jar)

"$java" -jar "$root"/local-kafka/target/local-kafka-*.jar --port $kafka_port --controller-port $controller_port \
    --data-dir "$work/kafka" > "$work/kafka.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do grep -q "Kafka ready" "$work/kafka.log" && break; sleep 0.5; done
grep -q "Kafka ready" "$work/kafka.log" || { cat "$work/kafka.log"; echo "Kafka did not start" >&2; exit 1; }

api="http://127.0.0.1:$http_port/api"
now() { date +%s.%N; }
epoch() { date -d "$1" +%s.%N; }   # ISO-8601 instant to seconds
seat() { curl -fs -H "Authorization: Bearer $OPERATOR_TOKEN" "$api/seats/$1"; }

# start_orchestrator LABEL ARGS... : runs the exec jar with these --orchestrator.* arguments and waits for nine seats
start_orchestrator() {
    local label=$1; shift
    KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$kafka_port PORT=$http_port AUCTION_CODE=BENCH1 \
        "$java" -Xmx256m -jar "$jar" --orchestrator.process.log-dir="$work/agents-$label" "$@" \
        > "$work/orchestrator-$label.log" 2>&1 &
    orchestrator_pid=$!
    started=$(date +%s)
    for _ in $(seq 1 240); do
        [ "$(curl -fs -H "Authorization: Bearer $OPERATOR_TOKEN" "$api/seats" 2>/dev/null | jq '[.seats[] | select(.status=="HEALTHY")] | length')" = "9" ] && return 0
        sleep 0.5
    done
    tail -40 "$work/orchestrator-$label.log"; echo "nine seats did not become healthy" >&2; exit 1
}

# settle: waits until the start-up grace (30 s) of the last launch is over, so what follows measures the timeout
# and the recovery, not the grace (the last agent is launched about 16 s after the first, stagger 2 s)
settle() {
    local left=$(( started + 50 - $(date +%s) ))
    [ "$left" -gt 0 ] && sleep "$left"
    return 0
}

stop_orchestrator() {
    kill "$orchestrator_pid"; wait "$orchestrator_pid" 2>/dev/null || true; orchestrator_pid=""
}

# wait_new_holder SEAT OLD_INSTANCE: prints the time of the new instance's first heartbeat (seq 1 at its interval)
wait_new_holder() {
    local s=$1 old=$2 interval=$3 json
    for _ in $(seq 1 1200); do
        json=$(seat "$s" || true)
        if [ -n "$json" ] && [ "$(jq -r .status <<< "$json")" = "HEALTHY" ] \
                && [ "$(jq -r .instanceId <<< "$json")" != "$old" ]; then
            # the first heartbeat of the new instance: the one observed, less the intervals since seq 1
            echo "$(epoch "$(jq -r .lastHeartbeat <<< "$json")") - ($(jq -r .seq <<< "$json") - 1) * $interval" | bc -l
            return 0
        fi
        sleep 0.2
    done
    echo "seat $s never heartbeated from a new instance" >&2; exit 1
}

hung() {   # hung SEAT INTERVAL: SIGSTOP the seat's process; last heartbeat to the new instance's first
    local s=$1 interval=$2 json pid old last back
    json=$(seat "$s"); pid=$(jq -r .pid <<< "$json"); old=$(jq -r .instanceId <<< "$json")
    kill -STOP "$pid"
    sleep 1  # a heartbeat already on its way is the last one
    last=$(epoch "$(seat "$s" | jq -r .lastHeartbeat)")
    back=$(wait_new_holder "$s" "$old" "$interval")
    printf '  hung agent (SIGSTOP %s): last heartbeat -> seat heartbeating again: %.1f s\n' "$s" "$(echo "$back - $last" | bc -l)"
}

crashed() {   # crashed SEAT INTERVAL: SIGKILL the seat's process; the kill to the new instance's first heartbeat
    local s=$1 interval=$2 json pid old t0 back
    json=$(seat "$s"); pid=$(jq -r .pid <<< "$json"); old=$(jq -r .instanceId <<< "$json")
    t0=$(now); kill -KILL "$pid"
    back=$(wait_new_holder "$s" "$old" "$interval")
    printf '  crashed agent (SIGKILL %s): kill -> seat heartbeating again: %.1f s\n' "$s" "$(echo "$back - $t0" | bc -l)"
}

usage() {   # CPU and memory of the orchestrator over N seconds
    local seconds=$1 tck t0 t1 rss
    tck=$(getconf CLK_TCK)
    t0=$(awk '{print $14 + $15}' "/proc/$orchestrator_pid/stat")
    sleep "$seconds"
    t1=$(awk '{print $14 + $15}' "/proc/$orchestrator_pid/stat")
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$orchestrator_pid/status")
    printf '  orchestrator watching 9 seats for %ss: CPU %.2f%% of one core, RSS %d MiB, heap limit 256 MiB\n' \
        "$seconds" "$(echo "($t1 - $t0) * 100 / $tck / $seconds" | bc -l)" $((rss / 1024))
}

process_args=(--orchestrator.runtime=process "--orchestrator.process.command=$standin")

if [ "$only" != "short" ]; then
    echo
    echo "== process runtime, default settings: heartbeats every 10 s, timeout 30 s, checks every 10 s, grace 30 s,"
    echo "   SIGTERM then 10 s then SIGKILL, stagger 2 s ($(nproc) cores) =="
    start_orchestrator default "${process_args[@]}"
    usage "$cpu_seconds"
    settle
    hung CSK 10
    crashed MI 10
    stop_orchestrator
fi

if [ "$only" != "default" ]; then
    echo
    echo "== process runtime, short settings: heartbeats every 1 s, timeout 3 s, checks every 500 ms, stop timeout 1 s"
    echo "   (start-up grace 30 s and stagger 2 s as by default: nine JVMs starting on two cores need them) =="
    start_orchestrator short "${process_args[@]}" --orchestrator.process.env.AGENT_HEARTBEAT_INTERVAL=1s \
        --orchestrator.heartbeat-timeout=3s --orchestrator.check-interval=500ms \
        --orchestrator.process.stop-timeout=1s
    settle
    hung CSK 1
    crashed MI 1
    stop_orchestrator
fi

docker_crash() {   # docker_crash LABEL INTERVAL ORCHESTRATOR-ARGS...: nine agent containers, one killed
    local label=$1 interval=$2; shift 2
    local c s json t0 back
    containers=()
    for s in CSK DC GT KKR LSG MI PBKS RCB RR; do
        c="bench-agent-$(tr 'A-Z' 'a-z' <<< "$s")"
        docker rm -f "$c" > /dev/null 2>&1 || true
        docker run -d --name "$c" --init --network host \
            --label dev.iplauction.project=ipl-auction-agents --label dev.iplauction.role=agent \
            -v "$root:$root:ro" -v "$HOME/.m2:$HOME/.m2:ro" \
            -e AUCTION_CODE=BENCH1 -e AGENT_TEAMS="$s" -e AGENT_INSTANCE_ID="$c" \
            -e KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$kafka_port -e AGENT_HEARTBEAT_INTERVAL="${interval}s" \
            local/jre:21 java -Xmx64m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$standin_cp" \
            dev.iplauction.orchestrator.standin.StandInAgent > /dev/null
        containers+=("$c")
    done
    start_orchestrator "docker-$label" --orchestrator.runtime=docker "$@"
    settle
    # A restarted container keeps its instance id (set in its environment): wait for its first heartbeat after the kill.
    t0=$(now); docker kill bench-agent-csk > /dev/null
    for _ in $(seq 1 1200); do
        json=$(seat CSK)
        if [ "$(jq -r .status <<< "$json")" = "HEALTHY" ] && [ "$(jq -r .seq <<< "$json")" -le 3 ] \
                && (( $(echo "$(epoch "$(jq -r .lastHeartbeat <<< "$json")") > $t0" | bc -l) )); then
            back=$(echo "$(epoch "$(jq -r .lastHeartbeat <<< "$json")") - ($(jq -r .seq <<< "$json") - 1) * $interval" | bc -l)
            printf '  crashed agent container (docker kill CSK): kill -> seat heartbeating again: %.1f s\n' \
                "$(echo "$back - $t0" | bc -l)"
            break
        fi
        sleep 0.2
    done
    stop_orchestrator
    for c in "${containers[@]}"; do docker rm -f "$c" > /dev/null 2>&1 || true; done
}

if $docker; then
    echo
    echo "== docker runtime: nine labelled agent containers (stand-in agents, host network) =="
    if ! docker info > /dev/null 2>&1; then
        echo "  skipped: no Docker engine answers"
    elif ! docker image inspect local/jre:21 > /dev/null 2>&1; then
        echo "  skipped: no local/jre:21 image (../shared/tools/docker-offline/build-local-images.sh --only jre)"
    else
        [ "$only" != "short" ] && { echo " default settings:"; docker_crash default 10; }
        [ "$only" != "default" ] && { echo " short settings (heartbeats 1 s, timeout 3 s, checks 500 ms):"; \
            docker_crash short 1 --orchestrator.heartbeat-timeout=3s --orchestrator.check-interval=500ms \
            --orchestrator.docker.stop-timeout=1s; }
    fi
fi
