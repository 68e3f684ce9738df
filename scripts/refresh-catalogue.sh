#!/usr/bin/env bash
# Rebuilds the shipped player catalogue, auction-engine/src/main/resources/catalogue/ipl2025.json,
# from the IPL 2025 auction list (see auction-engine/src/main/resources/catalogue/README.md).
#
# Usage: scripts/refresh-catalogue.sh [path/to/auction_list.csv]
#   The default list is ../shared/data/ipl2025/auction_list.csv, beside the repository.
#   Works from any directory. Needs a JDK 21 or newer (scripts/lib/jdk.sh finds one).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$repo/auction-engine/src/main/resources/catalogue/ipl2025.json"
list="${1:-$repo/../shared/data/ipl2025/auction_list.csv}"

if [[ ! -f "$list" ]]; then
  echo "refresh-catalogue: no auction list at $list" >&2
  echo "usage: $0 [path/to/auction_list.csv]" >&2
  exit 1
fi
list="$(cd "$(dirname "$list")" && pwd)/$(basename "$list")"

source "$repo/scripts/lib/jdk.sh"

cd "$repo"
# Compile data-tools (the offline tools, with the engine and contracts they write for) and write its classpath down.
classpath_file="$repo/data-tools/target/catalogue-builder.classpath"
./mvnw -q -B -pl data-tools -am -Dspotless.check.skip=true \
  compile dependency:build-classpath \
  -Dmdep.includeScope=runtime -Dmdep.outputFile="$classpath_file"

"$JAVA_HOME/bin/java" \
  -cp "$repo/data-tools/target/classes:$(cat "$classpath_file")" \
  dev.iplauction.auction.catalogue.CatalogueBuilder --auction-list "$list" --out "$out"
