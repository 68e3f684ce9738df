# Sourced by the smoke scripts (compose-smoke.sh, run-local-smoke.sh). Each defines fail MESSAGE (where its logs
# are) and api PATH (the auction house's address) before calling these.
started=$(date +%s)
elapsed() { echo "$(( $(date +%s) - started )) s"; }
step() { echo "[$(elapsed)] $*"; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

# wait_for SECONDS DESCRIPTION COMMAND...: retries the command (a function, so it is evaluated anew) once a second.
wait_for() {
    local seconds=$1 what=$2; shift 2
    for _ in $(seq 1 "$seconds"); do if "$@" > /dev/null 2>&1; then return 0; fi; sleep 1; done
    fail "$what (waited ${seconds} s)"
}

# Conditions on the auction $code, for wait_for.
# (The person's franchise is held behind the host's invitation, so it counts as taken: the nine are the others.)
nine_seats_taken() { test "$(api "/api/auctions/$code" | json "sum(1 for f in d['franchises'] if f['seatTaken'] and f['code'] != '${HUMAN_FRANCHISE:-}')")" = 9; }
five_sold() { test "$(api "/api/auctions/$code" | json "d['progress']['sold']")" -ge 5; }
completed() { test "$(api "/api/auctions/$code" | json "d['phase']")" = COMPLETED; }

# check_squads HOUSE_JSON PERSON: every agent franchise's squad within the rules, the person's (who never came) empty.
check_squads() {
    python3 - "$1" "$2" <<'PY' || fail "squads"
import json, sys
d, person = json.load(open(sys.argv[1])), sys.argv[2]
r = d["rules"]
for f in d["franchises"]:
    if f["code"] == person:
        assert f["squadSize"] == 0, f
        continue
    assert r["minSquad"] <= f["squadSize"] <= r["maxSquad"], f"{f['code']} squad {f['squadSize']}"
    assert f["overseasCount"] <= r["maxOverseas"], f
print("squads valid:", {f["code"]: f["squadSize"] for f in d["franchises"]})
PY
}

# check_report HOUSE_JSON REPORT_JSON: report-service says what the house says (lots, squads, purses).
check_report() {
    python3 - "$1" "$2" <<'PY' || fail "report disagrees with the auction house"
import json, sys
house = json.load(open(sys.argv[1]))
report = json.load(open(sys.argv[2]))
assert report["totals"]["sold"] == house["progress"]["sold"], (report["totals"], house["progress"])
assert report["totals"]["unsold"] == house["progress"]["unsold"], (report["totals"], house["progress"])
profiles = {p["franchise"]: p for p in report["franchises"]}
for f in house["franchises"]:
    p = profiles[f["code"]]
    assert p["squad"]["players"] == f["squadSize"], (f["code"], p["squad"], f["squadSize"])
    assert p["purse"]["unspentLakh"] == f["purse"], (f["code"], p["purse"], f["purse"])
print("report agrees: sold", report["totals"]["sold"], "unsold", report["totals"]["unsold"])
PY
}

# check_combined_log FILE SOURCE...: combined.log has at least one record from each source.
check_combined_log() {
    local combined=$1; shift
    test -s "$combined" || fail "no combined.log"
    for source in "$@"; do
        grep -q "\"source\":\"$source\"" "$combined" || fail "no line from $source in combined.log"
    done
}
