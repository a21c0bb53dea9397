#!/bin/sh
# tests/e2e/gen_smoke.sh - smoke test of bench/gen_watchlist.
#
# The benchmarks rely on the generator being deterministic, writing valid
# FtM, and keeping its query pool off the list: a benchmark of false alarms
# is only honest if no "unlisted" person is in fact listed.  Checks:
#   1. the same options twice give byte-identical output; another seed
#      gives other output;
#   2. every line is a JSON object with an id, a schema and properties whose
#      values are arrays of strings; ids are unique and every reference
#      points at a record of the file;
#   3. on 20,000 persons, no --pool query name or alias equals a --pool list
#      one, as written or folded (case, accents, hyphens, word order), for
#      the same seed and for another;
#   4. a passenger list has its header, its rows and the share of hits.
#
# usage: gen_smoke.sh [GEN_WATCHLIST]   (default $GEN_WATCHLIST, then
#        build/bench/gen_watchlist)
set -eu

GEN=${1:-${GEN_WATCHLIST:-build/bench/gen_watchlist}}
[ -x "$GEN" ] || { echo "gen_smoke: no generator at $GEN" >&2; exit 1; }
command -v python3 >/dev/null || { echo "gen_smoke: needs python3" >&2; exit 1; }

T=$(mktemp -d "${TMPDIR:-/tmp}/gen_smoke.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM

fail() { echo "gen_smoke: FAIL: $*" >&2; exit 1; }

# 1. Determinism.
"$GEN" --persons 2000 --seed 7 --documents >"$T/a.ftm"
"$GEN" --persons 2000 --seed 7 --documents >"$T/b.ftm"
"$GEN" --persons 2000 --seed 8 --documents >"$T/c.ftm"
cmp -s "$T/a.ftm" "$T/b.ftm" || fail "same seed, different output"
cmp -s "$T/a.ftm" "$T/c.ftm" && fail "another seed, same output"
[ "$(grep -c '"schema":"Person"' "$T/a.ftm")" = 2000 ] ||
    fail "expected 2000 persons"

# 2. Valid FtM JSON on every line, unique ids, references resolve.
cat >"$T/ftm.py" <<'PY'
import json, sys
REFS = {"holder", "person", "relative", "associate", "member", "organization"}
ids, refs = set(), []
for n, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
    try:
        r = json.loads(line)
    except ValueError as e:
        sys.exit("line %d: not JSON: %s" % (n, e))
    if not isinstance(r, dict) or set(r) != {"id", "schema", "properties"}:
        sys.exit("line %d: not an FtM record" % n)
    if r["id"] in ids:
        sys.exit("line %d: duplicate id %s" % (n, r["id"]))
    ids.add(r["id"])
    for k, v in r["properties"].items():
        if not (isinstance(v, list) and v and
                all(isinstance(x, str) and x for x in v)):
            sys.exit("line %d: %s is not a list of strings" % (n, k))
        if k in REFS:
            refs += [(n, x) for x in v]
for n, x in refs:
    if x not in ids:
        sys.exit("line %d: reference to missing record %s" % (n, x))
PY
python3 "$T/ftm.py" "$T/a.ftm" || fail "invalid FtM"

# 3. Query pool names never equal list pool names.
"$GEN" --persons 20000 --seed 1 >"$T/list.ftm"
"$GEN" --persons 20000 --seed 1 --pool query >"$T/q1.ftm"
"$GEN" --persons 20000 --seed 2 --pool query >"$T/q2.ftm"
cat >"$T/pool.py" <<'PY'
import json, sys, unicodedata
def names(path):
    out = set()
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        if r["schema"] == "Person":
            p = r["properties"]
            out.update(p.get("name", []) + p.get("alias", []))
    return out
def fold(s):
    s = unicodedata.normalize("NFKD", s.casefold())
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(sorted(s.replace("-", " ").replace("'", "").split()))
listed = names(sys.argv[1])
folded = {fold(x) for x in listed}
if len(listed) < 25000:
    sys.exit("only %d list names" % len(listed))
for q in sys.argv[2:]:
    query = names(q)
    if len(query) < 25000:
        sys.exit("%s: only %d query names" % (q, len(query)))
    same = listed & query
    if same:
        sys.exit("%s: listed names in the query pool: %s"
                 % (q, sorted(same)[:5]))
    close = {x for x in query if fold(x) in folded}
    if close:
        sys.exit("%s: query names equal to listed ones once folded: %s"
                 % (q, sorted(close)[:5]))
PY
python3 "$T/pool.py" "$T/list.ftm" "$T/q1.ftm" "$T/q2.ftm" ||
    fail "query pool overlaps the list"

# 4. A passenger list from the list above.
"$GEN" --passengers 1000 --hit-rate 0.1 --from "$T/list.ftm" \
    --truth "$T/truth.csv" >"$T/pax.csv"
[ "$(head -n 1 "$T/pax.csv")" = \
    "id,name,birth_date,nationality,gender,document_number,document_country" ] ||
    fail "passenger header"
[ "$(wc -l <"$T/pax.csv")" = 1001 ] || fail "expected 1000 passengers"
hits=$(awk -F, 'NR > 1 && $2 != ""' "$T/truth.csv" | wc -l)
[ "$hits" = 100 ] || fail "expected 100 hits, got $hits"
if "$GEN" --passengers 5 --hit-rate 0.5 >/dev/null 2>&1; then
	fail "--hit-rate without --from accepted"
fi

echo "gen_smoke: ok"
