#!/bin/sh
# cli.sh - the foundation through the real binary: init, import of good and
# bad input, export round trip, get, stats, crash safety.
ENTENTE=$1
. "$(dirname "$0")/lib.sh"
E=$ENTENTE
N=$T/node

expect_status 2 "init without --agency is a usage error" -- $E init -d $N
expect_status 1 "init refuses a malformed agency" -- $E init -d $N --agency pakistan
expect_grep "$T/err" "CC-NAME" "the agency error says the expected form"
expect_status 0 "init creates a node" -- $E init -d $N --agency PK-FIA
expect_status 1 "init refuses to overwrite a node" -- $E init -d $N --agency PK-FIA
[ -f $N/entente.db ] && [ -f $N/node.conf ] && pass "node has its database and config" || fail "node files"
expect_grep $N/node.conf "agency = PK-FIA" "node.conf names the agency"

expect_status 3 "a missing data directory is reported" -- $E stats -d $T/nowhere
expect_grep "$T/err" "entente init" "and says how to create a node"
ENTENTE_DATA=$N expect_status 0 "ENTENTE_DATA selects the node" -- $E stats

cat >$T/good.ftm <<'JSON'
{"id":"p1","schema":"Person","properties":{"name":["Усама бен Ладен","Usama bin Ladin"],"birthDate":["1957"],"nationality":["sa"]}}
{"id":"p2","schema":"Person","properties":{"name":["Joaquín Guzmán Loera"],"birthDate":["1957-04-04"],"nationality":["MX"]}}
{"id":"d1","schema":"Passport","properties":{"holder":["p2"],"number":["A1234567"],"country":["mx"]}}
{"id":"o1","schema":"Organization","properties":{"name":["Sinaloa Cartel"]}}
{"id":"m1","schema":"Membership","properties":{"member":["p2"],"organization":["o1"]}}
JSON
expect_status 0 "import of a clean FtM file" -- $E import -d $N $T/good.ftm
expect_grep "$T/err" "read 5, inserted 5, updated 0, unchanged 0, rejected 0" "summary counts the records"
expect_status 0 "re-import" -- $E import -d $N $T/good.ftm
expect_grep "$T/err" "inserted 0, updated 0, unchanged 5" "re-importing the same file changes nothing"

cat >$T/bad.ftm <<'JSON'
{"id":"b1","schema":"Person","properties":{"name":["Good One"]}}
{"id":"b2","schema":"Alien","properties":{"name":["X"]}}
{"id":"b3","schema":"Person","properties":{"name":["Y"],"birthDate":["1975-13-01"]}}
{"id":"b4","schema":"Person","properties":{"name":["Z"],"nationality":["XQ"]}}
not json at all
{"id":"b5","schema":"Family","properties":{"person":["b1"],"relative":["ghost"]}}
{"id":"b6","schema":"Person","properties":{"name":["Good Two"]}}
JSON
expect_status 1 "import with bad lines exits non-zero" -- $E import -d $N $T/bad.ftm
expect_grep "$T/err" "bad.ftm:2: schema: unknown schema 'Alien'" "unknown schema is located"
expect_grep "$T/err" "bad.ftm:3: .*birthDate" "bad date is located"
expect_grep "$T/err" "bad.ftm:4: .*XQ" "unknown country is located"
expect_grep "$T/err" "bad.ftm:5: bad JSON" "broken JSON is located"
expect_grep "$T/err" "bad.ftm:6: .*ghost" "dangling reference is located"
expect_grep "$T/err" "inserted 2, .*rejected 5" "the good lines are kept"
expect_status 0 "get a kept record" -- $E get -d $N b6
expect_status 3 "get a rejected record" -- $E get -d $N b2

cp $T/bad.ftm $T/strict.ftm
sed -i 's/"b1"/"s1"/; s/"b6"/"s6"/' $T/strict.ftm
expect_status 1 "--strict rejects the whole file" -- $E import -d $N --strict $T/strict.ftm
expect_status 3 "nothing of a strict failure is kept" -- $E get -d $N s6

printf '' >$T/empty.ftm
expect_status 1 "an empty file is an error" -- $E import -d $N $T/empty.ftm
expect_grep "$T/err" "empty" "and says it is empty"
printf 'hello\nworld\n' >$T/words.txt
expect_status 1 "an unknown format is an error" -- $E import -d $N $T/words.txt
expect_grep "$T/err" "unknown format" "and says so"
expect_status 2 "an unknown --format is a usage error" -- $E import -d $N --format xlsx $T/good.ftm
for t in 0 65 two; do
	expect_status 2 "serve --threads $t is a usage error" -- $E serve -d $N --threads $t --listen 127.0.0.1:0
	expect_grep "$T/err" "threads must be 1-64" "and says the range"
done
head -c 300 $T/good.ftm >$T/cut.ftm
expect_status 1 "a truncated last line is reported" -- $E import -d $N $T/cut.ftm

# A 1 GiB single line is reported and skipped in bounded memory.
{ printf '{"id":"x","name":"'; head -c 1073741824 /dev/zero | tr '\0' 'a'; echo
  echo '{"id":"after-huge","schema":"Person","properties":{"name":["After"]}}'; } >$T/huge.ftm
expect_status 1 "a 1 GiB line is rejected" -- $E import -d $N $T/huge.ftm
expect_grep "$T/err" "huge.ftm:1: line longer than the limit" "and located"
expect_grep "$T/err" "inserted 1" "the lines after it still import"
rm -f $T/huge.ftm

expect_status 0 "import from standard input" -- sh -c "printf '%s\n' '{\"id\":\"in1\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Stdin\"]}}' | $E import -d $N -"
expect_status 0 "which is then there" -- $E get -d $N in1

expect_status 0 "stats" -- $E stats -d $N
expect_grep "$T/out" "Person " "stats lists persons"
expect_grep "$T/out" "total " "stats gives a total"

# export -> import into a new node -> export: byte-identical.
expect_status 0 "export" -- $E export -d $N --out $T/e1.ftm
$E init -d $T/node2 --agency DE-BKA >/dev/null
expect_status 0 "import the export into a new node" -- $E import -d $T/node2 $T/e1.ftm
$E export -d $T/node2 --out $T/e2.ftm 2>/dev/null
if cmp -s $T/e1.ftm $T/e2.ftm; then pass "export -> import -> export is byte-identical"; else fail "round trip differs"; diff $T/e1.ftm $T/e2.ftm | head -5; fi
expect_status 0 "export one schema" -- $E export -d $N --schema Passport
[ "$(wc -l <$T/out)" = 1 ] && pass "--schema filters" || fail "--schema filters ($(wc -l <$T/out) lines)"

# A kill -9 during an import leaves a consistent node, and re-running completes it.
python3 - "$T/big.ftm" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    for i in range(150000):
        f.write(json.dumps({"id": "k%d" % i, "schema": "Person",
            "properties": {"name": ["Person Number %d" % i], "birthDate": ["1970"]}}) + "\n")
PY
$E init -d $T/node3 --agency FR-DGSI >/dev/null
$E import -d $T/node3 $T/big.ftm 2>/dev/null &
pid=$!
sleep 0.4
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
ic=$(sqlite3 $T/node3/entente.db 'PRAGMA integrity_check' 2>&1)
[ "$ic" = ok ] && pass "after kill -9 the database passes integrity_check" || fail "integrity_check: $ic"
n=$(sqlite3 $T/node3/entente.db 'SELECT count(*) FROM record')
{ [ "$n" = 0 ] || [ "$n" = 150000 ]; } && pass "after kill -9 the import is all or nothing ($n)" || fail "partial import after kill: $n"
expect_status 0 "re-running the import completes it" -- $E import -d $T/node3 $T/big.ftm
n=$(sqlite3 $T/node3/entente.db 'SELECT count(*) FROM record')
[ "$n" = 150000 ] && pass "all 150000 records are there" || fail "count after re-run: $n"

finish
