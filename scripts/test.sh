#!/usr/bin/env bash
# `npm test`: type checks, lint, build, unit and integration tests, end-to-end tests.
# On Linux the keychain test needs a Secret Service: when no D-Bus session is running, this starts
# one with an unlocked GNOME Keyring for the length of the run.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(uname)" = "Linux" ] && [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] && [ -z "${COACH_DESK_IN_DBUS:-}" ] \
  && command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null; then
  export COACH_DESK_IN_DBUS=1
  # A keyring of the run's own, so neither the developer's keyring nor its password is involved.
  keyring_home="$(mktemp -d)"
  status=0
  XDG_DATA_HOME="$keyring_home" dbus-run-session -- sh -c 'echo -n test-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec bash scripts/test.sh' || status=$?
  rm -rf "$keyring_home"
  exit $status
fi

rm -f .reports/vitest.json .reports/playwright.json
npm run typecheck
npm run lint
npm run build
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json=.reports/vitest.json || status=$?
mkdir -p .reports
PLAYWRIGHT_JSON_OUTPUT_FILE=.reports/playwright.json npx playwright test --reporter=list,json || status=$?
node scripts/summary.mjs
exit $status
