#!/usr/bin/env bash
# Measures the auction house: bids per second accepted through the HTTP API with every bid written to Kafka
# (acks=all), the latency of an accepted bid, and the time from a bid to the update showing in a browser; beside it,
# before and after, a bare Kafka producer doing the same writes (BareWrites), and the ratio house / bare.
# Starts its own single-node Kafka (from the Kafka jars) and auction-service on spare ports, prints the numbers,
# and stops both. A benchmark, not a test: run it by hand on a quiet machine.
#
#   scripts/bench-bids.sh [--auctions 16] [--warmup 30] [--seconds 20] [--paced 20] [--bids 300]
#
# --paced is how long the house (and the bare producer) then take bids at half the rate each just reached, each auction
# on a fixed schedule, with latency counted from when each bid was due (0: not at all).
# --warmup is for both the house and the bare producer. A house just started spends its first 30 s on 2 cores
# compiling its request path (its C2 compiler thread used 18 s of CPU in them, more than its requests did), which a
# bare producer's small path does not need: measured after 5 s, the house was 0.26-0.31 of the bare producer; after
# 30 s, 0.41 (both with Kafka's 20 ms retry, README). A house in service has compiled long ago, so 30 s is the default.
# The CPU each process spends per write (client or producer, house, broker) is read over the measured part only.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib/jdk.sh"
java="$JAVA_HOME/bin/java"

auctions=16 warmup=30 seconds=20 paced=20 bids=300
while [ $# -gt 0 ]; do
    case "$1" in
        --auctions) auctions="$2"; shift 2 ;;
        --warmup) warmup="$2"; shift 2 ;;
        --seconds) seconds="$2"; shift 2 ;;
        --paced) paced="$2"; shift 2 ;;
        --bids) bids="$2"; shift 2 ;;
        *) echo "unknown option $1 (use --auctions N, --warmup N, --seconds N, --paced N, --bids N)" >&2; exit 2 ;;
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
# The physical limit: a bare producer doing the house's writes (one BidAccepted-sized record per write, acks=all, one
# transactional producer committing whatever waits, as many writers as auctions) against the same broker, before and
# after the house, so that the house's figure can be read against what Kafka alone does on this machine, now.
bare() {
    echo
    echo "== bare Kafka producer, $1 the house ($(nproc) cores) =="
    "$java" -cp "$cp" dev.iplauction.bench.BareWrites --bootstrap "127.0.0.1:$kafka_port" --writers "$auctions" \
        --warmup "$warmup" --seconds "$seconds" --paced "$paced" --cpu-of "broker=$kafka_pid" | tee "$work/bare-$1.txt"
}
rate() { sed -n "s/.* = \([0-9]*\) $2\/s.*/\1/p" "$1"; }
bare before
echo
echo "== HTTP bids with Kafka writes ($(nproc) cores) =="
"$java" -cp "$cp" dev.iplauction.bench.BidThroughput --url "http://127.0.0.1:$http_port" --auctions "$auctions" \
    --warmup "$warmup" --seconds "$seconds" --paced "$paced" --cpu-of "house=$service_pid,broker=$kafka_pid" |
    tee "$work/house.txt"
# Where an accepted bid's time goes inside the house (means over the run, warm-up included): the request in Tomcat
# and Spring, and within it the wait for the event log (append to Kafka's acknowledgement).
metric_mean() {
    curl -fs -H "Authorization: Bearer $OPERATOR_TOKEN" "http://127.0.0.1:$http_port/actuator/metrics/$1" |
        tr '{' '\n' | awk -F'[:,}]' '/"COUNT"/ { n = $4 } /"TOTAL_TIME"/ { t = $4 } END { if (n > 0) printf "%.2f ms", t * 1000 / n }'
}
echo "in the house: a bid request $(metric_mean 'http.server.requests?tag=uri:/api/auctions/%7Bcode%7D/bids&tag=status:200')," \
    "of which the event log write $(metric_mean 'auction.event.log.write?tag=outcome:ok') (means)"
echo "auction-service RSS after the run: $(( $(awk '/VmRSS/ {print $2}' /proc/$service_pid/status) / 1024 )) MiB"
bare after
house=$(rate "$work/house.txt" bids) before=$(rate "$work/bare-before.txt" records) after=$(rate "$work/bare-after.txt" records)
echo
awk -v h="$house" -v b="$before" -v a="$after" 'BEGIN {
    printf "house / bare: %d bids/s against %d records/s (mean of %d before, %d after) = %.2f\n",
        h, (b + a) / 2, b, a, h / ((b + a) / 2) }'

chromium="${CHROMIUM_PATH:-/usr/lib/chromium/chromium}"
echo
echo "== bid to browser =="
if [ -x "$chromium" ]; then
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 "$java" -cp "$cp" dev.iplauction.bench.BrowserLatency \
        --url "http://127.0.0.1:$http_port" --bids "$bids" --chromium "$chromium"
else
    echo "skipped: no Chromium at $chromium (apt-get install chromium, or set CHROMIUM_PATH)"
fi
