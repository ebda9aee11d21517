#!/bin/sh
# make bench: the core measures (bench_core) and the terminal measures against
# dialog (term_bench.py), medians of several runs, into bench-results.json in the
# build folder and a table on standard output.
set -eu
B=${OW_BUILDDIR:-.}
S=${OW_SRCDIR:-.}
ANSWERS="$S/catalog/presets/regulated-enterprise.yaml"
if ! command -v dialog >/dev/null 2>&1; then
	SUDO=""
	[ "$(id -u)" -eq 0 ] || SUDO=sudo
	echo "bench: installing dialog (the peer)" >&2
	$SUDO apt-get install -y -qq dialog >/dev/null
fi
core=$(mktemp) term=$(mktemp)
trap 'rm -f "$core" "$term"' EXIT INT TERM
"$B/tests/bench/bench_core" "$S/catalog" "$ANSWERS" >"$core"
python3 "$S/tests/bench/term_bench.py" "$B/openweigh" "$ANSWERS" 7 >"$term"
python3 - "$core" "$term" "$B/bench-results.json" <<'PY'
import json, platform, os, sys
core, term = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
res = {**core, **term}
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
res["machine"] = f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}"
json.dump(res, open(sys.argv[3], "w"), indent=2)
rows = [
    ("evaluate_us_shipped", "us", 1000), ("sizing_us_shipped", "us", None),
    ("candidates_shipped", "", None), ("catalog_load_ms_shipped", "ms", None),
    ("catalog_load_ms_2k", "ms", 100), ("evaluate_us_2k", "us", 30000),
    ("startup_to_first_frame_ms", "ms", 2 * res["dialog_startup_ms"]),
    ("dialog_startup_ms", "ms", None), ("bytes_first_frame_80x24", "B", None),
    ("dialog_bytes_first_frame_80x24", "B", None), ("bytes_per_volume_step_80x24", "B", 1500),
    ("dialog_bytes_per_cursor_step_80x24", "B", None), ("ms_per_volume_step_80x24", "ms", None),
    ("dialog_ms_per_cursor_step_80x24", "ms", None), ("peak_rss_kb", "kB", 16384),
]
print(f"{'measure':36} {'median':>10}  {'target':>10}  met")
for key, unit, target in rows:
    v = res[key]
    met = "" if target is None else ("yes" if v <= target else "NO")
    t = "" if target is None else f"<= {target:g}"
    print(f"{key:36} {v:>10g}  {t:>10}  {met}   {unit}")
print(f"machine: {res['machine']}")
PY
