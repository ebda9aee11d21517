#!/bin/sh
# valgrind memcheck on every non-interactive command: no errors, nothing definitely
# lost. Skipped (77) when valgrind is missing or the build uses the sanitizers.
set -u
OW=${OPENWEIGH:-./openweigh}
S=${OW_SRCDIR:-.}
command -v valgrind >/dev/null 2>&1 || { echo "valgrind not installed"; exit 77; }
[ "${OW_SANITIZERS:-no}" = yes ] && { echo "sanitizer build: valgrind does not mix with ASan"; exit 77; }
T=$(mktemp -d "${TMPDIR:-/tmp}/owvg.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT INT TERM
export XDG_CONFIG_HOME="$T/config"
pass=0 fail=0
vg() {
	valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
		"$OW" "$@" >/dev/null 2>"$T/vg.log"
	r=$?
	if [ "$r" -eq 99 ]; then fail=$((fail + 1)); echo "FAIL: valgrind on: $*"; cat "$T/vg.log"; else pass=$((pass + 1)); fi
}
vg memo --answers "$S/catalog/presets/regulated-enterprise.yaml"
vg memo --answers "$S/catalog/presets/social-platform.yaml" --format json
vg costs --answers "$S/catalog/presets/startup-chatbot.yaml" --json
vg footprint --model deepseek-v3 --precision fp8 --gpu h200 --json
vg catalog list models --json
vg catalog list gpus
vg catalog check
vg memo --answers "$S/catalog/presets/offline-field-app.yaml" -o "$T/memo.md"
printf 'openweigh_answers: 1\nprivacy: [\n' >"$T/bad.yaml"
vg memo --answers "$T/bad.yaml"
vg --help
printf '%d passed, %d failed\n' "$pass" "$fail"
[ "$fail" -eq 0 ]
