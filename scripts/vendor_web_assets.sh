#!/usr/bin/env bash
# Vendor the workbench's third-party browser files, so the page works offline:
#   Cytoscape.js (the neighbourhood graph) -> api/web/static/vendor/ (ships with the package)
#   axe-core (accessibility checks)        -> tests/assets/ (tests only, never served)
# Each comes from `npm pack` of a pinned version; the versions are written to VERSIONS
# beside the files. Run from anywhere: scripts/vendor_web_assets.sh; change a version
# here, run it again, and commit the files it writes.
set -euo pipefail
CYTOSCAPE_VERSION=3.35.0
AXE_VERSION=4.14.1

root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent "cytoscape@${CYTOSCAPE_VERSION}" "axe-core@${AXE_VERSION}" >/dev/null
tar -xzf "cytoscape-${CYTOSCAPE_VERSION}.tgz" && mv package cytoscape
tar -xzf "axe-core-${AXE_VERSION}.tgz" && mv package axe

vendor="$root/api/web/static/vendor"
mkdir -p "$vendor" "$root/tests/assets"
cp cytoscape/dist/cytoscape.min.js "$vendor/cytoscape.min.js"
cp cytoscape/LICENSE "$vendor/cytoscape.LICENSE"
printf 'cytoscape %s\n' "$CYTOSCAPE_VERSION" > "$vendor/VERSIONS"
cp axe/axe.min.js "$root/tests/assets/axe.min.js"
cp axe/LICENSE "$root/tests/assets/axe.LICENSE"
printf 'axe-core %s\n' "$AXE_VERSION" > "$root/tests/assets/VERSIONS"
echo "vendored cytoscape ${CYTOSCAPE_VERSION} and axe-core ${AXE_VERSION}"
