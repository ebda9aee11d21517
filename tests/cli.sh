#!/bin/sh
# End-to-end tests of the command line through the real binary: exit codes,
# stdout, stderr, files. Run by `make check` (OPENWEIGH and OW_SRCDIR are set).
set -u
OW_TEST=cli
. "${OW_SRCDIR:-.}/tests/lib.sh"
PRESET=$SRC/catalog/presets/regulated-enterprise.yaml
# Isolate from the user's own overlay and state.
export XDG_CONFIG_HOME="$T/config" XDG_STATE_HOME="$T/state" SOURCE_DATE_EPOCH=1795000000

# --help, --version
expect 0 help -- "$OW" --help
has "$T/out" "Usage: openweigh"
has "$T/out" "catalog check"
expect 0 version -- "$OW" --version
has "$T/out" "openweigh "

# memo: Markdown and JSON for every preset
for p in "$SRC"/catalog/presets/*.yaml; do
	expect 0 "memo md $p" -- "$OW" memo --answers "$p"
	has "$T/out" "## Summary"
	has "$T/out" "# Appendix"
	has "$T/out" "## What would flip it"
	# The summary (up to the appendix) fits one page: 40 lines of 80 columns.
	if awk '/^# Appendix/{exit} /^## Summary/{s=1} s{n++; if (length($0) > 80) w=1} END{exit !(n > 5 && n <= 40 && !w)}' "$T/out"; then ok; else bad "$p: summary over 40 lines or 80 columns"; fi
	has "$T/out" "## Checking the seed's GPU table"
	expect 0 "memo json $p" -- "$OW" memo --answers "$p" --format json
	if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); [d[k] for k in ("openweigh_version","generated_at","catalog","answers","recommendation","scores","costs","crossovers","footprint","warnings")]; assert d["catalog"]["sha256"] and d["recommendation"]["architecture"]' "$T/out" 2>"$T/py"; then ok; else bad "json keys for $p: $(cat "$T/py")"; fi
done
# compare: exactly the answers that differ (against the two memos' answers), both
# recommendations, every architecture on both sides; usage errors exit 1.
A=$SRC/catalog/presets/regulated-enterprise.yaml B=$SRC/catalog/presets/social-platform.yaml
expect 0 "memo json A" -- "$OW" memo --answers "$A" --format json
cp "$T/out" "$T/a.json"
expect 0 "memo json B" -- "$OW" memo --answers "$B" --format json
cp "$T/out" "$T/b.json"
expect 0 "compare json" -- "$OW" compare "$A" "$B" --format json
if python3 - "$T/a.json" "$T/b.json" "$T/out" 2>"$T/py" <<'PY'
import json, sys
a, b, c = (json.load(open(f)) for f in sys.argv[1:])
want = {k: (a["answers"][k], b["answers"][k]) for k in a["answers"] if a["answers"][k] != b["answers"][k]}
got = {d["answer"]: (d["a"], d["b"]) for d in c["answers_changed"]}
assert want and got == want, (want, got)
assert c["a"]["architecture"] == a["recommendation"]["architecture"]
assert c["b"]["architecture"] == b["recommendation"]["architecture"]
assert c["recommendation_changed"] == (a["recommendation"]["architecture"] != b["recommendation"]["architecture"] or a["recommendation"].get("model") != b["recommendation"].get("model"))
assert sorted(x["architecture"] for x in c["architectures"]) == sorted(s["architecture"] for s in a["scores"])
for x in c["architectures"]:
    for side, memo in (("a", a), ("b", b)):
        s = [s for s in memo["scores"] if s["architecture"] == x["architecture"]][0]
        assert x[side]["feasible"] == s["feasible"], x
PY
then ok; else bad "compare json: $(cat "$T/py")"; fi
# A name that is neither a file nor a preset says both (exit 2, as a missing file);
# an empty one is an argument error.
expect 2 "neither file nor preset" -- "$OW" memo --answers regulated-enterprize
has "$T/err" "regulated-enterprize: no such file, and no preset has that name (presets: "
expect 1 "empty answers argument" -- "$OW" memo --answers ''
has "$T/err" "not ''"
# A longest context shorter than a request is used as the request, and the memo says so.
sed 's/^context_tokens:.*/context_tokens: 100/' "$SRC/catalog/presets/startup-chatbot.yaml" >"$T/ctx.yaml"
expect 0 "context shorter than a request" -- "$OW" memo --answers "$T/ctx.yaml" --format json
has "$T/out" "The longest context asked (100 tokens) is shorter than an average request"
# A YAML file no layer reads, in an overlay, is an error naming it (not silently unread).
mkdir -p "$T/typo"
printf 'openweigh_catalog: 1\ngpus: []\n' >"$T/typo/gpu.yaml"
expect 1 "overlay with a misspelt file" -- "$OW" --catalog "$T/typo" catalog check
has "$T/err" "'gpu.yaml' is not a catalog file"
# Words that agree with the numbers: growth's flip is a year away, and an option the
# rules exclude is not said to lack an edge need when there is one.
expect 0 "memo high-volume-extraction" -- "$OW" memo --answers high-volume-extraction
has "$T/out" "would be recommended in 12 months, at the volume then"
expect 0 "memo offline-field-app" -- "$OW" memo --answers offline-field-app
lacks "$T/out" "no edge need"
has "$T/out" "but the rules exclude it"
# A volume flip is a band: the flip's architecture wins inside it, and beyond its far
# end the one named then (regulated-enterprise: multi-GPU from 8.4M down to 3.0M).
expect 0 "flip bands" -- "$OW" memo --answers regulated-enterprise --format json
cp "$T/out" "$T/flip.json"
if python3 - "$T/flip.json" "$OW" "$SRC/catalog/presets/regulated-enterprise.yaml" "$T" 2>"$T/py" <<'PY'
import json, re, subprocess, sys
d = json.load(open(sys.argv[1]))
f = d["what_would_flip_it"]["volume_down"]
assert f and f["until_requests_per_month"] and f["until_requests_per_month"] < f["requests_per_month"], f
def winner(volume):
    text = re.sub(r"(?m)^requests_per_month:.*$", "requests_per_month: %d" % volume, open(sys.argv[3]).read())
    path = sys.argv[4] + "/band.yaml"
    open(path, "w").write(text)
    out = subprocess.run([sys.argv[2], "memo", "--answers", path, "--format", "json"], capture_output=True, check=True)
    return json.loads(out.stdout)["recommendation"]["architecture"]
inside = int((f["requests_per_month"] * f["until_requests_per_month"]) ** 0.5)
assert winner(inside) == f["architecture"], (inside, winner(inside))
assert winner(int(f["until_requests_per_month"] * 0.9)) == f["then_architecture"], f
PY
then ok; else bad "flip bands: $(tail -c 300 "$T/py")"; fi
# LoRA asked, a closed API recommended: the memo says the API is priced untuned.
sed 's/^fine_tuning:.*/fine_tuning: lora/' "$SRC/catalog/presets/startup-chatbot.yaml" >"$T/lora.yaml"
expect 0 "LoRA with a closed API" -- "$OW" memo --answers "$T/lora.yaml" --format json
has "$T/out" "You asked for LoRA fine-tuning, but every request goes to"
# Owned fleets buy whole servers of datacenter GPUs (8 MI300X for 3 used), the host
# adding host_fraction to the GPUs' price (costs.yaml: 0.35; purchase 15,000, 5 years,
# capex 0.12).
sed 's/^privacy:.*/privacy: air-gapped/' "$SRC/catalog/presets/regulated-enterprise.yaml" >"$T/owned.yaml"
expect 0 "owned fleet" -- "$OW" memo --answers "$T/owned.yaml" --format json
if python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))["recommendation"]
assert r["gpu"] == "mi300x" and r["gpus_bought"] % 8 == 0 and r["gpus_bought"] >= r["gpus_total"] > 0, r
hw = r["gpus_bought"] * 15000 * 1.35 * 1.12 / 60
assert abs(r["cost"]["hardware"] - hw) < 0.01, (r["cost"]["hardware"], hw)
' "$T/out" 2>"$T/py"; then ok; else bad "owned servers: $(tail -c 300 "$T/py")"; fi
expect 0 "owned fleet, Markdown" -- "$OW" memo --answers "$T/owned.yaml"
has "$T/out" "8 GPUs bought in whole servers and housed"
# The YAML core schema's booleans, and only those.
sed 's/^over_700m_mau:.*/over_700m_mau: False/' "$A" >"$T/bool.yaml"
expect 0 "over_700m_mau: False" -- "$OW" memo --answers "$T/bool.yaml"
sed 's/^over_700m_mau:.*/over_700m_mau: yes/' "$A" >"$T/bool.yaml"
expect 1 "over_700m_mau: yes (YAML 1.1, not the core schema)" -- "$OW" memo --answers "$T/bool.yaml"
# An option the command does not read is refused (exit 1), not ignored.
for args in "memo -a $A -f md --json" "costs -a $A --format json" "catalog check --json" "memo -a $A --model x" \
	"footprint --answers $A --model llama-3.1-8b --precision bf16 --gpu h100" "memo -a $A --id x" "memo -a $A --no-mouse"; do
	# shellcheck disable=SC2086
	expect 1 "refused: $args" -- "$OW" $args
	has "$T/err" "openweigh: -"
done
# A malformed date in the environment is refused, not replaced by today or the epoch.
for env in SOURCE_DATE_EPOCH=abc SOURCE_DATE_EPOCH=99999999999999 OPENWEIGH_TODAY=2026-13-45 OPENWEIGH_TODAY=garbage; do
	expect 1 "$env" -- env "$env" "$OW" memo --answers "$A"
	has "$T/err" "${env%%=*}: expected"
done
# ... and an empty one is unset, as for SOURCE_DATE_EPOCH (reproducible-builds.org).
for env in SOURCE_DATE_EPOCH= OPENWEIGH_TODAY=; do
	expect 0 "$env (empty: unset)" -- env "$env" "$OW" memo --answers "$A"
done
# Nothing feasible on one side is a change of recommendation, in either order.
sed 's/^privacy:.*/privacy: air-gapped/' "$SRC/catalog/presets/startup-chatbot.yaml" >"$T/airgap.yaml"
for pair in "$SRC/catalog/presets/startup-chatbot.yaml $T/airgap.yaml" "$T/airgap.yaml $SRC/catalog/presets/startup-chatbot.yaml"; do
	# shellcheck disable=SC2086
	expect 0 "compare with nothing feasible" -- "$OW" compare $pair --format json
	if python3 -c 'import json,sys; c=json.load(open(sys.argv[1])); assert c["recommendation_changed"] and c["fleet_changed"], c' "$T/out" 2>"$T/py"; then ok; else bad "compare, nothing feasible on one side: $(tail -c 300 "$T/py")"; fi
done
# The recommendation carries every key openweigh(1) lists, null where it does not
# apply (an API's GPU; a model when nothing is feasible); a managed offer that cannot
# be used has no price, as in the Markdown.
for p in "$SRC"/catalog/presets/*.yaml "$T/airgap.yaml"; do
	expect 0 "memo json $p" -- "$OW" memo --answers "$p" --format json
	if python3 - "$T/out" 2>"$T/py" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
r = d["recommendation"]
keys = "architecture model precision gpu gpu_count replicas gpus_total price_basis monthly_cost_usd premium_usd close_call reasons".split()
assert all(k in r for k in keys), [k for k in keys if k not in r]
assert (r["architecture"] is None) == (r["model"] is None), r
for row in d["costs"]["managed"]:
    assert row["usable"] or row["monthly_cost_usd"] is None, row
    # a tuned model's dedicated deployment is sized, as where it is recommended
    if row.get("gpu") and row["usable"]:
        assert row["replicas"] >= 1 and row["gpus_total"] == row["gpu_count"] * row["replicas"], row
        assert row["batch"] >= 1 and row["requests_per_month_capacity"] > 0 and row["gpu_hours"] > 0, row
start = (d.get("migration") or {}).get("start")
if start and start["architecture"] == "managed-inference":
    same = [x for x in d["costs"]["managed"] if x["model"] == start["model"] and x["provider"] == start["provider"]]
    keys = ("gpu", "gpu_count", "replicas", "gpus_total", "batch", "requests_per_month_capacity", "monthly_cost_usd")
    assert [{k: x.get(k) for k in keys} for x in same] == [{k: start.get(k) for k in keys}], (same, start)
for row in d["costs"]["self_hosted"]:
    assert all(k in row for k in ("gpu", "gpu_count", "replicas", "gpus_total", "price_basis")), row
PY
	then ok; else bad "json contract keys for $p: $(tail -c 300 "$T/py")"; fi
done
expect 0 "compare a file with itself" -- "$OW" compare "$A" "$A" --format json
if python3 -c 'import json,sys; c=json.load(open(sys.argv[1])); assert c["answers_changed"] == [] and not c["recommendation_changed"] and c["reasons_changed"] == []' "$T/out" 2>"$T/py"; then ok; else bad "compare with itself: $(cat "$T/py")"; fi
expect 0 "compare md, presets by name" -- "$OW" compare regulated-enterprise startup-chatbot
has "$T/out" "## Answers that differ"
has "$T/out" "| privacy | regulated | none |"
has "$T/out" "## Why it changed"
has "$T/out" "| self-hosted-single-gpu | \$5,643 | \$16,923 (excluded) |"   # an excluded option keeps its cost
expect 0 "compare -o" -- "$OW" compare "$A" "$B" -o "$T/cmp.md"
has "$T/cmp.md" "# openweigh comparison"
expect 1 "compare one file" -- "$OW" compare "$A"
has "$T/err" "compare takes two answers files"
expect 2 "compare a missing file (I/O, as memo)" -- "$OW" compare "$A" "$T/none.yaml"
has "$T/err" "none.yaml"
expect 1 "compare bad format" -- "$OW" compare "$A" "$B" --format html

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
# The signal the limit raises is ignored by openweigh itself: it used to kill the
# process silently (exit 153) and leave its temporary file behind.
expect 2 "-o past the file-size limit" -- sh -c "ulimit -f 4; exec '$OW' memo --answers '$PRESET' -o '$T/big/memo.md'"
has "$T/err" "cannot write: File too large"
if [ -z "$(ls -A "$T/big")" ]; then ok; else bad "partial file left: $(ls -A "$T/big")"; fi
expect 2 "-o onto a device" -- "$OW" memo --answers "$PRESET" -o /dev/null --force
has "$T/err" "exists and is not a regular file"
# A folder is a wrong argument however it is written (exit 1, as "dir/").
expect 1 "-o onto a folder" -- "$OW" memo --answers "$PRESET" -o "$T/big"
has "$T/err" "is a folder, not a file"
expect 1 "-o onto a folder/" -- "$OW" memo --answers "$PRESET" -o "$T/big/"
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
expect 0 "footprint json" -- "$OW" footprint --model llama-3.1-70b --precision bf16 --gpu h100 --kv-precision bf16 --json
if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["kv_bytes_per_token"]==327680 and d["kv_precision"]=="bf16" and d["gpu_count"]>=2 and d["tensor_parallel"]>=2, d' "$T/out"; then ok; else bad "footprint json"; fi
expect 0 "footprint 405b" -- "$OW" footprint --model llama-3.1-405b --precision bf16 --gpu a100-80gb --context 2048 --json
if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["gpu_count"]>8, d["gpu_count"]' "$T/out"; then ok; else bad "405b bf16 should need more than 8 A100s"; fi
# A cache far larger than the weights is named as the reason (issue 15, finding 10).
expect 0 "footprint: the cache does not fit" -- "$OW" footprint --model llama-3.1-8b --precision fp8 --gpu h100 --batch 1000 --context 131072
has "$T/out" "does not fit: 8590 GB of KV cache (131072 tokens x batch 1000) and 9 GB of weights"
# Not feasible: the lines the sizing reached, no zeros for what it did not.
expect 0 "footprint: a precision the GPU lacks" -- "$OW" footprint --model llama-3.1-8b --precision nvfp4 --gpu h100
has "$T/out" "NOT FEASIBLE: h100 has no NVFP4"
lacks "$T/out" "KV cache"
lacks "$T/out" "tokens/s"
expect 0 "footprint: a context past the window" -- "$OW" footprint --model llama-3.1-8b --precision fp8 --gpu h100 --context 200000
lacks "$T/out" "batch"
lacks "$T/out" "0.00 GB"
expect 0 "footprint: a batch no layout holds" -- "$OW" footprint --model llama-3.1-8b --precision fp8 --gpu h100 --batch 100000
has "$T/out" "GPUs                    128"
lacks "$T/out" "0.00 GB of"
lacks "$T/out" "0 tokens/s"
expect 1 "footprint closed model" -- "$OW" footprint --model gpt-4o --precision bf16 --gpu h100
has "$T/err" "is closed"
# An option the command does not read is refused, not ignored (openweigh(1) OPTIONS).
expect 1 "catalog list -o" -- "$OW" catalog list -o "$T/list.txt"
has "$T/err" "-o is not an option of catalog list"
expect 1 "catalog check -o" -- "$OW" catalog check -o "$T/check.txt"
if [ ! -e "$T/list.txt" ] && [ ! -e "$T/check.txt" ]; then ok; else bad "catalog list/check -o wrote a file"; fi
expect 1 "--force without -o" -- "$OW" costs --answers regulated-enterprise --force
has "$T/err" "it needs -o"
expect 0 "costs -o" -- "$OW" costs --answers regulated-enterprise -o "$T/costs.txt"
has "$T/costs.txt" "Crossover"
# The last --batch counts, whichever form each takes.
expect 0 "--batch 4 then max" -- "$OW" footprint --model llama-3.1-8b --precision fp8 --gpu h100 --batch 4 --batch max --json
if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["batch"] > 4, d["batch"]' "$T/out"; then ok; else bad "--batch max after --batch 4 ignored"; fi
expect 0 "--batch max then 4" -- "$OW" footprint --model llama-3.1-8b --precision fp8 --gpu h100 --batch max --batch 4 --json
if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["batch"] == 4, d["batch"]' "$T/out"; then ok; else bad "--batch 4 after --batch max ignored"; fi
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
# A file name cannot end the comment or the quoted source it is written into: a quote,
# a newline and YAML after it become '_'; the entry still reads as one model.
Q="$T/$(printf 'q"3\nmodels: x')"
cp "$HF/Qwen--Qwen3-32B_config.json" "$Q.json"
expect 0 "import-config hostile file name" -- "$OW" catalog import-config "$Q.json" --id q32
has "$T/out" 'source: "config.json: q_3_models__x.json (model_type qwen3)'
lacks "$T/out" 'models: x'

# footprint with the new precisions
expect 0 "footprint mxfp4 gpt-oss on one H100" -- "$OW" footprint --model gpt-oss-120b --precision mxfp4 --gpu h100 --json
if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["feasible"] and d["gpu_count"]==1 and d["weight_only"] and d["active_params"]==5.68e9 and d["state_bytes"]==0, d' "$T/out"; then ok; else bad "gpt-oss-120b mxfp4 on one H100"; fi
# A hybrid model's fixed state: Qwen3.5-35B-A3B's 30 Gated DeltaNet layers hold 64,389,120
# bytes a sequence (test_catalog2026 derives it); the per-token figure counts its 10 full layers.
expect 0 "footprint hybrid state json" -- "$OW" footprint --model qwen3.5-35b-a3b --precision bf16 --gpu h100 --context 131072 --kv-precision bf16 --json
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

# ---- Hardening for a hostile shared host (issue 15) -------------------------------------
# Each test is named after the finding it covers (f1 .. f13; f7 belongs to the catalog's owner).
H="$T/h"
mkdir -p "$H"
# clean FILE: fails when FILE holds bytes a terminal acts on: anything not UTF-8, a C0
# control other than newline and tab, DEL, a C1 control or a bidirectional control.
clean() {
	if python3 -c '
import sys
try:
    t = open(sys.argv[1], "rb").read().decode("utf-8")
except UnicodeDecodeError:
    sys.exit(1)
bad = [c for c in t if (ord(c) < 0x20 and c not in "\n\t") or 0x7f <= ord(c) < 0xa0
       or ord(c) in (0x61c, 0x200e, 0x200f) or 0x202a <= ord(c) <= 0x202e or 0x2066 <= ord(c) <= 0x2069]
sys.exit(1 if bad else 0)' "$1"; then ok; else bad "$2: raw terminal controls in $1: $(od -c "$1" | grep -m1 '033\|302 233\|342 200 256')"; fi
}
# Hostile strings in every catalog file's text: a window title, a screen clear, a
# colour, the C1 CSI and a right-to-left override (the overlay replaces every entry).
EVIL='\\e]0;PWNED\\a\\e[2J\\e[31m\\u009b\\u202e'
mkdir "$H/evil"
for f in models gpus providers licences; do
	sed -e "s/^\(  *\)\(name\|source\|terms\|attribution\|provider\): \"/\1\2: \"$EVIL/" \
	    -e "s/^\(  *\)\(pricing\|latency\): \(.*\)$/\1\2: \"$EVIL\3\"/" \
	    "$SRC/catalog/$f.yaml" >"$H/evil/$f.yaml"
done
EV="--catalog $H/evil"
expect 0 "f1: memo md with hostile catalog strings" -- "$OW" $EV memo --answers "$PRESET"
clean "$T/out" "f1: memo md"
has "$T/out" '\e]0;PWNED\x07\e[2J\e[31m\x9b\u202e'
expect 0 "f1: memo -o with hostile catalog strings" -- "$OW" $EV memo --answers "$PRESET" -o "$H/evil.md"
clean "$H/evil.md" "f1: memo file"
expect 0 "f1: memo json with hostile catalog strings" -- "$OW" $EV memo --answers "$PRESET" --format json
clean "$T/out" "f1: memo json"
if python3 -c '
import json, sys
def strings(x):
    if isinstance(x, dict): x = list(x.values())
    if isinstance(x, list): return [s for v in x for s in strings(v)]
    return [x] if isinstance(x, str) else []
assert any("\x1b]0;PWNED\x07\x1b[2J\x1b[31m\x9b\u202e" in s for s in strings(json.load(open(sys.argv[1]))))' "$T/out"; then ok; else bad "f1: memo json does not keep the strings as JSON escapes"; fi
for w in models gpus providers; do
	expect 0 "f1: catalog list $w" -- "$OW" $EV catalog list $w
	clean "$T/out" "f1: catalog list $w"
	expect 0 "f1: catalog list $w --json" -- "$OW" $EV catalog list $w --json
	clean "$T/out" "f1: catalog list $w --json"
	if python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$T/out"; then ok; else bad "f1: catalog list $w --json is not JSON"; fi
done
expect 0 "f1: catalog list providers shows pricing" -- "$OW" $EV catalog list providers
has "$T/out" '\e]0;PWNED'
expect 0 "f1: footprint" -- "$OW" $EV footprint --model llama-3.1-70b --precision bf16 --gpu h100
clean "$T/out" "f1: footprint"
expect 0 "f1: footprint json" -- "$OW" $EV footprint --model llama-3.1-70b --precision bf16 --gpu h100 --json
clean "$T/out" "f1: footprint json"
OPENWEIGH_TODAY=2030-01-01 expect 0 "f1: catalog check with stale hostile sources" -- "$OW" $EV catalog check
clean "$T/err" "f1: catalog check stderr"
has "$T/err" "stale (over 180 days); source: "'\e]0;PWNED'
has "$T/err" "holds control or bidirectional characters (shown escaped wherever it is printed)"
OPENWEIGH_TODAY=2026-11-30 expect 0 "f1: the shipped catalog holds no such strings" -- "$OW" catalog check
lacks "$T/err" "holds control or bidirectional characters"

# f2: values and keys echoed in error messages, escaped and on one line.
printf 'openweigh_answers: 1\ntask: "\\e]0;PWNED\\a\\e[2J"\n' >"$H/task.yaml"
expect 1 "f2: a hostile answer value" -- "$OW" memo --answers "$H/task.yaml"
clean "$T/err" "f2: answer value"
has "$T/err" "not '\e]0;PWNED\x07\e[2J'"
printf 'openweigh_answers: 1\n"\\e[31m": 1\n' >"$H/key.yaml"
expect 1 "f2: a hostile unknown key" -- "$OW" memo --answers "$H/key.yaml"
clean "$T/err" "f2: unknown key"
has "$T/err" "unknown key '\e[31m'"
printf 'openweigh_answers: 1\ntask: "x\\nopenweigh: all good"\n' >"$H/nl.yaml"
expect 1 "f2: a line break in a value" -- "$OW" memo --answers "$H/nl.yaml"
if [ "$(wc -l <"$T/err")" -eq 1 ]; then ok; else bad "f2: an error message spans lines: $(cat "$T/err")"; fi
expect 1 "f2: a hostile command name" -- "$OW" "$(printf 'x\033[2Jy')"
clean "$T/err" "f2: command name"
expect 2 "f2: a hostile file name" -- "$OW" memo --answers "$(printf '%s/no\033]0;x\007.yaml' "$H")"
clean "$T/err" "f2: file name"

# f3: FIFOs, sockets and devices are refused at once (timeout: a hang is exit 124).
mkfifo "$H/fifo"
expect 1 "f3: --answers FIFO" -- timeout 10 "$OW" memo --answers "$H/fifo"
has "$T/err" "is a FIFO, not a regular file"
expect 1 "f3: --answers device" -- timeout 10 "$OW" memo --answers /dev/zero
has "$T/err" "/dev/zero: is a device, not a regular file"
mkdir "$H/fifocat"
mkfifo "$H/fifocat/models.yaml"
expect 1 "f3: a catalog file that is a FIFO" -- timeout 10 "$OW" --catalog "$H/fifocat" catalog list
has "$T/err" "models.yaml: is a FIFO, not a regular file"
mkdir -p "$H/fifohome/openweigh/catalog"
mkfifo "$H/fifohome/openweigh/catalog/gpus.yaml"
XDG_CONFIG_HOME="$H/fifohome" expect 1 "f3: a FIFO in the user's overlay" -- timeout 10 "$OW" memo --answers "$PRESET"
has "$T/err" "gpus.yaml: is a FIFO, not a regular file"
mkdir -p "$H/fifostate/openweigh" && chmod 700 "$H/fifostate/openweigh"
mkfifo -m 600 "$H/fifostate/openweigh/session.yaml"
XDG_STATE_HOME="$H/fifostate" expect 1 "f3: a session file that is a FIFO" -- timeout 10 "$OW" </dev/null
has "$T/err" "the wizard needs a terminal"

# f6: a replaced file keeps its mode.
expect 0 "f6: memo -o a private file" -- "$OW" memo --answers "$PRESET" -o "$H/private.md"
chmod 600 "$H/private.md"
expect 0 "f6: memo -o --force over it" -- "$OW" memo --answers "$PRESET" -o "$H/private.md" --force
if [ "$(stat -c %a "$H/private.md")" = 600 ]; then ok; else bad "f6: mode became $(stat -c %a "$H/private.md")"; fi
chmod 640 "$H/private.md"
expect 0 "f6: memo -o --force over a 0640 file" -- "$OW" memo --answers "$PRESET" -o "$H/private.md" --force
if [ "$(stat -c %a "$H/private.md")" = 640 ]; then ok; else bad "f6: mode became $(stat -c %a "$H/private.md")"; fi

# catalog check: every date in the future (not only prices), and each preset as the
# wizard reads it; a preset's file stays inside the catalog's folder.
cp -r "$SRC/catalog" "$T/dated"
sed -i '0,/released: 2024-07-23/s//released: 2030-07-23/' "$T/dated/models.yaml"
sed -i 's/^privacy: .*/privacy: bogus/' "$T/dated/presets/startup-chatbot.yaml"
OPENWEIGH_TODAY=2026-11-30 expect 1 "catalog check: a release in the future" -- "$OW" --catalog "$T/dated" catalog check
has "$T/err" "error: the release of 'llama-3.1-8b' is dated 2030-07-23, in the future"
has "$T/err" "startup-chatbot.yaml:3:10: error: preset 'startup-chatbot': 'privacy' must be one of"
cp -r "$SRC/catalog" "$T/outside"
sed -i 's#file: presets/startup-chatbot.yaml#file: ../../../etc/passwd#' "$T/outside/catalog.yaml"
expect 1 "a preset file outside the catalog" -- "$OW" --catalog "$T/outside" memo -a startup-chatbot
has "$T/err" "a preset's file must be a path inside the catalog's folder, not '../../../etc/passwd'"
sed -i 's#file: \.\./\.\./\.\./etc/passwd#file: presets/etc/passwd#' "$T/outside/catalog.yaml"
ln -s /etc "$T/outside/presets/etc"
expect 1 "a preset file reached through a link out of the catalog" -- "$OW" --catalog "$T/outside" memo -a startup-chatbot
has "$T/err" "must lie inside the catalog's folder: 'presets/etc/passwd' leads to '/etc/passwd'"
# catalog check reports a date in the future once, and -o on a subcommand that is not
# one is refused by that subcommand's own message
cp -r "$SRC/catalog" "$T/dated2"
sed -i '29s/as_of: 2026-07-01/as_of: 2030-07-01/' "$T/dated2/gpus.yaml"
OPENWEIGH_TODAY=2026-11-30 expect 1 "catalog check: a list price in the future" -- "$OW" --catalog "$T/dated2" catalog check
if [ "$(grep -c 'dated 2030-07-01' "$T/err")" = 1 ]; then ok; else bad "a future price reported $(grep -c 'dated 2030-07-01' "$T/err") times"; fi
expect 1 "catalog bogus -o" -- "$OW" catalog bogus -o "$T/x"
lacks "$T/err" "prints to standard output"

# An overlay that gives an id twice is refused, as the base catalog is: its first copy
# replaced the shipped entry, and the second then replaced that silently.
mkdir "$T/ovdup"
{ echo 'openweigh_catalog: 1'; echo 'models:'
  for i in 1 2; do awk '/^  - id: gpt-4o$/{p=1; print; next} p && /^  - id: /{p=0} p' "$SRC/catalog/models.yaml"; done; } >"$T/ovdup/models.yaml"
OPENWEIGH_TODAY=2026-11-30 expect 1 "an overlay with one id twice" -- "$OW" --catalog "$T/ovdup" catalog check
has "$T/err" "duplicate model id 'gpt-4o' (first at line 3)"

# f8: a catalog that fails `catalog check` is refused by the commands that use it.
mkdir "$H/params"
{ echo 'openweigh_catalog: 1'; echo 'models:'
  awk '/^  - id: llama-3.1-70b$/{p=1; print; next} p && /^  - id: /{p=0} p' "$SRC/catalog/models.yaml" |
	sed 's/^\(      params:\) .*/\1 1000/'; } >"$H/params/models.yaml"
expect 1 "f8: catalog check fails on an inconsistent shape" -- "$OW" --catalog "$H/params" catalog check
has "$T/err" "model 'llama-3.1-70b': its shape gives"
for c in "memo --answers $PRESET" "costs --answers $PRESET" "footprint --model llama-3.1-8b --precision bf16 --gpu h100"; do
	expect 1 "f8: $c refuses the catalog" -- "$OW" --catalog "$H/params" $c
	has "$T/err" "model 'llama-3.1-70b': its shape gives"
	has "$T/err" "refusing to use it"
	if [ ! -s "$T/out" ]; then ok; else bad "f8: $c printed a result from a refused catalog"; fi
done
expect 1 "f8: the wizard refuses the catalog" -- "$OW" --catalog "$H/params" </dev/null
has "$T/err" "refusing to use it"
OPENWEIGH_TODAY=2026-11-30 expect 0 "f8: the shipped catalog still loads" -- "$OW" memo --answers "$PRESET"

# f9: failed writes to stdout and stderr are exit 2, with a message where one can go.
if [ -w /dev/full ]; then
	expect 2 "f9: catalog list --json >/dev/full" -- sh -c "'$OW' catalog list --json >/dev/full"
	has "$T/err" "openweigh: standard output: No space left on device"
	expect 2 "f9: catalog list gpus >/dev/full" -- sh -c "'$OW' catalog list gpus >/dev/full"
	has "$T/err" "openweigh: standard output: No space left on device"
	expect 2 "f9: catalog check >/dev/full" -- sh -c "'$OW' catalog check >/dev/full"
	has "$T/err" "openweigh: standard output: No space left on device"
	expect 2 "f9: catalog check 2>/dev/full" -- sh -c "'$OW' catalog check 2>/dev/full"
	expect 2 "f9: a usage error 2>/dev/full" -- sh -c "'$OW' frobnicate 2>/dev/full"
	expect 2 "f9: --version >/dev/full" -- sh -c "'$OW' --version >/dev/full"
	has "$T/err" "openweigh: standard output: No space left on device"
fi
expect 2 "f9: stdout closed" -- sh -c "'$OW' catalog list >&-"
has "$T/err" "openweigh: standard output: Bad file descriptor"

# f10: errors that say where and what.
printf 'openweigh_answers: 1\nprivacy: none\n\n\n\n# a comment\ntask: gen\377ral\n' >"$H/badutf8.yaml"
expect 1 "f10: a bad UTF-8 byte on line 7" -- "$OW" memo --answers "$H/badutf8.yaml"
has "$T/err" "badutf8.yaml:7:10: invalid leading UTF-8 octet (byte 0xff)"
expect 1 "f10: -o ''" -- "$OW" memo --answers "$PRESET" -o ''
has "$T/err" "-o needs a file name, not ''"
printf 'openweigh_answers: "1"\n' >"$H/quoted.yaml"
expect 1 "f10: a quoted version" -- "$OW" memo --answers "$H/quoted.yaml"
has "$T/err" "'openweigh_answers' must be a whole number, not the quoted string \"1\""
sed 's/^growth_per_year:.*//' "$PRESET" >"$H/tiny.yaml"
echo 'growth_per_year: 1e-320' >>"$H/tiny.yaml"
expect 0 "f10: a tiny growth is a number" -- "$OW" memo --answers "$H/tiny.yaml"

# f11: strict numbers and tags.
for v in '+-5' '017' '!!str 5' '0x10' '1_000'; do
	sed 's/^requests_per_month:.*//' "$PRESET" >"$H/num.yaml"
	echo "requests_per_month: $v" >>"$H/num.yaml"
	expect 1 "f11: requests_per_month: $v" -- "$OW" memo --answers "$H/num.yaml"
	has "$T/err" "'requests_per_month' must be a whole number"
done
sed 's/^privacy:.*//' "$PRESET" >"$H/tag.yaml"
echo 'privacy: !custom regulated' >>"$H/tag.yaml"
expect 1 "f11: a custom tag" -- "$OW" memo --answers "$H/tag.yaml"
has "$T/err" "the tag '!custom' is not allowed here"
sed 's/^over_700m_mau:.*//' "$PRESET" >"$H/tag2.yaml"
echo 'over_700m_mau: !!int 1' >>"$H/tag2.yaml"
expect 1 "f11: a core tag of the wrong type" -- "$OW" memo --answers "$H/tag2.yaml"
has "$T/err" "'over_700m_mau' cannot be tagged !!int"

# f13: -o never goes through a symbolic link, in any folder of the path.
mkdir "$H/real"
ln -s "$H/real" "$H/linkdir"
expect 2 "f13: -o through a linked folder" -- "$OW" memo --answers "$PRESET" -o "$H/linkdir/m.md"
has "$T/err" "the folder 'linkdir' on the way is a symbolic link; refusing to write through it"
if [ ! -e "$H/real/m.md" ]; then ok; else bad "f13: wrote through a linked folder"; fi
(cd "$H" && "$OW" memo --answers "$PRESET" -o linkdir/m.md >"$T/out" 2>"$T/err")
has "$T/err" "the folder 'linkdir' on the way is a symbolic link"
(cd "$H/linkdir" && "$OW" memo --answers "$PRESET" -o m.md >"$T/out" 2>"$T/err") && ok || bad "f13: a relative name in a linked current folder: $(cat "$T/err")"


# The footprint of a recommendation that runs on someone else's GPUs is the cheapest
# self-hosted alternative's, and the memo says so (evaluate() decides it: the wizard's
# panel and footprint screen draw the same flag); a self-hosted one's is its own.
expect 0 "memo, an API recommended" -- "$OW" memo --answers startup-chatbot
has "$T/out" "| 1 | direct-api |"
has "$T/out" "The recommendation runs on someone else's GPUs"
expect 0 "memo, self-hosting recommended" -- "$OW" memo --answers regulated-enterprise
lacks "$T/out" "The recommendation runs on someone else's GPUs"

# At no volume the cheapest option costs $0: its rivals' cost reasons give no ratio to it.
sed 's/^requests_per_month: .*/requests_per_month: 0/' "$SRC/catalog/presets/startup-chatbot.yaml" >"$T/zero.yaml"
expect 0 "memo at zero volume" -- "$OW" memo -a "$T/zero.yaml"
has "$T/out" "where the cheapest (direct-api) costs nothing at this volume"
if grep -qE '[0-9.]+x the cheapest \([a-z-]+, \$0\)' "$T/out"; then bad "a ratio to a \$0 cheapest"; else ok; fi
# A reasoning task whose cheapest option falls short of its tier: the cost reasons say so,
# and the summary's Why lists what speaks for the recommendation first.
cat >"$T/reason.yaml" <<'EOF2'
openweigh_answers: 1
privacy: regulated
requests_per_month: 5000000
input_tokens: 1000
output_tokens: 1000
context_tokens: 8192
task: reasoning
mlops: partial
fine_tuning: lora
edge: none
latency: interactive
vendor_independence: medium
compliance: sector
over_700m_mau: false
finetune_tokens: 20000000
finetune_cycles_per_year: 2
EOF2
expect 0 "memo of a reasoning task" -- "$OW" memo -a "$T/reason.yaml"
has "$T/out" "below the task's tier)"
has "$T/out" "cheapest option at this volume: \$13,539 a month, below the task's tier"
awk '/^Why:/ { w = 1; next } w && /^- / { print; exit }' "$T/out" >"$T/why1"
if grep -qE '^- \+' "$T/why1"; then ok; else bad "Why's first reason is not one for it: $(cat "$T/why1")"; fi

# --context equal to its default (input + output) changes nothing.
expect 0 "footprint, default context" -- "$OW" footprint --model llama-3.1-8b --precision fp8 --gpu h100 --batch 64
cp "$T/out" "$T/fp-default"
expect 0 "footprint, the same context given" -- "$OW" footprint --model llama-3.1-8b --precision fp8 --gpu h100 --batch 64 --context 2000
if cmp -s "$T/out" "$T/fp-default"; then ok; else bad "--context 2000 changed the footprint: $(diff "$T/fp-default" "$T/out" | head -4)"; fi

finish
