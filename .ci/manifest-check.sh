#!/usr/bin/env bash
# AlignBot CI: proves the Teams app package in manifest/teams/ is one Teams accepts.
#   1. the committed icons are what manifest/teams/make-icons.py draws (reproducible, not hand-edited)
#   2. manifestcheck on the template itself, placeholders allowed
#   3. manifest/teams/package.sh with sample GUIDs and a sample domain into a temp folder, then
#      manifestcheck on that folder and on the .zip it built (the zip is what gets uploaded)
# Exits with manifestcheck's exit code (0 = no errors and no warnings), or 1 if the icons are stale.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
shared=${ALIGNBOT_SHARED_DIR:-$(cd "$root/../shared" && pwd)}
checker="$shared/tools/manifestcheck/manifestcheck.js"
log() { printf '[manifest] %s\n' "$*"; }

if [ ! -d "$shared/tools/manifestcheck/node_modules" ]; then
  log "npm ci manifestcheck"
  npm ci --prefix "$shared/tools/manifestcheck" --no-audit --no-fund --loglevel=error >/dev/null
fi

work=$(mktemp -d /tmp/alignbot-manifest.XXXXXX)
trap 'rm -rf "$work"' EXIT

log "icons are reproducible"
python3 manifest/teams/make-icons.py "$work/icons" >/dev/null
for icon in color.png outline.png; do
  if ! cmp -s "$work/icons/$icon" "manifest/teams/$icon"; then
    log "manifest/teams/$icon differs from what make-icons.py draws: run python3 manifest/teams/make-icons.py and commit"
    exit 1
  fi
done

log "template (placeholders allowed)"
set +e
node "$checker" --allow-placeholders manifest/teams/
template_rc=$?
set -e

log "package with sample values"
TEAMS_APP_ID=00000000-0000-4000-8000-0000000a11b0 \
BOT_ID=00000000-0000-4000-8000-0000000b0700 \
BOT_DOMAIN=alignbot-sample.azurewebsites.net \
  manifest/teams/package.sh --dir "$work/appPackage" --zip "$work/appPackage.zip"
set +e
node "$checker" "$work/appPackage" "$work/appPackage.zip"
package_rc=$?
set -e

if [ "$template_rc" -ne 0 ]; then exit "$template_rc"; fi
exit "$package_rc"
