#!/bin/sh
# screen.sh - screening through the real binary: one query in several
# scripts, no hit, documents, MRZ check digits, batch files with bad rows.
ENTENTE=$1
. "$(dirname "$0")/lib.sh"
E=$ENTENTE
N=$T/node
$E init -d $N --agency ZZ-TEST >/dev/null
$E import -d $N "$(dirname "$0")/../../tools/demo-records.ftm" 2>/dev/null ||
	fail "demo records import"

expect_status 0 "screen a listed name" -- $E screen -d $N --name "Ivan Sidorov"
expect_grep "$T/out" "MATCH .*Ivan Petrovich Sidorov" "the listed person is a match"
expect_grep "$T/out" "demo-sidorov" "with its id"
expect_status 0 "screen the Cyrillic spelling" -- $E screen -d $N --name "Иван Сидоров" --birth-date 1971
expect_grep "$T/out" "demo-sidorov" "Cyrillic finds the record"
expect_status 0 "screen the Arabic spelling" -- $E screen -d $N --name "محمد عبد الله الراشد"
expect_grep "$T/out" "demo-rashid" "Arabic finds the record"
expect_status 0 "screen Han characters" -- $E screen -d $N --name "张伟"
expect_grep "$T/out" "demo-zhang" "Han finds the record"
expect_status 0 "an unlisted name is no hit, and says so" -- $E screen -d $N --name "Margaret Thornbury"
expect_grep "$T/out" "NO HIT" "no hit is said plainly"
expect_status 0 "--json" -- $E screen -d $N --name "Sidorov, Ivan" --json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); r=d["results"][0]; assert r["id"]=="demo-sidorov" and r["match"] is True and 0 < r["score"] <= 1 and r["explanation"], d' "$T/out" \
	&& pass "--json gives id, score, match and an explanation" || fail "--json shape"

expect_status 0 "a document number with OCR confusions" -- $E screen -d $N --document "75I-234-56T:RU"
expect_status 0 "document found despite O/I confusion" -- $E screen -d $N --document "75I234567:RU"
expect_grep "$T/out" "demo-sidorov" "the document finds its holder or passport"

MRZ1='P<RUSSIDOROV<<IVAN<PETROVICH<<<<<<<<<<<<<<<<'
MRZ2='7512345672RUS7103151M3001019<<<<<<<<<<<<<<02'
expect_status 0 "screen an MRZ" -- $E screen -d $N --mrz "$MRZ1" --mrz "$MRZ2"
expect_grep "$T/out" "demo-sidorov" "the MRZ holder is found"
if grep -q WARNING "$T/err"; then fail "a valid MRZ raised a warning"; else pass "a valid MRZ raises no warning"; fi
BAD2='7512345673RUS7103151M3001019<<<<<<<<<<<<<<02'
expect_status 0 "an MRZ with a wrong check digit is still screened" -- $E screen -d $N --mrz "$MRZ1" --mrz "$BAD2"
expect_grep "$T/err" "WARNING.*document number" "and the failed check digit is named"
expect_status 2 "an MRZ of the wrong length is refused" -- $E screen -d $N --mrz "P<RUS" --mrz "123"

expect_status 2 "a bad birth date is a usage error" -- $E screen -d $N --name X --birth-date 1971-13
expect_status 2 "an unknown nationality is a usage error" -- $E screen -d $N --name X --nationality Atlantis
expect_status 2 "a threshold out of range is a usage error" -- $E screen -d $N --name X --threshold 2
expect_status 2 "no query is a usage error" -- $E screen -d $N

cat >$T/pax.csv <<'CSV'
id,name,birth_date,nationality,gender,document_number,document_country,seat
1,SIDOROV IVAN,1971-03-15,RU,M,,,12A
2,Margaret Thornbury,1980-01-01,GB,F,,,12B
3,,1970,RU,M,,,12C
4,Zhang Wei,1975,CN,M,,,12D
5,Nobody,1975-13-01,RU,M,,,12E
6,Olga,,,,751234567,RU,12F
CSV
expect_status 1 "batch with bad rows exits 1" -- $E screen -d $N --batch $T/pax.csv --threads 2
expect_grep "$T/err" "pax.csv:4: name" "a row without a name is located"
expect_grep "$T/err" "pax.csv:6: .*birth_date" "a bad date is located"
python3 - "$T/out" <<'PY' && pass "batch output is one line per row, in order, with results and errors" || fail "batch output"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert [r["query_id"] for r in rows] == ["1", "2", "3", "4", "5", "6"], rows
assert rows[0]["results"][0]["id"] == "demo-sidorov"
assert rows[1]["results"] == []
assert "error" in rows[2] and rows[2]["line"] == 4
assert rows[3]["results"][0]["id"] == "demo-zhang"
assert "error" in rows[4]
assert any(h["id"].startswith("demo-sidorov") for h in rows[5]["results"]), rows[5]
PY
printf '%s\n' '{"id":"a","name":"Иван Петрович Сидоров"}' '{"id":"b","name":"Green Valley Trading Ltd","schema":"Organization"}' >$T/pax.jsonl
expect_status 0 "batch from JSON lines to a file" -- $E screen -d $N --batch $T/pax.jsonl --out $T/res.jsonl
python3 - "$T/res.jsonl" <<'PY' && pass "JSON lines batch finds both" || fail "JSON lines batch"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert rows[0]["results"][0]["id"] == "demo-sidorov", rows[0]
assert rows[1]["results"][0]["id"] == "demo-green-valley", rows[1]
PY
expect_status 1 "a batch file without an id column is refused" -- sh -c "printf 'name\nX\n' | $E screen -d $N --batch -"
expect_grep "$T/err" "'id'" "and the message names the column"

finish
