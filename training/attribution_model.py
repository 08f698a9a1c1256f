"""Train the attribution model on PolNeAR train: which candidates are attributions.

Every alternative attribution the rules find for a quotation, and every candidate that
``newsgraph.frames`` finds outside quotation marks (a cue, its frame, its content and its
holder), is found in the training articles with the full pipeline and labelled by
PolNeAR's gold as the eval README's metric would: right when a gold attribution shares at
least half of the shorter one's significant characters and its source overlaps the
holder. Indirect candidates are weighed one by one: a logistic regression over
``frames.features`` (L2-regularised, fitted to convergence by scikit-learn). A quotation's
alternatives are weighed against each other and against none: a conditional logit over
``QuoteFinder.quotation_features`` (the same regularisation, fitted by scipy's L-BFGS),
which learns which rule to believe where several name speakers, and to believe none where
PolNeAR credits nobody. The weights become ``newsgraph/knowledge/attribution_model.tsv``,
which ``quotes.py`` applies without scikit-learn or scipy. Only the train split is read:
dev stays for measuring. To choose features, rules and thresholds on articles the model
has not seen: ``--folds K`` first reports the benchmark's figures cross-validated over K
folds of the training articles; ``--holdout N`` leaves out the N articles that
``benchmarks/quotes_polnear.py --split train --holdout N`` scores.

    python training/attribution_model.py [--folds K] [--holdout N] [--c 0.5] [--min-count 2]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from evaldata import default_model, import_newsgraph, require  # noqa: E402
from quotes_polnear import (  # noqa: E402
    Pred,
    print_calibration,
    read_split,
    score,
    span_match,
    speaker_match,
)

OUT = ROOT / "newsgraph" / "knowledge" / "attribution_model.tsv"
VERSION = 1
SEED = 7


def training_articles(holdout: int) -> list:
    articles, _ = read_split(require("quotes/polnear/train"))
    if holdout:
        random.Random(SEED).shuffle(articles)
        articles = sorted(articles[holdout:], key=lambda a: a.name)
    return articles


Example = tuple[list[str], bool]


def parsed(articles) -> list:
    """The articles through the full pipeline up to the quotes (which the examples redo)."""
    ng = import_newsgraph()
    nlp = ng.load_pipeline(default_model(), disable=["newsgraph_quotes", "newsgraph_events"])
    docs = []
    for n, doc in enumerate(nlp.pipe((a.text for a in articles), batch_size=16), start=1):
        docs.append(doc)
        if n % 100 == 0:
            print(f"{n}/{len(articles)} articles parsed", file=sys.stderr)
    return docs


def labelled_candidates(art, doc) -> tuple[list[list[Example]], list[Example]]:
    """(features, right by the metric) of every alternative attribution of every quotation,
    one list per quotation, and of every indirect candidate the rules find in one article."""
    from newsgraph.quotes import QuoteFinder

    def right(start: int, end: int, holder: tuple[int, int]) -> bool:
        pred = Pred("", [(start, end)], holder, None)
        return any(span_match(art, pred, g) and speaker_match(pred, g) for g in art.gold)

    quotations: list[list[Example]] = []
    finder = QuoteFinder(doc, doc._.newsgraph_actors or [], doc._.newsgraph_coref or [])
    # the rules' first choice stands for the one the model would take when the next
    # quotation carries on
    previous, taken = None, []
    for span in finder.marked:
        alternatives = finder.quotation_alternatives(span, previous)
        if not alternatives:
            continue
        quotations.append(
            [
                (
                    finder.quotation_features(c),
                    right(c.record.start, c.record.end, c.record.speaker_mention[:2]),
                )
                for c in alternatives
            ]
        )
        previous = alternatives[0].record
        taken.append(previous)
        if alternatives[0].cue is not None:
            finder.used_cues.add(alternatives[0].cue.i)
    taken += finder.according_to(taken)
    indirect = []
    for cand in finder.indirect_candidates(taken):
        content, holder = cand.content, cand.speaker
        label = right(content.start_char, content.end_char, (holder.start_char, holder.end_char))
        indirect.append((finder.candidate_features(cand), label))
    return quotations, indirect


def _vocabulary(examples: list[Example], min_count: int) -> dict[str, int]:
    counts = Counter(f for feats, _ in examples for f in feats)
    return {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= min_count))}


def train(examples: list[Example], c: float, min_count: int) -> dict[str, float]:
    """Logistic regression over features seen at least `min_count` times, L2-regularised
    with inverse strength `c`, fitted to convergence (lbfgs): the weights of
    ``frames.probability``, the intercept as "bias"."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vocabulary = _vocabulary(examples, min_count)
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform(
        [dict.fromkeys((f for f in feats if f in vocabulary), 1) for feats, _ in examples]
    )
    y = [int(right) for _, right in examples]
    fit = LogisticRegression(C=c, max_iter=5000).fit(x, y)
    names = vectorizer.get_feature_names_out()
    weights = {f: float(w) for f, w in zip(names, fit.coef_[0], strict=True) if abs(w) >= 1e-3}
    return {"bias": float(fit.intercept_[0]), **weights}


def train_choice(groups: list[list[Example]], c: float, min_count: int) -> dict[str, float]:
    """Conditional logit over each quotation's alternatives and a choice of none (score 0):
    the likelihood of choosing a right alternative where there is one, and none where there
    is not, times `c`, minus half the squared weights (the bias unpenalised, as
    scikit-learn's intercept); the weights of ``frames.choice_probabilities``."""
    import numpy as np
    from scipy.optimize import minimize
    from scipy.sparse import csr_matrix

    vocabulary = _vocabulary([e for g in groups for e in g], min_count)
    bias = len(vocabulary)
    rows, cols, group_of, right = [], [], [], []
    for g, alternatives in enumerate(groups):
        for feats, ok in alternatives:
            row = len(group_of)
            group_of.append(g)
            right.append(ok)
            known = {vocabulary[f] for f in feats if f in vocabulary}
            for col in (*known, bias):
                rows.append(row)
                cols.append(col)
    x = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(group_of), bias + 1))
    group = np.array(group_of)
    y = np.array(right, dtype=float)
    has_right = np.bincount(group, weights=y, minlength=len(groups)) > 0
    penalised = np.ones(bias + 1)
    penalised[bias] = 0.0

    def loss_and_gradient(w):
        e = np.exp(np.clip(x @ w, -30.0, 30.0))
        total = 1.0 + np.bincount(group, weights=e, minlength=len(groups))
        chosen = np.where(has_right, np.bincount(group, weights=e * y, minlength=len(groups)), 1.0)
        loss = -c * (np.log(chosen) - np.log(total)).sum() + 0.5 * (penalised * w * w).sum()
        per_row = e / total[group] - np.where(has_right[group], y * e / chosen[group], 0.0)
        return loss, c * (x.T @ per_row) + penalised * w

    fit = minimize(
        loss_and_gradient,
        np.zeros(bias + 1),
        jac=True,
        method="L-BFGS-B",
        options={"maxiter": 5000},
    )
    weights = {f: float(fit.x[i]) for f, i in vocabulary.items() if abs(fit.x[i]) >= 1e-3}
    return {"bias": float(fit.x[bias]), **weights}


def fit(examples: list, c: float, min_count: int) -> dict[str, dict[str, float]]:
    """Both tasks' weights from the examples of some articles."""
    return {
        "quotation": train_choice(
            [g for quotations, _ in examples for g in quotations], c, min_count
        ),
        "indirect": train([e for _, indirect in examples for e in indirect], c, min_count),
    }


def cross_validate(articles, docs, examples, folds: int, c: float, min_count: int) -> dict:
    """The benchmark's figures on each fold of the articles, predicted by the model fitted
    on the other folds (articles shuffled with the seed), pooled over the folds."""
    from newsgraph import knowledge
    from newsgraph.quotes import find_quotes

    order = list(range(len(articles)))
    random.Random(SEED).shuffle(order)
    fold_of = {i: k % folds for k, i in enumerate(order)}
    preds: dict[int, list[Pred]] = {}
    for k in range(folds):
        models = fit([e for i, e in enumerate(examples) if fold_of[i] != k], c, min_count)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "model.tsv"
            write_model(models, path, [])
            knowledge.use_attribution_model(path)
        for i in (i for i in order if fold_of[i] == k):
            doc = docs[i]
            records = find_quotes(doc, doc._.newsgraph_actors or [], doc._.newsgraph_coref or [])
            preds[i] = [
                Pred(
                    q.kind,
                    [(q.start, q.end)],
                    q.speaker_mention and q.speaker_mention[:2],
                    None,
                    confidence=q.confidence,
                )
                for q in records
            ]
        print(f"fold {k + 1}/{folds} scored", file=sys.stderr)
    return score(articles, [preds[i] for i in range(len(articles))])


def write_model(models: dict[str, dict[str, float]], path: Path, header: list[str]) -> None:
    lines = [f"# newsgraph knowledge v{VERSION}", *header, "task\tfeature\tweight"]
    for task, weights in models.items():
        lines += [
            f"{task}\t{f}\t{w:.4f}"
            for f, w in sorted(weights.items(), key=lambda fw: (-abs(fw[1]), fw[0]))
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--holdout", type=int, default=0, metavar="N")
    ap.add_argument(
        "--folds",
        type=int,
        default=0,
        metavar="K",
        help="also report K-fold cross-validated figures on the training articles",
    )
    ap.add_argument("--c", type=float, default=0.5, help="inverse L2 strength")
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)

    articles = training_articles(args.holdout)
    docs = parsed(articles)
    examples = [labelled_candidates(art, doc) for art, doc in zip(articles, docs, strict=True)]
    if args.folds:
        s = cross_validate(articles, docs, examples, args.folds, args.c, args.min_count)
        print(
            f"{args.folds}-fold cross-validation on {len(articles)} articles: "
            f"P {100 * s['p']:.1f}  R direct {100 * s['r_direct']:.1f}  "
            f"F direct {100 * s['f_direct']:.1f}  R all {100 * s['r_all']:.1f}  "
            f"({s['pred']} predictions)"
        )
        print("confidence against cross-validated precision:")
        print_calibration(s["calibration"])
    models = fit(examples, args.c, args.min_count)
    alternatives = [e for quotations, _ in examples for g in quotations for e in g]
    indirect = [e for _, ind in examples for e in ind]
    counts = (
        f"quotation {sum(len(q) for q, _ in examples)} quotations, {len(alternatives)} "
        f"alternatives ({sum(r for _, r in alternatives)} right); indirect {len(indirect)} "
        f"candidates ({sum(r for _, r in indirect)} right)"
    )
    header = [
        "# Attribution model: conditional-logit weights over the features of a quotation's",
        "#   alternative attributions (quotes.QuoteFinder.quotation_features) and",
        "#   logistic-regression weights over those of indirect frame candidates",
        f"#   (frames.features), trained on PolNeAR train ({len(articles)} articles,",
        f"#   alphabetically first annotator; {counts})",
        f"#   by training/attribution_model.py on {dt.date.today()} with {default_model()};",
        f"#   C {args.c}, features seen at least {args.min_count} times. Weights only: no text of",
        "#   the corpus.",
    ]
    write_model(models, args.out, header)
    print(f"{sum(map(len, models.values()))} weights written to {args.out}; {counts}")


if __name__ == "__main__":
    main()
