#!/bin/sh
# bench/screen.sh - the screening speed benchmark.
#
# Generates a watchlist of 1,000,000 persons (plus the generator's default
# organisations and links) and a pool of 20,000 persons on no list with
# bench/gen_watchlist, then runs bench/bench_screen: index build time and
# memory, single-query p50/p99, batch queries/s on 1 and 2 threads, rank-1
# recall of listed persons with realistic variations, and the share of
# unlisted persons that raise a result.  See bench/README.md.
#
#   bench/screen.sh                     # 1M persons, several minutes
#   PERSONS=100000 bench/screen.sh      # quick look
#
# Environment: BUILD (build directory, default build), PERSONS (default
# 1000000), SEED (default 1), QUERIES (default 10000).  Generated files are
# kept in bench/out/ (git-ignored) and reused while newer than the
# generator.  Extra arguments go to bench_screen (e.g. --records 300000).
set -eu

cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
PERSONS=${PERSONS:-1000000}
SEED=${SEED:-1}
QUERIES=${QUERIES:-10000}
OUT=bench/out
GEN=$BUILD/bench/gen_watchlist
BENCH=$BUILD/bench/bench_screen
LIST=$OUT/watchlist-$PERSONS-s$SEED.ftm
POOL=$OUT/pool-query-20000-s$SEED.ftm

[ -x "$GEN" ] && [ -x "$BENCH" ] ||
	ninja -C "$BUILD" bench/gen_watchlist bench/bench_screen
mkdir -p "$OUT"
if [ ! -s "$LIST" ] || [ "$GEN" -nt "$LIST" ]; then
	printf 'screen.sh: generating %s\n' "$LIST" >&2
	"$GEN" --persons "$PERSONS" --seed "$SEED" >"$LIST.tmp"
	mv "$LIST.tmp" "$LIST"
fi
if [ ! -s "$POOL" ] || [ "$GEN" -nt "$POOL" ]; then
	"$GEN" --persons 20000 --seed "$SEED" --pool query >"$POOL.tmp"
	mv "$POOL.tmp" "$POOL"
fi
exec "$BENCH" --watchlist "$LIST" --pool "$POOL" --queries "$QUERIES" \
    --chunk 262144 "$@"
