"""Places: toponyms found and resolved to points offline, datelines, events linked, GeoJSON.

The articles are invented for these tests; the last tests read the canonical example in
../shared/examples. Points are checked within a distance of the real place, not exactly.
"""

import json
import math

import pytest
from helpers import SHARED_EXAMPLE
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.export import geojson
from newsgraph.knowledge.gazetteer import fold_name, place_candidates, state_abbreviations

pytestmark = pytest.mark.model


def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371 * math.asin(math.sqrt(a))


def place(analysis, mention_text):
    """The place that has a mention with exactly this text."""
    found = [p for p in analysis.places if any(m.text == mention_text for m in p.mentions)]
    assert len(found) == 1, [(p.name, [m.text for m in p.mentions]) for p in analysis.places]
    return found[0]


def near(p, lat, lon, within=100):
    assert p.lat is not None and km(p.lat, p.lon, lat, lon) <= within, (p.name, p.lat, p.lon)


# --- the gazetteer ------------------------------------------------------------------------


def test_gazetteer_holds_countries_states_counties_cities_and_regions():
    kinds = {e.kind for e in place_candidates("Georgia")}
    assert {"country", "admin1"} <= kinds
    county = [e for e in place_candidates("Rapides Parish") if e.kind == "admin2"]
    assert county and county[0].admin1 == "Louisiana"
    assert any(e.kind == "city" and e.country == "USA" for e in place_candidates("Paris"))
    bloc = place_candidates("Euro-Atlantic")[0]
    assert bloc.kind == "region" and bloc.lat is None
    assert fold_name("the Côte d’Ivoire") == fold_name("Cote d'Ivoire")
    assert fold_name("St. Paul") == fold_name("Saint Paul") != fold_name("St")
    assert state_abbreviations()["Ill."] == "Illinois"


def test_a_country_is_at_its_centre_not_its_capital():
    (usa,) = [e for e in place_candidates("United States") if e.kind == "country"]
    assert km(usa.lat, usa.lon, 38.9, -77.0) > 1000  # not Washington
    assert usa.id.startswith("geonames:")


def test_a_large_state_is_at_its_middle_not_among_its_coastal_cities():
    (queensland,) = [e for e in place_candidates("Queensland") if e.kind == "admin1"]
    assert km(queensland.lat, queensland.lon, -27.47, 153.03) > 700  # not Brisbane's corner
    (bc,) = [e for e in place_candidates("British Columbia") if e.kind == "admin1"]
    assert bc.lat > 52  # the middle of the province, north of Vancouver and Kamloops


# --- detection and resolution ---------------------------------------------------------------


def test_paris_texas_and_paris_france_by_context(analyze):
    texas = analyze(
        "Storms flooded streets in Paris, Texas, on Tuesday. Officials in Lamar County said "
        "roads near Paris would stay closed."
    )
    near(place(texas, "Paris, Texas".split(",")[0]), 33.66, -95.56)
    assert place(texas, "Texas").kind == "admin1"
    france = analyze("Thousands marched in Paris on Saturday against the pension reform.")
    p = place(france, "Paris")
    assert (p.country, p.kind) == ("FRA", "city")
    near(p, 48.86, 2.35)


def test_georgia_the_country_or_the_state_by_context(analyze):
    caucasus = analyze(
        "Protesters gathered in Tbilisi as Georgia's parliament debated the bill. Russia "
        "warned Georgia against closer ties with the European Union."
    )
    assert place(caucasus, "Tbilisi").country == "GEO"
    assert [p.kind for p in caucasus.places if p.name == "Georgia"] == ["country"]
    south = analyze(
        "Voters in Atlanta, Savannah and Macon lined up early. Georgia election officials said "
        "turnout across the state was the highest since 2008."
    )
    state = [p for p in south.places if p.name == "Georgia"]
    assert [(p.kind, p.country) for p in state] == [("admin1", "USA")]
    near(place(south, "Atlanta"), 33.75, -84.39)


def test_springfield_by_its_abbreviated_state(analyze):
    a = analyze("SPRINGFIELD, Ill. — The city council met on Monday to approve the budget.")
    p = a.place(a.dateline.place)
    assert (p.name, p.admin1) == ("Springfield", "Illinois")
    near(p, 39.80, -89.64)
    assert place(a, "Ill.").name == "Illinois"


def test_a_town_beside_its_neighbours_not_its_famous_namesake(analyze):
    # Local papers run headline and dateline on one line; the towns around settle which
    # Dublin it is: the suburb of Columbus, Ohio, not Ireland's capital.
    a = analyze(
        "Library to close for repairs. DUBLIN — The library on Bridge Street will close for "
        "two weeks. Patrons may use the branches in Hilliard and Worthington, the Franklin "
        "County auditor said."
    )
    assert a.dateline is not None and a.dateline.text == "DUBLIN —"
    dublin = a.place(a.dateline.place)
    assert (dublin.country, dublin.admin1) == ("USA", "Ohio")
    near(dublin, 40.10, -83.11, within=30)
    assert place(a, "Worthington").admin1 == "Ohio"


def test_a_city_before_a_tiny_parish_of_its_name(analyze):
    a = analyze("The rally in St. Thomas drew 300 people, organisers in London, Ontario, said.")
    st_thomas = place(a, "St. Thomas")
    assert (st_thomas.kind, st_thomas.country) == ("city", "CAN")  # not the Barbados parish


def test_the_place_inside_a_longer_name(analyze):
    a = analyze(
        "Flooding closed roads across Northeast Georgia on Monday, and the Lamar County "
        "Sheriff's Office urged drivers to stay home."
    )
    georgia = place(a, "Georgia")
    assert (georgia.kind, georgia.country) == ("admin1", "USA")
    county = place(a, "Lamar County")
    assert (county.kind, county.admin1) == ("admin2", "Georgia")
    assert "Northeast" not in {m.text for p in a.places for m in p.mentions}  # a direction


def test_a_town_the_tagger_missed_is_a_place_when_the_text_says_so(analyze):
    a = analyze("About 55 Gainesville residents marched on Friday against the charter amendment.")
    near(place(a, "Gainesville"), 29.65, -82.32)
    headline = analyze(
        "Chicopee residents discuss land purchase. About 40 people met at the library in "
        "Chicopee on Monday."
    )  # the headline's 'Chicopee' is tagged a noun, the second a proper noun
    (chicopee,) = headline.places
    assert [m.start for m in chicopee.mentions] == [0, 80]
    b = analyze(
        "The fire started in a house on Memphis Street, and crews from Sharon, Cornwall and "
        "Salisbury helped."
    )
    mentions = {m.text for p in b.places for m in p.mentions}
    assert {"Sharon", "Cornwall", "Salisbury"} <= mentions  # a list after 'from'
    assert "Memphis" not in mentions and "Street" not in mentions  # a street's name


def test_landmarks_and_airports_not_towns_of_their_name(analyze):
    a = analyze(
        "The president hosted the ceremony at the White House on Tuesday, while storms "
        "delayed flights at Heathrow and ships waited in the Black Sea."
    )
    white_house = place(a, "White House")
    assert white_house.kind == "landmark"
    near(white_house, 38.90, -77.04, within=5)
    near(place(a, "Heathrow"), 51.47, -0.45, within=10)
    assert place(a, "Black Sea").country is None
    b = analyze(
        "The Kentucky couple were on the Champs-Elysees boulevard in Paris when the gunman "
        "opened fire; they will return to Kentucky on Monday."
    )
    assert place(b, "Champs-Elysees").kind == "landmark"
    assert place(b, "Paris").country == "FRA"  # beside its landmark, not Paris, Kentucky


def test_names_listed_before_counties_are_counties(analyze):
    a = analyze("Fires burned in Navarro, Henderson, and Ellis counties, according to the state.")
    for name in ("Navarro", "Henderson", "Ellis"):
        county = place(a, name)
        assert (county.name, county.kind, county.admin1) == (f"{name} County", "admin2", "Texas")


def test_a_state_abbreviated_with_two_dots_standing_alone(analyze):
    a = analyze("Up to 20 centimetres of snow is expected in B.C. this week.")
    assert place(a, "B.C.").name == "British Columbia"


def test_regions_are_regions_never_a_city(analyze):
    a = analyze(
        "The minister spoke of security in the Euro-Atlantic, the Indo-Pacific and the Middle "
        "East, and of new trade routes across Africa."
    )
    for text in ("Euro-Atlantic", "Indo-Pacific", "Middle East", "Africa"):
        assert place(a, text).kind == "region"
    assert place(a, "Euro-Atlantic").lat is None


def test_a_capital_acting_as_government_is_not_a_place(analyze):
    a = analyze("Washington warned Moscow against any escalation, officials in Berlin said.")
    mentions = {m.text for p in a.places for m in p.mentions}
    assert "Washington" not in mentions and "Moscow" not in mentions
    assert place(a, "Berlin").country == "DEU"


def test_demonyms_point_at_their_country(analyze):
    a = analyze("Ukrainian drones struck a depot as Russian forces advanced near Kharkiv.")
    ukraine = place(a, "Ukrainian")
    assert ukraine.kind == "country" and ukraine.country == "UKR"
    assert [m.kind for m in ukraine.mentions] == ["demonym"]
    near(place(a, "Kharkiv"), 49.99, 36.23)


def test_a_demonym_inside_an_organisation_names_its_country(analyze):
    a = analyze("Nine activists were detained, the Georgian Interior Ministry said on Monday.")
    georgia = place(a, "Georgian")
    assert (georgia.kind, georgia.country) == ("country", "GEO")


def test_a_lawmakers_state_after_the_party(analyze):
    a = analyze(
        "Rep. Maria Lopez, D-Calif, and Sen. Tom Reed, R-W. Va., asked for a hearing on "
        "the bonuses."
    )
    assert place(a, "Calif").name == "California"
    west_virginia = place(a, "W. Va.")
    assert (west_virginia.name, west_virginia.kind) == ("West Virginia", "admin1")


def test_no_month_or_modal_becomes_a_place(analyze):
    a = analyze(
        "May said the plan Will needs would be ready in March. Will Smith and May Brown agreed."
    )
    assert a.places == []


# --- datelines and events -------------------------------------------------------------------


def test_dateline_with_country_and_date(analyze):
    a = analyze(
        "KYIV, Ukraine, Dec. 3 (Reuters) — Officials met energy company executives to discuss "
        "repairs to the grid.",
        published="2024-12-04",
    )
    assert a.dateline is not None and a.dateline.date == "2024-12-03"
    kyiv = a.place(a.dateline.place)
    assert kyiv.name == "Kyiv" and kyiv.kind == "city"
    near(kyiv, 50.45, 30.52)
    assert place(a, "Ukraine").kind == "country"


def test_events_take_their_sentence_place_else_the_dateline(analyze):
    a = analyze(
        "BRUSSELS (Reuters) - German Chancellor Olaf Scholz met Chinese Premier Li Qiang on "
        "Tuesday.\nScholz later held talks with Turkish officials in Ankara.\n"
        "Scholz will meet Li again next month.",
        published="2024-03-08",
    )
    brussels = a.place(a.dateline.place)
    assert brussels.name == "Brussels" and brussels.country == "BEL"
    by_trigger = {e.trigger: e for e in a.events}
    assert a.place_name(by_trigger["met"]) == "Brussels"  # past, asserted, no other place
    assert a.place_name(by_trigger["held"]) == "Ankara"
    assert by_trigger["meet"].place is None  # future: not evidently in Brussels


def test_geojson_feature_collection(analyze):
    a = analyze("Japan and South Korea held talks in Seoul.", published="2024-03-08")
    collection = json.loads(json.dumps(geojson([a])))
    assert collection["type"] == "FeatureCollection"
    seoul = next(f for f in collection["features"] if f["properties"]["name"] == "Seoul")
    lon, lat = seoul["geometry"]["coordinates"]
    assert km(lat, lon, 37.57, 126.98) < 50
    assert [e["type"] for e in seoul["properties"]["events"]] == ["CONSULT"]
    assert seoul["properties"]["kind"] == "city" and seoul["properties"]["mentions"]


@pytest.mark.parametrize(
    "text",
    ["", " \n ", "In , , in ,\n—", "BRUSSELS —", "PARIS, —\n\n(Reuters) -", "in " * 50,
     "X" * 300, "Ünïcödé ☃ in Zürich, Switzerland ✓"],
)  # fmt: skip
def test_odd_text_never_crashes(pipeline, text):
    from newsgraph.places import find_places

    doc = pipeline(text)
    places, _ = find_places(doc, doc._.newsgraph_actors or [])
    assert all(p.mentions for p in places)


def test_cli_geojson_and_text_report(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("LISBON — Portugal and Morocco signed a water agreement in Lisbon.\n")
    runner = CliRunner()
    out = runner.invoke(app, ["analyze", str(path), "--format", "geojson"])
    assert out.exit_code == 0, out.output
    names = {f["properties"]["name"] for f in json.loads(out.stdout)["features"]}
    assert {"Lisbon", "Portugal", "Morocco"} <= names
    report = runner.invoke(app, ["analyze", str(path)])
    assert report.exit_code == 0 and "Places" in report.stdout and "38.7" in report.stdout


# --- the canonical example --------------------------------------------------------------------


@pytest.mark.skipif(not SHARED_EXAMPLE.exists(), reason="../shared/examples not present")
def test_example_article_places(analyze):
    a = analyze(SHARED_EXAMPLE.read_text(encoding="utf-8"), published="2024-12-04")
    by_name = {p.name: p for p in a.places}
    for country in ("Peru", "Brazil", "Ukraine", "Russia", "North Korea", "South Korea",
                    "Japan", "Finland", "Sweden"):  # fmt: skip
        assert by_name[country].kind == "country", country
    near(by_name["Brussels"], 50.85, 4.35)
    for region in ("Euro-Atlantic", "Indo-Pacific", "Middle East"):
        assert by_name[region].kind == "region"
    visit = next(e for e in a.events if e.trigger == "visiting")
    assert a.place_name(visit) == "Brussels"


def test_an_acronym_names_a_country_not_a_town_of_that_name(analyze):
    a = analyze(
        "Russian officials met their UK counterparts in Moscow on Monday, and US envoys joined "
        "them by video from Washington.\n"
    )
    names = {p.name: p.kind for p in a.places}
    assert "Uk" not in names and "Us" not in names
    assert names.get("United Kingdom") == "country"


def test_a_state_named_alone_is_the_state_beside_another_state(analyze):
    a = analyze(
        "Thousands of retirees are leaving New York for Florida each year, tax officials in "
        "Albany said on Tuesday, and the trend is speeding up.\n"
    )
    florida = next(p for p in a.places if p.name == "Florida")
    assert (florida.kind, florida.country) == ("admin1", "USA")
    assert 26 < florida.lat < 31 and -88 < florida.lon < -80
