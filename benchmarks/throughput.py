"""Throughput: bare spaCy vs newsgraph on BBC News articles, in the same run.

Rows, timed alternately over several rounds (median per row of this process's CPU time,
the ratio's basis; wall time is shown beside it):
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


def timed(run, texts: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process). CPU time is what the ratio uses: on a
    shared machine other processes stretch wall time by tens of percent between rounds, but
    barely touch the CPU time this process spends on the same work."""
    wall, cpu = time.perf_counter(), time.process_time()
    deque(run(texts), maxlen=0)  # consume every doc / Analysis
    return time.perf_counter() - wall, time.process_time() - cpu


def own_work(ng, nlp, texts: list[str], batch_size: int) -> tuple[float, float]:
    """(CPU s of the spaCy part, CPU s of newsgraph's own work) on the same documents: the
    pipeline up to NER, then each newsgraph component and the Analysis, timed apart. Less
    exposed to noise than two whole runs, since both parts run back to back."""
    from newsgraph.analysis import build_analysis
    from newsgraph.article import Article
    from newsgraph.pipeline import NEWSGRAPH_PIPES

    spacy_part = [n for n in nlp.pipe_names if n not in NEWSGRAPH_PIPES]
    start = time.process_time()
    with nlp.select_pipes(enable=spacy_part):
        docs = list(nlp.pipe(texts, batch_size=batch_size))
    spacy_s = time.process_time() - start
    start = time.process_time()
    for name in NEWSGRAPH_PIPES:
        component = nlp.get_pipe(name)
        for doc in docs:
            component(doc)
    for doc, text in zip(docs, texts, strict=True):
        build_analysis(doc, Article(text=text))
    return spacy_s, time.process_time() - start


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
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in rows}
    names = list(rows)
    for r in range(args.rounds):  # rotate the order, so that no row always runs first
        for name in names[r % len(names) :] + names[: r % len(names)]:
            times[name].append(timed(rows[name], texts))

    if ng is not None:
        own = [own_work(ng, ng_nlp, texts, args.batch_size) for _ in range(args.rounds)]
    results = {}
    base_cpu = statistics.median(cpu for _, cpu in times["spacy"])
    base_wall = statistics.median(wall for wall, _ in times["spacy"])
    for name, ts in times.items():
        cpu = statistics.median(c for _, c in ts)
        wall = statistics.median(w for w, _ in ts)
        results[name] = {
            "cpu_seconds": cpu,
            "wall_seconds": wall,
            "rounds_cpu": [c for _, c in ts],
            "rounds_wall": [w for w, _ in ts],
            "words_per_cpu_s": words / cpu,
            "ratio": cpu / base_cpu,
            "wall_ratio": wall / base_wall,
        }
    out = {"info": info, "pipelines": pipes, "results": results, "goal_ratio": GOAL}
    if ng is not None:
        shares = [own_s / spacy_s for spacy_s, own_s in own]
        out["own_work"] = {
            "rounds_cpu": own,
            "share_of_spacy": statistics.median(shares),
        }
    if "ng-analyze" in results:
        out["meets_goal"] = results["ng-analyze"]["ratio"] <= GOAL
    if args.json:
        json.dump(out, sys.stdout, indent=2)
        print()
        return
    print(
        f"{'row':<12}{'cpu s':>8}{'words/cpu s':>13}{'cpu vs spacy':>14}{'wall vs spacy':>15}"
        "   rounds cpu s (wall s)"
    )
    for name, r in results.items():
        rounds = zip(r["rounds_cpu"], r["rounds_wall"], strict=True)
        print(
            f"{name:<12}{r['cpu_seconds']:>8.2f}{r['words_per_cpu_s']:>13,.0f}"
            f"{r['ratio']:>14.2f}{r['wall_ratio']:>15.2f}   "
            + " ".join(f"{c:.1f} ({w:.1f})" for c, w in rounds)
        )
    if "own_work" in out:
        print(
            f"\nnewsgraph's own work (its components + building the Analysis, timed on the same "
            f"parsed docs): {100 * out['own_work']['share_of_spacy']:.1f}% of spaCy's CPU time "
            f"(rounds: " + ", ".join(f"{o:.1f} s on {sp:.1f} s" for sp, o in own) + ")"
        )
    if "meets_goal" in out:
        verdict = "meets" if out["meets_goal"] else "MISSES"
        print(
            f"\nng-analyze / spacy (CPU time) = {results['ng-analyze']['ratio']:.2f}: "
            f"{verdict} the goal of <= {GOAL}"
        )


if __name__ == "__main__":
    main()
