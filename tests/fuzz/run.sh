#!/bin/sh
# make fuzz: build each libFuzzer target with clang (ASan+UBSan+LeakSanitizer) and
# run it FUZZ_SECONDS seconds on a scratch copy of its corpus. Fails on any crash,
# leak or sanitizer report; the failing input is kept in tests/fuzz/crashes/.
set -u
SECONDS_EACH=${FUZZ_SECONDS:-60}
S=${OW_SRCDIR:-.}
B=${OW_BUILDDIR:-.}
work=$(mktemp -d "${TMPDIR:-/tmp}/owfuzz.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT INT TERM
mkdir -p "$S/tests/fuzz/crashes"
export OW_CATALOG="$S/catalog"
rc=0
for t in answers catalog; do
	mkdir -p "$work/$t"
	cp "$S/tests/fuzz/corpus/$t"/* "$work/$t/"
	"$B/tests/fuzz/fuzz_$t" -max_total_time="$SECONDS_EACH" -dict="$S/tests/fuzz/yaml.dict" \
		-max_len=65536 -print_final_stats=1 -artifact_prefix="$S/tests/fuzz/crashes/$t-" \
		"$work/$t" >"$work/$t.log" 2>&1
	r=$?
	runs=$(grep -o 'Done [0-9]* runs' "$work/$t.log" | tail -1)
	cov=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$work/$t.log" | tail -1)
	printf 'fuzz_%s: %s in %ss, %s, exit %d\n' "$t" "${runs:-no summary}" "$SECONDS_EACH" "${cov:-}" "$r"
	if [ "$r" -ne 0 ]; then
		tail -40 "$work/$t.log"
		rc=1
	fi
done
exit $rc
