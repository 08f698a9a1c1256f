"""Train the attribution model on PolNeAR train: which frame candidates are attributions.

Every candidate that ``newsgraph.frames`` finds outside quotation marks (a cue, its frame,
its content and its holder) is found in the training articles with the full pipeline and
labelled by PolNeAR's gold as the eval README's metric would: right when a gold
attribution shares at least half of the shorter one's significant characters and its
source overlaps the holder. A logistic regression over ``frames.features`` (L2-regularised,
fitted to convergence by scikit-learn) learns from the labels; its weights become
``newsgraph/knowledge/attribution_model.tsv``, which ``quotes.py`` applies without
scikit-learn. Only the train split is read: dev stays
for measuring. With ``--holdout N`` the N articles that ``benchmarks/quotes_polnear.py --split
train --holdout N`` scores are left out, to choose thresholds and features on articles the
model has not seen.

    python training/attribution_model.py [--holdout N] [--c 0.5] [--min-count 2]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from evaldata import default_model, import_newsgraph, require  # noqa: E402
from quotes_polnear import Pred, read_split, span_match, speaker_match  # noqa: E402

OUT = ROOT / "newsgraph" / "knowledge" / "attribution_model.tsv"
VERSION = 1
SEED = 7


def training_articles(holdout: int) -> list:
    articles, _ = read_split(require("quotes/polnear/train"))
    if holdout:
        random.Random(SEED).shuffle(articles)
        articles = sorted(articles[holdout:], key=lambda a: a.name)
    return articles


def labelled_candidates(articles) -> dict[str, list[tuple[list[str], bool]]]:
    """Per task ("quotation", "indirect"): (features, right by the metric) of every
    candidate the rules find in the articles."""
    ng = import_newsgraph()
    from newsgraph.quotes import QuoteFinder

    nlp = ng.load_pipeline(default_model())
    examples: dict[str, list[tuple[list[str], bool]]] = {"quotation": [], "indirect": []}
    docs = nlp.pipe((a.text for a in articles), batch_size=16)
    for n, (art, doc) in enumerate(zip(articles, docs, strict=True), start=1):

        def right(start: int, end: int, holder: tuple[int, int], art=art) -> bool:
            pred = Pred("", [(start, end)], holder, None)
            return any(span_match(art, pred, g) and speaker_match(pred, g) for g in art.gold)

        finder = QuoteFinder(doc, doc._.newsgraph_actors or [], doc._.newsgraph_coref or [])
        # every alternative attribution of every quotation; the rules' first choice
        # stands for the one the model would take when the next quotation carries on
        previous, taken = None, []
        for span in finder.marked:
            alternatives = finder.quotation_alternatives(span, previous)
            for cand in alternatives:
                r = cand.record
                label = right(r.start, r.end, r.speaker_mention[:2])
                examples["quotation"].append((finder.quotation_features(cand), label))
            if alternatives:
                previous = alternatives[0].record
                taken.append(previous)
                if alternatives[0].cue is not None:
                    finder.used_cues.add(alternatives[0].cue.i)
        taken += finder.according_to(taken)
        for cand in finder.indirect_candidates(taken):
            content, holder = cand.content, cand.speaker
            holder_range = (holder.start_char, holder.end_char)
            label = right(content.start_char, content.end_char, holder_range)
            examples["indirect"].append((finder.candidate_features(cand), label))
        if n % 100 == 0:
            print(f"{n}/{len(articles)} articles", file=sys.stderr)
    return examples


def train(examples, c: float, min_count: int) -> dict[str, float]:
    """Logistic regression over features seen at least `min_count` times, L2-regularised
    with inverse strength `c`, fitted to convergence (lbfgs): the weights of
    ``frames.probability``, the intercept as "bias"."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for feats, _ in examples for f in feats)
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform(
        [dict.fromkeys((f for f in feats if counts[f] >= min_count), 1) for feats, _ in examples]
    )
    y = [int(right) for _, right in examples]
    fit = LogisticRegression(C=c, max_iter=5000).fit(x, y)
    names = vectorizer.get_feature_names_out()
    weights = {f: float(w) for f, w in zip(names, fit.coef_[0], strict=True) if abs(w) >= 1e-3}
    return {"bias": float(fit.intercept_[0]), **weights}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--holdout", type=int, default=0, metavar="N")
    ap.add_argument("--c", type=float, default=0.5, help="inverse L2 strength")
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)

    articles = training_articles(args.holdout)
    examples = labelled_candidates(articles)
    models = {
        task: train(ex, args.c, args.min_count) for task, ex in examples.items()
    }
    counts = ", ".join(
        f"{task} {len(ex)} candidates ({sum(r for _, r in ex)} right)"
        for task, ex in examples.items()
    )
    lines = [
        f"# newsgraph knowledge v{VERSION}",
        "# Attribution model: logistic-regression weights over the features of quotation",
        "#   candidates (quotes.QuoteFinder.quotation_features) and of indirect frame candidates",
        f"#   (frames.features), trained on PolNeAR train ({len(articles)} articles,",
        f"#   alphabetically first annotator; {counts}) by training/attribution_model.py",
        f"#   on {dt.date.today()} with {default_model()}; scikit-learn logistic regression,",
        f"#   C {args.c}, features seen at least {args.min_count} times. Weights only: no text of",
        "#   the corpus.",
        "task\tfeature\tweight",
    ]
    for task, weights in models.items():
        lines += [
            f"{task}\t{f}\t{w:.4f}"
            for f, w in sorted(weights.items(), key=lambda fw: (-abs(fw[1]), fw[0]))
        ]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{sum(map(len, models.values()))} weights written to {args.out}; {counts}")


if __name__ == "__main__":
    main()
