#!/usr/bin/env bash
# The dependency check must catch what once broke `make run` on new machines: with Boost's
# headers left out of the install script, it fails and names Boost's package; with the script
# as it is, it passes.
#   check_build_deps_test.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
source_dir=$1 build_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/scripts"
grep -v '^ *libboost-dev *$' "$source_dir/scripts/install-deps" >"$work/scripts/install-deps"
chmod +x "$work/scripts/install-deps"
if "$work/scripts/install-deps" --list --test | grep -qx libboost-dev; then
    echo "FAIL: could not take libboost-dev out of a copy of the install script" >&2
    exit 1
fi

status=0
out=$("$source_dir/scripts/check-build-deps" "$build_dir" "$work/scripts/install-deps") || status=$?
if [[ $status -ne 1 ]] || ! grep -q '^missing from .*: libboost[0-9.]*-dev ' <<<"$out"; then
    echo "FAIL: without libboost-dev the check said (exit $status):" >&2
    echo "$out" >&2
    exit 1
fi
echo "without libboost-dev: $out"

"$source_dir/scripts/check-build-deps" "$build_dir"
echo "with the install script as it is: nothing missing"
