#!/usr/bin/env bash
# Checks the Debian packages the project needs and prints the exact apt-get line for any
# that are missing. Usage: scripts/check-system.sh run|test [--list]
#   run   WeasyPrint (Pango, HarfBuzz subsetting), fonts for six scripts, gettext
#   test  the same, plus Chromium for the browser tests
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
if [ -n "$missing" ]; then
  echo "Missing system packages: $missing" >&2
  echo "Install them with:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends $missing" >&2
  exit 1
fi
