#!/usr/bin/env bash
# Installs Temporal's Java time-skipping test server into the tool cache and writes a launcher
# that the tests start with a port. Idempotent: does nothing when the launcher already exists.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
version="$(sed -n 's:.*<version>\(1\.[0-9.]*\)</version>.*:\1:p' "$here/tools/temporal-test-server/pom.xml" | head -1)"
cache="${BOTRYGG_TOOL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/botrygg}"
dir="$cache/temporal-test-server-$version"
launcher="$dir/temporal-test-server"
if [ -x "$launcher" ] && [ -n "$(ls "$dir/lib" 2>/dev/null)" ]; then
  echo "temporal-test-server $version: $launcher"
  exit 0
fi
command -v java >/dev/null || { echo "Java (a JRE 11+) is needed for the time-skipping test server" >&2; exit 1; }
command -v mvn >/dev/null || { echo "Maven is needed to fetch the time-skipping test server" >&2; exit 1; }
echo "Fetching io.temporal:temporal-test-server:$version and its runtime classpath from Maven Central..."
mkdir -p "$dir/lib.tmp"
mvn -q -B -f "$here/tools/temporal-test-server/pom.xml" dependency:copy-dependencies \
  -DincludeScope=runtime -DoutputDirectory="$dir/lib.tmp"
rm -rf "$dir/lib" && mv "$dir/lib.tmp" "$dir/lib"
cat >"$launcher.tmp" <<LAUNCH
#!/usr/bin/env bash
# Launcher used as an 'existing-path' test server: the first argument is the port.
# No --enable-time-skipping: the TypeScript SDK locks and unlocks time skipping itself.
exec java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -cp "$dir/lib/*" io.temporal.testserver.TestServer "\$@"
LAUNCH
chmod +x "$launcher.tmp" && mv "$launcher.tmp" "$launcher"
echo "temporal-test-server $version: $launcher"
