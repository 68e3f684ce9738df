#!/usr/bin/env bash
# Measures the agents as Compose runs them by default: nine one-seat agent-service containers (RCB left to a person)
# beside Kafka and the auction house, LLM off. Prints
#   - the time from `up` to nine seats taken (the start gate lets AGENT_START_SLOTS containers start at once; the
#     first containers up take every seat), and to eight containers holding one (the group moves them as others join);
#   - each container's start to its seat taken: from its JVM's start (after the gate let it start) to the seat;
#   - each container's memory (PSS of every process in it: JVM, Playwright's driver, Chromium), the most seen while
#     the auction plays for --play-seconds.
# A benchmark, not a test: run it by hand on a quiet machine, with the local base images in .env as for any compose
# run. Needs root for /proc/PID/smaps_rollup of the containers' processes.
#
#   scripts/bench-agent-containers.sh [--play-seconds 60] [--with-load] [--keep]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

play_seconds=60 with_load=0 keep=0
while [ $# -gt 0 ]; do
    case "$1" in
        --play-seconds) play_seconds="$2"; shift 2 ;;
        --with-load) with_load=1; shift ;;
        --keep) keep=1; shift ;;
        *) echo "unknown option $1 (use --play-seconds N, --with-load, --keep)" >&2; exit 2 ;;
    esac
done

if docker compose version > /dev/null 2>&1; then compose=(docker compose); else compose=(docker-compose); fi
project=iplbench
code=BENCH1
host_token=bench-host-token-0123456789
work="$root/target/bench-agent-containers"
rm -rf "$work" && mkdir -p "$work"
export AUCTION_CODE=$code AUCTION_CATALOGUE=quick AUCTION_HOST_TOKEN=$host_token HUMAN_FRANCHISE=RCB
export AUCTION_BID_WINDOW=2s AUCTION_ACCELERATED_WINDOW=1500ms AUCTION_RTM_WINDOW=1500ms
export AGENT_REPLICAS=9 LLM_ENABLED=false COMPOSE_PROFILES=
services=(kafka auction-service agent-service)
dc() { "${compose[@]}" -p "$project" "$@"; }
fail() { echo "FAILED: $*" >&2; dc logs --no-color > "$work/compose.log" 2>&1 || true; echo "logs: $work/compose.log" >&2; exit 1; }
burners=()
teardown() {
    for pid in "${burners[@]}"; do kill "$pid" 2> /dev/null || true; done
    if [ $keep = 0 ]; then dc down -v --remove-orphans > /dev/null 2>&1 || true; fi
}
trap teardown EXIT
source "$root/scripts/lib/smoke.sh"
api() { curl -fsS "http://127.0.0.1:${AUCTION_PORT:-8080}$1"; }

# The PSS of every process in a container, in MiB: the container's share of memory that it alone would free.
container_pss() {
    local total=0 pid kb
    for pid in $(docker top "$1" -eo pid | tail -n +2); do
        kb=$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup" 2> /dev/null || echo 0)
        total=$((total + ${kb:-0}))
    done
    echo $((total / 1024))
}
agents() { docker ps -q --filter "label=com.docker.compose.project=$project" --filter "label=com.docker.compose.service=agent-service"; }
# Seconds from a container's JVM start to its first seat taken, from its log: Spring's "process running for" gives
# the process's start, "took its seat" the seat's; nothing if the container took no seat (its seats may have moved to a
# container that joined the group later).
start_to_seat() {
    docker logs "$1" 2>&1 | python3 -c '
import re, sys
from datetime import datetime
def t(line):
    return datetime.fromisoformat(line[:23]).timestamp()
start = seat = None
for line in sys.stdin:
    m = re.search(r"process running for ([0-9.]+)\)", line)
    if m and start is None:
        start = t(line) - float(m.group(1))
    if "took its seat" in line and seat is None:
        seat = t(line)
if start is not None and seat is not None:
    print(f"{seat - start:.1f}")
'
}

if [ $with_load = 1 ]; then
    for _ in 1 2; do sh -c 'while :; do :; done' & burners+=($!); done
    step "two CPU burners running (pids ${burners[*]})"
fi

step "building: ${services[*]}"
dc build "${services[@]}" > "$work/build.log" 2>&1 || { tail -40 "$work/build.log"; fail "compose build"; }
dc down -v --remove-orphans > /dev/null 2>&1 || true
step "starting"
up_at=$(date +%s)
dc up -d "${services[@]}" > "$work/up.log" 2>&1 || { tail -40 "$work/up.log"; fail "compose up"; }
wait_for 900 "nine agent seats taken" nine_seats_taken
step "nine seats taken $(( $(date +%s) - up_at )) s after up"
# The first containers up take every seat; the group then moves seats to each container that joins. Nine containers
# share ten partitions, one of them the person's, so one container may be left with only that one and no seat.
seated_containers() { local n=0; for cid in $(agents); do docker logs "$cid" 2>&1 | grep -q 'took its seat' && n=$((n + 1)); done; echo $n; }
eight_containers_seated() { [ "$(seated_containers)" -ge 8 ]; }
wait_for 900 "eight agent containers to hold a seat" eight_containers_seated
step "$(seated_containers) of 9 containers hold a seat $(( $(date +%s) - up_at )) s after up"
times=()
for cid in $(agents); do
    t=$(start_to_seat "$cid")
    echo "  container ${cid:0:12}: its JVM's start to its first seat ${t:-"(no seat: its seats moved on)"}${t:+ s}"
    [ -n "$t" ] && times+=("$t")
done
step "one container's start to its seat (JVM start, Chromium, join; not the gate's wait): $(printf '%s\n' "${times[@]}" \
    | sort -n | awk '{a[NR]=$1} END {printf "min %s s, median %s s, max %s s of %d", a[1], a[int((NR+1)/2)], a[NR], NR}')"

curl -fsS -X POST -H "Authorization: Bearer $host_token" "http://127.0.0.1:${AUCTION_PORT:-8080}/api/auctions/$code/host/start"
step "auction started; sampling each container's PSS for ${play_seconds} s"
declare -A peak
end=$(( $(date +%s) + play_seconds ))
while [ "$(date +%s)" -lt "$end" ]; do
    for cid in $(agents); do
        pss=$(container_pss "$cid")
        [ "$pss" -gt "${peak[$cid]:-0}" ] && peak[$cid]=$pss
    done
    sleep 2
done
total=0 max=0
for cid in "${!peak[@]}"; do
    echo "  container ${cid:0:12}: PSS max ${peak[$cid]} MiB"
    total=$((total + peak[$cid]))
    [ "${peak[$cid]}" -gt "$max" ] && max=${peak[$cid]}
done
step "agent containers' PSS: largest ${max} MiB, nine together ${total} MiB (sum of each one's peak)"
echo "sold so far: $(api "/api/auctions/$code" | json "d['progress']['sold']")$([ $with_load = 1 ] && echo ', with two CPU burners')"
