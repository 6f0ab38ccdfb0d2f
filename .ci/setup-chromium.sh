#!/usr/bin/env bash
# Installs Debian's headless-capable Chromium for tests/test_browser.py.
# .ci/run tolerates a failure here: the browser test then says so and skips.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then
  echo "chromium: $(chromium --version 2>/dev/null || echo present)"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "chromium missing and not root (no sudo)" >&2; exit 1; }
  SUDO="sudo -n"
fi
$SUDO apt-get update -qq
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
command -v chromium >/dev/null 2>&1 || { echo "chromium still missing after apt-get install" >&2; exit 1; }
echo "chromium: $(chromium --version 2>/dev/null || echo installed)"
