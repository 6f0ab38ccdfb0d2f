#!/usr/bin/env bash
# Installs Debian's PostgreSQL server for tests/test_stores.py (which starts its
# own throw-away cluster with initdb/pg_ctl; no service is started here).
# .ci/run tolerates a failure here: the PostgreSQL tests then say so and skip.
set -euo pipefail
have_pg() {
  command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1 && return 0
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null && compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null
}
if have_pg; then
  echo "postgresql: $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | head -1 || command -v initdb)"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "postgresql missing and not root (no sudo)" >&2; exit 1; }
  SUDO="sudo -n"
fi
$SUDO apt-get update -qq
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
have_pg || { echo "initdb/pg_ctl still missing after apt-get install" >&2; exit 1; }
echo "postgresql: installed $(ls -d /usr/lib/postgresql/*/bin | head -1)"
