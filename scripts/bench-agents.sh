#!/usr/bin/env bash
# Measures the AI franchises: one agent-service instance (its own process, one Chromium, nine browser contexts)
# plays a whole auction against the real auction house on a real single-node Kafka, with the LLM off (rules) unless
# --llm true and an Ollama answers. Prints the time until the nine seats are ready, reaction times, the share of
# decisions ready before the clock ran out, the instance's memory (PSS of JVM + driver + Chromium) and the wall time.
# A benchmark, not a test: run it by hand on a quiet machine. The full 2025 auction with a 1 s clock takes a while.
#
#   scripts/bench-agents.sh [--catalogue ipl2025|quick] [--window-ms 1000] [--llm false] [--agent-jvm-options "..."]
#                           [--cds true|false] [--with-load]
#   scripts/bench-agents.sh --containers [--play-seconds 60] [--with-load]
#
# First it measures the floor on this machine, now (AgentsFloor: a rival's bid reaching Java through the page, one
# click round trip, the page's own click to its bid shown), so the agents' figures can be read against it however
# busy the machine is. --with-load runs two CPU burners beside the whole run (killed at the end).
#
# The agent's JVM gets the options the containers use (AGENT_JVM_OPTIONS below) unless told otherwise, and, as in the
# agent image, starts from the unpacked jar with a class-data-sharing archive made by docker/cds-archive (--cds false:
# the plain exec jar, no archive).
#
# --containers measures the agents as Compose runs them instead: nine one-seat containers (bench-agent-containers.sh).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ "${1:-}" = --containers ]; then
    shift
    exec "$root/scripts/bench-agent-containers.sh" "$@"
fi
source "$root/scripts/lib/jdk.sh"
java="$JAVA_HOME/bin/java"

catalogue=ipl2025 window=1000 llm=false with_load=false cds=true jvm_options="${AGENT_JVM_OPTIONS:--XX:+UseSerialGC -Xmx256m -XX:TieredStopAtLevel=1 -Dspring.main.lazy-initialization=true}"
while [ $# -gt 0 ]; do
    case "$1" in
        --catalogue) catalogue="$2"; shift 2 ;;
        --window-ms) window="$2"; shift 2 ;;
        --llm) llm="$2"; shift 2 ;;
        --agent-jvm-options) jvm_options="$2"; shift 2 ;;
        --with-load) with_load=true; shift ;;
        --cds) cds="$2"; shift 2 ;;
        *) echo "unknown option $1 (use --catalogue ipl2025|quick, --window-ms N, --llm true|false, --cds true|false,"\
                "--with-load)" >&2
           exit 2 ;;
    esac
done
chromium="${CHROMIUM_PATH:-/usr/lib/chromium/chromium}"
[ -x "$chromium" ] || { echo "no Chromium at $chromium (apt-get install chromium, or set CHROMIUM_PATH)" >&2; exit 1; }

work=$(mktemp -d /tmp/bench-agents.XXXXXX)
source "$root/scripts/lib/bench-services.sh"
# The logs stay for reading; the unpacked agent and its class-data archive (about 320 MB) go.
trap 'cleanup; rm -rf "$work/agent" "$work/agent.jsa"' EXIT INT TERM
echo "logs in $work"

echo "building ..."
(cd "$root" && ./mvnw -q -B -pl local-kafka,auction-service,agent-service,benchmarks -am package -DskipTests \
    -Dspotless.check.skip=true)
agent_jar="$(ls "$root"/agent-service/target/agent-service-*-exec.jar)"
case "$cds" in
    true)
        # As the agent image does: the jar unpacked, and an archive of the classes a start loads (a training run up to
        # the end of Spring's refresh, with the agent's own JVM options).
        "$java" -Djarmode=tools -jar "$agent_jar" extract --destination "$work/agent" > /dev/null
        agent_jar="$(ls "$work"/agent/agent-service-*.jar)"
        echo "making the agent's class-data-sharing archive ..."
        PATH="$JAVA_HOME/bin:$PATH" JAVA_TOOL_OPTIONS="$jvm_options" CHROMIUM_PATH="$chromium" \
            PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 "$root/docker/cds-archive" "$agent_jar" "$work/agent.jsa" &> "$work/cds.log"
        jvm_options="$jvm_options -XX:SharedArchiveFile=$work/agent.jsa"
        ;;
    false) ;;
    *) echo "--cds takes true or false, not '$cds'" >&2; exit 2 ;;
esac

start_kafka
start_auction_service

if [ "$with_load" = true ]; then
    # Two busy loops, one per core of a 2-core machine: the figures below then show what a loaded host does.
    for _ in 1 2; do sh -c 'while :; do :; done' & pids+=($!); done
    echo "with load: two CPU burners running (pids ${pids[*]: -2})"
fi
"$java" -cp "$root/benchmarks/target/classes:$root/benchmarks/target/lib/*" dev.iplauction.bench.AgentsFloor \
    --url "http://127.0.0.1:$http_port" --chromium "$chromium"

"$java" -cp "$root/benchmarks/target/classes:$root/benchmarks/target/lib/*" dev.iplauction.bench.AgentsAuction \
    --url "http://127.0.0.1:$http_port" --kafka "127.0.0.1:$kafka_port" \
    --agent-jar "$agent_jar" --chromium "$chromium" \
    --catalogue "$catalogue" --window-ms "$window" --llm "$llm" --logs "$work" --agent-jvm-options "$jvm_options"
