#!/usr/bin/env bash
# The whole system in containers, proven end to end: builds and starts the Compose stack, waits for health, plays a
# quick auction with a short clock by nine agent containers (RCB left to a "person" who never comes), kills one agent
# container mid-auction and checks that the orchestrator starts it again and the seat plays on, checks that
# combined.log has lines from every service and that the report agrees with the auction house, then tears down.
# Every orchestrator and agent health setting is the README's default (no relaxed grace, no faster heartbeats): the
# smoke proves the defaults seat nine agents on this machine, and that the orchestrator restarted none of them while
# they started. It reports the time from `up` to nine seats.
#
#   scripts/compose-smoke.sh [--no-ollama] [--keep] [--with-load] [--ha]
#
# Base images come from the environment or .env like any compose run (JDK_IMAGE, JRE_IMAGE, AGENT_BASE_IMAGE,
# KAFKA_IMAGE, OLLAMA_IMAGE). --no-ollama leaves the LLM out (agents decide by rules), for machines that cannot get
# the ollama image; --keep leaves the stack running afterwards; --with-load runs two CPU-burning processes beside it
# for the whole run (a busy 2-core machine); --ha runs the three-broker ha profile (docker-compose.ha.yml) and kills
# one of its brokers mid-auction: the auction must finish with nothing lost.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

with_ollama=1 keep=0 with_load=0 ha=0
while [ $# -gt 0 ]; do
    case "$1" in
        --no-ollama) with_ollama=0; shift ;;
        --keep) keep=1; shift ;;
        --with-load) with_load=1; shift ;;
        --ha) ha=1; shift ;;
        *) echo "unknown option $1 (use --no-ollama, --keep, --with-load, --ha)" >&2; exit 2 ;;
    esac
done

if docker compose version > /dev/null 2>&1; then compose=(docker compose); else compose=(docker-compose); fi
project=iplsmoke
code=SMOKE1
host_token=smoke-host-token-0123456789
work="$root/target/compose-smoke"
rm -rf "$work" && mkdir -p "$work"
export AUCTION_CODE=$code AUCTION_CATALOGUE=quick AUCTION_HOST_TOKEN=$host_token HUMAN_FRANCHISE=RCB
export OPERATOR_TOKEN=smoke-operator-token-0123456789
export AUCTION_BID_WINDOW=2s AUCTION_ACCELERATED_WINDOW=1500ms AUCTION_RTM_WINDOW=1500ms
export AGENT_REPLICAS=9
# The defaults, whatever the caller's shell says; a .env may repeat a default (.env.example does) but not change it.
health_settings=(AGENT_HEARTBEAT_INTERVAL ORCHESTRATOR_HEARTBEAT_TIMEOUT ORCHESTRATOR_STARTUP_GRACE
    ORCHESTRATOR_CHECK_INTERVAL ORCHESTRATOR_RESTART_ATTEMPTS ORCHESTRATOR_RESTART_BACKOFF_MAX ORCHESTRATOR_SLOW_BACKOFF
    ORCHESTRATOR_MAX_CONCURRENT_RESTARTS AGENT_START_SLOTS AGENT_START_HOLD)
for setting in "${health_settings[@]}"; do
    unset "$setting"
    default=$(grep -o "\${$setting:-[^}]*}" docker-compose.yml | head -1 | sed -E 's/^\$\{[A-Z_]+:-(.*)\}$/\1/')
    if [ -f .env ] && grep -q "^$setting=" .env; then
        value=$(grep "^$setting=" .env | tail -1 | cut -d= -f2-)
        if [ "$value" != "$default" ]; then
            echo "compose-smoke: .env sets $setting=$value; the smoke runs with the default ($default): remove it" >&2
            exit 2
        fi
    fi
done
services=(kafka auction-service orchestrator-service log-service report-service agent-service)
if [ $with_ollama = 1 ]; then services+=(ollama); export COMPOSE_PROFILES=llm; else export LLM_ENABLED=false COMPOSE_PROFILES=; fi
files=()
if [ $ha = 1 ]; then
    files=(-f docker-compose.yml -f docker-compose.ha.yml --profile ha)
    services+=(kafka-2 kafka-3 kafka-topics-ha)
fi
dc() { "${compose[@]}" "${files[@]}" -p "$project" "$@"; }
fail() { echo "FAILED: $*" >&2; dc logs --no-color > "$work/compose.log" 2>&1 || true; echo "logs: $work/compose.log" >&2; exit 1; }
burners=()
teardown() {
    for pid in "${burners[@]}"; do kill "$pid" 2> /dev/null || true; done
    if [ $keep = 0 ]; then dc down -v --remove-orphans > /dev/null 2>&1 || true; fi
}
trap teardown EXIT
source "$root/scripts/lib/smoke.sh"

api() { curl -fsS "http://127.0.0.1:${AUCTION_PORT:-8080}$1"; }

orchestrator() { curl -fsS -H "Authorization: Bearer $OPERATOR_TOKEN" "http://127.0.0.1:${ORCHESTRATOR_PORT:-8082}$1"; }

if [ $with_load = 1 ]; then
    for _ in 1 2; do
        nice -n 0 sh -c 'while :; do :; done' &
        burners+=($!)
    done
    step "two CPU burners running (pids ${burners[*]})"
fi

step "building: ${services[*]}"
dc build "${services[@]}" > "$work/build.log" 2>&1 || { tail -40 "$work/build.log"; fail "compose build"; }
step "starting"
up_at=$(date +%s)
dc up -d "${services[@]}" > "$work/up.log" 2>&1 || { tail -40 "$work/up.log"; fail "compose up"; }
step "up"
# Actuator is on each image's unpublished management port: the containers' own HEALTHCHECK says whether they are up.
healthy() { [ "$(docker inspect -f '{{.State.Health.Status}}' "$(dc ps -q "$1")" 2> /dev/null)" = healthy ]; }
for service in auction-service orchestrator-service log-service report-service; do
    wait_for 180 "$service healthy" healthy "$service"
done
step "services healthy"

wait_for 900 "nine agent seats taken" nine_seats_taken
seated_in=$(( $(date +%s) - up_at ))
step "nine seats taken by the agents, ${seated_in} s after up (target 120 s with images built)"
orchestrator /api/seats > "$work/seats-at-nine.json" || fail "orchestrator status"
restarts=$(json "sum(s['restarts'] for s in d['seats'])" < "$work/seats-at-nine.json")
[ "$restarts" = 0 ] || fail "the orchestrator restarted agents while they started ($restarts restarts): see $work/seats-at-nine.json"
step "no restart while the agents started"
curl -fsS -X POST -H "Authorization: Bearer $host_token" "http://127.0.0.1:${AUCTION_PORT:-8080}/api/auctions/$code/host/start"
step "auction started"

wait_for 300 "five lots sold" five_sold
victim=$(docker ps -q --filter "label=com.docker.compose.project=$project" \
    --filter "label=com.docker.compose.service=agent-service" | head -1)
[ -n "$victim" ] || fail "no agent container to kill"
docker kill "$victim" > /dev/null
killed_at=$(date +%s)
step "killed agent container ${victim:0:12}"
running() { [ "$(docker inspect -f '{{.State.Running}}' "$victim")" = true ]; }
wait_for 180 "the orchestrator starting ${victim:0:12} again" running
step "the orchestrator started it again after $(( $(date +%s) - killed_at )) s"

if [ $ha = 1 ]; then
    broker=$(docker ps -q --filter "label=com.docker.compose.project=$project" \
        --filter "label=com.docker.compose.service=kafka-2" | head -1)
    [ -n "$broker" ] || fail "no kafka-2 container to kill"
    docker kill "$broker" > /dev/null
    step "killed broker kafka-2 (${broker:0:12}); two of three keep min.insync.replicas=2"
fi

wait_for 1200 "the auction to complete" completed
step "auction completed"
api "/api/auctions/$code" > "$work/auction.json"
curl -fsS -H "Authorization: Bearer $OPERATOR_TOKEN" "http://127.0.0.1:${ORCHESTRATOR_PORT:-8082}/api/seats" > "$work/orchestrator-seats.json" || true

check_squads "$work/auction.json" RCB
report_on_disk() { test -s "$root/reports/$code/report.json"; }
wait_for 120 "the report on disk" report_on_disk
check_report "$work/auction.json" "$root/reports/$code/report.json"
step "report on disk and agrees"

sleep 5 # the log-service's re-ordering window
combined="$root/logs/combined.log"
check_combined_log "$combined" auction-service orchestrator-service report-service
grep -qE '"source":"(CSK|MI|KKR|SRH|RR|DC|PBKS|GT|LSG)"' "$combined" || fail "no agent lines in combined.log"
step "combined.log has lines from every service ($(wc -l < "$combined") lines)"
echo "compose smoke passed in $(elapsed); nine seats ${seated_in} s after up$([ $with_load = 1 ] && echo ', with two CPU burners')"
