"""CI gate: run the quality benchmarks and fail when a metric falls below its floor.

Runs the scripts named in benchmarks/floors.json (ner_conll.py, coref_gum.py,
time_meantime.py, quotes_polnear.py, events_plover.py, geo_places.py) with --json
(subprocesses with this interpreter, from the project root), reads each metric named in
benchmarks/floors.json and compares it with its floor. Prints one table (metric, floor,
measured, ok/FAIL); exits 1 if any metric is below its floor or could not be measured, 0
otherwise. Without the evaluation data (../shared/eval, or $NEWSGRAPH_EVAL) it prints
"skipped: ... not found" and exits 0.

Keys in floors.json are "<script>:<path>", the path dotted into that script's JSON output
("results.coref.muc.f1"); "<path> - <path>" is a difference (a gain over a baseline row).
Figures are fractions in the scripts' JSON and percentage points in floors.json and the
table. Throughput is deliberately not gated (too noisy on a shared machine).

    python benchmarks/gate.py [--floors PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from evaldata import ROOT, eval_root

HERE = Path(__file__).resolve().parent


def lookup(data: dict, path: str) -> float:
    """The number at dotted `path` in `data`, or `a - b` for a path of that form."""
    if " - " in path:
        left, right = path.split(" - ", 1)
        return lookup(data, left) - lookup(data, right)
    value = data
    for part in path.strip().split("."):
        value = value[part]
    return float(value)


def run_script(script: str) -> tuple[dict | None, str]:
    """The parsed --json output of `script`, or None and why it could not be had."""
    proc = subprocess.run(
        [sys.executable, str(HERE / script), "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    sys.stderr.write(proc.stderr)  # the scripts' notes (newsgraph rows skipped, ...)
    if proc.returncode != 0:
        return None, f"exit {proc.returncode}"
    if proc.stdout.startswith("skipped:"):
        return None, proc.stdout.strip()
    try:
        return json.loads(proc.stdout), ""
    except json.JSONDecodeError as exc:
        return None, f"no JSON ({exc})"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--floors", type=Path, default=HERE / "floors.json")
    args = ap.parse_args(argv)

    if eval_root() is None:
        where = os.environ.get("NEWSGRAPH_EVAL") or "../shared/eval"
        print(f"skipped: {where} not found")
        return 0

    floors = {k: v for k, v in json.loads(args.floors.read_text()).items() if k[0] != "_"}
    scripts = list(dict.fromkeys(key.split(":", 1)[0] for key in floors))
    outputs, problems, seconds = {}, {}, {}
    for script in scripts:
        start = time.perf_counter()
        outputs[script], problems[script] = run_script(script)
        seconds[script] = time.perf_counter() - start

    rows, failed = [], 0
    for key, entry in floors.items():
        script, path = key.split(":", 1)
        floor = float(entry["floor"])
        out = outputs[script]
        try:
            measured = 100 * lookup(out, path) if out is not None else None
            why = problems[script]
        except (KeyError, TypeError) as exc:
            measured, why = None, f"missing {exc} in output"
        ok = measured is not None and round(measured, 1) >= floor
        failed += not ok
        shown = f"{measured:.1f}" if measured is not None else "-"
        rows.append((key, f"{floor:.1f}", shown, "ok" if ok else f"FAIL {why}".strip()))

    width = max(len(r[0]) for r in rows)
    print(f"{'metric':<{width}}  {'floor':>6}  {'measured':>8}  result")
    for key, floor, measured, result in rows:
        print(f"{key:<{width}}  {floor:>6}  {measured:>8}  {result}")
    print("\nruntime: " + ", ".join(f"{s} {t:.0f} s" for s, t in seconds.items()))
    if failed:
        print(f"FAILED: {failed} of {len(rows)} metrics below their floor or not measured")
    else:
        print("all floors met")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
