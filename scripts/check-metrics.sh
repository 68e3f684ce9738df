#!/usr/bin/env bash
# Prometheus on this machine (Debian's prometheus package; installed with apt-get if missing) scraping the running
# services with the project's scrape configuration, rewritten for the host: it checks that every meter in
# observability/meters.txt is there, and with --watch N that each one moved during the next N seconds (start an
# auction meanwhile, e.g. scripts/run-local.sh ABCD12 and the host's start button, or scripts/simulate-auction.sh).
#
#   scripts/check-metrics.sh [--watch SECONDS] [--services "auction-service=127.0.0.1:8080 ..."]
#
# Default targets are scripts/run-local.sh's ports (8080, 8082, 8083, 8084); the agents are scraped when
# AGENT_TARGETS lists them ("127.0.0.1:8081 ..."). Exit status: 0 when every meter of a scraped service is there,
# 1 when one is missing; with --watch the table also says which moved (some only move when something goes wrong:
# dead letters, restarts given up).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
watch=0
targets="auction-service=127.0.0.1:${AUCTION_PORT:-8080} orchestrator-service=127.0.0.1:${ORCHESTRATOR_PORT:-8082} log-service=127.0.0.1:${LOG_SERVICE_PORT:-8083} report-service=127.0.0.1:${REPORT_SERVICE_PORT:-8084}"
while [ $# -gt 0 ]; do
    case "$1" in
        --watch) watch="$2"; shift 2 ;;
        --services) targets="$2"; shift 2 ;;
        *) echo "unknown option $1 (use --watch SECONDS, --services)" >&2; exit 2 ;;
    esac
done
for t in ${AGENT_TARGETS:-}; do targets+=" agent-service=$t"; done

if ! command -v prometheus > /dev/null; then
    echo "installing Debian's prometheus ..."
    apt-get install -y prometheus > /dev/null
fi

work="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
{
    echo "global: {scrape_interval: 2s}"
    echo "scrape_configs:"
    for t in $targets; do
        echo "  - job_name: ${t%%=*}"
        echo "    metrics_path: /actuator/prometheus"
        echo "    static_configs: [{targets: [\"${t#*=}\"]}]"
    done
} > "$work/prometheus.yml"
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/data" \
    --web.listen-address="127.0.0.1:$port" > "$work/prometheus.log" 2>&1 &
prom=$!
trap 'kill "$prom" 2>/dev/null || true; wait "$prom" 2>/dev/null || true; rm -rf "$work"' EXIT

query() { curl -fsS --get "http://127.0.0.1:$port/api/v1/query" --data-urlencode "query=$1"; }
# The sum of a series over all its labels (a timer by its _count), or "none".
value() {
    query "sum($1)" | python3 -c 'import json,sys; r=json.load(sys.stdin)["data"]["result"]; print(r[0]["value"][1] if r else "none")'
}
series() { case "$1" in *_seconds) echo "${1}_count" ;; *) echo "$1" ;; esac; }

for _ in $(seq 1 60); do
    up="$(query 'count(up == 1)' 2> /dev/null | python3 -c 'import json,sys; r=json.load(sys.stdin)["data"]["result"]; print(r[0]["value"][1] if r else 0)' 2> /dev/null || echo 0)"
    [ "$up" = "$(wc -w <<< "$targets")" ] && break
    sleep 1
done
query 'up' | python3 -c '
import json, sys
for r in json.load(sys.stdin)["data"]["result"]:
    m = r["metric"]
    print("target %-22s %-22s %s" % (m["job"], m["instance"], "up" if r["value"][1] == "1" else "DOWN"))'
sleep 5

scraped=" $(for t in $targets; do echo -n "${t%%=*} "; done)"
declare -A before
meters=()
while read -r name _ service; do
    case "$name" in ''|'#'*) continue ;; esac
    [ "$service" = spring-boot ] || [[ "$scraped" == *" $service "* ]] || continue
    meters+=("$name")
    before[$name]="$(value "$(series "$name")")"
done < "$root/observability/meters.txt"

if [ "$watch" -gt 0 ]; then
    echo "watching for $watch s ..."
    sleep "$watch"
fi
failed=0
printf '%-40s %-14s %-14s %s\n' meter before after verdict
for name in "${meters[@]}"; do
    after="$(value "$(series "$name")")"
    verdict=ok
    if [ "$after" = none ]; then
        verdict=MISSING; failed=1
    elif [ "$watch" -gt 0 ] && [ "${before[$name]}" = "$after" ]; then
        # Not a failure by itself: some only move when something goes wrong (dead letters, restarts given up).
        verdict=unchanged
    elif [ "$watch" -gt 0 ]; then
        verdict=moved
    fi
    printf '%-40s %-14s %-14s %s\n' "$name" "${before[$name]}" "$after" "$verdict"
done
exit $failed
