#!/usr/bin/env bash
# docker-compose.yml with each set of optional parts: `config` must accept it with COMPOSE_PROFILES empty, "llm",
# "observability" and both; the services each would start must be the core ones plus exactly the profile's own; and
# the core services must be configured the same whatever the profiles. Needs docker compose (or docker-compose 1.29)
# to parse the file, and python3 with PyYAML to read its answer: no images, no engine.
#
#   scripts/check-compose-profiles.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if docker compose version > /dev/null 2>&1; then compose=(docker compose); else compose=(docker-compose); fi
export AUCTION_CODE=ABCD12
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
: > "$work/empty.env" # the check is of the file, not of a local .env

for profiles in "" llm observability llm,observability; do
    COMPOSE_PROFILES="$profiles" "${compose[@]}" --env-file "$work/empty.env" config > "$work/config-${profiles:-none}.yml" \
        || { echo "FAILED: config with COMPOSE_PROFILES='$profiles'" >&2; exit 1; }
    echo "ok: config accepts COMPOSE_PROFILES='$profiles'"
done

python3 - "$work" <<'PY'
import sys, yaml
work = sys.argv[1]
def load(name):
    return yaml.safe_load(open(f"{work}/config-{name}.yml"))["services"]
def starts(services, active):
    # A service without profiles always starts; one with profiles only when one of them is active.
    return {n for n, s in services.items() if not s.get("profiles") or set(s["profiles"]) & active}
expected_extra = {"": set(), "llm": {"ollama"}, "observability": {"prometheus", "grafana"},
                  "llm,observability": {"ollama", "prometheus", "grafana"}}
none = load("none")
core = starts(none, set())
assert not core & {"ollama", "prometheus", "grafana"}, f"optional services start without their profile: {core}"
for profiles, extra in expected_extra.items():
    services = load(profiles or "none")
    active = set(filter(None, profiles.split(",")))
    got = starts(services, active)
    assert got == core | extra, f"COMPOSE_PROFILES='{profiles}' starts {sorted(got)}, expected {sorted(core | extra)}"
    for name in core:
        assert services[name] == none[name], f"{name} differs with COMPOSE_PROFILES='{profiles}'"
    print(f"ok: COMPOSE_PROFILES='{profiles}' starts the core services{' + ' + ', '.join(sorted(extra)) if extra else ''}, core unchanged")
for name, service in none.items():
    for dep in (service.get("depends_on") or {}):
        assert dep in core or name not in core, f"core service {name} depends on optional {dep}"
print("ok: no core service depends on an optional one")
PY
