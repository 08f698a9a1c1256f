"""Time expressions: normalisation to TIMEX3 values, tense from the parse, finding in a Doc."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.times import NO_ANCHOR, find_times, normalize, sentence_tense

ANCHOR = dt.date(2024, 12, 4)  # a Wednesday


def _find(nlp, text: str, anchor: dt.date | None = ANCHOR) -> dict[str, object]:
    return {t.text: t for t in find_times(nlp(text), anchor)}


# ------------------------------------------------------------------ normalize, no parse


@pytest.mark.parametrize(
    ("text", "tense", "value"),
    [
        ("Wednesday", "past", "2024-12-04"),
        ("Monday", "past", "2024-12-02"),
        ("Friday", "future", "2024-12-06"),
        ("Friday", "past", "2024-11-29"),
        ("Monday", "present", "2024-12-02"),
        ("last Monday", None, "2024-12-02"),
        ("next Monday", None, "2024-12-09"),
        ("today", None, "2024-12-04"),
        ("yesterday", None, "2024-12-03"),
        ("tomorrow", None, "2024-12-05"),
        ("last week", None, "2024-W48"),
        ("this week", None, "2024-W49"),
        ("next week", None, "2024-W50"),
        ("this month", None, "2024-12"),
        ("last month", None, "2024-11"),
        ("next year", None, "2025"),
        ("last year", None, "2023"),
        ("earlier this year", None, "2024"),
        ("January", "future", "2025-01"),
        ("January", "past", "2024-01"),
        ("in June", "past", "2024-06"),
        ("June 18", "past", "2024-06-18"),
        ("January 10", "future", "2025-01-10"),
        ("two months ago", None, "2024-10"),
        ("three days ago", None, "2024-12-01"),
        ("five years ago", None, "2019"),
        ("in 2011", None, "2011"),
        ("summer 2012", None, "2012-SU"),
        ("the winter of 1999", None, "1999-WI"),
        ("March 5, 2013", None, "2013-03-05"),
        ("5 March 2013", None, "2013-03-05"),
        ("Tuesday, March 5, 2013", None, "2013-03-05"),
        ("December 2024", None, "2024-12"),
        ("May 2008", None, "2008-05"),
        ("the 1990s", None, "199"),
        ("the '80s", None, "198"),
        ("the first quarter of 2009", None, "2009-Q1"),
        ("the third quarter", "past", "2024-Q3"),
        ("now", None, "PRESENT_REF"),
        ("currently", None, "PRESENT_REF"),
        ("recently", None, "PAST_REF"),
        ("in the future", None, "FUTURE_REF"),
        ("this morning", None, "2024-12-04TMO"),
        ("Monday night", "past", "2024-12-02TNI"),
        ("14:30 UTC", None, "2024-12-04T14:30Z"),
        ("March 11 this year", None, "2024-03-11"),
        ("October of next year", None, "2025-10"),
    ],
)
def test_normalize_values(text, tense, value):
    assert normalize(text, ANCHOR, tense).value == value


@pytest.mark.parametrize(
    ("text", "value", "type_"),
    [
        ("five years", "P5Y", "DURATION"),
        ("two months", "P2M", "DURATION"),
        ("three days", "P3D", "DURATION"),
        ("two hours", "PT2H", "DURATION"),
        ("30 minutes", "PT30M", "DURATION"),
        ("a 12-year", "P12Y", "DURATION"),
        ("fifty-year", "P50Y", "DURATION"),
        ("the past decade", "P10Y", "DURATION"),
        ("the next four years", "P4Y", "DURATION"),
        ("two and a half years", "P2.5Y", "DURATION"),
        ("several years", "PXY", "DURATION"),
        ("annual", "P1Y", "SET"),
        ("weekly", "P1W", "SET"),
    ],
)
def test_durations_and_sets(text, value, type_):
    tv = normalize(text, ANCHOR)
    assert (tv.value, tv.type) == (value, type_)
    assert not tv.anchored


@pytest.mark.parametrize(
    ("text", "value", "mod"),
    [
        ("early December", "2024-12", "START"),
        ("late 2011", "2011", "END"),
        ("mid-2011", "2011", "MID"),
        ("the end of last year", "2023", "END"),
        ("the beginning of 2020", "2020", "START"),
        ("about three years", "P3Y", "APPROX"),
        ("nearly five months", "P5M", "APPROX"),
    ],
)
def test_modifiers(text, value, mod):
    tv = normalize(text, ANCHOR)
    assert (tv.value, tv.mod) == (value, mod)


def test_anchored_flag_and_confidence():
    assert normalize("yesterday", ANCHOR).anchored
    assert not normalize("March 5, 2013", ANCHOR).anchored
    # tense-dependent guesses are less certain than absolute dates
    assert (
        normalize("Friday", ANCHOR, "past").confidence < normalize("March 5, 2013", None).confidence
    )
    assert normalize("Friday", ANCHOR).confidence < normalize("Friday", ANCHOR, "past").confidence


@pytest.mark.parametrize("text", ["Wednesday", "last week", "two months ago", "today", "next year"])
def test_no_anchor_relative(text):
    tv = normalize(text, None)
    assert tv.value is None
    assert not tv.anchored
    assert tv.note == NO_ANCHOR


def test_no_anchor_absolute_still_works():
    assert normalize("5 March 2013", None).value == "2013-03-05"
    assert normalize("five years", None).value == "P5Y"
    assert normalize("June 18", None).value == "XXXX-06-18"


def test_not_understood_is_none_not_error():
    tv = normalize("the Joint Strike Fighter program", ANCHOR)
    assert tv.value is None and tv.note


# ------------------------------------------------------------------ with the parse


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "expr", "tense"),
    [
        ("The ministers met on Wednesday.", "Wednesday", "past"),
        ("The ministers will meet on Friday.", "Friday", "future"),
        ("He is set to leave his post in January.", "January", "future"),
        ("The company is expected to report results on Thursday.", "Thursday", "future"),
        ("She plans to visit Kyiv in March.", "March", "future"),
        ("They are going to vote on Tuesday.", "Tuesday", "future"),
        ("He has visited the region twice since Monday.", "Monday", "past"),
        ("The minister holds talks in Paris on Thursday.", "Thursday", "present"),
    ],
)
def test_sentence_tense(nlp, sentence, expr, tense):
    doc = nlp(sentence)
    start = doc.text.index(expr)
    span = doc.char_span(start, start + len(expr))
    assert sentence_tense(span) == tense


@pytest.mark.model
def test_find_times_weekdays_by_tense(nlp):
    found = _find(nlp, "The ministers met on Wednesday.")
    assert found["Wednesday"].value == "2024-12-04"
    assert _find(nlp, "He met them on Monday in Brussels.")["Monday"].value == "2024-12-02"
    assert _find(nlp, "They will meet on Friday in Brussels.")["Friday"].value == "2024-12-06"


@pytest.mark.model
def test_find_times_relative(nlp):
    text = (
        "Mark Rutte, who is set to leave his post in January, said last week that talks "
        "had stalled two months ago."
    )
    found = _find(nlp, text)
    assert found["January"].value == "2025-01"
    assert found["last week"].value == "2024-W48"
    assert found["two months ago"].value == "2024-10"
    assert all(t.anchored for t in found.values())


@pytest.mark.model
def test_find_times_trims_leading_words_and_mods(nlp):
    found = _find(
        nlp, "Elections are due in early December, after a vote in 2011 and in summer 2012."
    )
    assert found["early December"].value == "2024-12"
    assert found["early December"].mod == "START"
    assert found["2011"].value == "2011"
    assert found["summer 2012"].value == "2012-SU"


@pytest.mark.model
def test_find_times_missing_from_ner(nlp):
    found = _find(
        nlp, "Officials now say the bridge reopened yesterday and will close again tomorrow."
    )
    assert found["now"].value == "PRESENT_REF"
    assert found["yesterday"].value == "2024-12-03"
    assert found["tomorrow"].value == "2024-12-05"


@pytest.mark.model
def test_find_times_durations(nlp):
    found = _find(nlp, "The programme ran for five years before it was cut.")
    assert found["five years"].value == "P5Y"
    assert found["five years"].type == "DURATION"


@pytest.mark.model
def test_find_times_without_anchor(nlp):
    found = _find(nlp, "The ministers met on Wednesday to discuss the March 5, 2013 accord.", None)
    assert found["Wednesday"].value is None
    assert found["Wednesday"].note == NO_ANCHOR
    assert not found["Wednesday"].anchored
    assert found["March 5, 2013"].value == "2013-03-05"


@pytest.mark.model
def test_find_times_offsets(nlp):
    text = "On Monday, Blinken said the war, now in its third year, would end in 2025."
    doc = nlp(text)
    for t in find_times(doc, ANCHOR):
        assert t.text == text[t.start : t.end]
        assert 0.0 <= t.confidence <= 1.0


_WORDS = st.sampled_from(
    [
        "Monday",
        "last",
        "week",
        "in",
        "January",
        "2011",
        "the",
        "1990s",
        "early",
        "said",
        "will",
        "meet",
        "ago",
        "two",
        "months",
        "yesterday",
        "now",
        ",",
        ".",
        "\n",
        "5",
        "March",
        "summer",
        "of",
        "-",
        "and",
        "to",
        "18:00",
        "UTC",
        "a",
        "year",
        "'s",
        "mid",
        "next",
        "Friday",
        "morning",
        "quarter",
        "first",
        "decade",
        "\u00e9t\u00e9",
        "¿",
    ]
)


@pytest.mark.model
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    words=st.lists(_WORDS, max_size=25),
    noise=st.text(max_size=40),
    anchor=st.one_of(
        st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1))
    ),
)
def test_find_times_never_raises(nlp, words, noise, anchor):
    text = " ".join(words) + " " + noise
    doc = nlp(text)
    for t in find_times(doc, anchor):
        assert t.text == doc.text[t.start : t.end]
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert (t.value is None) or t.value
