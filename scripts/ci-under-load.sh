#!/usr/bin/env bash
# Runs CI as a fresh contributor would, on a busy machine: clones the current commit into a temporary folder, keeps
# every core busy with a CPU burner for the whole build, runs `CI=true bash .ci/run` there, and prints the result and
# the time. Usage: scripts/ci-under-load.sh [burners]   (default: one per core)
set -uo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
burners="${1:-$(nproc)}"
commit="$(git -C "$repo" rev-parse HEAD)"
if [ -n "$(git -C "$repo" status --porcelain --untracked-files=no)" ]; then
    echo "Note: uncommitted changes are not part of the run; it builds $commit" >&2
fi
work="$(mktemp -d -t ci-under-load.XXXXXX)"
git clone -q "$repo" "$work/repo" && git -C "$work/repo" checkout -q "$commit" || exit 1

pids=()
stop_burners() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
    pids=()
}
trap stop_burners EXIT INT TERM
for _ in $(seq "$burners"); do
    sh -c 'while :; do :; done' &
    pids+=("$!")
done
echo "CI of $commit under load: $burners CPU burners (pids ${pids[*]}), build in $work/repo"

start=$(date +%s)
(cd "$work/repo" && CI=true bash .ci/run) > "$work/ci.log" 2>&1
status=$?
elapsed=$(( $(date +%s) - start ))
stop_burners

tail -n 40 "$work/ci.log"
bash "$repo/scripts/slowest-tests.sh" "$work/repo" 5 || true
if [ "$status" -eq 0 ]; then result=PASSED; else result="FAILED (exit $status)"; fi
printf 'CI under load %s in %dm%02ds (full log: %s)\n' "$result" $((elapsed / 60)) $((elapsed % 60)) "$work/ci.log"
exit "$status"
