"""Throughput: bare spaCy vs newsgraph on BBC News articles, in the same run.

Rows, timed alternately over several rounds (median per row):
  spacy        spacy.load(model).pipe(texts, batch_size=64), consuming the docs
  ng-pipe      the newsgraph pipeline's nlp.pipe: spaCy + newsgraph components, no Analysis
  ng-analyze   newsgraph.analyze_many(texts, nlp=...): components + building Analysis objects
The goal (issue): newsgraph's own work costs at most 25% on top of spaCy, i.e. the time
ratio ng-analyze / spacy <= 1.25.

    python benchmarks/throughput.py [--n 300] [--rounds 3] [--model NAME] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import deque

from evaldata import default_model, digest, import_newsgraph, print_info, require, run_info

GOAL = 1.25


def sample(folder, n: int) -> list:
    """n articles evenly spaced over the path-sorted corpus (all five sections, reproducible)."""
    paths = sorted(folder.glob("*/*.txt"))
    n = min(n, len(paths))
    return [paths[i * len(paths) // n] for i in range(n)]


def timed(run, texts: list[str]) -> float:
    start = time.perf_counter()
    deque(run(texts), maxlen=0)  # consume every doc / Analysis
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=300, help="articles (default 300; 2225 = all)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--model", default=default_model())
    ap.add_argument("--json", action="store_true", help="print one JSON object instead")
    args = ap.parse_args(argv)

    ng = import_newsgraph()  # first: before spaCy can import another newsgraph
    import spacy

    paths = sample(require("bulk/bbc"), args.n)
    texts = [p.read_text(encoding="utf-8") for p in paths]  # title line included, as given
    words = sum(len(t.split()) for t in texts)
    bare = spacy.load(args.model)
    rows = {"spacy": lambda ts: bare.pipe(ts, batch_size=args.batch_size)}
    pipes = {"spacy": bare.pipe_names}
    if ng is not None:
        ng_nlp = ng.load_pipeline(args.model)
        rows["ng-pipe"] = lambda ts: ng_nlp.pipe(ts, batch_size=args.batch_size)
        rows["ng-analyze"] = lambda ts: ng.analyze_many(ts, batch_size=args.batch_size, nlp=ng_nlp)
        pipes["newsgraph"] = ng_nlp.pipe_names

    info = run_info(bare, "bbc (eval/bulk/bbc), evenly spaced sample", len(texts), digest(paths))
    info.update(words=words, rounds=args.rounds, batch_size=args.batch_size, n_process=1)
    if not args.json:
        print_info(info)
        for name, names in pipes.items():
            print(f"pipeline {name}: {', '.join(names)}")
        print()

    for run in rows.values():  # warm-up: first-batch allocations, lazy tables
        timed(run, texts[:16])
    times: dict[str, list[float]] = {name: [] for name in rows}
    names = list(rows)
    for r in range(args.rounds):  # rotate the order, so that no row always runs first
        for name in names[r % len(names) :] + names[: r % len(names)]:
            times[name].append(timed(rows[name], texts))

    results = {}
    base = statistics.median(times["spacy"])
    for name, ts in times.items():
        med = statistics.median(ts)
        results[name] = {
            "seconds": med,
            "rounds": ts,
            "words_per_s": words / med,
            "ratio": med / base,
        }
    out = {"info": info, "pipelines": pipes, "results": results, "goal_ratio": GOAL}
    if "ng-analyze" in results:
        out["meets_goal"] = results["ng-analyze"]["ratio"] <= GOAL
    if args.json:
        json.dump(out, sys.stdout, indent=2)
        print()
        return
    print(f"{'row':<12}{'median s':>10}{'words/s':>10}{'time vs spacy':>15}   rounds (s)")
    for name, r in results.items():
        print(
            f"{name:<12}{r['seconds']:>10.2f}{r['words_per_s']:>10,.0f}{r['ratio']:>15.2f}   "
            + " ".join(f"{t:.2f}" for t in r["rounds"])
        )
    if "meets_goal" in out:
        verdict = "meets" if out["meets_goal"] else "MISSES"
        print(
            f"\nng-analyze / spacy = {results['ng-analyze']['ratio']:.2f}: {verdict} the "
            f"goal of <= {GOAL}"
        )


if __name__ == "__main__":
    main()
