#!/bin/sh
# bench/import.sh - the import benchmark.
#
# Generates a synthetic watchlist (1,000,000 persons with passports and
# links: about 1.5 million records) with bench/gen_watchlist, creates a
# node, imports the file, then imports it again, and prints for each run
# the records per second and the peak resident memory.  The second import
# must find every record unchanged; if it does not, the script fails.
#
#   bench/import.sh                   # 1M persons, several minutes
#   PERSONS=20000 bench/import.sh     # quick look
#
# Environment: BUILD (build directory, default build), PERSONS (default
# 1000000), SEED (default 1), AGENCY (default ZZ-BENCH), KEEP=1 keeps the
# node directory.  The watchlist is kept in bench/out/ (git-ignored) and
# reused while it is newer than the generator.
set -eu

cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
PERSONS=${PERSONS:-1000000}
SEED=${SEED:-1}
AGENCY=${AGENCY:-ZZ-BENCH}
OUT=bench/out
ENTENTE=$BUILD/entente
GEN=$BUILD/bench/gen_watchlist
LIST=$OUT/watchlist-$PERSONS-s$SEED.ftm
NODE=$OUT/node-import

say() { printf '%s\n' "$*" >&2; }
fail() { say "import.sh: $*"; exit 1; }

# Build what is missing: the binary with make, the generator with ninja.
if [ ! -x "$ENTENTE" ]; then
	say "import.sh: $ENTENTE missing; running make"
	make BUILD="$BUILD"
fi
[ -x "$GEN" ] || ninja -C "$BUILD" bench/gen_watchlist
[ -x "$ENTENTE" ] || fail "$ENTENTE was not built"

# GNU time reports the peak RSS; Debian ships it as the package 'time'.
if [ ! -x /usr/bin/time ]; then
	say "import.sh: installing GNU time"
	if [ "$(id -u)" = 0 ]; then sudo=; else sudo=sudo; fi
	$sudo apt-get install -y -qq time >/dev/null 2>&1 ||
	    { $sudo apt-get update -qq &&
		$sudo apt-get install -y -qq time >/dev/null; }
fi

mkdir -p "$OUT"

# timed LOG CMD...: run CMD under GNU time, its stderr and the report in LOG.
timed() {
	log=$1
	shift
	/usr/bin/time -v "$@" 2>"$log" || {
		cat "$log" >&2
		fail "'$*' failed"
	}
}

# Wall-clock seconds and peak RSS in MB from a GNU time report.
seconds() {
	awk -F': ' '/Elapsed \(wall clock\)/ {
		n = split($2, t, ":"); s = 0
		for (i = 1; i <= n; i++) s = s * 60 + t[i]
		print s }' "$1"
}
peak_mb() {
	awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"
}
# The value of one counter ("read", "inserted", ...) in the import summary.
counter() {
	sed -n 's/.*read \([0-9]*\), inserted \([0-9]*\), updated \([0-9]*\), unchanged \([0-9]*\), rejected \([0-9]*\).*/read \1 inserted \2 updated \3 unchanged \4 rejected \5/p' "$2" |
	    tail -n 1 | awk -v k="$1" '{ for (i = 1; i < NF; i += 2) if ($i == k) print $(i + 1) }'
}

if [ ! -s "$LIST" ] || [ "$GEN" -nt "$LIST" ]; then
	say "import.sh: generating $PERSONS persons into $LIST"
	/usr/bin/time -v "$GEN" --persons "$PERSONS" --seed "$SEED" \
	    --documents --links 0.05 >"$LIST" 2>"$OUT/import-gen.log" ||
	    { cat "$OUT/import-gen.log" >&2; fail "generator failed"; }
	gen_s=$(seconds "$OUT/import-gen.log")
	say "import.sh: generated in ${gen_s} s"
fi
records=$(wc -l <"$LIST" | tr -d ' ')
size_mb=$(du -m "$LIST" | cut -f1)

rm -rf "$NODE"
"$ENTENTE" init -d "$NODE" --agency "$AGENCY" >/dev/null

report() { # report LABEL LOG
	s=$(seconds "$2")
	n=$(counter read "$2")
	[ -n "$n" ] || { cat "$2" >&2; fail "$1: no import summary"; }
	rate=$(awk -v n="$n" -v s="$s" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }')
	printf '%-10s %9s records in %8.1f s = %7s records/s, peak RSS %5s MB  (%s)\n' \
	    "$1" "$n" "$s" "$rate" "$(peak_mb "$2")" \
	    "$(grep -o 'read [0-9]*, inserted.*' "$2" | tail -n 1)"
}

say "import.sh: importing $records records ($size_mb MB)"
timed "$OUT/import-first.log" "$ENTENTE" import -d "$NODE" "$LIST"
say "import.sh: importing the same file again"
timed "$OUT/import-again.log" "$ENTENTE" import -d "$NODE" "$LIST"

echo "watchlist: $PERSONS persons, $records records, $size_mb MB ($LIST)"
report import "$OUT/import-first.log"
report re-import "$OUT/import-again.log"
echo "node: $(du -sm "$NODE" | cut -f1) MB on disk"

# The re-import must change nothing.
read2=$(counter read "$OUT/import-again.log")
same=$(counter unchanged "$OUT/import-again.log")
if [ "$read2" != "$same" ] ||
    [ "$(counter rejected "$OUT/import-first.log")" != 0 ]; then
	fail "re-import changed records or the import rejected some" \
	    "(see $OUT/import-*.log)"
fi
[ "${KEEP:-0}" = 1 ] || rm -rf "$NODE"
