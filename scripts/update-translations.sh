#!/usr/bin/env bash
# After changing visible strings: collect them into the .ts files (translations kept), then
# translate the new entries (Qt Linguist or an editor) until tests/ui/test_translations.py passes.
set -euo pipefail
cd "$(dirname "$0")/.."
sources=$(find counter_app/ui -name '*.py' | sort)
for ts in counter_app/ui/i18n/*.ts; do
  # shellcheck disable=SC2086  # one argument per source file
  .venv/bin/pyside6-lupdate $sources -ts "$ts" -no-obsolete -locations none
done
