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

# The run gets a temp folder of its own, so what other programs put in the temp folder meanwhile is not
# blamed on it; every coach-desk-* entry a test leaves there fails the run, named.
run_tmp="$(mktemp -d)"
export TMPDIR="$run_tmp"
trap 'rm -rf "$run_tmp"' EXIT
leftovers() { (cd "$TMPDIR" && ls -1d coach-desk-* 2>/dev/null) || true; }
before="$(leftovers)"

rm -f .reports/vitest.json .reports/playwright.json
npm run typecheck
npm run lint
npm run build
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json=.reports/vitest.json || status=$?
mkdir -p .reports
PLAYWRIGHT_JSON_OUTPUT_FILE=.reports/playwright.json npx playwright test --reporter=list,json || status=$?
node scripts/summary.mjs
left="$(comm -13 <(echo "$before") <(leftovers))"
if [ -n "$left" ]; then
  echo "The tests left these in the temp folder (each test must remove what it makes):" >&2
  echo "$left" | sed 's/^/  /' >&2
  status=1
else
  echo "The temp folder is as the tests found it: no coach-desk-* entry left."
fi
exit $status
