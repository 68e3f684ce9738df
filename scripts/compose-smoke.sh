#!/usr/bin/env bash
# The whole system in containers, proven end to end: builds and starts the Compose stack, waits for health, plays a
# quick auction with a short clock by nine agent containers (RCB left to a "person" who never comes), kills one agent
# container mid-auction and checks that the orchestrator starts it again and the seat plays on, checks that
# combined.log has lines from every service and that the report agrees with the auction house, then tears down.
#
#   scripts/compose-smoke.sh [--no-ollama] [--keep]
#
# Base images come from the environment or .env like any compose run (JDK_IMAGE, JRE_IMAGE, AGENT_BASE_IMAGE,
# KAFKA_IMAGE, OLLAMA_IMAGE). --no-ollama leaves the LLM out (agents decide by rules), for machines that cannot get
# the ollama image; --keep leaves the stack running afterwards.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

with_ollama=1 keep=0
while [ $# -gt 0 ]; do
    case "$1" in
        --no-ollama) with_ollama=0; shift ;;
        --keep) keep=1; shift ;;
        *) echo "unknown option $1 (use --no-ollama, --keep)" >&2; exit 2 ;;
    esac
done

if docker compose version > /dev/null 2>&1; then compose=(docker compose); else compose=(docker-compose); fi
project=iplsmoke
code=SMOKE1
host_token=smoke-host-token-0123456789
work="$root/target/compose-smoke"
rm -rf "$work" && mkdir -p "$work"
export AUCTION_CODE=$code AUCTION_CATALOGUE=quick AUCTION_HOST_TOKEN=$host_token HUMAN_FRANCHISE=RCB
export AUCTION_BID_WINDOW=2s AUCTION_ACCELERATED_WINDOW=1500ms AUCTION_RTM_WINDOW=1500ms
export AGENT_HEARTBEAT_INTERVAL=2s ORCHESTRATOR_HEARTBEAT_TIMEOUT=15s ORCHESTRATOR_STARTUP_GRACE=90s
export ORCHESTRATOR_CHECK_INTERVAL=2s AGENT_REPLICAS=9
services=(kafka auction-service orchestrator-service log-service report-service agent-service)
if [ $with_ollama = 1 ]; then services+=(ollama ollama-pull); else export LLM_ENABLED=false; fi
dc() { "${compose[@]}" -p "$project" "$@"; }
started=$(date +%s)
elapsed() { echo "$(( $(date +%s) - started )) s"; }
step() { echo "[$(elapsed)] $*"; }
fail() { echo "FAILED: $*" >&2; dc logs --no-color > "$work/compose.log" 2>&1 || true; echo "logs: $work/compose.log" >&2; exit 1; }
teardown() { if [ $keep = 0 ]; then dc down -v --remove-orphans > /dev/null 2>&1 || true; fi; }
trap teardown EXIT

api() { curl -fsS "http://127.0.0.1:${AUCTION_PORT:-8080}$1"; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
wait_for() { # seconds, description, command... (a function, so it is evaluated anew each second)
    local seconds=$1 what=$2; shift 2
    for _ in $(seq 1 "$seconds"); do if "$@" > /dev/null 2>&1; then return 0; fi; sleep 1; done
    fail "$what (waited ${seconds} s)"
}

step "building and starting: ${services[*]}"
dc up -d --build "${services[@]}" > "$work/up.log" 2>&1 || { tail -40 "$work/up.log"; fail "compose up"; }
step "up"
for port in "${AUCTION_PORT:-8080}" "${ORCHESTRATOR_PORT:-8082}" "${LOG_SERVICE_PORT:-8083}" "${REPORT_SERVICE_PORT:-8084}"; do
    wait_for 180 "health on port $port" curl -fs "http://127.0.0.1:$port/actuator/health"
done
step "services healthy"

nine_seats_taken() { test "$(api "/api/auctions/$code" | json "sum(1 for f in d['franchises'] if f['seatTaken'])")" = 9; }
wait_for 300 "nine agent seats taken" nine_seats_taken
step "nine seats taken by the agents"
curl -fsS -X POST -H "Authorization: Bearer $host_token" "http://127.0.0.1:${AUCTION_PORT:-8080}/api/auctions/$code/host/start"
step "auction started"

five_sold() { test "$(api "/api/auctions/$code" | json "d['progress']['sold']")" -ge 5; }
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

completed() { test "$(api "/api/auctions/$code" | json "d['phase']")" = COMPLETED; }
wait_for 1200 "the auction to complete" completed
step "auction completed"
api "/api/auctions/$code" > "$work/auction.json"
curl -fsS "http://127.0.0.1:${ORCHESTRATOR_PORT:-8082}/api/seats" > "$work/orchestrator-seats.json" || true

python3 - "$work/auction.json" <<'PY' || fail "squads"
import json, sys
d = json.load(open(sys.argv[1]))
r = d["rules"]
for f in d["franchises"]:
    if f["code"] == "RCB":
        assert f["squadSize"] == 0, f
        continue
    assert r["minSquad"] <= f["squadSize"] <= r["maxSquad"], f"{f['code']} squad {f['squadSize']}"
    assert f["overseasCount"] <= r["maxOverseas"], f
print("squads valid:", {f["code"]: f["squadSize"] for f in d["franchises"]})
PY

report_on_disk() { test -s "$root/reports/$code/report.json"; }
wait_for 120 "the report on disk" report_on_disk
python3 - "$work/auction.json" "$root/reports/$code/report.json" <<'PY' || fail "report disagrees with the auction house"
import json, sys
house = json.load(open(sys.argv[1]))
report = json.load(open(sys.argv[2]))
assert report["totals"]["sold"] == house["progress"]["sold"], (report["totals"], house["progress"])
assert report["totals"]["unsold"] == house["progress"]["unsold"], (report["totals"], house["progress"])
profiles = {p["franchise"]: p for p in report["franchises"]}
for f in house["franchises"]:
    p = profiles[f["code"]]
    assert p["squad"]["players"] == f["squadSize"], (f["code"], p["squad"], f["squadSize"])
    assert p["purse"]["unspentLakh"] == f["purse"], (f["code"], p["purse"], f["purse"])
print("report agrees: sold", report["totals"]["sold"], "unsold", report["totals"]["unsold"])
PY
step "report on disk and agrees"

sleep 5 # the log-service's re-ordering window
combined="$root/logs/combined.log"
test -s "$combined" || fail "no combined.log"
for source in auction-service orchestrator-service report-service; do
    grep -q "\"source\":\"$source\"" "$combined" || fail "no line from $source in combined.log"
done
grep -qE '"source":"(CSK|MI|KKR|SRH|RR|DC|PBKS|GT|LSG)"' "$combined" || fail "no agent lines in combined.log"
step "combined.log has lines from every service ($(wc -l < "$combined") lines)"
echo "compose smoke passed in $(elapsed)"
