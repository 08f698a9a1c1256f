"""Quotations on PolNeAR (dev or train): newsgraph vs textacy's direct_quotations.

Metric (eval README, "Quotes (PolNeAR)"): significant characters = not whitespace,
punctuation or quotation marks. A predicted quote matches a gold attribution when they
share at least half of the shorter one's significant characters; its speaker matches when
the predicted speaker mention's character range overlaps the gold Source span. P =
predictions matching some gold (span and speaker) / predictions; R_direct over gold whose
content contains a quotation mark (mixed included), R_all over all gold attributions.
Rows, same run, same articles:
  newsgraph  Analysis.quotes of newsgraph.analyze_many (speaker = speaker_mention)
  textacy    textacy 0.13 extract.triples.direct_quotations, one spaCy doc per paragraph
             (= line of the text file), same model; crashes caught per paragraph
  published  the peers' figures from the eval README (dev, en_core_web_sm 3.8), not re-run
Speed: CPU time of newsgraph and of textacy (spaCy per paragraph + direct_quotations) as
ratios to bare spaCy on whole articles.

    python benchmarks/quotes_polnear.py [--split dev|train] [--holdout N] [--weights TSV]
                                        [--model NAME] [--errors N] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import accumulate, pairwise
from pathlib import Path

from evaldata import default_model, digest, import_newsgraph, print_info, require, run_info

Spans = list[tuple[int, int]]

# "mixed included": a quotation mark anywhere in the content makes the gold direct.
DOUBLE_MARKS = '"“”„‟«»″〝〞'
# a single mark counts only where it opens a quotation (preceded by no letter, followed by
# one): a closing ’ cannot be told from a plural possessive ("voters’ preferences")
SINGLE_MARK = re.compile(r"(?<!\w)[‘'‚‛‹](?=\w)")

PUBLISHED = {  # eval README, dev, spaCy en_core_web_sm 3.8: P, R_direct, F_direct, R_all
    "textacy 0.13 (published, not re-run)": (89.9, 62.2, 73.5, 20.6),
    "Gender Gap Tracker (published, not re-run)": (78.5, 66.7, 72.1, 37.4),
    "BBC citron, 50-article sample (published, not re-run)": (82.6, 61.4, 70.4, 40.8),
}


@dataclass
class Gold:
    id: str
    content: Spans
    source: Spans
    cue: Spans
    text: str  # content text, pieces joined by " … "
    kind: str  # direct | mixed | indirect


@dataclass
class Pred:
    kind: str
    content: Spans
    speaker: tuple[int, int] | None
    cue: tuple[int, int] | None
    text: str = ""
    confidence: float | None = None


@dataclass
class Article:
    name: str
    text: str
    gold: list[Gold]
    sig: list[int] = field(default_factory=list)  # prefix sums of significant characters

    def __post_init__(self) -> None:
        self.sig = [0, *accumulate(significant(c) for c in self.text)]

    def n_sig(self, spans: Spans) -> int:
        return sum(self.sig[e] - self.sig[s] for s, e in spans)

    def shared(self, a: Spans, b: Spans) -> int:
        n = 0
        for s1, e1 in a:
            for s2, e2 in b:
                s, e = max(s1, s2), min(e1, e2)
                if s < e:
                    n += self.sig[e] - self.sig[s]
        return n


def significant(c: str) -> bool:
    return not (c.isspace() or unicodedata.category(c).startswith("P") or c in DOUBLE_MARKS)


def has_quote_mark(text: str) -> bool:
    return any(c in DOUBLE_MARKS for c in text) or bool(SINGLE_MARK.search(text))


def gold_kind(text: str) -> str:
    """direct (the content is all inside marks), mixed (marks in part), indirect (none)."""
    if not has_quote_mark(text):
        return "indirect"
    inner = text.strip().strip(".,;:!?—-– ")
    opens, closes = "\"“„«‘'‚‹", "\"”»’'›"
    if inner[:1] in opens and inner[-1:] in closes:
        body = inner[1:-1]
        if not any(c in DOUBLE_MARKS for c in body):  # one quotation, not two with prose
            return "direct"
    return "mixed"


def parse_spans(offsets: str) -> Spans:
    return [(int(a), int(b)) for a, b in (piece.split() for piece in offsets.split(";"))]


def read_ann(path: Path, text: str) -> list[Gold]:
    spans: dict[str, Spans] = {}
    golds = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            _, _, offsets = parts[1].partition(" ")
            spans[parts[0]] = parse_spans(offsets)
        elif line.startswith("E") and len(parts) >= 2:
            roles = defaultdict(list)
            for arg in parts[1].split()[1:]:  # the first is the trigger (Attribution:T4)
                role, _, ref = arg.partition(":")
                roles[role.rstrip("0123456789")].append(ref)
            golds.append((parts[0], roles))
    out = []
    for eid, roles in golds:
        content = sorted(s for ref in roles["Content"] for s in spans.get(ref, []))
        if not content:
            continue  # an event without content cannot be matched by anything
        source = sorted(s for ref in roles["Source"] for s in spans.get(ref, []))
        cue = sorted(s for ref in roles["Cue"] for s in spans.get(ref, []))
        ctext = " … ".join(text[s:e] for s, e in content)
        out.append(Gold(eid, content, source, cue, ctext, gold_kind(ctext)))
    return out


def read_split(root: Path) -> tuple[list[Article], list[Path]]:
    """Articles with their gold; of several annotators' files the alphabetically first."""
    anns: dict[str, list[Path]] = defaultdict(list)
    for path in sorted((root / "attributions").glob("*.ann")):
        anns[path.stem.rsplit("_", 1)[0]].append(path)
    articles, used = [], []
    for txt in sorted((root / "text").glob("*.txt")):
        if txt.stem not in anns:
            continue
        ann = min(anns[txt.stem])
        text = txt.read_text(encoding="utf-8")
        articles.append(Article(txt.stem, text, read_ann(ann, text)))
        used += [txt, ann]
    return articles, used


# ----------------------------------------------------------------------------- predictions


def newsgraph_preds(analysis) -> list[Pred]:
    preds = []
    for q in analysis.quotes:
        m = q.speaker_mention
        cue = (q.cue_start, q.cue_end) if q.cue_start is not None else None
        speaker = (m.start, m.end) if m is not None else None
        preds.append(Pred(q.kind, [(q.start, q.end)], speaker, cue, q.text, q.confidence))
    return preds


def textacy_article(nlp, text: str) -> tuple[list[Pred], int]:
    """direct_quotations over one doc per paragraph (line); (predictions, paragraphs crashed)."""
    from textacy.extract.triples import direct_quotations

    starts, paras, pos = [], [], 0
    for line in text.split("\n"):
        if line.strip():
            starts.append(pos)
            paras.append(line)
        pos += len(line) + 1
    preds, crashed = [], 0
    for base, doc in zip(starts, nlp.pipe(paras), strict=True):
        triples = direct_quotations(doc)
        while True:
            try:
                t = next(triples)
            except StopIteration:
                break
            except Exception:  # unbalanced quotation marks and the like: keep what came out
                crashed += 1
                break
            speaker = None
            if t.speaker:
                speaker = (
                    base + min(tok.idx for tok in t.speaker),
                    base + max(tok.idx + len(tok) for tok in t.speaker),
                )
            cue = None
            if t.cue:
                cue = (
                    base + min(tok.idx for tok in t.cue),
                    base + max(tok.idx + len(tok) for tok in t.cue),
                )
            c = t.content
            content = [(base + c.start_char, base + c.end_char)]
            preds.append(Pred("direct", content, speaker, cue, c.text))
    return preds, crashed


# ----------------------------------------------------------------------------- scoring


def span_match(art: Article, p: Pred, g: Gold) -> bool:
    shorter = min(art.n_sig(p.content), art.n_sig(g.content))
    shared = art.shared(p.content, g.content)
    return shared > 0 and 2 * shared >= shorter


def speaker_match(p: Pred, g: Gold) -> bool:
    if p.speaker is None:
        return False
    s, e = p.speaker
    return any(s < ge and gs < e for gs, ge in g.source)


def align(art: Article, preds: list[Pred]) -> list[list[tuple[int, bool]]]:
    """For each prediction: (gold index, speaker matches) for every gold its span matches."""
    return [
        [(i, speaker_match(p, g)) for i, g in enumerate(art.gold) if span_match(art, p, g)]
        for p in preds
    ]


def ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(articles: list[Article], preds: list[list[Pred]]) -> dict:
    kinds = ("direct", "mixed", "indirect")
    n_pred = Counter()
    tp = {"full": Counter(), "span": Counter()}  # per predicted kind
    recalled = {m: defaultdict(set) for m in ("full", "span")}  # kind / "all" -> gold ids
    n_direct = n_all = unattributed = 0
    judged: list[tuple[float, bool]] = []  # (confidence, right) of predictions that have one
    for a, (art, ps) in enumerate(zip(articles, preds, strict=True)):
        n_all += len(art.gold)
        n_direct += sum(g.kind != "indirect" for g in art.gold)
        for p, links in zip(ps, align(art, ps), strict=True):
            n_pred[p.kind] += 1
            if links:
                tp["span"][p.kind] += 1
                # neither names a speaker: not a match by the metric, counted for information
                unattributed += p.speaker is None and any(not art.gold[i].source for i, _ in links)
            right = any(ok for _, ok in links)
            tp["full"][p.kind] += right
            if p.confidence is not None:
                judged.append((p.confidence, right))
            for i, ok in links:
                for m in ("span", "full") if ok else ("span",):
                    recalled[m][p.kind].add((a, i))
                    recalled[m]["all"].add((a, i))
    is_direct = {
        (a, i)
        for a, art in enumerate(articles)
        for i, g in enumerate(art.gold)
        if g.kind != "indirect"
    }

    def figures(mode: str, kind: str | None) -> dict:
        key = kind or "all"
        npred = n_pred[kind] if kind else sum(n_pred.values())
        ntp = tp[mode][kind] if kind else sum(tp[mode].values())
        got = recalled[mode][key]
        p, r_direct, r_all = (
            ratio(ntp, npred),
            ratio(len(got & is_direct), n_direct),
            ratio(len(got), n_all),
        )
        return {
            "p": p,
            "r_direct": r_direct,
            "f_direct": f1(p, r_direct),
            "r_all": r_all,
            "tp": ntp,
            "pred": npred,
            "recalled_direct": len(got & is_direct),
            "recalled_all": len(got),
        }

    out = figures("full", None)
    out["span"] = figures("span", None)
    out["by_kind"] = {k: figures("full", k) for k in kinds if n_pred[k]}
    out["span_by_kind"] = {k: figures("span", k) for k in kinds if n_pred[k]}
    out["gold_direct"], out["gold_all"] = n_direct, n_all
    out["span_match_no_speaker_no_source"] = unattributed
    out["calibration"] = calibration(judged)
    return out


CONFIDENCE_BANDS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)


def calibration(judged: list[tuple[float, bool]]) -> list[dict]:
    """Per band of confidence, the predictions in it, their mean confidence and their
    precision (span and speaker), from each prediction's (confidence, right by the metric):
    whether a record's confidence reads as its chance of being right."""
    bands = [
        {"low": low, "high": high, "pred": 0, "tp": 0, "confidence": 0.0}
        for low, high in pairwise(CONFIDENCE_BANDS)
    ]
    for confidence, right in judged:
        band = next(b for b in bands if confidence < b["high"] or b is bands[-1])
        band["pred"] += 1
        band["tp"] += right
        band["confidence"] += confidence
    return [
        {**b, "confidence": b["confidence"] / b["pred"], "p": ratio(b["tp"], b["pred"])}
        for b in bands
        if b["pred"]
    ]


def print_calibration(bands: list[dict]) -> None:
    print(f"  {'confidence':<12}{'pred':>6}{'mean':>7}{'P':>7}")
    for b in bands:
        print(
            f"  {b['low']:.1f}-{b['high']:.1f}{'':<5}{b['pred']:>6}{b['confidence']:>7.2f}"
            f"{100 * b['p']:>7.1f}"
        )


# ----------------------------------------------------------------------------- errors


def cue_lemma(doc, spans) -> str:
    """Lower-cased lemmas of the cue's tokens, auxiliaries dropped when a verb remains."""
    toks = []
    for s, e in spans or []:
        span = doc.char_span(s, e, alignment_mode="expand")
        toks += list(span) if span is not None else []
    keep = [t for t in toks if t.pos_ not in ("AUX", "PART")] or toks
    return " ".join(t.lemma_.lower() for t in keep) or "-"


def error_patterns(articles, preds, docs) -> tuple[Counter, Counter, dict]:
    """Missed gold by (gold kind, cue lemma, why) and spurious predictions by (kind, cue, why)."""
    missed, spurious, examples = Counter(), Counter(), {}

    def short(text: str) -> str:
        text = " ".join(text.split())
        return text if len(text) <= 70 else text[:67] + "..."

    for art, ps, doc in zip(articles, preds, docs, strict=True):
        links = align(art, ps)
        span_hit, full_hit = set(), set()
        for ls in links:
            span_hit |= {i for i, _ in ls}
            full_hit |= {i for i, ok in ls if ok}
        for i, g in enumerate(art.gold):
            if i in full_hit:
                continue
            why = "wrong speaker" if i in span_hit else "no span"
            if why == "wrong speaker" and not g.source:
                why = "gold has no source"
            key = ("missed", g.kind, cue_lemma(doc, g.cue), why)
            missed[key] += 1
            examples.setdefault(key, f"{art.name}: {short(g.text)}")
        for p, ls in zip(ps, links, strict=True):
            if any(ok for _, ok in ls):
                continue
            if not ls:
                why = "no gold"
            elif p.speaker is None:
                why = "no speaker"
            else:
                why = "wrong speaker"
            key = ("spurious", p.kind, cue_lemma(doc, [p.cue] if p.cue else []), why)
            spurious[key] += 1
            examples.setdefault(key, f"{art.name}: {short(p.text)}")
    return missed, spurious, examples


# ----------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "train"), default="dev")
    ap.add_argument("--model", default=default_model())
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="N commonest errors")
    ap.add_argument(
        "--holdout",
        type=int,
        default=0,
        metavar="N",
        help="with --split train: only the N articles training/attribution_model.py --holdout N "
        "leaves out (seeded shuffle, seed 7)",
    )
    ap.add_argument(
        "--weights",
        type=Path,
        metavar="TSV",
        help="an attribution model written by training/attribution_model.py --out, instead of "
        "the shipped one (with --holdout: the model trained without those articles)",
    )
    ap.add_argument("--json", action="store_true", help="print one JSON object instead")
    args = ap.parse_args(argv)

    ng = import_newsgraph()  # first: before spaCy can import another newsgraph
    if args.weights and ng is not None:
        from newsgraph import knowledge

        knowledge.use_attribution_model(args.weights)
    import spacy

    root = require(f"quotes/polnear/{args.split}")
    articles, files = read_split(root)
    if args.holdout:
        if args.split != "train":
            ap.error("--holdout applies to --split train")
        random.Random(7).shuffle(articles)  # the training script's seed and order
        articles = articles[: args.holdout]
    texts = [a.text for a in articles]
    bare = spacy.load(args.model)
    info = run_info(
        bare, f"PolNeAR {args.split} (alphabetically first annotator)", len(articles), digest(files)
    )
    info["gold"] = (
        f"{sum(len(a.gold) for a in articles)} attributions, "
        f"{sum(g.kind != 'indirect' for a in articles for g in a.gold)} direct or mixed"
    )
    try:
        import textacy
    except ImportError:
        textacy = None
        print("note: textacy row skipped: textacy is not installed", file=sys.stderr)
    info["textacy"] = textacy.__version__ if textacy else "not installed"
    if not args.json:
        print_info(info)

    cpu: dict[str, float] = {}
    t0 = time.process_time()
    docs = list(bare.pipe(texts, batch_size=64))
    cpu["spacy"] = time.process_time() - t0

    preds: dict[str, list[list[Pred]]] = {}
    if ng is not None:
        nlp = ng.load_pipeline(args.model)
        # once per process, not per article: the gazetteer loads on the first place (its
        # load time is geo_places.py's figure)
        list(ng.analyze_many(["Officials met in Paris."], nlp=nlp))
        t0 = time.process_time()
        analyses = list(ng.analyze_many(texts, nlp=nlp))
        cpu["newsgraph"] = time.process_time() - t0
        preds["newsgraph"] = [newsgraph_preds(a) for a in analyses]
    crashes = {"articles": 0, "paragraphs": 0}
    if textacy is not None:
        t0 = time.process_time()
        out = [textacy_article(bare, t) for t in texts]
        cpu["textacy"] = time.process_time() - t0
        preds["textacy"] = [p for p, _ in out]
        crashes = {"articles": sum(c > 0 for _, c in out), "paragraphs": sum(c for _, c in out)}

    results: dict = {name: score(articles, p) for name, p in preds.items()}
    if "textacy" in results:
        results["textacy"]["crashes"] = crashes
    results["published"] = {
        name: dict(
            zip(("p", "r_direct", "f_direct", "r_all"), (v / 100 for v in vals), strict=True)
        )
        for name, vals in PUBLISHED.items()
    }
    results["speed"] = {
        "cpu_seconds": cpu,
        "ratio_to_spacy": {k: v / cpu["spacy"] for k, v in cpu.items() if k != "spacy"},
    }
    if "newsgraph" in cpu and "textacy" in cpu:
        results["speed"]["newsgraph_over_textacy"] = cpu["newsgraph"] / cpu["textacy"]

    err_row = "newsgraph" if "newsgraph" in preds else next(iter(preds), None)
    if args.errors and err_row:
        missed, spurious, examples = error_patterns(articles, preds[err_row], docs)
    if args.json:
        out = {"info": info, "results": results}
        if args.errors and err_row:
            out["errors_row"] = err_row
            out["error_totals"] = {
                name: dict(Counter(f"{k[1]}/{k[3]}" for k in c.elements()).most_common())
                for name, c in (("missed", missed), ("spurious", spurious))
            }
            out["errors"] = {
                name: [
                    {"kind": k[1], "cue": k[2], "why": k[3], "n": n, "example": examples[k]}
                    for k, n in counter.most_common(args.errors)
                ]
                for name, counter in (("missed", missed), ("spurious", spurious))
            }
        json.dump(out, sys.stdout, indent=2)
        print()
        return

    def pct(x: float) -> str:
        return f"{100 * x:.1f}"

    print("| row | P | R direct | F direct | R all | pred | span P | span R direct | span R all |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name in preds:
        r = results[name]
        s = r["span"]
        print(
            f"| {name} | {pct(r['p'])} | {pct(r['r_direct'])} | {pct(r['f_direct'])} | "
            f"{pct(r['r_all'])} | {r['pred']} | {pct(s['p'])} | {pct(s['r_direct'])} | "
            f"{pct(s['r_all'])} |"
        )
    for name, (p, rd, fd, ra) in PUBLISHED.items():
        print(f"| {name} | {p} | {rd} | {fd} | {ra} | | | | |")
    for name in preds:
        print(f"\n{name} by predicted kind (span+speaker; span only in brackets):")
        print(f"  {'kind':<9}{'pred':>6}{'P':>14}{'R direct':>14}{'R all':>14}")
        for kind, r in results[name]["by_kind"].items():
            s = results[name]["span_by_kind"][kind]
            print(
                f"  {kind:<9}{r['pred']:>6}"
                + "".join(f"{pct(r[k]):>7} ({pct(s[k]):>4})" for k in ("p", "r_direct", "r_all"))
            )
    if "newsgraph" in results:
        print("\nnewsgraph's confidence against its precision (span+speaker):")
        print_calibration(results["newsgraph"]["calibration"])
    print(f"\ngold: {info['gold']}")
    if "textacy" in results:
        print(
            f"textacy crashed in {crashes['paragraphs']} paragraphs of {crashes['articles']} "
            f"articles (scored with what it produced before the crash)"
        )
    print(
        "\nCPU seconds: "
        + ", ".join(f"{k} {v:.1f}" for k, v in cpu.items())
        + "; ratio to bare spaCy (whole articles): "
        + ", ".join(f"{k} {v:.2f}" for k, v in results["speed"]["ratio_to_spacy"].items())
    )
    if "newsgraph_over_textacy" in results["speed"]:
        print(f"newsgraph / textacy CPU time: {results['speed']['newsgraph_over_textacy']:.2f}")
    if args.errors and err_row:
        for name, counter in (("missed gold", missed), ("spurious predictions", spurious)):
            total = sum(counter.values())
            by = Counter()
            for k, n in counter.items():
                by[f"{k[1]}/{k[3]}"] += n
            print(
                f"\n{err_row}: {name} ({total}): "
                + ", ".join(f"{k} {n}" for k, n in by.most_common())
            )
            print(f"the {args.errors} commonest patterns (kind, cue lemma, why):")
            print(f"{'n':>5}  {'kind':<9}{'cue lemma':<18}{'why':<20}example")
            for k, n in counter.most_common(args.errors):
                print(f"{n:>5}  {k[1]:<9}{k[2][:17]:<18}{k[3]:<20}{examples[k]}")


if __name__ == "__main__":
    main()
