"""The quotation benchmark's calibration table: confidence bands against precision."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from quotes_polnear import Article, Gold, Pred, score  # noqa: E402

TEXT = (
    '"The bridge will reopen in May," the mayor said. The council said the cost had doubled. '
    "Residents complained about the noise."
)


def _span(phrase: str) -> tuple[int, int]:
    start = TEXT.index(phrase)
    return start, start + len(phrase)


def _article() -> Article:
    quote = _span("The bridge will reopen in May,")
    gold = [
        Gold("T1", [quote], [_span("the mayor")], [], "", "direct"),
        Gold("T2", [_span("the cost had doubled")], [_span("The council")], [], "", "indirect"),
    ]
    return Article("invented", TEXT, gold)


def test_each_prediction_counts_in_its_band_with_its_precision():
    quote, cost, noise = (
        _span("The bridge will reopen in May,"),
        _span("the cost had doubled"),
        _span("the noise"),
    )
    preds = [
        Pred("direct", [quote], _span("the mayor"), None, confidence=0.97),
        # the right words given to the wrong speaker: not a match
        Pred("indirect", [cost], _span("the mayor"), None, confidence=0.93),
        Pred("indirect", [cost], _span("The council"), None, confidence=0.65),
        Pred("indirect", [noise], _span("Residents"), None, confidence=0.62),
        Pred("indirect", [noise], _span("Residents"), None),  # no confidence: left out
    ]
    bands = score([_article()], [preds])["calibration"]
    assert [(b["low"], b["high"], b["pred"], b["tp"]) for b in bands] == [
        (0.6, 0.7, 2, 1),
        (0.9, 1.0, 2, 1),
    ]
    assert bands[0]["p"] == 0.5 and abs(bands[0]["confidence"] - 0.635) < 1e-9
    assert abs(bands[1]["confidence"] - 0.95) < 1e-9


def test_a_confidence_of_one_falls_in_the_top_band():
    quote = _span("The bridge will reopen in May,")
    preds = [Pred("direct", [quote], _span("the mayor"), None, confidence=1.0)]
    [band] = score([_article()], [preds])["calibration"]
    assert (band["low"], band["high"], band["tp"], band["p"]) == (0.9, 1.0, 1, 1.0)
