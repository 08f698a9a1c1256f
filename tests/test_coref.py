import pytest
from helpers import actor_named

pytestmark = pytest.mark.model


def _pronouns(actor):
    return [m.text for m in actor.mentions if m.kind == "pronoun"]


def test_pronoun_chain_follows_the_speaker(analyze):
    a = analyze(
        "Prime Minister Helena Marques met union leaders on Tuesday. She said the reform "
        'would go ahead. "We have no choice," she added.'
    )
    assert _pronouns(actor_named(a, "Helena Marques")) == ["She", "she"]


def test_quoted_names_are_not_the_speaker(analyze):
    a = analyze(
        "Defence Minister Karl Weber spoke after the meeting. "
        '"These attacks will only help Putin," he said.'
    )
    assert _pronouns(actor_named(a, "Karl Weber")) == ["he"]
    assert _pronouns(actor_named(a, "Putin")) == []


def test_object_pronoun_is_not_its_own_subject(analyze):
    a = analyze("Senator John Hale met Senator Paul Dorsey. Dorsey praised him afterwards.")
    assert "him" in _pronouns(actor_named(a, "John Hale"))
    assert "him" not in _pronouns(actor_named(a, "Paul Dorsey"))


def test_descriptions_resolve_by_role_and_affiliation(analyze):
    a = analyze(
        "The chief of NATO and the US' top diplomat met on Wednesday. NATO Secretary General "
        "Mark Rutte thanked US Secretary of State Antony Blinken. The alliance will meet again."
    )
    rutte = actor_named(a, "Mark Rutte")
    blinken = actor_named(a, "Antony Blinken")
    nato = actor_named(a, "NATO")
    assert "The chief of NATO" in [m.text for m in rutte.mentions if m.kind == "nominal"]
    assert "the US' top diplomat" in [m.text for m in blinken.mentions if m.kind == "nominal"]
    assert "The alliance" in [m.text for m in nato.mentions if m.kind == "nominal"]


def test_unresolvable_it_is_left_alone(analyze):
    a = analyze(
        "Russia urged restraint. The European Union's monitoring mission said it was "
        "verifying the reports."
    )
    assert _pronouns(actor_named(a, "Russia")) == []


def test_a_pronoun_inside_a_quote_is_not_its_speaker(analyze):
    a = analyze(
        "The painter Andrew Kovac died in 1987. Curator Nadia Berg said, "
        '"I think his photographs matter as much as his paintings."'
    )
    assert _pronouns(actor_named(a, "Andrew Kovac")) == ["his", "his"]
    assert _pronouns(actor_named(a, "Nadia Berg")) == []
