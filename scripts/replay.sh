#!/usr/bin/env bash
# Replays a past auction from its Kafka topics without starting the service: writes its report (JSON, Markdown,
# HTML) and timeline to $REPORTS_DIR/CODE/replay/ and prints how many events it processed and how fast.
#
#   scripts/replay.sh CODE [--from=2026-11-25T10:00:00Z] [--bootstrap-servers=host:port] [--reports-dir=DIR]
#
# Kafka: $KAFKA_BOOTSTRAP_SERVERS (default localhost:9092); reports: $REPORTS_DIR (default ./reports).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib/jdk.sh"
[ $# -ge 1 ] || { sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
code="$1"; shift
if ! ls "$root"/report-service/target/report-service-*-exec.jar > /dev/null 2>&1; then
    echo "building report-service ..." >&2
    (cd "$root" && ./mvnw -q -B -pl report-service -am package -DskipTests -Dspotless.check.skip=true)
fi
exec "$JAVA_HOME/bin/java" -jar "$(ls "$root"/report-service/target/report-service-*-exec.jar)" --replay="$code" "$@"
