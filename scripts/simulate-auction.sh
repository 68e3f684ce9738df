#!/usr/bin/env bash
# Plays a whole auction with ten AI franchises and writes a summary (summary.md, summary.json): each franchise's
# squad, spend, unspent purse, roles and overseas count, the prices paid, the most expensive players.
#
# SIMULATED: the agents' own decision code (strategy, valuation, budget, right to match; no LLM) against the
# auction house's rules engine directly. No browser, no clock, no Kafka: an auction in a few seconds.
#
# Usage: scripts/simulate-auction.sh [--catalogue ipl2025|ipl2026|quick|FILE] [--seed N] [--out DIR] [--rating profiles|market]
#   --catalogue  the players and purses (default ipl2025: the 2025 mega auction with its retentions; ipl2026: the
#                2026 mini auction; FILE: a catalogue file of your own, see docs/data.md)
#   --seed       the lot order within each set and the order of bidders (default 1)
#   --out        where to write the summary (default auction-simulation/target/simulation)
#   --rating     profiles (default: from the shipped Cricsheet profiles) or market (the auction list's signals alone)
#   Works from any directory. Needs a JDK 21 or newer (scripts/lib/jdk.sh finds one).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
args=()
out="$repo/auction-simulation/target/simulation"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --catalogue)
      [[ $# -ge 2 ]] || { echo "simulate-auction: $1 needs a value" >&2; exit 2; }
      # A file is named by its absolute path: the simulation runs from the repository.
      if [[ -f "$2" ]]; then args+=("$1" "$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"); else args+=("$1" "$2"); fi
      shift 2 ;;
    --seed|--rating)
      [[ $# -ge 2 ]] || { echo "simulate-auction: $1 needs a value" >&2; exit 2; }
      args+=("$1" "$2"); shift 2 ;;
    --out)
      [[ $# -ge 2 ]] || { echo "simulate-auction: --out needs a value" >&2; exit 2; }
      mkdir -p "$2"; out="$(cd "$2" && pwd)"; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "simulate-auction: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

source "$repo/scripts/lib/jdk.sh"

cd "$repo"
classpath_file="$repo/auction-simulation/target/simulation.classpath"
./mvnw -q -B -pl auction-simulation -am -Dspotless.check.skip=true \
  compile dependency:build-classpath \
  -Dmdep.includeScope=runtime -Dmdep.outputFile="$classpath_file"

"$JAVA_HOME/bin/java" \
  -cp "$repo/auction-simulation/target/classes:$(cat "$classpath_file")" \
  dev.iplauction.simulation.SimulateAuction "${args[@]}" --out "$out"
