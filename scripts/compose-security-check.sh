#!/usr/bin/env bash
# A fresh `docker compose up` with .env.example as shipped, attacked from this machine the way a stranger on the
# network would: nothing may be published beyond loopback, no secret may have a working default, the operator surfaces
# must refuse a caller without the operator token, and the secrets the services made must be in owner-only files and
# in no log. One agent container joins, to show the seat secret the house made is the one the agents use.
#
#   scripts/compose-security-check.sh [--no-ollama] [--keep]
#
# Only the base-image variables (JDK_IMAGE, JRE_IMAGE, AGENT_BASE_IMAGE, KAFKA_IMAGE, OLLAMA_IMAGE) are added to
# .env.example, from the environment or this checkout's .env; --no-ollama also leaves the LLM profile out, for
# machines that cannot get the Ollama image; --keep leaves the stack running.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

no_ollama=0 keep=0
for arg in "$@"; do
    case "$arg" in
        --no-ollama) no_ollama=1 ;;
        --keep) keep=1 ;;
        *) echo "unknown option $arg (use --no-ollama, --keep)" >&2; exit 2 ;;
    esac
done

if docker compose version > /dev/null 2>&1; then compose=(docker compose); else compose=(docker-compose); fi
project=iplsecurity
work="$root/target/compose-security"
rm -rf "$work" && mkdir -p "$work"
env_file="$work/env"
cp .env.example "$env_file"
for name in JDK_IMAGE JRE_IMAGE AGENT_BASE_IMAGE KAFKA_IMAGE OLLAMA_IMAGE; do
    value="${!name:-}"
    if [ -z "$value" ] && [ -f .env ]; then value="$(grep "^$name=" .env | tail -1 | cut -d= -f2- || true)"; fi
    if [ -n "$value" ]; then echo "$name=$value" >> "$env_file"; fi
done
if [ $no_ollama = 1 ]; then printf 'COMPOSE_PROFILES=\nLLM_ENABLED=false\n' >> "$env_file"; fi
set -a; source "$env_file"; set +a
code="$AUCTION_CODE"

dc() { "${compose[@]}" --env-file "$env_file" -p "$project" "$@"; }
fail() { echo "FAILED: $*" >&2; dc logs --no-color > "$work/compose.log" 2>&1 || true; echo "logs: $work/compose.log" >&2; exit 1; }
teardown() { if [ $keep = 0 ]; then dc down -v --remove-orphans > /dev/null 2>&1 || true; fi; }
trap teardown EXIT
source "$root/scripts/lib/smoke.sh"

api() { curl -fsS "http://127.0.0.1:$AUCTION_PORT$1"; }
status() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
container() { dc ps -q "$1"; }
healthy() { [ "$(docker inspect -f '{{.State.Health.Status}}' "$(container "$1")" 2> /dev/null)" = healthy ]; }
a_seat_taken() { test "$(api "/api/auctions/$code" | json "sum(1 for f in d['franchises'] if f['seatTaken'])")" -ge 1; }

services=(kafka auction-service orchestrator-service log-service report-service agent-service)
step "building: ${services[*]}"
dc build "${services[@]}" > "$work/build.log" 2>&1 || { tail -40 "$work/build.log"; fail "compose build"; }
dc up -d --scale agent-service=1 "${services[@]}" > "$work/up.log" 2>&1 || { tail -40 "$work/up.log"; fail "compose up"; }
for service in auction-service orchestrator-service log-service report-service; do
    wait_for 600 "$service healthy" healthy "$service"
done
step "services healthy"

# 1. Nothing beyond loopback: every published port of every container, and what listens on this machine.
ports="$(docker ps --filter "label=com.docker.compose.project=$project" --format '{{.Names}} {{.Ports}}')"
echo "$ports" > "$work/ports.txt"
if grep -E '(0\.0\.0\.0|::):[0-9]+->' "$work/ports.txt"; then fail "a port is published beyond loopback (above)"; fi
published="$(grep -oE '127\.0\.0\.1:[0-9]+->' "$work/ports.txt" | wc -l)"
[ "$published" -ge 4 ] || fail "expected the four service ports on 127.0.0.1, found $published: $ports"
step "published: $published ports, every one on 127.0.0.1"

# 2. No default credential works, and the operator surfaces refuse a caller without the operator token.
for guess in "" change-me change-me-ipl-agents operator admin; do
    auth=(-H "Authorization: Bearer $guess")
    [ "$(status "${auth[@]}" "http://127.0.0.1:$ORCHESTRATOR_PORT/api/seats")" = 401 ] || fail "orchestrator /api/seats with '$guess'"
    [ "$(status "${auth[@]}" "http://127.0.0.1:$LOG_SERVICE_PORT/api/logs?q=token")" = 401 ] || fail "log-service /api/logs with '$guess'"
    [ "$(status "${auth[@]}" -X POST "http://127.0.0.1:$REPORT_SERVICE_PORT/api/replay/$code")" = 401 ] || fail "report-service replay with '$guess'"
    # Refused either way: 400 for a bearer with no token at all, 401/403 for a wrong one.
    host="$(status "${auth[@]}" -X POST "http://127.0.0.1:$AUCTION_PORT/api/auctions/$code/host/start")"
    case "$host" in 400 | 401 | 403) ;; *) fail "host start with '$guess' answered $host" ;; esac
done
[ "$(status "http://127.0.0.1:$ORCHESTRATOR_PORT/api/seats")" = 401 ] || fail "orchestrator /api/seats without a token"
step "no guessed or default token opens the operator surfaces or the host's actions"

# 3. The secrets the services made: owner-only files, and the seat secret is the one the agents use.
docker exec "$(container auction-service)" sh -c 'stat -c "%a %U %n" /app/secrets/*' > "$work/secrets.txt"
cat "$work/secrets.txt"
for name in seat-secret operator-token "host-token-$code"; do
    grep -q " /app/secrets/$name\$" "$work/secrets.txt" || fail "no $name in the secrets volume"
done
if grep -v '^600 app ' "$work/secrets.txt"; then fail "a secret file is not owner-only (above)"; fi
wait_for 900 "the agent taking a seat with the seat secret the house made" a_seat_taken
step "secret files are 0600 and the app user's; the agent took its seats with the generated seat secret"

# 4. No secret in any log: the containers' own output, and the combined log served to the operator.
host_token="$(docker exec "$(container auction-service)" cat "/app/secrets/host-token-$code")"
operator_token="$(docker exec "$(container auction-service)" cat /app/secrets/operator-token)"
seat_secret="$(docker exec "$(container auction-service)" cat /app/secrets/seat-secret)"
sleep 5 # the log-service's re-ordering window
dc logs --no-color > "$work/compose.log" 2>&1
for secret in "$host_token" "$operator_token" "$seat_secret"; do
    [ ${#secret} -ge 16 ] || fail "a generated secret is shorter than 16 characters"
    if grep -qF "$secret" "$work/compose.log"; then fail "a generated secret is in the containers' logs"; fi
done
combined="$(curl -fsS -H "Authorization: Bearer $operator_token" "http://127.0.0.1:$LOG_SERVICE_PORT/api/logs?q=token")" \
    || fail "log-service with the operator token"
for secret in "$host_token" "$operator_token" "$seat_secret"; do
    if grep -qF "$secret" <<< "$combined"; then fail "a generated secret is in combined.log"; fi
done
step "no generated secret in any container's log or in combined.log"
echo "compose security check passed in $(elapsed)"
