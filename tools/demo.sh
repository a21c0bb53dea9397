#!/bin/sh
# demo.sh - `make demo`: a fresh demo node with generated watchlist data,
# a demo officer, and the server in the foreground.  Re-running starts over.
set -eu
BUILD=${BUILD:-build}
DIR=${DEMO_DIR:-demo-data}
PERSONS=${DEMO_PERSONS:-50000}
PORT=${DEMO_PORT:-8080}
E=$BUILD/entente
GEN=$BUILD/bench/gen_watchlist

[ -x "$E" ] || { echo "demo: $E is missing; run make" >&2; exit 1; }
rm -rf "$DIR"
"$E" init -d "$DIR" --agency ZZ-DEMO
echo "demo: generating $PERSONS synthetic persons (names in many scripts)..."
"$GEN" --persons "$PERSONS" --seed 7 --documents --links 0.05 >"$DIR/generated.ftm"
"$E" import -d "$DIR" "$DIR/generated.ftm" tools/demo-records.ftm
"$E" stats -d "$DIR"

cat <<TRY

Entente demo node ready in $DIR.  Try, in another terminal:

  $E screen -d $DIR --name "Sidorov Ivan"
  $E screen -d $DIR --name "Иван Сидоров" --birth-date 1971
  $E screen -d $DIR --name "Mohamed Abdallah Alrashid" --nationality YE
  $E screen -d $DIR --name "张伟"
  $E screen -d $DIR --document 75I234567:RU
  $E screen -d $DIR --mrz 'P<RUSSIDOROV<<IVAN<PETROVICH<<<<<<<<<<<<<<<<' \\
      --mrz '7512345672RUS7103151M3001019<<<<<<<<<<<<<<02'
  $E get -d $DIR demo-sidorov
  $E export -d $DIR --schema Passport | head

TRY

if ! "$E" help | grep -q serve; then
	echo "demo: this build has no HTTP server; the CLI above works."
	exit 0
fi
TOKEN=$("$E" user add -d "$DIR" demo-officer --role officer)
ADMIN=$("$E" user add -d "$DIR" demo-admin --role admin)
cat <<API
The HTTP API (docs/http-api.md) on http://127.0.0.1:$PORT, with a demo
officer token and a demo admin token:

  curl -s http://127.0.0.1:$PORT/v1/screen \\
       -H 'Authorization: Bearer $TOKEN' \\
       -H 'Content-Type: application/json' -H 'X-Purpose: demo' \\
       -d '{"name":"Ivan Sidorov","birth_date":"1971-03-15"}'
  curl -s http://127.0.0.1:$PORT/healthz
  curl -s -H 'Authorization: Bearer $ADMIN' http://127.0.0.1:$PORT/metrics
  $E audit show -d $DIR

Starting the server (Ctrl-C to stop)...
API
exec "$E" serve -d "$DIR" --listen "127.0.0.1:$PORT"
