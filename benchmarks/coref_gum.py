"""Coreference on GUM's 24 news documents: newsgraph with and without `newsgraph_coref`.

Gold: entity mentions and chains from GUM's conllu (`dep/`, MISC `Entity=`), restricted to
the types person, organization, place. Rows, same run:
  spacy-same bare spaCy reference: doc.ents (PERSON/ORG/GPE/LOC/NORP/FAC), equal text chained
  coref      newsgraph.load_pipeline(model)
  no-coref   newsgraph.load_pipeline(model, disable=["newsgraph_coref"]): name matching only
Metrics (definitions in benchmarks/README.md):
  MUC, B3    over the chains, predicted chains = actors with all their mentions
  pronouns   accuracy on gold 3rd-person pronouns whose chain has a proper-name mention
  nominals   the same for gold definite descriptions ("the minister", "the company")

    python benchmarks/coref_gum.py [--model NAME] [--json]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

from evaldata import default_model, digest, import_newsgraph, prf, print_info, require, run_info

TYPES = {"person", "organization", "place"}
PRONOUNS = {"he", "she", "him", "her", "his", "hers", "they", "them", "their", "it", "its"}
ENTITY = re.compile(r"\(([^()]+)(\))?|(\d+)\)")  # "(id-type-…" opens, ")" right after closes
SPACY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
NAME_DEPS = {"flat", "fixed"}  # "Donald Trump": Donald is the head, Trump hangs on it by flat


@dataclass
class Token:
    start: int
    end: int
    form: str
    upos: str
    head: int | None  # document index of the syntactic head; None at the root
    deprel: str


@dataclass
class Mention:
    chain: str
    etype: str
    start: int  # characters
    end: int
    head: tuple[int, int]  # characters of the head word, with the rest of its name
    first: str  # the first token, lower-cased
    is_name: bool  # head is a proper noun
    is_pronoun: bool


@dataclass
class GumDoc:
    name: str
    text: str
    mentions: list[Mention] = field(default_factory=list)


def _space_after(misc: str) -> bool:
    return "SpaceAfter=No" not in misc.split("|")


def _layout(rows: list[list[str]], pos: int, sent_base: int) -> tuple[str, list[Token]]:
    """A sentence's text from its tokens (multiword tokens such as "Trump's" by their surface)."""
    units, i = [], 0
    while i < len(rows):
        cols = rows[i]
        if "-" in cols[0]:
            a, b = map(int, cols[0].split("-"))
            subs = [r for r in rows[i + 1 :] if r[0].isdigit() and a <= int(r[0]) <= b]
            units.append((cols[1], _space_after(cols[9]), subs))
            i += 1 + len(subs)
        else:
            if cols[0].isdigit():  # skip empty nodes ("8.1")
                units.append((cols[1], _space_after(cols[9]), [cols]))
            i += 1
    text, tokens = "", []
    for k, (surface, space, subs) in enumerate(units):
        start = pos + len(text)
        sequential = "".join(r[1] for r in subs) == surface
        for r in subs:
            end = start + len(r[1]) if sequential else pos + len(text) + len(surface)
            head = int(r[6])
            tokens.append(
                Token(
                    start,
                    end,
                    r[1],
                    r[3],
                    sent_base + head - 1 if head else None,
                    r[7].split(":")[0],
                )
            )
            start = end if sequential else start
        text += surface + (" " if space and k < len(units) - 1 else "")
    return text, tokens


def read_gum(path: Path) -> GumDoc:
    """Text (sentences joined by a space, paragraphs by a blank line) and gold mentions."""
    doc = GumDoc(path.stem, "")
    tokens: list[Token] = []
    spans: list[tuple[str, str, int, int]] = []  # chain, type, first and last token index
    opened: dict[str, list[tuple[str, int]]] = {}
    rows: list[list[str]] = []
    newpar, comment_text = False, None
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line == "# newpar" or line.startswith("# newpar "):
            newpar = True
        elif line.startswith("# text = "):
            comment_text = line[len("# text = ") :]
        elif line and not line.startswith("#"):
            rows.append(line.split("\t"))
        elif not line and rows:
            if doc.text:
                doc.text += "\n\n" if newpar else " "
            text, sent = _layout(rows, len(doc.text), len(tokens))
            if comment_text is not None and text != comment_text:
                print(
                    f"warning: {path.name}: rebuilt {text!r} != {comment_text!r}", file=sys.stderr
                )
            doc.text += text
            words = [r for r in rows if r[0].isdigit()]
            for r, tok in zip(words, sent, strict=True):
                index = len(tokens)
                tokens.append(tok)
                value = next((f[7:] for f in r[9].split("|") if f.startswith("Entity=")), "")
                for m in ENTITY.finditer(value):
                    if m.group(1):
                        chain, etype = m.group(1).split("-")[:2]
                        opened.setdefault(chain, []).append((etype, index))
                    closing = m.group(3) or (m.group(1).split("-")[0] if m.group(2) else None)
                    if closing:
                        etype, first = opened[closing].pop()
                        spans.append((closing, etype, first, index))
            rows, newpar, comment_text = [], False, None
    for chain, etype, first, last in spans:
        inside = range(first, last + 1)
        head = next((i for i in inside if tokens[i].head not in inside), first)
        name = [
            i
            for i in inside
            if i == head or (tokens[i].head == head and tokens[i].deprel in NAME_DEPS)
        ]
        doc.mentions.append(
            Mention(
                chain,
                etype,
                tokens[first].start,
                tokens[last].end,
                (tokens[min(name)].start, tokens[max(name)].end),
                tokens[first].form.lower(),
                tokens[head].upos == "PROPN",
                first == last and tokens[first].form.lower() in PRONOUNS,
            )
        )
    return doc


def matches(start: int, end: int, gold: Mention) -> bool:
    """A predicted span matches a gold mention when it overlaps the gold head (name)."""
    return start < gold.head[1] and gold.head[0] < end


def align(pred: list[tuple[str, int, int]], gold: list[Mention]) -> dict[int, int]:
    """One-to-one: predicted index -> gold index; exact spans first, then the smallest gold."""
    pairs = sorted(
        ((g.start, g.end) != (s, e), g.end - g.start, i, j)
        for i, (_, s, e) in enumerate(pred)
        for j, g in enumerate(gold)
        if matches(s, e, g)
    )
    out, used = {}, set()
    for _, _, i, j in pairs:
        if i not in out and j not in used:
            out[i] = j
            used.add(j)
    return out


def muc(key: list[set], response: list[set]) -> tuple[int, int]:
    """MUC numerator and denominator of recall (swap the arguments for precision)."""
    where = {m: k for k, chain in enumerate(response) for m in chain}
    num = den = 0
    for chain in key:
        parts = {where.get(m, ("alone", m)) for m in chain}
        num += len(chain) - len(parts)
        den += len(chain) - 1
    return num, den


def b_cubed(key: list[set], response: list[set]) -> tuple[float, int]:
    """B3 numerator and denominator of recall (swap the arguments for precision)."""
    where = {m: k for k, chain in enumerate(response) for m in chain}
    num = 0.0
    for chain in key:
        for m in chain:
            if m in where:
                num += len(chain & response[where[m]]) / len(chain)
    return num, sum(map(len, key))


def evaluate(docs: list[GumDoc], analyses) -> dict:
    t = {
        k: 0.0
        for k in (
            "muc_rn",
            "muc_rd",
            "muc_pn",
            "muc_pd",
            "b3_rn",
            "b3_rd",
            "b3_pn",
            "b3_pd",
            "det_tp",
            "det_pred",
            "det_gold",
        )
    }
    res = {k: {"gold": 0, "attempted": 0, "correct": 0} for k in ("pronouns", "nominals")}
    for doc, analysis in zip(docs, analyses, strict=True):
        pred = [(a.id, m.start, m.end, m.kind) for a in analysis.actors for m in a.mentions]
        aligned = align([p[:3] for p in pred], doc.mentions)
        in_scope = {j for j, g in enumerate(doc.mentions) if g.etype in TYPES}
        key: dict[str, set] = {}
        for j in in_scope:
            key.setdefault(doc.mentions[j].chain, set()).add(j)
        response: dict[str, set] = {}
        for i, p in enumerate(pred):
            j = aligned.get(i, ("twinless", i))
            if j in in_scope or isinstance(j, tuple):  # other gold types: outside the domain
                response.setdefault(p[0], set()).add(j)
        k_chains, r_chains = list(key.values()), list(response.values())
        for name, fn in (("muc", muc), ("b3", b_cubed)):
            rn, rd = fn(k_chains, r_chains)
            pn, pd = fn(r_chains, k_chains)
            t[f"{name}_rn"] += rn
            t[f"{name}_rd"] += rd
            t[f"{name}_pn"] += pn
            t[f"{name}_pd"] += pd
        t["det_tp"] += sum(1 for j in aligned.values() if j in in_scope)
        t["det_pred"] += len(pred)
        t["det_gold"] += len(in_scope)

        # pronouns and definite descriptions whose gold chain has a proper name
        names = {c: [g for g in doc.mentions if g.chain == c and g.is_name] for c in key}
        actor_names = {}
        for a_id, s, e, kind in pred:
            if kind == "name":
                actor_names.setdefault(a_id, []).append((s, e))
        for j in in_scope:
            g = doc.mentions[j]
            if not names[g.chain]:
                continue
            if g.is_pronoun:
                row = res["pronouns"]
            elif g.first == "the" and not g.is_name:
                row = res["nominals"]
            else:
                continue
            row["gold"] += 1
            hits = [p[0] for p in pred if matches(p[1], p[2], g)]
            row["attempted"] += bool(hits)
            row["correct"] += any(
                matches(s, e, n)
                for a_id in hits
                for s, e in actor_names.get(a_id, [])
                for n in names[g.chain]
            )

    def f(pn, pd, rn, rd):
        p, r = (pn / pd if pd else 0.0), (rn / rd if rd else 0.0)
        return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}

    out = {
        name: f(t[f"{name}_pn"], t[f"{name}_pd"], t[f"{name}_rn"], t[f"{name}_rd"])
        for name in ("muc", "b3")
    }
    out["mentions"] = prf(int(t["det_tp"]), int(t["det_pred"]), int(t["det_gold"]))
    for name, row in res.items():
        row["accuracy"] = row["correct"] / row["gold"] if row["gold"] else 0.0
        row["precision"] = row["correct"] / row["attempted"] if row["attempted"] else 0.0
        out[name] = row
    return out


def same_text_chains(doc) -> SimpleNamespace:
    """Bare-spaCy reference row: entities as name mentions, chained when their text is equal."""
    actors: dict[str, SimpleNamespace] = {}
    for e in doc.ents:
        if e.label_ in SPACY_LABELS:
            actor = actors.setdefault(e.text, SimpleNamespace(id=e.text, mentions=[]))
            actor.mentions.append(SimpleNamespace(start=e.start_char, end=e.end_char, kind="name"))
    return SimpleNamespace(actors=list(actors.values()))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=default_model())
    ap.add_argument("--json", action="store_true", help="print one JSON object instead")
    args = ap.parse_args(argv)

    ng = import_newsgraph()  # first: before spaCy can import another newsgraph
    import spacy

    paths = sorted(require("coref/gum/dep").glob("GUM_news_*.conllu"))
    docs = [read_gum(p) for p in paths]
    texts = [d.text for d in docs]
    bare = spacy.load(args.model)
    info = run_info(bare, "GUM news (eval/coref/gum/dep)", len(docs), digest(paths))
    gold = [(d.name, g.chain) for d in docs for g in d.mentions if g.etype in TYPES]
    info["gold_mentions"] = f"{len(gold)} in {len(set(gold))} chains (person/organization/place)"
    results = {"spacy-same": evaluate(docs, [same_text_chains(d) for d in bare.pipe(texts)])}
    if ng is not None:
        for name, disable in (("no-coref", ["newsgraph_coref"]), ("coref", [])):
            nlp = ng.load_pipeline(args.model, disable=disable)
            results[name] = evaluate(docs, list(ng.analyze_many(texts, nlp=nlp)))
    if args.json:
        json.dump({"info": info, "results": results}, sys.stdout, indent=2)
        print()
        return
    print_info(info)
    print(
        f"{'row':<11}{'MUC P':>7}{'R':>6}{'F1':>6}{'B3 P':>7}{'R':>6}{'F1':>6}"
        f"{'ment R':>8}{'pron acc':>10}{'(n)':>6}{'nom acc':>9}{'(n)':>6}"
    )
    for name, r in results.items():
        m, b = r["muc"], r["b3"]
        print(
            f"{name:<11}{100 * m['p']:>7.1f}{100 * m['r']:>6.1f}{100 * m['f1']:>6.1f}"
            f"{100 * b['p']:>7.1f}{100 * b['r']:>6.1f}{100 * b['f1']:>6.1f}"
            f"{100 * r['mentions']['r']:>8.1f}"
            f"{100 * r['pronouns']['accuracy']:>10.1f}{r['pronouns']['gold']:>6}"
            f"{100 * r['nominals']['accuracy']:>9.1f}{r['nominals']['gold']:>6}"
        )


if __name__ == "__main__":
    main()
