#!/usr/bin/env bash
# Installs veraPDF (PDF/A validator, Maven Central) into the tool cache and writes a launcher:
# `verapdf-validate 2b file.pdf ...` prints "file compliant=true|false" and each failed rule.
# Idempotent: does nothing when the launcher already exists.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
version="$(sed -n 's:.*<version>\(1\.[0-9.]*\)</version>.*:\1:p' "$here/tools/verapdf/pom.xml" | head -1)"
cache="${BOTRYGG_TOOL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/botrygg}"
dir="$cache/verapdf-$version"
launcher="$dir/verapdf-validate"
if [ -x "$launcher" ] && [ -n "$(ls "$dir/lib" 2>/dev/null)" ] && cmp -s "$here/tools/verapdf/Validate.java" "$dir/Validate.java"; then
  echo "verapdf $version: $launcher"
  exit 0
fi
command -v java >/dev/null || { echo "Java (a JRE 11+) is needed for veraPDF" >&2; exit 1; }
command -v mvn >/dev/null || { echo "Maven is needed to fetch veraPDF" >&2; exit 1; }
if [ -z "$(ls "$dir/lib" 2>/dev/null)" ]; then
  echo "Fetching org.verapdf.apps:greenfield-apps:$version from Maven Central..."
  mkdir -p "$dir/lib.tmp"
  mvn -q -B -f "$here/tools/verapdf/pom.xml" dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$dir/lib.tmp"
  rm -rf "$dir/lib" && mv "$dir/lib.tmp" "$dir/lib"
fi
cp "$here/tools/verapdf/Validate.java" "$dir/Validate.java"
cat >"$launcher.tmp" <<LAUNCH
#!/usr/bin/env bash
exec java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -cp "$dir/lib/*" "$dir/Validate.java" "\$@"
LAUNCH
chmod +x "$launcher.tmp" && mv "$launcher.tmp" "$launcher"
echo "verapdf $version: $launcher"
