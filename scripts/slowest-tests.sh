#!/usr/bin/env bash
# Prints the slowest test classes of the last build, from the Surefire and Failsafe reports.
# Usage: scripts/slowest-tests.sh [project-dir] [how-many]
set -euo pipefail
dir="${1:-$(cd "$(dirname "$0")/.." && pwd)}"
count="${2:-5}"
echo "Slowest test classes:"
find "$dir" -path '*/target/*-reports/TEST-*.xml' -print0 2>/dev/null \
    | xargs -0 -r grep -h -m1 -o '<testsuite [^>]*>' \
    | sed -E 's/.*name="([^"]+)".*time="([0-9.,]+)".*/\2 \1/; s/^([0-9]+),([0-9])/\1\2/' \
    | sort -rn | head -n "$count" \
    | awk '{ printf "  %7.1f s  %s\n", $1, $2 }'
