#!/usr/bin/env bash
# Rebuilds the IPL 2026 mini-auction catalogue (auction-engine/src/main/resources/catalogue/ipl2026.json) from the
# pre-auction facts: auction_list.csv, purses.csv and retained.csv in one folder (docs/data.md describes them).
#
# Usage: scripts/refresh-catalogue-2026.sh [path/to/ipl2026-folder]
#   Without a folder it reads ../shared/data/ipl2026 beside the repository. Works from any directory; needs a JDK 21
#   or newer (scripts/lib/jdk.sh finds one). A file it cannot read is named with its line and column, the old
#   catalogue is left as it was, and the script exits with 1. Review the diff and run the tests before committing.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$repo/auction-engine/src/main/resources/catalogue/ipl2026.json"
folder="${1:-$repo/../shared/data/ipl2026}"

if [[ ! -d "$folder" ]]; then
  echo "refresh-catalogue-2026: no folder $folder" >&2
  echo "usage: $0 [path/to/ipl2026-folder]" >&2
  exit 1
fi
folder="$(cd "$folder" && pwd)"

source "$repo/scripts/lib/jdk.sh"

cd "$repo"
classpath_file="$repo/data-tools/target/catalogue-builder.classpath"
./mvnw -q -B -pl data-tools -am -Dspotless.check.skip=true \
  compile dependency:build-classpath \
  -Dmdep.includeScope=runtime -Dmdep.outputFile="$classpath_file"

"$JAVA_HOME/bin/java" \
  -cp "$repo/data-tools/target/classes:$(cat "$classpath_file")" \
  dev.iplauction.auction.catalogue.MiniAuctionCatalogueBuilder --auction "$folder" --out "$out"
