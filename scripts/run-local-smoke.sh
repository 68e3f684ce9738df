#!/usr/bin/env bash
# scripts/run-local.sh proven end to end, without Docker: starts the whole system on spare ports, lets the nine agents
# (started by the orchestrator's process runtime) play a quick auction with a short clock, SIGKILLs the agent process
# mid-auction and waits for the orchestrator to start it again, checks the squads, the report against the auction
# house and combined.log, then stops everything with SIGTERM and checks that no process is left.
#
#   scripts/run-local-smoke.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
code=RLSMK1 token=run-local-smoke-host-token
data=$(mktemp -d /tmp/run-local-smoke.XXXXXX)
export DATA_DIR="$data" KAFKA_PORT=29092 PORT=28080 ORCHESTRATOR_PORT=28082 LOG_SERVICE_PORT=28083 REPORT_SERVICE_PORT=28084
export AUCTION_CATALOGUE=quick AUCTION_HOST_TOKEN=$token HUMAN_FRANCHISE=RCB LLM_ENABLED=false
export OPERATOR_TOKEN=run-local-smoke-operator-token
export AUCTION_BID_WINDOW=2s AUCTION_ACCELERATED_WINDOW=1500ms AUCTION_RTM_WINDOW=1500ms AGENT_HEARTBEAT_INTERVAL=2s
export ORCHESTRATOR_HEARTBEAT_TIMEOUT=15s ORCHESTRATOR_STARTUP_GRACE=60s ORCHESTRATOR_CHECK_INTERVAL=2s
fail() { echo "FAILED: $* (logs in $data/logs)" >&2; exit 1; }
api() { curl -fsS "http://127.0.0.1:$PORT$1"; }
source "$root/scripts/lib/smoke.sh"

setsid "$root/scripts/run-local.sh" "$code" > "$data/run-local.out" 2>&1 &
runner=$!
trap 'kill -TERM $runner 2>/dev/null || true' EXIT
orchestrator_up() { curl -fs "http://127.0.0.1:$ORCHESTRATOR_PORT/actuator/health"; }
wait_for 300 "the system to start" orchestrator_up
step "system up"
wait_for 240 "nine agent seats" nine_seats_taken
step "nine seats taken"
curl -fsS -X POST -H "Authorization: Bearer $token" "http://127.0.0.1:$PORT/api/auctions/$code/host/start"
step "auction started"
wait_for 300 "five lots sold" five_sold
victim=$(pgrep -f -- "-jar [^ ]*agent-service-[^ ]*-exec[.]jar$" | head -1)
[ -n "$victim" ] || fail "no agent process"
kill -KILL "$victim"
step "SIGKILLed agent process $victim"
restarted() { curl -fsS -H "Authorization: Bearer $OPERATOR_TOKEN" "http://127.0.0.1:$ORCHESTRATOR_PORT/api/summary" | json "d['healthy']" | grep -qx 9 \
    && pgrep -f -- "-jar [^ ]*agent-service-[^ ]*-exec[.]jar$" > /dev/null; }
sleep 3
wait_for 180 "the orchestrator restarting the agents" restarted
step "agents restarted by the orchestrator and healthy again"
wait_for 1200 "the auction to complete" completed
step "auction completed"
api "/api/auctions/$code" > "$data/auction.json"
report="$data/reports/$code/report.json"
wait_for 120 "the report" test -s "$report"
check_squads "$data/auction.json" RCB
check_report "$data/auction.json" "$report"
sleep 3 # the log-service's re-ordering window
check_combined_log "$data/logs/combined.log" auction-service orchestrator-service report-service CSK
step "combined.log has every service ($(wc -l < "$data/logs/combined.log") lines)"
kill -TERM $runner
wait_for 60 "run-local to stop" bash -c "! kill -0 $runner"
left=$(pgrep -f -- "-jar [^ ]*(local-kafka|[a-z-]*-service)-[^ ]*[.]jar" || true)
[ -z "$left" ] || fail "processes left behind: $left"
step "stopped with SIGTERM, nothing left behind"
echo "run-local smoke passed in $(elapsed)"
