#!/usr/bin/env bash
# Adds the SDK's new public symbols to PublicAPI.Unshipped.txt: builds the SDK, collects the analyzer's RS0016
# ("not part of the declared public API") and appends each symbol. Review the diff: it is what vendors will see.
set -euo pipefail
cd "$(dirname "$0")/../modules/Platform.Abstractions"
new=$(dotnet build --no-incremental 2>&1 | grep -oP "error RS0016: Symbol '\K.*(?=' is not part of the declared public API)" |
  sed "s/''/'/g" | sort -u || true)
[ -z "$new" ] && { echo "PublicAPI files are up to date."; exit 0; }
{ echo "#nullable enable"; { grep -v '^#nullable enable$' PublicAPI.Unshipped.txt || true; echo "$new"; } | sort -u; } \
  > PublicAPI.Unshipped.tmp
mv PublicAPI.Unshipped.tmp PublicAPI.Unshipped.txt
echo "$(echo "$new" | wc -l) symbol(s) added to PublicAPI.Unshipped.txt."
