#!/usr/bin/env bash
# Rebuilds the shipped player profiles, player-profiles/src/main/resources/profiles/ipl2025-profiles.json, from
# Cricsheet data and the IPL 2025 auction list with its crosswalk to Cricsheet ids (see player-profiles/README.md).
#
# Usage: scripts/refresh-profiles.sh [--cricsheet DIR] [--auction DIR] [--cutoff YYYY-MM-DD] [--out FILE]
#   --cricsheet  the folder with ipl_deliveries_2008_2024.csv(.gz) and t20_player_season_stats_to_2024.csv
#                (default ../shared/data/cricsheet, beside the repository)
#   --auction    the folder with auction_list.csv and crosswalk_to_cricsheet.csv (default ../shared/data/ipl2025)
#   --cutoff     only matches before this date count (default 2024-11-24, the 2025 auction's first day)
#   --out        where to write (default: the shipped file; give another file for another cut-off)
#   Works from any directory. Needs a JDK 21 or newer (scripts/lib/jdk.sh finds one).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cricsheet="$repo/../shared/data/cricsheet"
auction="$repo/../shared/data/ipl2025"
cutoff="2024-11-24"
out="$repo/player-profiles/src/main/resources/profiles/ipl2025-profiles.json"

absolute() { (cd "$(dirname "$1")" && echo "$(pwd)/$(basename "$1")"); }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --cricsheet|--auction|--cutoff|--out)
      [[ $# -ge 2 ]] || { echo "refresh-profiles: $1 needs a value" >&2; exit 2; }
      case "$1" in
        --cricsheet) cricsheet="$2" ;;
        --auction) auction="$2" ;;
        --cutoff) cutoff="$2" ;;
        --out) out="$2" ;;
      esac
      shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "refresh-profiles: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

for dir in "$cricsheet" "$auction"; do
  if [[ ! -d "$dir" ]]; then
    echo "refresh-profiles: no folder $dir" >&2
    exit 1
  fi
done
cricsheet="$(cd "$cricsheet" && pwd)"
auction="$(cd "$auction" && pwd)"
mkdir -p "$(dirname "$out")"
out="$(absolute "$out")"

source "$repo/scripts/lib/jdk.sh"

cd "$repo"
# The pipeline lives in data-tools (offline tools, on no service's classpath).
classpath_file="$repo/data-tools/target/profile-pipeline.classpath"
./mvnw -q -B -pl data-tools -am -Dspotless.check.skip=true \
  compile dependency:build-classpath \
  -Dmdep.includeScope=runtime -Dmdep.outputFile="$classpath_file"

"$JAVA_HOME/bin/java" \
  -cp "$repo/data-tools/target/classes:$(cat "$classpath_file")" \
  dev.iplauction.profiles.ProfilePipeline \
  --cricsheet "$cricsheet" --auction "$auction" --cutoff "$cutoff" --catalogue ipl2025 --out "$out"
