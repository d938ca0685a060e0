#!/usr/bin/env bash
# The signs command line, run as an operator would: each check prints what it tried, and the
# script fails on the first surprise.
set -uo pipefail

signs=${1:?usage: cli_test.sh PATH_TO_SIGNS}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
data="--data-dir $work/data"
failures=0
checks=0

check() {  # check DESCRIPTION EXPECTED_EXIT COMMAND...
    local description=$1 expected=$2
    shift 2
    checks=$((checks + 1))
    "$@" >"$work/out" 2>&1
    local status=$?
    if [[ $status -ne $expected ]]; then
        echo "FAIL: $description (exit $status, wanted $expected)"
        sed 's/^/    /' "$work/out"
        failures=$((failures + 1))
    else
        echo "ok: $description"
    fi
}

output_has() {  # output_has DESCRIPTION TEXT: the last command's output contains TEXT
    checks=$((checks + 1))
    if grep -qF -- "$2" "$work/out"; then
        echo "ok: $1"
    else
        echo "FAIL: $1 (no '$2' in output)"
        sed 's/^/    /' "$work/out"
        failures=$((failures + 1))
    fi
}

check "help names every command" 0 "$signs" --help
for command in serve db user demo-data backup audit; do output_has "help lists $command" "$command"; done
check "each command has its own help" 0 "$signs" user add --help
output_has "user add help mentions the role" "--role"
check "no command is a usage error" 106 "$signs"
check "an unknown command is a usage error" 106 "$signs" frobnicate

check "migrate creates the schema" 0 "$signs" db migrate $data
output_has "migrate reports the version" "Database schema at version"
check "the first admin is added with the password on standard input" 0 \
    sh -c "echo 'a long enough passphrase' | '$signs' user add admin@example.org --name 'First Admin' --role admin $data"
output_has "user add confirms" "System administrator"
check "a short password is refused" 1 \
    sh -c "echo short | '$signs' user add kim@example.org --name Kim --role practitioner $data"
output_has "the password problem is explained" "Password must be 12 characters or more"
check "an unknown role is refused" 1 \
    sh -c "echo 'a long enough passphrase' | '$signs' user add kim@example.org --name Kim --role wizard $data"
output_has "the role problem is explained" "Select the person's role"
check "a duplicate email is refused" 1 \
    sh -c "echo 'a long enough passphrase' | '$signs' user add ADMIN@example.org --name Again --role admin $data"
check "user add without --name is a usage error" 106 "$signs" user add x@example.org --role admin $data

check "demo data goes only into a new database" 1 "$signs" demo-data $data
output_has "and says why" "only into a new database"
check "demo data loads into a new one" 0 "$signs" demo-data --data-dir "$work/demo"
output_has "the demo password is printed once" "(shown once):"

check "an intact audit log verifies" 0 "$signs" audit verify $data
output_has "verify reports success" "chain intact"
check "backup writes a copy" 0 "$signs" backup "$work/copy.db" $data
check "the copy is a working database" 0 "$signs" audit verify --data-dir "$work/copydir" --database "sqlite:$work/copy.db"
check "backup will not overwrite a file" 2 "$signs" backup "$work/copy.db" $data

# Someone with direct access to the database edits history behind signs' back.
sqlite3 "$work/data/signs.db" "DROP TRIGGER audit_events_no_update; UPDATE audit_events SET detail = 'edited' WHERE seq = 1;"
check "a tampered audit log fails verification" 1 "$signs" audit verify $data
output_has "verify names the broken event" "BROKEN at event 1"

sqlite3 "$work/data/signs.db" "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'from the future', 'x');"
check "an older binary refuses a newer schema" 1 "$signs" serve $data --listen 127.0.0.1:0
output_has "and says to run a newer signs" "newer signs"

check "a bad database URL is explained" 1 "$signs" db migrate --database "mysql://nope"
output_has "the URL problem is named" "sqlite: or postgresql://"
check "a bad listen address is a usage error" 2 "$signs" serve --data-dir "$work/demo" --listen "nonsense"

echo "$((checks - failures)) passed, $failures failed"
[[ $failures -eq 0 ]]
