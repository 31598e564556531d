#!/usr/bin/env bash
# `npm test`: type checks, lint, build, unit and integration tests, end-to-end tests.
# On Linux the keychain test needs a Secret Service: when no D-Bus session is running, this starts
# one with an unlocked GNOME Keyring for the length of the run.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(uname)" = "Linux" ] && [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] && [ -z "${COACH_DESK_IN_DBUS:-}" ] \
  && command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null; then
  export COACH_DESK_IN_DBUS=1
  exec dbus-run-session -- sh -c 'echo -n test-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec bash scripts/test.sh'
fi

npm run typecheck
npm run lint
npm run build
npx vitest run
npx playwright test
