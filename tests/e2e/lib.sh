# lib.sh - helpers for the end-to-end tests.  Sourced; expects $ENTENTE
# (the binary) and creates $T, a scratch directory removed on exit.
set -u
T=$(mktemp -d /tmp/ent-e2e-XXXXXX)
trap 'rm -rf "$T"' EXIT
failures=0
passes=0

pass() { passes=$((passes + 1)); printf 'ok - %s\n' "$*"; }
fail() { failures=$((failures + 1)); printf 'not ok - %s\n' "$*"; }

# expect_status WANT DESCRIPTION -- CMD...: run CMD, compare its status.
expect_status() {
	want=$1; desc=$2; shift 3
	"$@" >"$T/out" 2>"$T/err"
	got=$?
	if [ "$got" = "$want" ]; then pass "$desc"; else
		fail "$desc (exit $got, wanted $want)"; sed 's/^/    /' "$T/err" | head -5
	fi
}

# expect_grep FILE PATTERN DESCRIPTION
expect_grep() {
	if grep -q -- "$2" "$1"; then pass "$3"; else
		fail "$3 (no '$2' in $(basename "$1"))"; sed 's/^/    /' "$1" | head -5
	fi
}

finish() {
	printf '%d passed, %d failed\n' "$passes" "$failures"
	[ "$failures" = 0 ]
}
