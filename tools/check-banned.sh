#!/bin/sh
# check-banned.sh - fail if C sources call functions STYLE.md bans:
# unbounded copies, non-reentrant or unchecked parsers, weak randomness.
cd "$(dirname "$0")/.." || exit 2
pattern='\<(strcpy|strcat|sprintf|vsprintf|gets|strtok|atoi|atol|atof|rand|alloca)[[:space:]]*\('
found=$(git ls-files 'src/*.c' 'src/*.h' 'tests/*.c' 'bench/*.c' |
	xargs grep -nE "$pattern" | grep -v 'check-banned: ok')
if [ -n "$found" ]; then
	echo "banned calls (use snprintf, strtoll, strtok_r, randombytes_buf...):"
	echo "$found"
	exit 1
fi
echo "check-banned: 1 passed, 0 failed"
