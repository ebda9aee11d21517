#!/bin/sh
# `openweigh catalog import-prices` on the real genai-prices data.json (tests/data,
# pydantic/genai-prices at 47df840a), and the overlay order shipped < system < user <
# --catalog. Run by `make check` (OPENWEIGH and OW_SRCDIR are set).
set -u
OW_TEST=imp
. "${OW_SRCDIR:-.}/tests/lib.sh"
DATA=$SRC/tests/data/genai-prices/data.json
# No user or system overlay but the ones made here; imports take the prices in force on
# the data's own date (its commit, 2026-08-21), the other commands judge on 2026-11-30.
export XDG_CONFIG_HOME="$T/config" XDG_CONFIG_DIRS="$T/none" XDG_STATE_HOME="$T/state" OPENWEIGH_TODAY=2026-11-30
imp() { OPENWEIGH_TODAY=${DAY:-2026-08-21} "$OW" catalog import-prices "$@"; }
py() { if python3 - "$@" 2>"$T/py"; then ok; else bad "$(tail -n 3 "$T/py")"; fi; }

# ---- the shipped data into an empty overlay folder ------------------------------------
mkdir "$T/imp"
expect 0 "import into an empty folder" -- imp "$DATA" -o "$T/imp"
cp "$T/err" "$T/report"
has "$T/report" "wrote $T/imp/imported-models.yaml"
has "$T/report" "wrote $T/imp/imported-providers.yaml"
# At least 300 priced models added or updated: closed models and managed offers whose
# price comes from the data; among them GPT-5.x, Gemini 3.x and the offers of gpt-oss,
# Qwen3 and Kimi; the report's counts agree with the files.
"$OW" --catalog "$T/imp" catalog list models --json >"$T/models.json" 2>"$T/err" || bad "list models"
"$OW" --catalog "$T/imp" catalog list providers --json >"$T/providers.json" 2>"$T/err" || bad "list providers"
py "$T/models.json" "$T/providers.json" "$T/report" <<'PY'
import json, re, sys
models, provs = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
report = open(sys.argv[3]).read()
data = lambda s: "genai-prices data.json" in s
priced = [m["id"] for m in models if "source" in m and data(m["source"])]
offers = [(p["id"], o["model"]) for p in provs for o in p["offers"] if data(o["source"])]
assert len(priced) + len(offers) >= 300, (len(priced), len(offers))
s = re.search(r"import-prices: (\d+) added, (\d+) updated, (\d+) confirmed", report)
assert s and sum(map(int, s.groups())) == len(priced) + len(offers), (s and s.groups(), len(priced), len(offers))
assert any(i.startswith("gpt-5.") for i in priced) and any(i.startswith("gemini-3") for i in priced), priced
for want in ("gpt-oss-120b", "qwen3-32b", "kimi-k2"):
    assert len([1 for p, m in offers if m == want]) >= 3, (want, [p for p, m in offers if m == want])
tiers = {m["id"]: m["quality_tier"] for m in models}
assert tiers["gpt-5.4"] == 1 and tiers["gpt-5.6-sol"] is None, tiers
assert all(m["as_of"] == "2026-08-21" for m in models if m["id"] in priced)
PY
expect 0 "catalog check on the import" -- "$OW" --catalog "$T/imp" catalog check
has "$T/out" "0 errors"
has "$T/out" "$T/imp/imported-models.yaml: 123 models in effect"

# ---- a memo prices a GPT-5.x model exactly as the data says -------------------------
cp "$SRC/catalog/presets/startup-chatbot.yaml" "$T/a.yaml"
expect 0 "memo with the import" -- "$OW" --catalog "$T/imp" memo --answers "$T/a.yaml" --format json
py "$T/out" "$DATA" "$T/a.yaml" <<'PY'
import json, sys, yaml
memo, data, a = json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), yaml.safe_load(open(sys.argv[3]))
openai = [p for p in data if p["id"] == "openai"][0]
m = [m for m in openai["models"] if m["id"] == "gpt-5.4"][0]
base = lambda v: v["base"] if isinstance(v, dict) else v        # below the 272K-token tier
want = a["requests_per_month"] * (a["input_tokens"] * base(m["prices"]["input_mtok"]) +
                                  a["output_tokens"] * base(m["prices"]["output_mtok"])) / 1e6
row = [r for r in memo["costs"]["api"] if r["model"] == "gpt-5.4"][0]
assert abs(row["monthly_cost_usd"] - round(want, 2)) < 0.006, (row["monthly_cost_usd"], want)
assert memo["catalog"]["overlays"] == [sys.argv[1].rsplit("/", 1)[0] + "/imp"], memo["catalog"]["overlays"]
# An added model of unknown tier is listed and costed, never picked: the cheapest API
# row here is one, and the API plan is another model. (A model the data gives no context
# window for is not costed at all: nothing says the prompt fits.)
rows = sorted((r for r in memo["costs"]["api"] if r["monthly_cost_usd"] is not None), key=lambda r: r["monthly_cost_usd"])
assert all(r["context_window_tokens"] is None for r in memo["costs"]["api"] if r["monthly_cost_usd"] is None)
assert rows[0]["quality_tier"] is None and not rows[0]["usable"], rows[0]
assert "quality tier unknown" in rows[0]["note"], rows[0]
api = [s for s in memo["scores"] if s["architecture"] == "direct-api"][0]["best_plan"]
unknown = {r["model"] for r in memo["costs"]["api"] if r["quality_tier"] is None}
assert api["model"] not in unknown, api
PY
expect 0 "memo md with the import" -- "$OW" --catalog "$T/imp" memo --answers "$T/a.yaml"
has "$T/out" "| gpt-5.6-sol | unknown |"
has "$T/out" "quality tier unknown: never recommended until the catalog sets one"

# ---- twice: nothing changes ----------------------------------------------------------
cp "$T/imp/imported-models.yaml" "$T/m1"; cp "$T/imp/imported-providers.yaml" "$T/p1"
expect 0 "import again" -- imp "$DATA" -o "$T/imp"
has "$T/err" "$T/imp/imported-models.yaml is unchanged"
if cmp -s "$T/m1" "$T/imp/imported-models.yaml" && cmp -s "$T/p1" "$T/imp/imported-providers.yaml"; then ok; else bad "second import changed the files"; fi
# A link to that folder is refused even when nothing would change (openweigh(1) -o).
ln -s "$T/imp" "$T/implink"
expect 2 "import through a link to an imported folder" -- imp "$DATA" -o "$T/implink"
has "$T/err" "symbolic link"
lacks "$T/err" "is unchanged"

# ---- prices that change over time: in force on the import date ------------------------
mkdir "$T/later"
DAY=2026-09-02 expect 0 "import after a dated price change" -- imp "$DATA" -o "$T/later"
"$OW" --catalog "$T/later" catalog list models --json >"$T/later.json" 2>"$T/err" || bad "list later"
py "$T/models.json" "$T/later.json" <<'PY'
import json, sys
def api(f):
    m = [m for m in json.load(open(f)) if m["id"] == "claude-sonnet-5"][0]
    return m["prices"]["input"], m["prices"]["output"], m["as_of"], m["source"]
# data.json: claude-sonnet-5 is 2 / 10 until 2026-09-01, then 3 / 15
a, b = api(sys.argv[1]), api(sys.argv[2])
assert a[:3] == (2, 10, "2026-08-21") and b[:3] == (3, 15, "2026-09-02"), (a, b)
assert "in force on 2026-08-21" in a[3], a
PY

# ---- malformed data: exit 1 at its JSON path, nothing written ------------------------
python3 - "$DATA" "$T/bad.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d[3]["models"][12]["prices"]["input_mtok"] = "cheap"
json.dump(d, open(sys.argv[2], "w"))
PY
mkdir "$T/empty"
expect 1 "a corrupted value" -- imp "$T/bad.json" -o "$T/empty"
has "$T/err" "bad.json: providers[3].models[12].prices.input_mtok: expected a number or tiered prices {base, tiers}, not a string"
if [ -z "$(ls -A "$T/empty")" ]; then ok; else bad "a failed import wrote: $(ls "$T/empty")"; fi
expect 1 "a corrupted value over an import" -- imp "$T/bad.json" -o "$T/imp"
if cmp -s "$T/m1" "$T/imp/imported-models.yaml" && cmp -s "$T/p1" "$T/imp/imported-providers.yaml"; then ok; else bad "a failed import changed the files"; fi
printf '[{"id": "x", "name": "X", "api_pattern": "x", "models": [}]\n' >"$T/syntax.json"
expect 1 "not JSON" -- imp "$T/syntax.json" -o "$T/empty"
has "$T/err" "syntax.json:1:"
printf '[{"id": "x", "name": "X", "api_pattern": "x", "models": [{"id": "m", "prices": {}}]}]\n' >"$T/nomatch.json"
expect 1 "a missing required key" -- imp "$T/nomatch.json" -o "$T/empty"
has "$T/err" "providers[0].models[0]: missing required key 'match'"

# ---- a hand-written overlay beside the import is never touched, and wins ------------
mkdir "$T/mine"
cat >"$T/mine/models.yaml" <<'Y'
openweigh_catalog: 1
models:
  - id: gpt-5.4
    name: "GPT-5.4 (our negotiated price)"
    family: gpt-5
    vendor: OpenAI
    openness: closed
    licence: proprietary-api
    quality_tier: 1
    context_tokens: 1050000
    api: { provider: openai, input: 1.25, output: 7.5, source: "our contract", as_of: 2026-08-01 }
Y
cp "$T/mine/models.yaml" "$T/mine.orig"
expect 0 "import beside a hand-written models.yaml" -- imp "$DATA" -o "$T/mine"
if cmp -s "$T/mine.orig" "$T/mine/models.yaml"; then ok; else bad "the hand-written models.yaml changed"; fi
expect 0 "list with both" -- "$OW" --catalog "$T/mine" catalog list models --json
py "$T/out" "$T/mine" <<'PY'
import json, sys
m = {x["id"]: x for x in json.load(open(sys.argv[1]))}
assert m["gpt-5.4"]["prices"]["input"] == 1.25 and m["gpt-5.4"]["from"] == sys.argv[2] + "/models.yaml", m["gpt-5.4"]
assert m["gpt-5.5"]["from"] == sys.argv[2] + "/imported-models.yaml", m["gpt-5.5"]
assert m["llama-3.1-8b"]["from"].endswith("/catalog/models.yaml"), m["llama-3.1-8b"]
PY
# A file of that name the import did not write is refused, unless --force.
printf 'openweigh_catalog: 1\nmodels: []\n' >"$T/empty/imported-models.yaml"
expect 1 "a foreign imported-models.yaml" -- imp "$DATA" -o "$T/empty"
has "$T/err" "was not written by 'openweigh catalog import-prices'; refusing to replace it"
if [ ! -e "$T/empty/imported-providers.yaml" ]; then ok; else bad "a refused import wrote imported-providers.yaml"; fi
expect 0 "--force replaces it" -- imp "$DATA" -o "$T/empty" --force
has "$T/empty/imported-models.yaml" "# Written by openweigh catalog import-prices"
# A whole catalog is not an overlay.
mkdir "$T/whole"; : >"$T/whole/catalog.yaml"
expect 1 "into a whole catalog" -- imp "$DATA" -o "$T/whole"
has "$T/err" "holds catalog.yaml: a whole catalog, not an overlay"
# Without -o: the user's overlay folder, created private, read by every command.
expect 0 "import into the user's overlay" -- imp "$DATA"
if [ "$(stat -c %a "$XDG_CONFIG_HOME/openweigh/catalog")" = 700 ]; then ok; else bad "user overlay folder not 0700"; fi
expect 0 "list sees the user's import" -- "$OW" catalog list models --json
py "$T/out" "$XDG_CONFIG_HOME/openweigh/catalog/imported-models.yaml" <<'PY'
import json, sys
m = {x["id"]: x for x in json.load(open(sys.argv[1]))}
assert m["gpt-5.6-sol"]["from"] == sys.argv[2] and m["gpt-5.6-sol"]["quality_tier"] is None, m["gpt-5.6-sol"]
PY
rm -rf "$XDG_CONFIG_HOME"

# ---- the overlay order: shipped < system < user < --catalog ---------------------------
# Each layer prices gpt-4o differently; the last one read wins, and says which file.
layer() {   # layer DIR INPUT
	mkdir -p "$1"
	cat >"$1/models.yaml" <<Y
openweigh_catalog: 1
models:
  - id: gpt-4o
    name: "GPT-4o"
    family: gpt-4o
    vendor: OpenAI
    openness: closed
    licence: proprietary-api
    quality_tier: 1
    context_tokens: 128000
    api: { provider: openai, input: $2, output: 10, source: "layer test", as_of: 2026-08-01 }
Y
}
price_from() {   # price_from WANT_INPUT WANT_FILE [OPTIONS...]
	in_price=$1 in_file=$2; shift 2
	expect 0 "list for layer $in_file" -- "$OW" "$@" catalog list models --json
	py "$T/out" "$in_price" "$in_file" <<'PY'
import json, sys
m = [x for x in json.load(open(sys.argv[1])) if x["id"] == "gpt-4o"][0]
assert m["prices"]["input"] == float(sys.argv[2]) and m["from"].endswith(sys.argv[3]), m
PY
}
price_from 2.5 /catalog/models.yaml
layer "$T/sys2/openweigh/catalog" 2.2
export XDG_CONFIG_DIRS="$T/sys1:$T/sys2"
price_from 2.2 "$T/sys2/openweigh/catalog/models.yaml"
layer "$T/sys1/openweigh/catalog" 2.1
price_from 2.1 "$T/sys1/openweigh/catalog/models.yaml"
layer "$XDG_CONFIG_HOME/openweigh/catalog" 2.0
price_from 2.0 "$XDG_CONFIG_HOME/openweigh/catalog/models.yaml"
layer "$T/opt" 1.9
price_from 1.9 "$T/opt/models.yaml" --catalog "$T/opt"
# Memos name every overlay read, in order.
expect 0 "memo json names the overlays" -- "$OW" --catalog "$T/opt" memo --answers "$T/a.yaml" --format json
py "$T/out" "$T" "$XDG_CONFIG_HOME" <<'PY'
import json, sys
t, home = sys.argv[2], sys.argv[3]
want = [t + "/sys2/openweigh/catalog", t + "/sys1/openweigh/catalog", home + "/openweigh/catalog", t + "/opt"]
assert json.load(open(sys.argv[1]))["catalog"]["overlays"] == want, json.load(open(sys.argv[1]))["catalog"]
PY
expect 0 "memo md names the overlays" -- "$OW" --catalog "$T/opt" memo --answers "$T/a.yaml"
has "$T/out" "Overlay applied: \`$T/sys2/openweigh/catalog\`"
has "$T/out" "Overlay applied: \`$XDG_CONFIG_HOME/openweigh/catalog\`"
expect 0 "check names each layer" -- "$OW" --catalog "$T/opt" catalog check
has "$T/out" "overlay $T/sys1/openweigh/catalog:"
has "$T/out" "$T/opt/models.yaml: 1 models in effect"
has "$T/out" "$T/sys1/openweigh/catalog/models.yaml: read"
# An import into the system layer is read by a user with no overlay of their own.
rm -rf "$XDG_CONFIG_HOME"
expect 0 "import into a system overlay" -- imp "$DATA" -o "$T/sys1/openweigh/catalog"
expect 0 "a user sees the system import" -- "$OW" catalog list models --json
py "$T/out" "$T/sys1/openweigh/catalog" <<'PY'
import json, sys
m = {x["id"]: x for x in json.load(open(sys.argv[1]))}
assert m["gpt-5.6-sol"]["from"] == sys.argv[2] + "/imported-models.yaml", m["gpt-5.6-sol"]
assert m["gpt-4o"]["from"] == sys.argv[2] + "/models.yaml" and m["gpt-4o"]["prices"]["input"] == 2.1, m["gpt-4o"]
PY

finish
