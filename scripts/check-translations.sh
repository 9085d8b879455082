#!/usr/bin/env bash
# Fails when a catalogue has an untranslated or fuzzy message.
set -euo pipefail
status=0
for po in locale/*/LC_MESSAGES/django.po; do
  stats=$(msgfmt --statistics --check -o /dev/null "$po" 2>&1)
  echo "$po: $stats"
  case "$stats" in *untranslated*|*fuzzy*) status=1 ;; esac
done
exit $status
