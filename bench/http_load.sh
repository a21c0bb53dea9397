#!/bin/sh
# http_load.sh - load benchmark of `entente serve` with wrk (bench/README.md,
# "HTTP").  Never part of `make check`.
#
#   bench/http_load.sh [BUILD_DIR]
#
# Environment: PERSONS (default 1000000) persons in the generated watchlist,
# DURATION (default 30s) of each wrk run, CONNS (default 64) connections,
# WRK_THREADS (default 2), KEEP=1 to keep the work directory.
#
# Steps: generate the watchlist (bench/gen_watchlist), create a node and
# import it, add an officer, start the server (it builds the screening index
# before listening), then measure
#   1. POST /v1/screen with names drawn from the list as written (half in
#      Han, Arabic, Hangul, Cyrillic ... script), no schema, every one
#      audited;
#   2. the same persons as a border post asks: the name in Latin letters,
#      birth date, nationality, gender, schema Person;
#   3. GET /healthz;
# and finally stop the server with SIGTERM and verify the audit chain.
set -eu

BUILD=${1:-build}
PERSONS=${PERSONS:-1000000}
DURATION=${DURATION:-30s}
CONNS=${CONNS:-64}
WRK_THREADS=${WRK_THREADS:-2}
ENTENTE=$BUILD/entente
GEN=$BUILD/bench/gen_watchlist
HERE=$(cd "$(dirname "$0")" && pwd)

if ! command -v wrk >/dev/null 2>&1; then
	echo "http_load: installing wrk (Debian package)" >&2
	apt-get install -y wrk >/dev/null || {
		apt-get update >/dev/null && apt-get install -y wrk >/dev/null
	}
fi
for f in "$ENTENTE" "$GEN"; do
	[ -x "$f" ] || { echo "http_load: $f missing: build first" >&2; exit 1; }
done

WORK=$(mktemp -d /tmp/entente-http-bench.XXXXXX)
SERVER=
cleanup() {
	[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" || true
	[ "${KEEP:-0}" = 1 ] || rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

t0=$(date +%s)
"$GEN" --persons "$PERSONS" >"$WORK/list.jsonl"
t1=$(date +%s)
echo "generated $PERSONS persons in $((t1 - t0)) s"
"$ENTENTE" init -d "$WORK/node" --agency FR-BENCH >/dev/null
"$ENTENTE" import -d "$WORK/node" "$WORK/list.jsonl" >/dev/null
t2=$(date +%s)
echo "imported in $((t2 - t1)) s"
TOKEN=$("$ENTENTE" user add -d "$WORK/node" bench --role officer)

# Query names: 5,000 persons sampled across the list.
awk -v n="$PERSONS" 'NR % int(n / 5000 + 1) == 0' "$WORK/list.jsonl" \
	| grep '"schema":"Person"' >"$WORK/sample.jsonl"
echo "$(wc -l <"$WORK/sample.jsonl") query names"

"$ENTENTE" serve -d "$WORK/node" --listen 127.0.0.1:0 \
	>"$WORK/serve.out" 2>"$WORK/serve.err" &
SERVER=$!
while ! grep -q "listening on" "$WORK/serve.out" 2>/dev/null; do
	kill -0 "$SERVER" || { cat "$WORK/serve.err"; exit 1; }
	sleep 0.2
done
t3=$(date +%s)
URL=$(sed -n 's/^listening on //p' "$WORK/serve.out")
echo "server up in $((t3 - t2)) s (index built before listening): $URL"
echo "server RSS: $(awk '/VmRSS/ {print $2, $3}' /proc/$SERVER/status)"

# One wrk script, two mixes of the same persons.  MIX=0, the names as
# written (half in Han, Arabic, Hangul, Cyrillic ... script), no schema.
# MIX=1, the border mix: what a passport or an airline list gives, the name
# in Latin letters (as in the machine-readable zone) with birth date,
# nationality and gender, as a Person.  Each wrk thread reads the sample
# and cycles through its bodies.
lua_script() {
	cat <<LUA
local border = $1 == 1
local bodies = {}
local i = 0
local function field(line, key)
	return line:match('"' .. key .. '":%["(.-)"')
end
local function border_body(line)
	local name = field(line, "name")
	if name and name:find("[\128-\255]") then
		name = field(line, "alias")
	end
	if not name or name:find("[\128-\255]") then
		return nil
	end
	local b = '{"schema":"Person","name":"' .. name .. '"'
	for _, k in ipairs({"birthDate", "nationality", "gender"}) do
		local v = field(line, k)
		local jk = k == "birthDate" and "birth_date" or k
		if v then b = b .. ',"' .. jk .. '":"' .. v .. '"' end
	end
	return b .. '}'
end
function init(args)
	for line in io.lines("$WORK/sample.jsonl") do
		local b
		if border then
			b = border_body(line)
		elseif field(line, "name") then
			b = '{"name":"' .. field(line, "name") .. '"}'
		end
		if b then bodies[#bodies + 1] = b end
	end
	i = math.random(#bodies)
end
function request()
	i = i % #bodies + 1
	return wrk.format("POST", "/v1/screen", {
		["Content-Type"] = "application/json",
		["Authorization"] = "Bearer $TOKEN",
	}, bodies[i])
end
LUA
}
lua_script 0 >"$WORK/screen.lua"
lua_script 1 >"$WORK/border.lua"

echo
echo "== POST /v1/screen, $CONNS connections, $DURATION"
wrk -t"$WRK_THREADS" -c"$CONNS" -d"$DURATION" --latency \
	-s "$WORK/screen.lua" "$URL/v1/screen"
echo
echo "== POST /v1/screen, border mix (Latin name, birth date, nationality,"
echo "   gender, Person), $CONNS connections, $DURATION"
wrk -t"$WRK_THREADS" -c"$CONNS" -d"$DURATION" --latency \
	-s "$WORK/border.lua" "$URL/v1/screen"
echo
echo "== GET /healthz, $CONNS connections, $DURATION"
wrk -t"$WRK_THREADS" -c"$CONNS" -d"$DURATION" --latency "$URL/healthz"
echo
echo "server RSS after: $(awk '/VmRSS/ {print $2, $3}' /proc/$SERVER/status)"
kill -TERM "$SERVER"
wait "$SERVER"
SERVER=
t4=$(date +%s)
"$ENTENTE" audit -d "$WORK/node" verify
echo "audit verify: $(($(date +%s) - t4)) s"
"$ENTENTE" audit -d "$WORK/node" show --user bench | wc -l |
	awk '{print $1 " audit entries for the benchmark user"}'
: "$HERE"
