#!/bin/sh
# quality.sh - run the screening quality benchmark (all four parts, one
# table at the end).  Generates the synthetic 1M-person watchlist and the
# 10,000 unlisted persons into bench/out/ when they are missing.
#
# Usage: bench/quality.sh [BUILD_DIR] [DATA_DIR]
#   BUILD_DIR defaults to build-quality, DATA_DIR to ../shared/data.
#   BENCH_PERSONS=N to use a smaller list (default 1000000).
set -eu
cd "$(dirname "$0")/.."
build=${1:-build-quality}
data=${2:-${ENTENTE_SHARED_DATA:-../shared/data}}
persons=${BENCH_PERSONS:-1000000}
gen="$build/bench/gen_watchlist"
list="bench/out/quality_list_$persons.jsonl"
queries=bench/out/quality_query_10k.jsonl

if [ ! -x "$gen" ] || [ ! -x "$build/bench/bench_quality" ]; then
	echo "quality.sh: build first: ninja -C $build" >&2
	exit 1
fi
mkdir -p bench/out
if [ ! -s "$list" ]; then
	echo "generating $list ..." >&2
	"$gen" --persons "$persons" --seed 1 --links 0 >"$list.tmp"
	mv "$list.tmp" "$list"
fi
if [ ! -s "$queries" ]; then
	echo "generating $queries ..." >&2
	"$gen" --persons 10000 --seed 1 --pool query --orgs 0 --links 0 \
	    >"$queries.tmp"
	mv "$queries.tmp" "$queries"
fi
BENCH_LIST=$list BENCH_QUERIES=$queries \
    exec "$build/bench/bench_quality" all "$data"
