"""Events: newsgraph's PLOVER coding scored on the PLOVER-GSR dev records.

Each record of ../shared/eval/events/plover-gsr/dev.json is one sentence (CAMEO manual
examples) with one gold event: its type (old names mapped as the eval README says:
DEMAND→REQUEST, DISAPPROVE→ACCUSE, INVESTIGATE→ACCUSE, FIGHT→ASSAULT), and source and
target actors with CAMEO-style country codes. newsgraph analyses the sentence on its own,
with no publication date. Its *main* event is the one whose trigger stands highest in the
parse (the main clause's event; then the more confident); that event is scored:

  type accuracy     main event's type = gold type, over all records
  macro-F1          over the 16 PLOVER types, one label per record (the main event's, or none)
  type+countries    type matches and the sets of source and target country codes (first three
                    letters of the actor's country, the eval README's rule) both equal gold's;
                    for records whose markup says SRC/TAR (compound or reciprocal actors, all
                    listed as sources) the union of predicted sources and targets is compared
  extra events      events beyond the one that matches the gold type, per record

Beside these, "any" rows count a record as found when any of its predicted events matches
(the peer rule for UniversalPetrarch's triples). Speed: CPU time of the newsgraph pipeline
(analyze_many, Analysis objects) over bare spaCy's nlp.pipe on the same texts, median of
rounds, and events per CPU second.

The rules were written from the PLOVER codebook and general English, not from these
sentences; `--split even` (the records used while developing) and `--split odd` (looked at
only as a check) keep them apart.

    python benchmarks/events_plover.py [--split all|even|odd] [--model NAME] [--json] [--show]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter

from evaldata import default_model, digest, import_newsgraph, print_info, require, run_info

OLD_NAMES = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}
TYPES = (
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN "
    "PROTEST SANCTION MOBILIZE COERCE ASSAULT".split()
)
GOALS = {"type_accuracy": 0.85, "type_countries": 0.65}


def load_records(path, split: str) -> list[dict]:
    records = [r for r in json.loads(path.read_text(encoding="utf-8")) if "text" in r]
    if split == "even":
        return records[0::2]
    if split == "odd":
        return records[1::2]
    return records


def _codes(actors) -> set[str]:
    if not isinstance(actors, list):
        return set()  # a few records write the target as "" (none)
    return {str(a.get("code", ""))[:3] for a in actors if isinstance(a, dict)}


def gold_of(record: dict) -> dict:
    reciprocal = "SRC/TAR" in record.get("textInfo", {}).get("markup", "")
    source, target = _codes(record.get("source")), _codes(record.get("target"))
    return {
        "type": OLD_NAMES.get(record["event"], record["event"]),
        "source": source | target if reciprocal else source,
        "target": set() if reciprocal else target,
        "reciprocal": reciprocal,
    }


def _country(analysis, actor_id: str) -> str:
    actor = analysis.actor(actor_id)
    return (actor.country or "???")[:3] if actor else "???"


def countries_match(analysis, event, gold: dict) -> bool:
    source = {_country(analysis, a) for a in event.source}
    target = {_country(analysis, a) for a in event.target}
    if gold["reciprocal"]:
        return source | target == gold["source"]
    return source == gold["source"] and target == gold["target"]


def main_event(analysis, depths: dict[str, int]):
    """The event whose trigger stands highest in the parse, then the most confident."""
    if not analysis.events:
        return None
    return min(analysis.events, key=lambda e: (depths[e.id], -e.confidence, e.trigger_start))


def macro_f1(pairs: list[tuple[str, str | None]]) -> tuple[float, dict]:
    per_type = {}
    for t in TYPES:
        tp = sum(1 for g, p in pairs if g == t and p == t)
        fp = sum(1 for g, p in pairs if g != t and p == t)
        fn = sum(1 for g, p in pairs if g == t and p != t)
        if tp + fp + fn == 0:
            continue
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per_type[t] = {"p": prec, "r": rec, "f1": f, "gold": tp + fn}
    return statistics.mean(v["f1"] for v in per_type.values()), per_type


def score(ng, nlp, records: list[dict], show: bool) -> dict:
    from newsgraph.analysis import build_analysis
    from newsgraph.article import Article

    n = len(records)
    found = {"type": 0, "type_any": 0, "countries": 0, "countries_any": 0, "none": 0}
    extra = 0
    pairs = []
    statuses: Counter = Counter()
    for record, doc in zip(records, nlp.pipe([r["text"] for r in records]), strict=True):
        analysis = build_analysis(doc, Article(text=record["text"]))
        depths = {f"e{k}": e.depth for k, e in enumerate(doc._.newsgraph_events or [], 1)}
        gold = gold_of(record)
        main = main_event(analysis, depths)
        pairs.append((gold["type"], main.type if main else None))
        same_type = [e for e in analysis.events if e.type == gold["type"]]
        statuses.update(e.status for e in analysis.events)
        found["none"] += main is None
        found["type"] += bool(main and main.type == gold["type"])
        found["type_any"] += bool(same_type)
        found["countries"] += bool(
            main and main.type == gold["type"] and countries_match(analysis, main, gold)
        )
        found["countries_any"] += any(countries_match(analysis, e, gold) for e in same_type)
        extra += len(analysis.events) - min(1, len(same_type))
        if show:
            got = [
                (
                    e.type,
                    sorted(_country(analysis, a) for a in e.source),
                    sorted(_country(analysis, a) for a in e.target),
                    e.trigger,
                )
                for e in analysis.events
            ]
            mark = "ok " if main and main.type == gold["type"] else "XX "
            print(mark, record["id"], gold["type"], sorted(gold["source"]), sorted(gold["target"]))
            print("    ", record["text"][:160])
            print("    ", got, file=sys.stdout)
    f1, per_type = macro_f1(pairs)
    return {
        "type_accuracy": found["type"] / n,
        "type_any": found["type_any"] / n,
        "macro_f1": f1,
        "type_countries": found["countries"] / n,
        "type_countries_any": found["countries_any"] / n,
        "extra_per_record": extra / n,
        "no_event": found["none"] / n,
        "statuses": dict(statuses),
        "per_type": per_type,
    }


def speed(ng, nlp, bare, texts: list[str], rounds: int) -> dict:
    spacy_s, ng_s, events = [], [], 0
    for _ in range(rounds):
        start = time.process_time()
        for _doc in bare.pipe(texts):
            pass
        spacy_s.append(time.process_time() - start)
        start = time.process_time()
        events = sum(len(a.events) for a in ng.analyze_many(texts, nlp=nlp))
        ng_s.append(time.process_time() - start)
    spacy_cpu, ng_cpu = statistics.median(spacy_s), statistics.median(ng_s)
    return {
        "spacy_cpu_s": spacy_cpu,
        "newsgraph_cpu_s": ng_cpu,
        "ratio": ng_cpu / spacy_cpu,
        "events": events,
        "events_per_cpu_s": events / ng_cpu,
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("all", "even", "odd"), default="all")
    ap.add_argument("--model", default=default_model())
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--json", action="store_true", help="print one JSON object instead")
    ap.add_argument("--show", action="store_true", help="print every record and its events")
    args = ap.parse_args(argv)

    ng = import_newsgraph()  # first: before spaCy can import another newsgraph
    import spacy

    path = require("events/plover-gsr/dev.json")
    records = load_records(path, args.split)
    if ng is None:
        print("skipped: newsgraph cannot be imported")
        return
    nlp = ng.load_pipeline(args.model)
    bare = spacy.load(args.model)
    info = run_info(nlp, f"PLOVER-GSR dev ({args.split})", len(records), digest([path]))
    results = score(ng, nlp, records, args.show)
    results_speed = speed(ng, nlp, bare, [r["text"] for r in records], args.rounds)
    out = {"info": info, "results": {"newsgraph": results, "speed": results_speed}}
    if args.json:
        print(json.dumps(out, indent=2))
        return
    print_info(info)
    r = results
    print(f"{'metric':<34}{'newsgraph':>10}{'goal':>8}")
    rows = [
        ("type accuracy (main event)", r["type_accuracy"], GOALS["type_accuracy"]),
        ("macro-F1 over types", r["macro_f1"], None),
        ("type + source/target countries", r["type_countries"], GOALS["type_countries"]),
        ("type, any event", r["type_any"], None),
        ("type + countries, any event", r["type_countries_any"], None),
        ("records with no event", r["no_event"], None),
    ]
    for name, value, goal in rows:
        print(f"{name:<34}{100 * value:>9.1f}%{'' if goal is None else f'{100 * goal:>7.0f}%'}")
    print(f"{'extra events per record':<34}{r['extra_per_record']:>10.2f}")
    print(f"statuses: {r['statuses']}")
    print("\nper type (gold records, P, R, F1 of the main event's type):")
    for t, v in r["per_type"].items():
        print(
            f"  {t:<10}{v['gold']:>4}  {100 * v['p']:5.1f} {100 * v['r']:5.1f} {100 * v['f1']:5.1f}"
        )
    s = results_speed
    print(
        f"\nspeed (CPU s, median of {args.rounds}): bare spaCy {s['spacy_cpu_s']:.2f}, "
        f"newsgraph {s['newsgraph_cpu_s']:.2f} → ratio {s['ratio']:.2f}; "
        f"{s['events']} events, {s['events_per_cpu_s']:.0f} events per CPU s"
    )


if __name__ == "__main__":
    main()
