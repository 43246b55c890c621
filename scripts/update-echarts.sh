#!/usr/bin/env bash
# Vendors Apache ECharts (Apache-2.0) for the HTML report: the report inlines dist/echarts.min.js so
# the file opens offline, and the build needs no network or Node. Run by hand to upgrade:
#   scripts/update-echarts.sh 6.1.0
# Needs npm (the package comes from the npm registry through `npm pack`); commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."
version=${1:?usage: $0 VERSION}
dest=src/main/resources/report/echarts
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "echarts@$version" >/dev/null && tar xzf "echarts-$version.tgz")
grep -q '</script' "$work/package/dist/echarts.min.js" && { echo "echarts.min.js contains '</script': cannot be inlined" >&2; exit 1; }
install -m 644 "$work/package/dist/echarts.min.js" "$work/package/LICENSE" "$work/package/NOTICE" "$dest/"
printf '%s\n' "$version" > "$dest/VERSION"
echo "vendored Apache ECharts $version into $dest ($(wc -c < "$dest/echarts.min.js") bytes)"
