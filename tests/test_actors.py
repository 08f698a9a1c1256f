import pytest
from helpers import actor_named, actor_of_mention

pytestmark = pytest.mark.model


def test_one_actor_per_person_with_the_fullest_name(analyze):
    a = analyze(
        "Antony Blinken arrived in Paris on Monday. Blinken met French officials, and "
        "Blinken's aides said the talks went well."
    )
    people = [x for x in a.actors if x.type == "PERSON"]
    assert [p.name for p in people] == ["Antony Blinken"]
    texts = [m.text for m in people[0].mentions if m.kind == "name"]
    assert texts == ["Antony Blinken", "Blinken", "Blinken"]


def test_demonyms_and_short_forms_resolve_to_countries(analyze):
    a = analyze(
        "North Korean soldiers are fighting alongside Russian forces, the U.S. said. "
        "American officials warned that North Korea could send more troops."
    )
    north_korea = actor_named(a, "North Korea")
    assert north_korea.country == "PRK" and north_korea.type == "GPE"
    assert {m.text for m in north_korea.mentions} == {"North Korean", "North Korea"}
    usa = actor_named(a, "United States")
    assert {m.text for m in usa.mentions} == {"U.S.", "American"}
    assert actor_named(a, "Russia").country == "RUS"


def test_capital_as_government_versus_place(analyze):
    a = analyze("Washington warned Moscow on Tuesday. The ministers later met in Brussels.")
    assert [m.text for m in actor_named(a, "United States").mentions] == ["Washington"]
    assert [m.text for m in actor_named(a, "Russia").mentions] == ["Moscow"]
    brussels = actor_named(a, "Brussels")
    assert brussels.country == "BEL" and brussels.type == "GPE"
    assert not [x for x in a.actors if x.name == "Belgium"]


def test_titles_are_not_actors_and_roles_are_read(analyze):
    a = analyze("US Secretary of State Antony Blinken met EU foreign policy chief Josep Borrell.")
    assert not actor_of_mention(a, "State")
    blinken = actor_named(a, "Antony Blinken")
    (role,) = blinken.roles
    assert role.title == "Secretary of State" and role.affiliation == "United States"
    assert role.affiliation_actor == actor_named(a, "United States").id
    assert blinken.country == "USA" and blinken.sector == "GOV"
    borrell = actor_named(a, "Josep Borrell")
    assert borrell.roles[0].title == "Foreign Policy Chief"
    assert borrell.roles[0].affiliation == "European Union"
    assert borrell.country == actor_named(a, "European Union").country


def test_appositive_and_former_roles(analyze):
    a = analyze(
        "Jean Dupont, the French defence minister, said the plan was sound. "
        "Former President Maria Lopez disagreed."
    )
    dupont = actor_named(a, "Jean Dupont")
    assert dupont.roles[0].title == "Defence Minister"
    assert dupont.roles[0].affiliation == "France"
    lopez = actor_named(a, "Maria Lopez")
    assert lopez.roles[0].title == "President" and lopez.roles[0].former


def test_possessive_nominal_affiliation(analyze):
    a = analyze(
        "NATO ministers met in Brussels. The alliance's Secretary General Mark Rutte "
        "opened the meeting."
    )
    rutte = actor_named(a, "Mark Rutte")
    assert rutte.roles[0].title == "Secretary General"
    assert rutte.roles[0].affiliation == "NATO"
    assert rutte.country == actor_named(a, "NATO").country


def test_swallowed_words_are_trimmed(analyze):
    a = analyze(
        "Highlighting NATO's recent addition of two new members, the minister spoke at length."
    )
    nato = actor_named(a, "NATO")
    assert [m.text for m in nato.mentions if m.kind == "name"] == ["NATO"]


def test_regions_used_as_modifiers_are_not_actors(analyze):
    a = analyze(
        "He pointed to the growing partnership with Indo-Pacific nations and security in "
        "the Middle East region."
    )
    assert not [x for x in a.actors if x.name in {"Indo-Pacific", "Middle East"}]


def test_same_name_organisations_of_two_countries_stay_apart(analyze):
    a = analyze(
        "The Armenian Defence Ministry said three soldiers were killed. Azerbaijan's Defence "
        "Ministry denied the account."
    )
    ministries = sorted((x.country, x.sector) for x in a.actors if x.type == "ORG")
    assert ministries == [("ARM", "GOV"), ("AZE", "GOV")]


def test_mention_offsets_point_at_their_text(analyze):
    text = (
        "KYIV, Ukraine — Ukrainian President Volodymyr Zelensky said on Friday that his "
        "government would ask the European Union for more air defence systems."
    )
    a = analyze(text)
    for actor in a.actors:
        for m in actor.mentions:
            assert text[m.start : m.end] == m.text
    assert not [x for x in a.actors if x.name == "KYIV"]
    zelensky = actor_named(a, "Volodymyr Zelensky")
    assert zelensky.roles[0].title == "President" and zelensky.country == "UKR"
