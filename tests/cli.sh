#!/bin/sh
# End-to-end tests of the command line through the real binary: exit codes,
# stdout, stderr, files. Run by `make check` (OPENWEIGH and OW_SRCDIR are set).
set -u
OW=${OPENWEIGH:-./openweigh}
SRC=${OW_SRCDIR:-.}
PRESET=$SRC/catalog/presets/regulated-enterprise.yaml
T=$(mktemp -d "${TMPDIR:-/tmp}/owcli.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT INT TERM
# Isolate from the user's own overlay and state.
export XDG_CONFIG_HOME="$T/config" XDG_STATE_HOME="$T/state" SOURCE_DATE_EPOCH=1795000000
pass=0 fail=0

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); printf 'FAIL: %s\n' "$*"; }

# expect CODE DESCRIPTION -- COMMAND...: runs it, keeps stdout/stderr in $T/out, $T/err.
expect() {
	want=$1; what=$2; shift 3
	"$@" >"$T/out" 2>"$T/err"
	got=$?
	if [ "$got" -eq "$want" ]; then ok; else bad "$what: exit $got, wanted $want; stderr: $(head -c 300 "$T/err")"; fi
}
has() { if grep -qF -- "$2" "$1"; then ok; else bad "$1 lacks '$2'"; fi; }
lacks() { if grep -qF -- "$2" "$1"; then bad "$1 has '$2'"; else ok; fi; }

# --help, --version
expect 0 help -- "$OW" --help
has "$T/out" "Usage: openweigh"
has "$T/out" "catalog check"
expect 0 version -- "$OW" --version
has "$T/out" "openweigh "

# memo: Markdown and JSON for every preset
for p in "$SRC"/catalog/presets/*.yaml; do
	expect 0 "memo md $p" -- "$OW" memo --answers "$p"
	has "$T/out" "## Recommendation:"
	has "$T/out" "## What would flip it"
	has "$T/out" "## Checking the seed's GPU table"
	expect 0 "memo json $p" -- "$OW" memo --answers "$p" --format json
	if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); [d[k] for k in ("openweigh_version","generated_at","catalog","answers","recommendation","scores","costs","crossovers","footprint","warnings")]; assert d["catalog"]["sha256"] and d["recommendation"]["architecture"]' "$T/out" 2>"$T/py"; then ok; else bad "json keys for $p: $(cat "$T/py")"; fi
done
# The memo says the seed's 405B rows are wrong.
expect 0 "memo warns" -- "$OW" memo --answers "$PRESET"
has "$T/out" "The seed's GPU table is wrong: 405B (FP16) on 8x A100 (80GB) cannot work"
# Reproducible: same inputs, same bytes.
"$OW" memo --answers "$PRESET" --format json >"$T/j1"; "$OW" memo --answers "$PRESET" --format json >"$T/j2"
if cmp -s "$T/j1" "$T/j2"; then ok; else bad "memo json not reproducible"; fi

# -o writes atomically, refuses to overwrite without --force, refuses symlinks
expect 0 "memo -o" -- "$OW" memo --answers "$PRESET" -o "$T/memo.md"
if [ -s "$T/memo.md" ] && [ ! -s "$T/out" ]; then ok; else bad "-o did not write the file alone"; fi
expect 2 "memo -o existing" -- "$OW" memo --answers "$PRESET" -o "$T/memo.md"
has "$T/err" "already exists (use --force to replace it)"
expect 0 "memo -o --force" -- "$OW" memo --answers "$PRESET" -o "$T/memo.md" --force --format json
has "$T/memo.md" '"openweigh_version"'
ln -s "$T/elsewhere" "$T/link.md"
expect 2 "memo -o symlink" -- "$OW" memo --answers "$PRESET" -o "$T/link.md" --force
has "$T/err" "is a symbolic link"
if [ ! -e "$T/elsewhere" ]; then ok; else bad "wrote through a symlink"; fi
if ls -A "$T" | grep -q '^\.openweigh-'; then bad "temporary file left behind"; else ok; fi
if [ -w /dev/full ] && [ -d /nonexistent-dir ] 2>/dev/null; then :; fi
expect 2 "memo -o missing folder" -- "$OW" memo --answers "$PRESET" -o "$T/no/such/dir/m.md"
has "$T/err" "cannot create a file in"

# Write errors: exit 2, a message, and no partial file left behind.
if [ -w /dev/full ]; then
	expect 2 "stdout on a full disk" -- sh -c "'$OW' memo --answers '$PRESET' >/dev/full"
	has "$T/err" "standard output"
fi
mkdir "$T/big"
expect 2 "-o past the file-size limit" -- sh -c "trap '' XFSZ; ulimit -f 4; exec '$OW' memo --answers '$PRESET' -o '$T/big/memo.md'"
has "$T/err" "cannot write"
if [ -z "$(ls -A "$T/big")" ]; then ok; else bad "partial file left: $(ls -A "$T/big")"; fi
expect 2 "-o onto a device" -- "$OW" memo --answers "$PRESET" -o /dev/null --force
has "$T/err" "exists and is not a regular file"
mkdir "$T/ro" && chmod 555 "$T/ro"
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1; then
	chmod 755 "$T"
	AS_USER="setpriv --reuid=65534 --regid=65534 --clear-groups"
	# Only where that user can reach the binary and the preset (not under a 0700 home).
	$AS_USER "$OW" memo --answers "$PRESET" >/dev/null 2>&1 || AS_USER=""
	[ -n "$AS_USER" ] || chmod 700 "$T"
else
	AS_USER=""
fi
if [ "$(id -u)" -ne 0 ] || [ -n "$AS_USER" ]; then
	expect 2 "-o into a read-only folder" -- $AS_USER "$OW" memo --answers "$PRESET" -o "$T/ro/memo.md"
	has "$T/err" "Permission denied"
fi

# Bad input: exit 1 with FILE:LINE:COL
printf 'openweigh_answers: 1\nprivacy: secret\n' >"$T/bad.yaml"
expect 1 "bad answers" -- "$OW" memo --answers "$T/bad.yaml"
has "$T/err" "openweigh: $T/bad.yaml:2:10: 'privacy' must be one of none, confidential, regulated, air-gapped; not 'secret'"
expect 2 "missing answers file" -- "$OW" memo --answers "$T/nope.yaml"
has "$T/err" "$T/nope.yaml: cannot open: No such file or directory"
expect 1 "memo without answers" -- "$OW" memo
has "$T/err" "memo needs --answers FILE"
expect 1 "unknown command" -- "$OW" frobnicate
has "$T/err" "unknown command 'frobnicate'"
expect 1 "unknown option" -- "$OW" --frob
has "$T/err" "unknown option '--frob'"
expect 1 "bad format" -- "$OW" memo --answers "$PRESET" --format pdf
expect 1 "bad batch" -- "$OW" footprint --model llama-3.1-8b --precision bf16 --gpu h100 --batch -3

# footprint
expect 0 footprint -- "$OW" footprint --model llama-3.1-8b --precision bf16 --gpu a10g --context 4096
has "$T/out" "weights               16.06 GB"
expect 0 "footprint json" -- "$OW" footprint --model llama-3.1-70b --precision bf16 --gpu h100 --json
if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["kv_bytes_per_token"]==327680 and d["gpu_count"]>=2 and d["tensor_parallel"]>=2, d' "$T/out"; then ok; else bad "footprint json"; fi
expect 0 "footprint 405b" -- "$OW" footprint --model llama-3.1-405b --precision bf16 --gpu a100-80gb --context 2048 --json
if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["gpu_count"]>8, d["gpu_count"]' "$T/out"; then ok; else bad "405b bf16 should need more than 8 A100s"; fi
expect 1 "footprint closed model" -- "$OW" footprint --model gpt-4o --precision bf16 --gpu h100
has "$T/err" "is closed"
expect 1 "footprint unknown gpu" -- "$OW" footprint --model llama-3.1-8b --precision bf16 --gpu tpu9
has "$T/err" "unknown GPU 'tpu9'"

# costs
expect 0 costs -- "$OW" costs --answers "$PRESET"
has "$T/out" "### Self-hosted"
has "$T/out" "## Crossover points"
expect 0 "costs json" -- "$OW" costs --answers "$PRESET" --json
if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["api"] and d["managed"] and d["self_hosted"] and "crossovers" in d' "$T/out"; then ok; else bad "costs json"; fi

# catalog list / check
for w in models gpus providers; do
	expect 0 "catalog list $w" -- "$OW" catalog list "$w"
	expect 0 "catalog list $w json" -- "$OW" catalog list "$w" --json
	if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert isinstance(d,list) and d and all("id" in x for x in d)' "$T/out"; then ok; else bad "list $w json"; fi
done
expect 0 "catalog list default" -- "$OW" catalog list
has "$T/out" "llama-3.1-405b"
expect 1 "catalog list bad" -- "$OW" catalog list pets
OPENWEIGH_TODAY=2026-11-30 expect 0 "catalog check" -- "$OW" catalog check
has "$T/out" "0 errors"
has "$T/err" "seed claim '405B (FP16) on 8x A100 (80GB)' does not hold"

# catalog list: release dates and the legacy flag
expect 0 "catalog list models json dates" -- "$OW" catalog list models --json
if python3 -c 'import json,sys; d={x["id"]:x for x in json.load(open(sys.argv[1]))}; assert d["qwen3-8b"]["released"]=="2025-04-29" and d["qwen3-8b"]["legacy"] is False and d["llama-3.1-8b"]["legacy"] is True and d["claude-opus-5.5"]["released"] is None, d["qwen3-8b"]' "$T/out"; then ok; else bad "list models json released/legacy"; fi
expect 0 "catalog list models text" -- "$OW" catalog list models
has "$T/out" "RELEASED"
grep "^mistral-7b " "$T/out" | grep -q " legacy " && ok || bad "mistral-7b not shown as legacy"

# catalog import-config: a Hugging Face config.json into a models.yaml entry
HF="$SRC/tests/hfconfig"
OPENWEIGH_TODAY=2026-11-30 expect 0 "import-config" -- "$OW" catalog import-config "$HF/Qwen--Qwen3.5-35B-A3B_config.json" --id qwen3.5-35b-a3b
has "$T/out" "- { type: linear, count: 30, key_heads: 16, value_heads: 32, key_head_dim: 128, value_head_dim: 128, conv_kernel: 4 }"
has "$T/out" "params: 34660523648"
has "$T/out" "quality_tier: TODO"
has "$T/out" "as_of: 2026-11-30"
expect 0 "import-config gpt-oss" -- "$OW" catalog import-config "$HF/openai--gpt-oss-120b_config.json" --id gpt-oss-120b
has "$T/out" "native_precision: mxfp4"
has "$T/out" "native_scope: experts"
expect 0 "import-config -o" -- "$OW" catalog import-config "$HF/Qwen--Qwen3-32B_config.json" --id q32 -o "$T/imported.yaml"
[ -f "$T/imported.yaml" ] && grep -q "params: 32762106880" "$T/imported.yaml" && ok || bad "import-config -o did not write the entry"
expect 2 "import-config -o no clobber" -- "$OW" catalog import-config "$HF/Qwen--Qwen3-32B_config.json" --id q32 -o "$T/imported.yaml"
# the written file is refused by the loader until its TODOs are filled
mkdir "$T/ovi" && cp "$T/imported.yaml" "$T/ovi/models.yaml"
expect 1 "imported TODOs refused" -- "$OW" --catalog "$T/ovi" catalog check
has "$T/err" "$T/ovi/models.yaml:"
expect 1 "import-config V4 refused" -- "$OW" catalog import-config "$HF/deepseek-ai--DeepSeek-V4-Flash_config.json" --id deepseek-v4-flash
has "$T/err" "field 'compress_ratios': DeepSeek-V4's compressed sparse attention"
expect 1 "import-config latent MoE refused" -- "$OW" catalog import-config "$HF/nvidia--NVIDIA-Nemotron-3-Super-120B-A12B-FP8_config.json" --id n3s
has "$T/err" "field 'moe_latent_size'"
expect 1 "import-config no id" -- "$OW" catalog import-config "$HF/Qwen--Qwen3-32B_config.json"
has "$T/err" "needs --id ID"
expect 1 "import-config bad id" -- "$OW" catalog import-config "$HF/Qwen--Qwen3-32B_config.json" --id Qwen3
expect 2 "import-config missing file" -- "$OW" catalog import-config "$T/nope.json" --id x
printf 'not json' >"$T/bad.json"
expect 1 "import-config not json" -- "$OW" catalog import-config "$T/bad.json" --id x
has "$T/err" "not a JSON object"

# footprint with the new precisions
expect 0 "footprint mxfp4 gpt-oss on one H100" -- "$OW" footprint --model gpt-oss-120b --precision mxfp4 --gpu h100 --json
if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["feasible"] and d["gpu_count"]==1 and d["weight_only"] and d["active_params"]==5.68e9 and d["state_bytes"]==0, d' "$T/out"; then ok; else bad "gpt-oss-120b mxfp4 on one H100"; fi
# A hybrid model's fixed state: Qwen3.5-35B-A3B's 30 Gated DeltaNet layers hold 64,389,120
# bytes a sequence (test_catalog2026 derives it); the per-token figure counts its 10 full layers.
expect 0 "footprint hybrid state json" -- "$OW" footprint --model qwen3.5-35b-a3b --precision bf16 --gpu h100 --context 131072 --json
if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["state_bytes"]==64389120 and d["kv_bytes_per_token"]==20480 and not d["weight_only"], d' "$T/out"; then ok; else bad "qwen3.5-35b-a3b state_bytes"; fi
expect 0 "footprint hybrid state text" -- "$OW" footprint --model qwen3.5-35b-a3b --precision bf16 --gpu h100 --context 131072
has "$T/out" "of which state       0.06 GB  (64389120 bytes/sequence x batch 1)"
expect 0 "footprint nvfp4 on h100 infeasible" -- "$OW" footprint --model qwen3-32b --precision nvfp4 --gpu h100 --json
if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert not d["feasible"] and "NVFP4" in d["why_not"], d' "$T/out"; then ok; else bad "nvfp4 on h100"; fi

# --catalog: a broken overlay is reported with its position; exit 1
mkdir "$T/ov"
printf 'openweigh_catalog: 1\ngpus:\n  - id: h100\n    bandwidth_gbs: fast\n' >"$T/ov/gpus.yaml"
expect 1 "broken overlay" -- "$OW" --catalog "$T/ov" catalog check
has "$T/err" "$T/ov/gpus.yaml:"
# a valid overlay changes the memo and is named in it
printf 'openweigh_catalog: 1\nmodels:\n  - id: gpt-4o\n    name: GPT-4o\n    family: gpt-4o\n    vendor: OpenAI\n    openness: closed\n    licence: proprietary-api\n    quality_tier: 1\n    context_tokens: 128000\n    api: {provider: openai, input: 1.0, output: 1.0, source: "our contract", as_of: 2026-11-01}\n' >"$T/ov/gpus.yaml"
mv "$T/ov/gpus.yaml" "$T/ov/models.yaml"
expect 0 "overlay memo" -- "$OW" --catalog "$T/ov" memo --answers "$PRESET"
has "$T/out" "| gpt-4o | 1 | 1.000 | 1.000 |"
has "$T/out" "Overlay applied: \`$T/ov\`"
has "$T/out" "From an overlay, not the shipped catalog: model \`gpt-4o\`."

printf '%d passed, %d failed\n' "$pass" "$fail"
[ "$fail" -eq 0 ]
