#!/usr/bin/env bash
# Prints the host token of the auction the house made from AUCTION_CODE, and the invitation link to the person's seat
# (HUMAN_FRANCHISE). The house keeps both in owner-only files and never logs them.
#
#   scripts/host-token.sh [CODE]
#
# Looks in SECRETS_DIR (run-local.sh: ./data-local/secrets; a service started by hand: ~/.ipl-auction), else asks the
# running Compose project's auction-service container.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
code="$(echo "${1:-${AUCTION_CODE:-}}" | tr '[:lower:]' '[:upper:]')"
[ -n "$code" ] || { echo "usage: scripts/host-token.sh CODE (or set AUCTION_CODE)" >&2; exit 2; }
port="${AUCTION_PORT:-${PORT:-8080}}"

show() { # show CAT_COMMAND...: the token file, then each invitation file
    local token
    token="$("$@" "host-token-$code" 2>/dev/null)" || return 1
    echo "host token: $token"
    for f in $("$@" --list 2>/dev/null | grep "^invitation-$code-" || true); do
        local franchise="${f#invitation-$code-}" invitation
        invitation="$("$@" "$f")"
        echo "invitation to $franchise's seat: http://localhost:$port/auctions/$code?franchise=$franchise&token=$invitation#rejoin"
    done
}
local_cat() {
    local dir="${SECRETS_DIR:-}"
    if [ -z "$dir" ]; then
        if [ -d "$root/data-local/secrets" ]; then dir="$root/data-local/secrets"; else dir="$HOME/.ipl-auction"; fi
    fi
    if [ "$1" = --list ]; then ls "$dir"; else tr -d '\n' < "$dir/$1"; fi
}
compose_cat() {
    local dc=(docker compose)
    docker compose version > /dev/null 2>&1 || dc=(docker-compose)
    if [ "$1" = --list ]; then
        "${dc[@]}" -f "$root/docker-compose.yml" exec -T auction-service ls /app/secrets
    else
        "${dc[@]}" -f "$root/docker-compose.yml" exec -T auction-service cat "/app/secrets/$1" | tr -d '\n'
    fi
}
show local_cat || show compose_cat || {
    echo "no host token for $code: set SECRETS_DIR, start the system, or (AUCTION_HOST_TOKEN) use the one you set" >&2
    exit 1
}
