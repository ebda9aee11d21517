# tests/lib.sh — what the command-line shell tests share: the binary, a private
# folder removed at exit, pass/fail counts and the checks. Sourced after OW_TEST (a
# short name for the folder) is set; `finish` prints the counts and is the exit status.
OW=${OPENWEIGH:-./openweigh}
SRC=${OW_SRCDIR:-.}
T=$(mktemp -d "${TMPDIR:-/tmp}/ow${OW_TEST:-test}.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT INT TERM
pass=0 fail=0

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); printf 'FAIL: %s\n' "$*"; }

# expect CODE DESCRIPTION -- COMMAND...: runs it, keeps stdout/stderr in $T/out, $T/err.
expect() {
	want=$1; what=$2; shift 3
	"$@" >"$T/out" 2>"$T/err"
	got=$?
	if [ "$got" -eq "$want" ]; then ok; else bad "$what: exit $got, wanted $want; stderr: $(tail -c 400 "$T/err")"; fi
}
has() { if grep -qF -- "$2" "$1"; then ok; else bad "$1 lacks '$2'"; fi; }
lacks() { if grep -qF -- "$2" "$1"; then bad "$1 has '$2'"; else ok; fi; }

finish() {
	printf '%d passed, %d failed\n' "$pass" "$fail"
	[ "$fail" -eq 0 ]
}
