#!/bin/sh
# check-deps.sh - each third-party header only inside its wrapper module
# (STYLE.md §2): a library used elsewhere is a layering bug.
cd "$(dirname "$0")/.." || exit 2
status=0
check() { # header-regex allowed-dirs...
	re=$1; shift
	allowed=$(printf '%s|' "$@" | sed 's/|$//')
	bad=$(git ls-files 'src/*.c' 'src/*.h' | grep -vE "^($allowed)/" |
		xargs grep -lE "#include[[:space:]]*<($re)" 2>/dev/null)
	if [ -n "$bad" ]; then
		echo "$re included outside $*: $bad"
		status=1
	fi
}
check 'sqlite3\.h' src/store
check 'unicode/' src/text
check 'sodium' src/crypto
check 'igraph' src/graph
check 'microhttpd\.h' src/http
check 'libxml/' src/codec
check 'jansson\.h' src/codec src/http
check 'curl/' src/net
[ $status = 0 ] && echo "check-deps: 1 passed, 0 failed"
exit $status
