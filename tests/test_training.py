"""The attribution model's training: the choice model learns which alternative to believe."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from newsgraph.frames import choice_probabilities, score

pytest.importorskip("scipy")
SCRIPT = Path(__file__).resolve().parents[1] / "training" / "attribution_model.py"


def _training():
    spec = importlib.util.spec_from_file_location("attribution_model", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_choice_probabilities_weigh_alternatives_against_none():
    assert choice_probabilities([0.0]) == [0.5]
    high, low = choice_probabilities([2.0, 0.0])
    assert high > low and high + low < 1
    assert choice_probabilities([-40.0, -40.0])[0] < 1e-12  # clipped, not overflowing


def test_the_choice_model_learns_which_rule_to_believe_and_when_to_believe_none():
    right, wrong, shaky = ["how=cue", "holder=ent:PERSON"], ["how=before"], ["how=verb"]
    groups = (
        # the cue's speaker is right where a sentence before proposes another
        [[(right, True), (wrong, False)]] * 30
        # a verb beside the marks alone is mostly a scare quote no one is credited with
        + [[(shaky, False)]] * 25
        + [[(shaky, True)]] * 5
        + [[(wrong, True)]] * 3
    )
    weights = _training().train_choice(groups, c=1.0, min_count=2)
    cue_first, before_second = choice_probabilities([score(right, weights), score(wrong, weights)])
    assert cue_first > 0.8 > before_second
    (verb_alone,) = choice_probabilities([score(shaky, weights)])
    assert 0.1 < verb_alone < 0.35  # about the 5 in 30 it was right
