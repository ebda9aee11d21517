#!/bin/sh
# The bash completion (src/completion/openweigh.bash) sourced in a real bash and asked
# for completions as bash would ask: commands, options from --help, and ids from the
# catalog at completion time. Run by `make check`.
set -u
OW=${OPENWEIGH:-./openweigh}
SRC=${OW_SRCDIR:-.}
T=$(mktemp -d "${TMPDIR:-/tmp}/owcomp.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT INT TERM
export XDG_CONFIG_HOME="$T/config" XDG_CONFIG_DIRS="$T/none" XDG_STATE_HOME="$T/state"
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); printf 'FAIL: %s\n' "$*"; }
if ! command -v bash >/dev/null 2>&1; then echo "bash not installed: skipped"; exit 77; fi

# complete WORD... : what the completion offers for the last word of "openweigh WORD...".
complete_line() {
	bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _openweigh; printf "%s\n" "${COMPREPLY[@]}"' \
		sh "$SRC/src/completion/openweigh.bash" "$OW" "$@" >"$T/out" 2>"$T/err"
}
offers() { if grep -qx -- "$1" "$T/out"; then ok; else bad "completing '$2' does not offer $1: $(tr '\n' ' ' <"$T/out")"; fi; }
refuses() { if grep -qx -- "$1" "$T/out"; then bad "completing '$2' offers $1"; else ok; fi; }

complete_line footprint --gpu h2
offers h200 "footprint --gpu h2"; refuses h100 "footprint --gpu h2"
complete_line footprint --model qwen3-3
offers qwen3-32b "--model qwen3-3"; offers qwen3-30b-a3b "--model qwen3-3"; refuses qwen3-8b "--model qwen3-3"
complete_line footprint --model gpt-oss-120b --precision nv
offers nvfp4 "--precision nv"
complete_line ca
offers catalog "ca"
complete_line catalog import-
offers import-prices "catalog import-"; offers import-config "catalog import-"
complete_line catalog list p
offers providers "catalog list p"; offers presets "catalog list p"
complete_line memo --answers reg
offers regulated-enterprise "--answers reg"
complete_line footprint --no-
offers --no-color "--no-"; offers --no-mouse "--no-"
complete_line memo --for
offers --format "--for"
# Ids come from the catalog the line names: an overlay's GPU is offered.
mkdir -p "$T/ov"
sed -n '/^openweigh_catalog/,/^  - id: h200/p' "$SRC/catalog/gpus.yaml" | sed '$d' >"$T/ov/gpus.yaml"
awk '/^  - id: h200$/{on=1} on && /^  - id: / && !/h200/{exit} on' "$SRC/catalog/gpus.yaml" | sed 's/id: h200$/id: h2-lab/' >>"$T/ov/gpus.yaml"
complete_line --catalog "$T/ov" footprint --gpu h2
offers h2-lab "--catalog DIR footprint --gpu h2"; offers h200 "--catalog DIR footprint --gpu h2"

printf '%d passed, %d failed\n' "$pass" "$fail"
[ "$fail" -eq 0 ]
