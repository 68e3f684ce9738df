#!/usr/bin/env bash
# The Ollama container's entry point: starts the server, pulls the base model on first start (progress in this
# container's own log), creates the advisor model from the Modelfile, and reports ready (the file the healthcheck
# looks for) only once the advisor answers a question. The pulled weights stay in the ollama-models volume.
#
#   OLLAMA_BASE_MODEL   the model to pull (llama3.2:3b)
#   OLLAMA_MODEL        the advisor to create, the name the agents ask for (ipl-advisor)
#   OLLAMA_HOST         where the server listens (0.0.0.0:11434); the script talks to it on 127.0.0.1
#   OLLAMA_SERVE        0: do not start a server, use the one at OLLAMA_URL (tests)
#   OLLAMA_URL          the server to talk to (http://127.0.0.1:<port of OLLAMA_HOST>)
#   MODELFILE           the advisor's Modelfile (next to this script)
#   READY_FILE          written once the advisor answers (/tmp/advisor-ready)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
base_model="${OLLAMA_BASE_MODEL:-llama3.2:3b}"
advisor="${OLLAMA_MODEL:-ipl-advisor}"
modelfile="${MODELFILE:-$here/Modelfile}"
ready_file="${READY_FILE:-/tmp/advisor-ready}"
export OLLAMA_HOST="${OLLAMA_HOST:-0.0.0.0:11434}"
url="${OLLAMA_URL:-http://127.0.0.1:${OLLAMA_HOST##*:}}"
rm -f "$ready_file"

say() { echo "[ollama-entrypoint] $*"; }

# A string as a JSON string literal (backslashes, quotes, control characters escaped).
json_string() {
    local s="$1"
    s="${s//\\/\\\\}"; s="${s//\"/\\\"}"; s="${s//$'\n'/\\n}"; s="${s//$'\r'/\\r}"; s="${s//$'\t'/\\t}"
    printf '"%s"' "$s"
}

api() { curl -fsS --max-time "${2:-30}" "$url$1"; }
post() { curl -fsS --max-time "${3:-300}" -H 'Content-Type: application/json' -d "$2" "$url$1"; }

server_pid=""
if [ "${OLLAMA_SERVE:-1}" != 0 ]; then
    ollama serve &
    server_pid=$!
    trap 'kill "$server_pid" 2>/dev/null || true' TERM INT
fi

say "waiting for the server at $url"
for _ in $(seq 1 120); do
    api /api/version > /dev/null 2>&1 && break
    sleep 1
done
api /api/version > /dev/null || { say "the server did not answer in 2 minutes"; exit 1; }

has_model() { api /api/tags | grep -q "\"name\":\"$1\""; }

# The pull streams one JSON object a line: {"status":"pulling …","total":N,"completed":M}. One log line per 10 %
# (and per status change) keeps the progress readable in docker compose logs.
pull() {
    say "pulling $base_model (first start only; about 2 GB for llama3.2:3b)"
    local last_status="" last_step=-1 line status total completed step
    while IFS= read -r line; do
        if [[ "$line" == *'"error"'* ]]; then
            say "pull failed: $line"
            return 1
        fi
        status="$(sed -n 's/.*"status":"\([^"]*\)".*/\1/p' <<< "$line")"
        total="$(sed -n 's/.*"total":\([0-9]*\).*/\1/p' <<< "$line")"
        completed="$(sed -n 's/.*"completed":\([0-9]*\).*/\1/p' <<< "$line")"
        if [ -n "$total" ] && [ -n "$completed" ] && [ "$total" -gt 0 ]; then
            step=$(( completed * 10 / total ))
            if [ "$status" != "$last_status" ] || [ "$step" -gt "$last_step" ]; then
                say "pull: $status $(( completed * 100 / total ))% ($(( completed / 1048576 )) of $(( total / 1048576 )) MiB)"
                last_step=$step
            fi
        elif [ -n "$status" ] && [ "$status" != "$last_status" ]; then
            say "pull: $status"
            last_step=-1
        fi
        last_status="$status"
    done < <(curl -fsSN -H 'Content-Type: application/json' \
        -d "{\"model\":$(json_string "$base_model"),\"stream\":true}" "$url/api/pull")
    [ "$last_status" = success ]
}

if has_model "$base_model"; then
    say "$base_model is already here"
else
    until pull; do
        say "pull of $base_model failed; trying again in 10 s (the agents decide by rules meanwhile)"
        sleep 10
    done
    say "pulled $base_model"
fi

# The Modelfile as Ollama's create request: FROM (or OLLAMA_BASE_MODEL), SYSTEM, PARAMETERs.
system="" parameters=""
while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in
        SYSTEM\ *)
            system="${line#SYSTEM }"; system="${system#\"\"\"}"; system="${system%\"\"\"}" ;;
        PARAMETER\ *)
            read -r _ name value <<< "$line"
            [[ "$value" =~ ^-?[0-9]+(\.[0-9]+)?$ ]] || value="$(json_string "$value")"
            parameters+="${parameters:+,}$(json_string "$name"):$value" ;;
    esac
done < "$modelfile"
[ -n "$system" ] || { say "no SYSTEM line in $modelfile"; exit 1; }
say "creating $advisor from $base_model"
post /api/create "{\"model\":$(json_string "$advisor"),\"from\":$(json_string "$base_model"),\"system\":$(json_string "$system"),\"parameters\":{$parameters},\"stream\":false}" > /dev/null

# Ready only when the advisor answers a question the way the agents ask it (JSON format, non-streaming).
question='{"model":'"$(json_string "$advisor")"',"stream":false,"format":"json","messages":[{"role":"user","content":"Player: test batter, base price 30 lakh. Purse left 5000 lakh. Should we bid?"}]}'
until answer="$(post /api/chat "$question" 120 2>/dev/null)" && [[ "$answer" == *'"content"'* ]]; do
    say "$advisor does not answer yet; asking again in 5 s"
    sleep 5
done
touch "$ready_file"
say "ready: $advisor answers"

if [ -n "$server_pid" ]; then
    wait "$server_pid"
fi
