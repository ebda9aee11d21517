#!/bin/sh
# The Markdown memo renders through pandoc to HTML: every table in the Markdown
# becomes an HTML table (none left as text), and no raw HTML is needed (the output
# is the same with pandoc's raw-HTML extension off). Skipped (77) without pandoc.
set -u
OW=${OPENWEIGH:-./openweigh}
SRC=${OW_SRCDIR:-.}
command -v pandoc >/dev/null 2>&1 || { echo "SKIP: pandoc is not installed"; exit 77; }
T=$(mktemp -d "${TMPDIR:-/tmp}/owpandoc.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT INT TERM
export XDG_CONFIG_HOME="$T/config" XDG_STATE_HOME="$T/state" SOURCE_DATE_EPOCH=1795000000
fail=0
bad() { fail=$((fail + 1)); printf 'FAIL: %s\n' "$*"; }

# Every preset, and a team for which nothing is feasible (its own layout).
cp "$SRC"/catalog/presets/*.yaml "$T/"
sed -e 's/^edge:.*/edge: none/' -e 's/^privacy:.*/privacy: air-gapped/' -e 's/^mlops:.*/mlops: none/' \
	"$SRC/catalog/presets/startup-chatbot.yaml" >"$T/nothing-feasible.yaml"
"$OW" memo --answers "$T/nothing-feasible.yaml" | grep -q 'No architecture is feasible' || bad "nothing-feasible.yaml: something is feasible"
for a in "$T"/*.yaml; do
	n=$(basename "$a" .yaml)
	"$OW" memo --answers "$a" >"$T/$n.md" || { bad "$n: memo failed"; continue; }
	pandoc -f gfm -t html "$T/$n.md" -o "$T/$n.html" 2>"$T/err" || { bad "$n: pandoc: $(cat "$T/err")"; continue; }
	[ -s "$T/err" ] && bad "$n: pandoc warned: $(cat "$T/err")"
	tables=$(grep -c '^|---' "$T/$n.md")
	html=$(grep -c '<table>' "$T/$n.html")
	[ "$tables" -gt 0 ] && [ "$tables" -eq "$html" ] || bad "$n: $tables Markdown tables, $html HTML tables"
	grep -q '|---' "$T/$n.html" && bad "$n: a table left as text"
	pandoc -f gfm-raw_html -t html "$T/$n.md" -o "$T/$n.noraw.html"
	cmp -s "$T/$n.html" "$T/$n.noraw.html" || bad "$n: needs raw HTML"
done
[ "$fail" -eq 0 ] && echo "pandoc: $(ls "$T"/*.md | wc -l) memos render"
exit $((fail > 0))
