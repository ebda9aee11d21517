#!/bin/sh
# The man pages lint clean with mandoc, and every option --help names is in openweigh(1).
set -u
OW=${OPENWEIGH:-./openweigh}
S=${OW_SRCDIR:-.}
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); printf 'FAIL: %s\n' "$*"; }
T=$(mktemp -d "${TMPDIR:-/tmp}/owman.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT INT TERM

if command -v mandoc >/dev/null 2>&1; then
	# A private manual tree so cross references (Xr) resolve.
	mkdir -p "$T/man/man1" "$T/man/man5"
	cp "$S/man/openweigh.1" "$T/man/man1/"
	cp "$S/man/openweigh-catalog.5" "$T/man/man5/"
	level=style
	if [ -x /usr/sbin/makewhatis ]; then /usr/sbin/makewhatis "$T/man"; else level=warning; fi
	for p in "$T/man/man1/openweigh.1" "$T/man/man5/openweigh-catalog.5"; do
		if MANPATH="$T/man" mandoc -T lint -W "$level" "$p" >"$T/lint" 2>&1; then ok; else bad "mandoc: $(cat "$T/lint")"; fi
	done
else
	echo "mandoc not installed: lint skipped"
fi

"$OW" --help >"$T/help" || bad "--help failed"
# The page with roff escapes removed: "Fl \-no\-color" reads "Fl -no-color".
tr -d '\\' <"$S/man/openweigh.1" >"$T/page"
for opt in $(grep -o -- '--[a-z][a-z-]*' "$T/help" | sort -u); do
	name=${opt#-}
	if grep -q -- "Fl.* $name\\b" "$T/page"; then ok; else bad "--help names $opt; openweigh(1) does not"; fi
done
for cmd in memo footprint costs "catalog list" "catalog check"; do
	if grep -q "$cmd" "$T/help" && grep -q "Cm $cmd" "$S/man/openweigh.1"; then ok; else bad "command '$cmd' missing from --help or openweigh(1)"; fi
done
# The KEYS section is the wizard's key table, as man/keys.sh prints it.
sh "$S/man/keys.sh" "$S" >"$T/keys"
awk '/^\.Sh KEYS/{on=1} /^\.Sh / && !/KEYS/{on=0} on' "$S/man/openweigh.1" >"$T/page-keys"
if cmp -s "$T/keys" "$T/page-keys"; then ok; else bad "openweigh(1) KEYS differs from screens/keys.h (run: sh man/keys.sh)"; diff "$T/keys" "$T/page-keys" | head; fi
printf '%d passed, %d failed\n' "$pass" "$fail"
[ "$fail" -eq 0 ]
