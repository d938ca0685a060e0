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

output_lacks() {  # output_lacks DESCRIPTION TEXT: the last command's output does not contain TEXT
    checks=$((checks + 1))
    if grep -qF -- "$2" "$work/out"; then
        echo "FAIL: $1 ('$2' in output)"
        sed 's/^/    /' "$work/out"
        failures=$((failures + 1))
    else
        echo "ok: $1"
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
for command in serve db user demo-data backup audit import check-language returns; do output_has "help lists $command" "$command"; done
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
check "the demo family's work reaches every area" 0 sqlite3 "$work/demo/signs.db" \
    "SELECT 'plans ' || (SELECT COUNT(*) FROM plans) || ', updates ' || (SELECT COUNT(*) FROM plan_updates) || ', meetings ' || (SELECT COUNT(*) FROM meetings WHERE status = 'held') || '+' || (SELECT COUNT(*) FROM meetings WHERE status = 'arranged') || ', dissent ' || (SELECT COUNT(*) FROM meeting_invitees WHERE dissent <> '') || ', voices ' || (SELECT COUNT(DISTINCT tool) FROM child_voice_records) || '/' || (SELECT COUNT(*) FROM child_voice_records WHERE shared_with_family = 1) || ', alerts ' || (SELECT COUNT(*) FROM case_alerts WHERE seen_by IS NULL) || ', stories given ' || (SELECT COUNT(*) FROM family_documents_given WHERE kind = 'words-and-pictures')"
output_has "a plan with progress, meetings held and arranged, a dissent, a child's words in each tool (two shared), an alert, a story given" \
    "plans 1, updates 2, meetings 8+1, dissent 1, voices 3/2, alerts 1, stories given 1"
check "each demo role has something to do" 0 sqlite3 "$work/demo/signs.db" \
    "SELECT 'approvals ' || (SELECT COUNT(*) FROM bookings WHERE state = 'requested') || ', registers ' || (SELECT COUNT(DISTINCT b.session_id) FROM bookings b JOIN training_sessions s ON s.id = b.session_id WHERE b.state = 'booked' AND s.first_day < date('now')) || ', teams led ' || (SELECT COUNT(*) FROM team_leads l JOIN users u ON u.id = l.user_id WHERE u.email = 'manager@signs.example.org') || ', contacts waiting ' || (SELECT COUNT(*) FROM contacts WHERE decision IS NULL)"
output_has "a booking waits for the manager, who leads two teams; a register waits for the training team; a contact waits for a decision" \
    "approvals 1, registers 1, teams led 1, contacts waiting 1"

# Moving records from another system: every row checked, all or nothing.
imports="--data-dir $work/imports"
check "a team for the imported cases" 0 \
    sh -c "echo 'a long enough passphrase' | '$signs' user add lead@example.org --name 'Lead Worker' --role practitioner --team 'Riverside Team' $imports"
cat >"$work/children.csv" <<'CSV'
ref,first_name,last_name,date_of_birth,sex,ethnicity,disabilities,family,team,worker_email,level,level_from
C1,Maya,Carter,02/03/2019,Female,WBRI,,Carter family,Riverside Team,lead@example.org,child-in-need,2026-09-01
C2,Noah,Carter,2021-07-15,M,WBRI,COMM;LD,Carter family,Riverside Team,lead@example.org,child-in-need,2026-09-01
C3,"O'Neill, Siân",Jones,2015-01-20,F,,,,,,,
CSV
cat >"$work/network.csv" <<'CSV'
child_ref,person_ref,first_name,last_name,relationship,parental_responsibility,lives_with_child,safety_network,phone
C1,P1,Dana,Carter,mother,yes,yes,yes,01632 960 001
C2,P1,Dana,Carter,mother,yes,yes,yes,01632 960 001
C1,,Rosa,Lane,Grandparent,no,no,yes,
CSV
check "a dry run checks and saves nothing" 0 "$signs" import "$work/children.csv" --network "$work/network.csv" --dry-run --by lead@example.org $imports
output_has "the dry run counts what it would import" "nothing saved (dry run): 3 children, 2 people linked 3 times, 1 cases"
output_has "progress is shown" "Checking row 6 of 6 (100%)"
check "the files import" 0 "$signs" import "$work/children.csv" --network "$work/network.csv" --by lead@example.org $imports
output_has "the import reports what it saved" "Imported 3 children, 2 people linked 3 times, 1 cases"
check "the imported children are stored" 0 sqlite3 "$work/imports/signs.db" "SELECT first_name FROM children WHERE last_name = 'Jones'"
output_has "with their quoted names whole" "O'Neill, Siân"
check "the parent is one person linked to both children" 0 sqlite3 "$work/imports/signs.db" "SELECT COUNT(*) FROM child_people cp JOIN people p ON p.id = cp.person_id WHERE p.first_name = 'Dana'"
output_has "two links" "2"
cat >"$work/bad.csv" <<'CSV'
ref,first_name,last_name,date_of_birth,sex,nhs_number,favourite_colour
C1,Maya,Carter,2019-02-30,F,123,blue
C1,<script>alert(1)</script>,Carter,01-02-2019,7,,
CSV
printf 'ref,first_name,last_name,date_of_birth,sex\nC9,"Unclosed,Carter,2019-01-01,F\n' >"$work/quotes.csv"
printf 'ref,first_name,last_name,date_of_birth,sex\nC9,Si\xe2n,Carter,2019-01-01,F\n' >"$work/latin1.csv"
check "bad rows are all reported and nothing is imported" 1 "$signs" import "$work/bad.csv" $imports
output_has "nothing imported" "Nothing was imported"
output_has "an unknown column is named" "the column \"favourite_colour\" is not one signs knows"
check "the rows themselves are checked once the columns are right" 1 sh -c "cut -d, -f1-6 '$work/bad.csv' > '$work/bad6.csv' && '$signs' import '$work/bad6.csv' $imports"
output_has "an impossible date is named by line" "Line 2 (ref C1): date_of_birth"
output_has "a repeated ref is named" "Line 3 (ref C1): ref: another row already has this ref"
output_has "an unreadable date is named" "write dates as YYYY-MM-DD or DD/MM/YYYY"
output_has "a bad NHS number is named" "nhs_number: Enter a valid NHS number"
check "broken quoting is refused" 1 "$signs" import "$work/quotes.csv" $imports
output_has "broken quoting names the line" "Line 2 has a quote that is not closed"
check "another encoding is refused" 1 "$signs" import "$work/latin1.csv" $imports
output_has "the encoding problem says what to do" "Save the file as \"CSV UTF-8\""
check "nothing from the bad files was stored" 0 sqlite3 "$work/imports/signs.db" "SELECT COUNT(*) FROM children"
output_has "still three children" "3"

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

# Deadlines, checkable by hand: day 0 is the event, then working days or calendar months.
check "deadline lists its rules" 0 "$signs" deadline --list
output_has "each rule names its source" "Working Together to Safeguard Children"
check "an assessment is due 45 working days after the referral" 0 "$signs" deadline assessment 2026-11-26
output_has "past Christmas, Boxing Day and New Year" "2027-02-02"
check "a conference 15 working days after a strategy discussion, past Easter" 0 "$signs" deadline initial-conference 2026-04-01
output_has "on the Friday three weeks later" "2026-04-24"
check "a review three months on lands on the month's last day" 0 "$signs" deadline first-review-conference 2026-11-30
output_has "28 February" "2027-02-28"
check "an unknown rule is a usage error" 2 "$signs" deadline nonsense 2026-11-26
output_has "and points to the list" "deadline --list"
check "a date that does not exist is a usage error" 2 "$signs" deadline assessment 2026-02-30
check "a rule without a date is a usage error" 2 "$signs" deadline assessment
# The council's closure days count when the database is named.
sqlite3 "$work/demo/signs.db" "INSERT INTO closure_days (day, reason, added_at) VALUES ('2026-12-24', 'Council closed', 'x');"
check "without the database, Christmas Eve 2026 is a working day" 0 "$signs" deadline contact-decision 2026-12-23
output_has "so the decision is due on it" "2026-12-24"
check "with it, the closure day is skipped" 0 "$signs" deadline contact-decision 2026-12-23 --data-dir "$work/demo"
output_has "past Christmas and Boxing Day" "2026-12-29"
# Visits: one rule per level, at the council's frequency when the database is named.
check "deadline lists a visit rule for each level" 0 "$signs" deadline --list
output_has "with child protection's default" "Visit to the child: 10 working days after"
check "a child protection visit skips Christmas" 0 "$signs" deadline visit:child-protection 2026-12-18
output_has "ten working days on" "2027-01-06"
sqlite3 "$work/demo/signs.db" "INSERT INTO visit_frequencies (level, amount, unit, changed_at) VALUES ('child-in-need', 2, 'weeks', 'x'), ('early-help', 0, 'weeks', 'x');"
check "the council's frequency counts with the database" 0 "$signs" deadline visit:child-in-need 2026-11-26 --data-dir "$work/demo"
output_has "two weeks on" "2026-12-10"
check "a level whose visits are not counted has no rule" 2 "$signs" deadline visit:early-help 2026-11-26 --data-dir "$work/demo"
check "a visit rule for no level is a usage error" 2 "$signs" deadline visit:../../etc 2026-11-26

# The plain-language checker: findings with their places, then the readability figures.
printf 'Zoë is LAC.\nHer placement broke down and she was moved to a new placement 👍.\n' >"$work/letter.txt"
check "check-language reads a file" 0 "$signs" check-language "$work/letter.txt"
output_has "it finds the acronym where it is" "1:8"
output_has "and suggests plainer words" "cared for"
output_has "it finds the passive phrase" "was moved"
output_has "it finds the phrase on line 2" "2:5"
output_has "and ends with the readability" "Readability: reading age"
check "check-language reads standard input" 0 bash -c "printf 'Contact with dad went well.' | '$signs' check-language -"
output_has "the word from standard input" "Contact"
check "check-language --json" 0 "$signs" check-language --json "$work/letter.txt"
output_has "JSON names the kind" '"kind":"term"'
output_has "and lists each term's advice once" '"terms":['
printf 'Zoë 👍 and ليلى went to the park with their brothers and sisters and their friends from school and they all had a lovely time on the swings until tea.\n' >"$work/story.txt"
check "check-language --json on a long sentence" 0 "$signs" check-language --json "$work/story.txt"
output_has "JSON keeps other scripts and emoji" "Zoë 👍 and ليلى"
output_has "and names the long sentence" '"kind":"long-sentence"'
output_has "JSON gives the reading age" '"reading_age"'
check "a missing file is an error" 1 "$signs" check-language "$work/no-such-file.txt"
printf 'bad \xff bytes' >"$work/bad.txt"
check "text that is not UTF-8 is an error" 1 "$signs" check-language "$work/bad.txt"
output_has "saying so" "is not UTF-8"
check "check-language needs a file" 2 "$signs" check-language
check "a folder is not a text file" 1 "$signs" check-language "$work"
output_has "saying so plainly" "is a folder"
mkfifo "$work/pipe.txt"
(printf 'Contact with dad went well.' >"$work/pipe.txt" &)
check "a named pipe is read to its end" 0 "$signs" check-language "$work/pipe.txt"
output_has "the word from the pipe" "Contact"
# The council's own terms count when the database is named, and replace the list's.
printf 'The CEFIT team will arrange contact.\n' >"$work/local.txt"
sqlite3 "$work/demo/signs.db" "INSERT INTO local_terms (phrase, suggestion, reason, exact_case, added_at) VALUES ('CEFIT', 'the family support workers', 'Local initials', 1, 'x'), ('contact', 'time with your family', 'Our families asked for this', 0, 'x');"
check "without the database, local terms are not known" 0 "$signs" check-language "$work/local.txt"
output_lacks "so the local initials pass" "family support workers"
check "with it, the council's own terms count" 0 "$signs" check-language "$work/local.txt" --data-dir "$work/demo"
output_has "the local initials are found" "the family support workers"
output_has "and the council's suggestion replaces the list's" "time with your family"

# The Children in Need census: errors stop the return unless asked; the XML is well formed.
census="--data-dir $work/demo"
check "the census needs a year" 106 "$signs" returns cin-census --la-code 895 $census
check "and the council's number, given or set" 2 "$signs" returns cin-census --year 2026-27 $census
output_has "saying where to set it" "Statutory returns page"
check "the year must be a census year" 2 "$signs" returns cin-census --year 2026-28 --la-code 895 $census
output_has "saying so" "--year must be a census year like 2026-27"
check "the council's number is three digits" 2 "$signs" returns cin-census --year 2026-27 --la-code 89 $census
check "nothing strange passes as the council's number" 2 "$signs" returns cin-census --year 2026-27 --la-code '../' $census
check "the demo's census record has no errors, so its return is written" 0 "$signs" returns cin-census --year 2026-27 --la-code 895 --output "$work/clean.xml" $census
output_has "saying so" "0 errors"
# A main need taken away is an error (8610), which stops the return.
sqlite3 "$work/demo/signs.db" "UPDATE cin_episodes SET primary_need = '' WHERE id = (SELECT MIN(id) FROM cin_episodes)"
check "an error stops the return" 1 "$signs" returns cin-census --year 2026-27 --la-code 895 --output "$work/cin.xml" $census
output_has "each error is listed" "8610 child"
output_has "and nothing is written" "nothing written"
[[ ! -e "$work/cin.xml" ]] || { echo "FAIL: a return was written despite its errors"; failures=$((failures + 1)); }
check "with --with-errors it is written" 0 "$signs" returns cin-census --year 2026-27 --la-code 895 --output "$work/cin.xml" --with-errors $census
output_has "with a count of what it holds" "The 2026-27 census holds"
check "the return is well-formed XML" 0 xmllint --noout "$work/cin.xml"
check "the return names the council" 0 grep -q "<LEA>895</LEA>" "$work/cin.xml"
check "the return's children are the demo's" 0 grep -q "<LAchildID>" "$work/cin.xml"
check "exporting the return is audited" 0 sqlite3 "$work/demo/signs.db" "SELECT detail FROM audit_events WHERE action = 'census-export'"
output_has "with the number of children" "children"
check "an earlier year with no one in it is an empty return" 0 "$signs" returns cin-census --year 2019-20 --la-code 895 --output - $census
output_has "with no children" "<Children/>"
sqlite3 "$work/demo/signs.db" "UPDATE return_settings SET la_code = '896'"
check "the council's number set in signs is used" 0 "$signs" returns cin-census --year 2019-20 --output - $census
output_has "in the header" "<LEA>896</LEA>"

echo "$((checks - failures)) passed, $failures failed"
[[ $failures -eq 0 ]]
