"""Time normalisation against MEANTIME (TIMEX3 values) and GUM news (<date when=...>).

Metric (shared/eval/README.md): share of gold TIMEX3 DATE expressions whose normalised value
the system reproduces exactly, with the document's creation time as the anchor.

Rows, all measured in one run over the same gold expressions:
  end-to-end      find_times over the parsed text finds an expression overlapping the gold
                  span whose value equals the gold value
  normalize       normalize(gold_text, dct, tense from the parse) == gold value
  dateparser      dateparser.parse(gold_text, settings={'RELATIVE_BASE': dct}) formatted to the
                  gold value's granularity (day, month, year, ISO week, hh:mm), i.e. the
                  baseline is told the granularity and still must find the right date

Usage: python benchmarks/time_meantime.py [--model NAME] [--json] [--corpus meantime|gum|all]
                                          [--misses N]
The data lives in ../shared/eval (override with NEWSGRAPH_EVAL); absent data is skipped.
The document-creation-time mention itself (MEANTIME functionInDocument=CREATION_TIME, the
dateline) is left out: it is the anchor.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from evaldata import (
    default_model,
    digest,
    eval_root,
    import_newsgraph,
    print_info,
    require,
    run_info,
)

METRIC = "exact TIMEX3 value match, DCT as anchor; dateline/DCT mention excluded"


@dataclass
class Gold:
    doc: str
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class Document:
    name: str
    text: str
    dct: dt.date
    golds: list[Gold]


def _parse_dct(value: str | None) -> dt.date | None:
    if not value:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if m:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    m = re.match(r"(\d{2})-(\d{2})-(\d{4})$", value)  # one file writes DD-MM-YYYY
    if m:
        return dt.date(int(m[3]), int(m[2]), int(m[1]))
    return None


def load_meantime(paths: list[Path]) -> list[Document]:
    docs = []
    for path in paths:
        root = ET.parse(path).getroot()
        pieces, offsets = [], {}
        pos, last_sent = 0, None
        for tok in root.iter("token"):
            sep = "" if not pieces else ("\n" if tok.get("sentence") != last_sent else " ")
            pos += len(sep)
            pieces.append(sep + (tok.text or ""))
            offsets[tok.get("t_id")] = (pos, pos + len(tok.text or ""))
            pos += len(tok.text or "")
            last_sent = tok.get("sentence")
        text = "".join(pieces)
        dct, golds = None, []
        timexes = list(root.iter("TIMEX3"))
        for tx in timexes:
            if tx.get("functionInDocument") == "CREATION_TIME":
                dct = _parse_dct(tx.get("value"))
        for tx in timexes:
            ids = [a.get("t_id") for a in tx.iter("token_anchor")]
            if not ids or tx.get("functionInDocument") == "CREATION_TIME":
                continue
            if dct is None and re.fullmatch(r"\d{4}-\d{2}-\d{2}", tx.get("value") or ""):
                # no CREATION_TIME: the dateline (first full date, in sentence 1) is the DCT
                first = root.find(f".//token[@t_id='{ids[0]}']")
                if first is not None and first.get("sentence") in ("0", "1"):
                    dct = _parse_dct(tx.get("value"))
                    continue
            s, e = offsets[ids[0]][0], offsets[ids[-1]][1]
            golds.append(
                Gold(path.stem, s, e, text[s:e], tx.get("type") or "DATE", tx.get("value") or "")
            )
        if dct is None:
            continue
        docs.append(Document(path.stem, text, dct, golds))
    return docs


def load_gum(paths: list[Path]) -> list[Document]:
    docs = []
    for path in paths:
        raw = path.read_text(encoding="utf-8")
        m = re.search(r'dateCreated="(\d{4}-\d{2}-\d{2})"', raw)
        if not m:
            continue
        dct = _parse_dct(m[1])
        text_parts: list[str] = []
        pos = 0
        golds: list[Gold] = []
        open_dates: list[tuple[str | None, int]] = []
        first = True
        for line in raw.splitlines():
            if line.startswith("<date"):
                when = re.search(r'when="([^"]+)"', line)
                open_dates.append((when[1] if when else None, -1))
                continue
            if line.startswith("</date"):
                value, start = open_dates.pop()
                if value and start >= 0:
                    golds.append(Gold(path.stem, start, pos, "", "DATE", value))
                continue
            if line.startswith("<"):
                if line.startswith("<s ") or line.startswith("</p") or line.startswith("<head"):
                    pass
                continue
            tok = line.split("\t", 1)[0]
            if not tok:
                continue
            sep = "" if first else " "
            first = False
            pos += len(sep)
            open_dates = [(v, pos if s < 0 else s) for v, s in open_dates]
            text_parts.append(sep + tok)
            pos += len(tok)
        text = "".join(text_parts)
        for g in golds:
            g.text = text[g.start : g.end]
        # the dateline ("Friday, July 21, 2017" at the top, equal to the DCT or near it)
        golds = [g for g in golds if not (g.start < 200 and re.search(r"\d{4}", g.text))]
        docs.append(Document(path.stem, text, dct, golds))  # type: ignore[arg-type]
    return docs


# name: (folder in the eval data, files in it, loader, label)
CORPORA = {
    "meantime": (
        "crossdoc/meantime",
        "intra-doc_annotation/*/*.xml",
        load_meantime,
        "MEANTIME (eval/crossdoc/meantime, intra-doc)",
    ),
    "gum": ("coref/gum", "xml/GUM_news_*.xml", load_gum, "GUM news (eval/coref/gum/xml)"),
}


def _granular(value: str, d: dt.datetime) -> str | None:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return d.strftime("%Y-%m-%d")
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return d.strftime("%Y-%m")
    if re.fullmatch(r"\d{4}", value):
        return d.strftime("%Y")
    if re.fullmatch(r"\d{4}-W\d{2}", value):
        iso = d.isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z?", value):
        return d.strftime("%Y-%m-%dT%H:%M") + ("Z" if value.endswith("Z") else "")
    return None  # durations, PRESENT_REF, quarters, seasons, decades: not expressible


def evaluate(docs: list[Document], nlp) -> dict:
    import dateparser

    from newsgraph.times import find_times, normalize, sentence_tense

    hits: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    misses: list[dict] = []
    for d in docs:
        doc = nlp(d.text)
        found = find_times(doc, d.dct)
        base = dt.datetime(d.dct.year, d.dct.month, d.dct.day, 12, 0)
        for g in d.golds:
            row = hits[g.type]
            span = doc.char_span(g.start, g.end, alignment_mode="expand")
            tense = sentence_tense(span) if span is not None and len(span) else None
            e2e = any(f.start < g.end and g.start < f.end and f.value == g.value for f in found)
            norm = normalize(g.text, d.dct, tense).value == g.value
            try:
                p = dateparser.parse(
                    g.text,
                    settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "current_period"},
                )
            except Exception:
                p = None
            dp = p is not None and _granular(g.value, p) == g.value
            for name, ok in (("end-to-end", e2e), ("normalize", norm), ("dateparser", dp)):
                row[name][0] += int(ok)
                row[name][1] += 1
            if not norm and g.type == "DATE":
                misses.append(
                    {
                        "doc": d.name,
                        "text": g.text,
                        "gold": g.value,
                        "dct": str(d.dct),
                        "ours": normalize(g.text, d.dct, tense).value,
                        "tense": tense,
                    }
                )
    return {"scores": {t: dict(r) for t, r in hits.items()}, "misses": misses}


def _table(corpus: str, result: dict) -> str:
    types = [t for t in ("DATE", "TIME", "DURATION", "SET") if t in result["scores"]]
    lines = [
        f"### {corpus}",
        "",
        "| system | "
        + " | ".join(f"{t} (n={result['scores'][t]['normalize'][1]})" for t in types)
        + " |",
        "|---|" + "---|" * len(types),
    ]
    for name, label in (
        ("end-to-end", "newsgraph find_times (end-to-end)"),
        ("normalize", "newsgraph normalize (gold span)"),
        ("dateparser", "dateparser 1.5 (gold span, gold granularity)"),
    ):
        cells = []
        for t in types:
            ok, n = result["scores"][t][name]
            cells.append(f"{100 * ok / n:.1f}" if n else "-")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=default_model())
    ap.add_argument("--json", action="store_true", help="print one JSON object instead")
    ap.add_argument("--corpus", choices=["meantime", "gum", "all"], default="all")
    ap.add_argument("--misses", type=int, default=0, help="list N normalisation misses")
    args = ap.parse_args(argv)

    import_newsgraph()  # first: before spaCy can import another newsgraph
    import dateparser
    import spacy

    wanted = ["meantime", "gum"] if args.corpus == "all" else [args.corpus]
    root = eval_root()
    present = [k for k in wanted if root is not None and (root / CORPORA[k][0]).is_dir()]
    if not present:
        require(CORPORA[wanted[0]][0])  # prints "skipped: ..." and exits 0
    for k in wanted:
        if k not in present:
            print(f"note: {k} skipped: {CORPORA[k][0]} not found", file=sys.stderr)
    files = {k: sorted(require(CORPORA[k][0]).glob(CORPORA[k][1])) for k in present}
    docs = {k: CORPORA[k][2](files[k]) for k in present}

    nlp = spacy.load(args.model)
    info = run_info(
        nlp,
        " + ".join(CORPORA[k][3] for k in present),
        sum(map(len, docs.values())),
        digest(p for k in present for p in files[k]),
    )
    info["dateparser"] = dateparser.__version__
    info["metric"] = METRIC
    corpora = {}
    for k in present:
        corpora[k] = evaluate(docs[k], nlp)
        corpora[k]["documents"] = len(docs[k])
    if args.json:
        results = {
            k: {
                "documents": r["documents"],
                "scores": {
                    t: {
                        name: {"correct": ok, "n": n, "accuracy": ok / n if n else 0.0}
                        for name, (ok, n) in rows.items()
                    }
                    for t, rows in r["scores"].items()
                },
            }
            for k, r in corpora.items()
        }
        json.dump({"info": info, "results": results}, sys.stdout, indent=2)
        print()
        return
    print_info(info)
    print("Cells: % of gold expressions of that type.\n")
    for k, result in corpora.items():
        print(_table(f"{k} ({result['documents']} documents)", result))
        print()
        for miss in result["misses"][: args.misses]:
            print("  miss:", miss)


if __name__ == "__main__":
    main()
