#!/usr/bin/env bash
# Measures the auction house: bids per second accepted through the HTTP API with every bid written to Kafka
# (acks=all), the latency of an accepted bid, and the time from a bid to the update showing in a browser.
# Starts its own single-node Kafka (from the Kafka jars) and auction-service on spare ports, prints the numbers,
# and stops both. A benchmark, not a test: run it by hand on a quiet machine.
#
#   scripts/bench-bids.sh [--auctions 16] [--seconds 20] [--bids 300]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib/jdk.sh"
java="$JAVA_HOME/bin/java"

auctions=16 seconds=20 bids=300
while [ $# -gt 0 ]; do
    case "$1" in
        --auctions) auctions="$2"; shift 2 ;;
        --seconds) seconds="$2"; shift 2 ;;
        --bids) bids="$2"; shift 2 ;;
        *) echo "unknown option $1 (use --auctions N, --seconds N, --bids N)" >&2; exit 2 ;;
    esac
done

work=$(mktemp -d /tmp/bench-bids.XXXXXX)
source "$root/scripts/lib/bench-services.sh"
trap 'cleanup; rm -rf "$work"' EXIT INT TERM

echo "building ..."
(cd "$root" && ./mvnw -q -B -pl local-kafka,auction-service,benchmarks -am package -DskipTests -Dspotless.check.skip=true)
start_kafka
start_auction_service

cp="$root/benchmarks/target/classes:$root/benchmarks/target/lib/*"
echo
echo "== HTTP bids with Kafka writes ($(nproc) cores) =="
"$java" -cp "$cp" dev.iplauction.bench.BidThroughput --url "http://127.0.0.1:$http_port" \
    --auctions "$auctions" --seconds "$seconds"
echo "auction-service RSS after the run: $(( $(awk '/VmRSS/ {print $2}' /proc/$service_pid/status) / 1024 )) MiB"

chromium="${CHROMIUM_PATH:-/usr/lib/chromium/chromium}"
echo
echo "== bid to browser =="
if [ -x "$chromium" ]; then
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 "$java" -cp "$cp" dev.iplauction.bench.BrowserLatency \
        --url "http://127.0.0.1:$http_port" --bids "$bids" --chromium "$chromium"
else
    echo "skipped: no Chromium at $chromium (apt-get install chromium, or set CHROMIUM_PATH)"
fi
