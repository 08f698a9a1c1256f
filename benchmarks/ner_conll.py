"""NER on CoNLL-2003 English dev (eng.testa): bare spaCy vs newsgraph actor mentions.

Metric (eval README): entity-level micro-F1 over PER, ORG, LOC, exact character-span match;
MISC left out. Rows, same run:
  spacy      doc.ents; PERSON->PER, ORG->ORG, GPE/LOC/FAC->LOC, other labels ignored
  newsgraph  every actor mention of kind "name", typed by its actor's consolidated type
             (PERSON->PER, ORG->ORG, GPE/LOC->LOC; NORP/OTHER ignored), except mentions whose
             own label is NORP (demonyms, which CoNLL calls MISC)

    python benchmarks/ner_conll.py [--model NAME] [--errors] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator

from evaldata import default_model, digest, import_newsgraph, prf, print_info, require, run_info

TYPES = ("PER", "ORG", "LOC")
SPACY_MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
ACTOR_MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}

Ent = tuple[int, int, str]  # start, end (characters), type


def read_conll(path) -> Iterator[tuple[str, set[Ent]]]:
    """Each document's text (tokens joined by spaces, sentences by newlines) and gold entities."""
    for block in path.read_text(encoding="utf-8").split("-DOCSTART-")[1:]:
        sentences = [s.splitlines() for s in block.split("\n\n")[1:]]
        sentences = [[ln.split() for ln in s if ln.strip()] for s in sentences]
        text, gold, pos = [], set(), 0
        for sent in filter(None, sentences):
            open_ent = None  # [start, end, type] of the entity being read
            for row in sent:
                token, tag = row[0], row[-1]
                start, pos = pos, pos + len(token) + 1
                kind = tag[2:] if tag != "O" else None
                # IOB1: I-X continues an X entity, B-X starts a new one right after another X
                if open_ent and (kind != open_ent[2] or tag.startswith("B-")):
                    gold.add(tuple(open_ent))
                    open_ent = None
                if kind and open_ent:
                    open_ent[1] = start + len(token)
                elif kind:
                    open_ent = [start, start + len(token), kind]
            if open_ent:
                gold.add(tuple(open_ent))
            text.append(" ".join(row[0] for row in sent))
        yield "\n".join(text), {e for e in gold if e[2] in TYPES}


def spacy_ents(doc) -> set[Ent]:
    return {
        (e.start_char, e.end_char, SPACY_MAP[e.label_]) for e in doc.ents if e.label_ in SPACY_MAP
    }


def newsgraph_ents(analysis) -> set[Ent]:
    ents = set()
    for actor in analysis.actors:
        kind = ACTOR_MAP.get(actor.type)
        for m in actor.mentions:
            if kind and m.kind == "name" and getattr(m, "label", None) != "NORP":
                ents.add((m.start, m.end, kind))
    return ents


def score(gold: list[set[Ent]], pred: list[set[Ent]]) -> dict:
    def count(kind=None):
        keep = (lambda e: e[2] == kind) if kind else (lambda e: True)
        tp = sum(len({e for e in g & p if keep(e)}) for g, p in zip(gold, pred, strict=True))
        return prf(tp, sum(sum(map(keep, p)) for p in pred), sum(sum(map(keep, g)) for g in gold))

    return {"all": count(), **{t: count(t) for t in TYPES}}


def error_patterns(texts, gold, pred) -> Counter:
    """(what went wrong, gold 'text' TYPE, predicted 'text' TYPE) for every error."""
    errors = Counter()

    def show(text, e):
        return f"{text[e[0] : e[1]]!r} {e[2]}" if e else "-"

    def overlapping(e, others):
        return next((o for o in sorted(others) if o[0] < e[1] and e[0] < o[1]), None)

    for text, g, p in zip(texts, gold, pred, strict=True):
        for e in g - p:
            o = overlapping(e, p - g)
            what = "missed" if o is None else "type" if o[:2] == e[:2] else "boundary"
            errors[(what, show(text, e), show(text, o))] += 1
        for e in p - g:
            if overlapping(e, g - p) is None:
                errors[("spurious", "-", show(text, e))] += 1
    return errors


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=default_model())
    ap.add_argument("--errors", action="store_true", help="the 15 commonest newsgraph errors")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead")
    args = ap.parse_args(argv)

    ng = import_newsgraph()  # first: before spaCy can import another newsgraph
    import spacy

    path = require("ner/conll2003/eng.testa")
    docs = list(read_conll(path))
    texts, gold = [d[0] for d in docs], [d[1] for d in docs]
    bare = spacy.load(args.model)
    info = run_info(bare, "CoNLL-2003 English dev (eng.testa)", len(docs), digest([path]))
    info["gold_entities"] = sum(map(len, gold))
    if not args.json:
        print_info(info)

    preds = {"spacy": [spacy_ents(d) for d in bare.pipe(texts, batch_size=64)]}
    if ng is not None:
        nlp = ng.load_pipeline(args.model)
        preds["newsgraph"] = [newsgraph_ents(a) for a in ng.analyze_many(texts, nlp=nlp)]
    results = {name: score(gold, p) for name, p in preds.items()}

    err_row = "newsgraph" if "newsgraph" in preds else "spacy"  # spacy until newsgraph exists
    errors = error_patterns(texts, gold, preds[err_row])
    if args.json:
        out = {"info": info, "results": results}
        if args.errors:
            out["errors_row"] = err_row
            out["errors"] = [
                {"what": k[0], "gold": k[1], "pred": k[2], "n": n}
                for k, n in errors.most_common(15)
            ]
        json.dump(out, sys.stdout, indent=2)
        print()
        return
    print(f"{'row':<11}{'type':<5}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}{'pred':>7}")
    for name, res in results.items():
        for kind, r in res.items():
            print(
                f"{name:<11}{kind:<5}{100 * r['p']:>7.1f}{100 * r['r']:>7.1f}"
                f"{100 * r['f1']:>7.1f}{r['gold']:>7}{r['pred']:>7}"
            )
    if args.errors:
        kinds = Counter()
        for (what, _, _), n in errors.items():
            kinds[what] += n
        print(f"\n{err_row} errors by kind: " + ", ".join(f"{k} {n}" for k, n in kinds.items()))
        print(f"{'n':>4}  {'error':<9}{'gold':<32}predicted")
        for (what, g, p), n in errors.most_common(15):
            print(f"{n:>4}  {what:<9}{g:<32}{p}")


if __name__ == "__main__":
    main()
