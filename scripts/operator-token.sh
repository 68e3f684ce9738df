#!/usr/bin/env bash
# Prints the operator token (log-service, the orchestrator's API, report-service's replays take it as
# Authorization: Bearer). OPERATOR_TOKEN if set; else the owner-only file the services made in SECRETS_DIR
# (run-local.sh: ./data-local/secrets; by hand: ~/.ipl-auction), else the running Compose project's secrets volume.
#
#   curl -H "Authorization: Bearer $(scripts/operator-token.sh)" 'localhost:8083/api/logs?q=error'
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -n "${OPERATOR_TOKEN:-}" ]; then echo "$OPERATOR_TOKEN"; exit 0; fi
dir="${SECRETS_DIR:-}"
if [ -z "$dir" ]; then
    if [ -f "$root/data-local/secrets/operator-token" ]; then dir="$root/data-local/secrets"; else dir="$HOME/.ipl-auction"; fi
fi
if [ -f "$dir/operator-token" ]; then tr -d '\n' < "$dir/operator-token"; echo; exit 0; fi
dc=(docker compose)
docker compose version > /dev/null 2>&1 || dc=(docker-compose)
"${dc[@]}" -f "$root/docker-compose.yml" exec -T log-service cat /app/secrets/operator-token 2>/dev/null | tr -d '\n' \
    && echo && exit 0
echo "no operator token yet: start log-service, the orchestrator or report-service first (or set OPERATOR_TOKEN)" >&2
exit 1
