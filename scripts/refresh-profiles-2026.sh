#!/usr/bin/env bash
# Rebuilds the IPL 2026 player profiles, player-profiles/src/main/resources/profiles/ipl2026-profiles.json, and the
# crosswalk they rest on, player-profiles/crosswalk/ipl2026-crosswalk.csv: the 2026 catalogue's players matched to
# Cricsheet ids, then profiled from Cricsheet data up to the day before the auction (docs/data.md).
#
# Usage: scripts/refresh-profiles-2026.sh [--cricsheet DIR] [--matches DIR] [--previous FILE] [--cutoff YYYY-MM-DD]
#   --cricsheet  the folder with people.csv, names.csv, ipl_deliveries_2008_2024.csv(.gz) and
#                t20_player_season_stats_to_2024.csv (default ../shared/data/cricsheet, beside the repository)
#   --matches    a folder of Cricsheet match files as Cricsheet's downloads give them (<match_id>.json, or .json.gz,
#                in any subfolders), e.g. ipl_json.zip and t20s_male_json.zip unzipped
#                (default ../shared/data/cricsheet2025/json)
#   --previous   an earlier auction's crosswalk with name and cricsheet_id columns
#                (default ../shared/data/ipl2025/crosswalk_to_cricsheet.csv)
#   --cutoff     the first day not counted (default 2025-12-16, the auction's day: matches up to 15 Dec 2025 count)
#   Works from any directory. Needs a JDK 21 or newer (scripts/lib/jdk.sh finds one). Prints how many players matched,
#   by which rule, and the unmatched. Review the diff and run the tests before committing.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cricsheet="$repo/../shared/data/cricsheet"
matches="$repo/../shared/data/cricsheet2025/json"
previous="$repo/../shared/data/ipl2025/crosswalk_to_cricsheet.csv"
cutoff="2025-12-16"
crosswalk="$repo/player-profiles/crosswalk/ipl2026-crosswalk.csv"
out="$repo/player-profiles/src/main/resources/profiles/ipl2026-profiles.json"

while [[ $# -gt 0 ]]; do
  case "$1" in
    --cricsheet|--matches|--previous|--cutoff)
      [[ $# -ge 2 ]] || { echo "refresh-profiles-2026: $1 needs a value" >&2; exit 2; }
      case "$1" in
        --cricsheet) cricsheet="$2" ;;
        --matches) matches="$2" ;;
        --previous) previous="$2" ;;
        --cutoff) cutoff="$2" ;;
      esac
      shift 2 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "refresh-profiles-2026: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

for dir in "$cricsheet" "$matches"; do
  if [[ ! -d "$dir" ]]; then
    echo "refresh-profiles-2026: no folder $dir" >&2
    exit 1
  fi
done
if [[ ! -f "$previous" ]]; then
  echo "refresh-profiles-2026: no crosswalk $previous" >&2
  exit 1
fi
cricsheet="$(cd "$cricsheet" && pwd)"
matches="$(cd "$matches" && pwd)"
previous="$(cd "$(dirname "$previous")" && pwd)/$(basename "$previous")"

source "$repo/scripts/lib/jdk.sh"

cd "$repo"
# The tools live in data-tools (offline, on no service's classpath).
classpath_file="$repo/data-tools/target/profile-pipeline.classpath"
./mvnw -q -B -pl data-tools -am -Dspotless.check.skip=true \
  compile dependency:build-classpath \
  -Dmdep.includeScope=runtime -Dmdep.outputFile="$classpath_file"
classpath="$repo/data-tools/target/classes:$(cat "$classpath_file")"

# Write to temporary files first, so a failure leaves the shipped files as they were.
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

"$JAVA_HOME/bin/java" -cp "$classpath" dev.iplauction.profiles.CrosswalkBuilder \
  --catalogue ipl2026 --previous "$previous" --cricsheet "$cricsheet" --matches "$matches" --cutoff "$cutoff" \
  --out "$tmp/ipl2026-crosswalk.csv"
"$JAVA_HOME/bin/java" -cp "$classpath" dev.iplauction.profiles.ProfilePipeline \
  --cricsheet "$cricsheet" --crosswalk "$tmp/ipl2026-crosswalk.csv" --matches "$matches" --cutoff "$cutoff" \
  --catalogue ipl2026 --out "$tmp/profiles.json"

mkdir -p "$(dirname "$crosswalk")"
cp "$tmp/ipl2026-crosswalk.csv" "$crosswalk"
cp "$tmp/profiles.json" "$out"
echo "updated $crosswalk and $out"
