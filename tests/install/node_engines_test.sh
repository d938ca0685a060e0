#!/usr/bin/env bash
# The npm check must catch what once broke the browser tests on new machines: playwright-core
# wanting Node.js 20 while Debian 12 ships 18. With that range put back into a copy of the
# lock file it fails and names the package; with the lock files as they are, it passes.
#   node_engines_test.sh SOURCE_DIR
set -euo pipefail
source_dir=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/scripts" "$work/assets" "$work/tests/browser"
cp "$source_dir/scripts/check-node-engines" "$work/scripts/"
cp "$source_dir/assets/package-lock.json" "$work/assets/"
python3 - "$source_dir/tests/browser/package-lock.json" "$work/tests/browser/package-lock.json" <<'PY'
import json, sys
lock = json.load(open(sys.argv[1]))
lock["packages"]["node_modules/playwright-core"]["engines"] = {"node": ">=20"}
json.dump(lock, open(sys.argv[2], "w"))
PY
status=0
out=$("$work/scripts/check-node-engines" 18.20.4) || status=$?
if [[ $status -ne 1 ]] || ! grep -q 'playwright-core .* needs Node.js >=20' <<<"$out"; then
    echo "FAIL: with playwright-core wanting Node.js 20 the check said (exit $status):" >&2
    echo "$out" >&2
    exit 1
fi
echo "with a package wanting Node.js 20: $out"

"$source_dir/scripts/check-node-engines"
