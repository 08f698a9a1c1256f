"""The canonical example in ../shared/examples: what a careful reader lists."""

import pytest
from helpers import SHARED_EXAMPLE, actor_named

pytestmark = [
    pytest.mark.model,
    pytest.mark.skipif(not SHARED_EXAMPLE.exists(), reason="../shared/examples not present"),
]

ROLES = {
    "Antony Blinken": ("Secretary of State", "United States"),
    "Mark Rutte": ("Secretary General", "NATO"),
    "Andrii Sybiha": ("Foreign Minister", "Ukraine"),
    "Josep Borrell": ("Foreign Policy Chief", "European Union"),
    "David Lammy": ("Foreign Secretary", "United Kingdom"),
    "Donald Trump": ("President", "United States"),
}


@pytest.fixture(scope="module")
def example(analyze):
    # Published on a Thursday: "on Wednesday" is the day before, in the same week.
    return analyze(SHARED_EXAMPLE.read_text(encoding="utf-8"), published="2024-12-05")


def test_every_actor_once(example):
    names = [a.name for a in example.actors]
    assert len(names) == len(set(names))
    people = {a.name for a in example.actors if a.type == "PERSON"}
    assert people == set(ROLES) | {"Putin"}
    countries = {a.country for a in example.actors if a.type == "GPE" and a.name != a.country}
    assert {
        "UKR",
        "RUS",
        "USA",
        "PRK",
        "KOR",
        "JPN",
        "FIN",
        "SWE",
        "PER",
        "BRA",
        "GBR",
    } <= countries
    orgs = {a.name for a in example.actors if a.type == "ORG"}
    assert orgs == {"NATO", "European Union"}


def test_six_officials_roles(example):
    for name, (title, affiliation) in ROLES.items():
        roles = [(r.title, r.affiliation) for r in actor_named(example, name).roles]
        assert (title, affiliation) in roles, (name, roles)


def test_descriptions_of_rutte_and_blinken(example):
    rutte = {m.text for m in actor_named(example, "Mark Rutte").mentions}
    blinken = {m.text for m in actor_named(example, "Antony Blinken").mentions}
    assert "The chief of NATO" in rutte
    assert "the US' top diplomat" in blinken


def test_wednesday_is_the_publication_weeks_wednesday(example):
    (wednesday,) = [t for t in example.times if t.text == "Wednesday"]
    assert wednesday.value == "2024-12-04"
    (january,) = [t for t in example.times if t.text == "January"]
    assert january.value == "2025-01"
