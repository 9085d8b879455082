#!/usr/bin/env bash
# Makes sure the Debian packages the project needs are installed, installing the missing
# ones itself: with apt-get when run as root, with sudo (non-interactive) otherwise. Only
# where neither is possible does it stop, with the exact line to type.
# Usage: scripts/check-system.sh run|test [--list]
#   run   Python's venv, WeasyPrint (Pango, HarfBuzz subsetting), fonts for six scripts, gettext
#   test  the same, plus Chromium for the browser tests and npm for axe-core
# With --list it prints only the missing package names (for .ci/run) and always exits 0.
set -u
RUN_PACKAGES="gettext libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-noto-core fonts-noto-cjk"
TEST_PACKAGES="$RUN_PACKAGES chromium"

case "${1:-run}" in
  run) wanted=$RUN_PACKAGES ;;
  test) wanted=$TEST_PACKAGES ;;
  *) echo "usage: $0 run|test [--list]" >&2; exit 2 ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
  [ "${2:-}" = "--list" ] && exit 0
  echo "Not a Debian system: make sure these (or their equivalents) are installed: $wanted" >&2
  exit 0
fi

# Debian's own Python creates virtual environments only with python3-venv installed.
python=${PYTHON:-python3}
if ! "$python" -c "import ensurepip, venv" >/dev/null 2>&1; then
  version=$("$python" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")' 2>/dev/null)
  wanted="$wanted python${version:-3}-venv"
fi

# The accessibility tests inject axe-core, installed with npm (package-lock.json). Node's
# own packages ship npm; Debian's nodejs needs the npm package beside it.
if [ "${1:-run}" = test ] && ! command -v npm >/dev/null 2>&1; then
  wanted="$wanted npm"
fi

missing=""
for package in $wanted; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $package"
  fi
done
missing=${missing# }

if [ "${2:-}" = "--list" ]; then
  echo "$missing"
  exit 0
fi
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ]; then
  sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo="sudo -n"
else
  echo "Missing system packages: $missing" >&2
  echo "They cannot be installed from here (not root, and sudo asks for a password). Run:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends $missing" >&2
  exit 1
fi

echo "Installing the system packages the project needs: $missing"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq || { echo "apt-get update failed" >&2; exit 1; }
# shellcheck disable=SC2086
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing \
  || { echo "apt-get install failed for: $missing" >&2; exit 1; }
