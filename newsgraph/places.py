"""Places of one article: toponyms found in the text and resolved to one point each, offline.

Detection: spaCy's GPE/LOC/FAC entities (or the longest part of one the gazetteer knows:
'Lamar County' of 'Lamar County Commissioners'), the actors component's countries, cities and
their demonyms ('Russian forces' names Russia, as GeoNames-annotated news corpora count it,
and so does 'the Georgian Interior Ministry'), world regions and blocs, landmarks, "Springfield,
Ill." qualifiers, a lawmaker's state ("D-Calif."), two-dot state abbreviations ("B.C.") and the
dateline ("KYIV, Ukraine —", or after a local paper's headline: "Fire destroys barn.
TORRINGTON — "). A capital acting as its government ("Washington warned") is an actor, not a
place mention; a street's name ('Memphis Street') is no town's.

Resolution: every candidate of the name in the gazetteer (`knowledge/gazetteer.py`) gets a
score, `score()` below, that a reader can follow: a prior by kind (a country before a state
before a city of the same name), the population, and the article's context: the qualifier
after a comma ("Paris, Texas"), the countries and states the article names (no name counts
as its own evidence), the country it names most, the dateline, and how near a town lies to
the likely places of the article's other names (`_nearness`). The best candidate wins; ties
go to the more prominent. Resolution runs in rounds: the sure choices of the first (one
candidate, a qualifier, a wide margin) are the context of the second, in which the dateline
is chosen too; every choice of a round is the context of the next. A city found only by the
gazetteer (not by the tagger) is kept when the text says it is a place (see `_evident`): "in
Cottonport", "Gainesville residents", a qualifier, a list with a place, a state of the article
around it or its other places nearby.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span

from newsgraph import knowledge
from newsgraph.actors import longest_first
from newsgraph.knowledge.gazetteer import (
    Entry,
    abbreviated_state,
    fold_name,
    place_candidates,
    state_abbreviations,
)
from newsgraph.schema import TimeExpression

PLACE_LABELS = {"GPE", "LOC", "FAC"}
DASHES = {"-", "—", "–", "--", "---"}

# Score weights (see score()): a prior by kind, then population and context.
KIND_PRIOR = {"country": 8.0, "region": 8.0, "landmark": 7.0, "admin1": 6.5, "city": 0.0,
              "admin2": -1.0}  # fmt: skip
POPULATION_WEIGHT = 0.8  # per power of ten of people (cities and counties only)
SMALL_STATE = 5.0  # a state of fewer than 10**5 people (its cities' total) loses some prior
QUALIFIER_MATCH = 10.0  # "Paris, Texas": the qualifier names the candidate's state or country
QUALIFIER_MISMATCH = -6.0
CONTEXT_COUNTRY = 2.5  # the article names the candidate's country elsewhere
CONTEXT_ADMIN1 = 3.0  # … or its state
MAIN_COUNTRY = 2.0  # … and the candidate's country is the one the article names most
# The actors' countries are not context: most come from the very place names being resolved
# ('Georgia School Boards Association' → GEO), a circle (tried: LGL even half 62.3 without
# them, 61.9 with them).
DATELINE_COUNTRY = 1.5
DATELINE_ADMIN1 = 2.0
CAPITAL = 2.0  # a country's capital city
ALTERNATE_NAME = -3.0  # known by this name only as an alternate spelling, beside a namesake
NEARNESS = 4.0  # times how near the likely places of the other names lie (see _nearness)
ROUND_MARGINS = (1.5, 0.0, 0.0)  # a choice this far ahead of the next sets the next round's context


@dataclass(slots=True)
class PlaceMention:
    start: int  # character offsets
    end: int
    text: str
    kind: str = "name"  # name | demonym | abbreviation | dateline


@dataclass(slots=True)
class PlaceRecord:
    id: str
    name: str
    kind: str  # country | admin1 | admin2 | city | region | landmark
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    gazetteer_id: str | None
    population: int
    confidence: float
    mentions: list[PlaceMention] = field(default_factory=list)


@dataclass(slots=True)
class Dateline:
    text: str
    start: int
    end: int
    place: str | None  # place id
    date: str | None  # YYYY-MM-DD when the dateline carries one


@dataclass(slots=True)
class _Toponym:
    """A span to resolve: its tokens, its text and what qualifies it."""

    start: int  # token offsets
    end: int
    text: str
    kind: str = "name"
    candidates: tuple[Entry, ...] = ()
    qualifier: tuple[Entry, ...] = ()  # what a following ", Texas" can be
    fixed: Entry | None = None  # known for sure (a country named by the actors component)
    chosen: Entry | None = None
    margin: float = 0.0
    weak: bool = False  # found by the gazetteer alone: kept only with evidence (see _evident)
    # The text, folded, when some candidate has it as its main name (else empty); see score().
    by_name: frozenset[str] = frozenset()


def _tokens_of(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and (
        doc[start].pos_ in {"DET", "ADP", "PUNCT"}
        or doc[start].is_space
        or doc[start].lower_ == "the"
    ):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].text in {"'s", "’s"}):
        end -= 1
    for i in range(start, end):  # never across a line
        if i > start and ("\n" in doc[i - 1].whitespace_ or "\n" in doc[i].text):
            return start, i
    return start, end


def _looks_capitalised(text: str) -> bool:
    return text[:1].isupper() or text[:1].isdigit()


# ----------------------------------------------------------------------------- dateline

FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")  # a dateline's date is a day, not 'PRESENT_REF'
DATELINE_WITHIN = 60  # tokens: after a headline and a byline, a dateline comes early or never
SENTENCE_ENDS = {".", "!", "?", ":"}


def _dateline_starts(doc: Doc) -> list[int]:
    """Where a dateline may begin: the first three lines, and early in the text a token after
    a sentence's end or a byline's year ('Fire destroys home. TORRINGTON — ', '… March 29, 2009
    PATASKALA --'), as local papers run headline, byline and dateline on one line."""
    starts = [0]
    for prev in doc[:-1]:
        if len(starts) == 3:
            break
        if "\n" in prev.whitespace_ + prev.text:
            starts.append(prev.i + 1)
    for tok in doc[1:DATELINE_WITHIN]:
        prev = doc[tok.i - 1]
        if prev.text in SENTENCE_ENDS or prev.like_num:
            starts.append(tok.i)
    return sorted(set(starts))


def find_dateline(doc: Doc) -> tuple[int, int, int] | None:
    """'BRUSSELS (Reuters) -', 'KYIV, Ukraine —', 'SPRINGFIELD, Ill., Nov. 27 (AP) —',
    'BEIRUT:' where a dateline may begin (see _dateline_starts): (first token, end of the
    place, token after the dash)."""
    for i in _dateline_starts(doc):
        while i < len(doc) and (doc[i].is_space or "\n" in doc[i].text):
            i += 1
        start = i
        while (
            i < len(doc)
            and i - start < 4
            and ((doc[i].is_upper and doc[i].is_alpha) or (doc[i].text == "." and i > start))
        ):
            i += 1
        if i == start or len(doc[start:i].text) < 3:
            continue
        place_end = i
        if i < len(doc) and doc[i].text == ":":
            return start, place_end, i + 1
        for j in range(i, min(len(doc), i + 12)):
            tok = doc[j]
            if "\n" in tok.text or tok.text[:1].islower():
                break  # the story has begun: no dateline here
            if tok.text in DASHES or tok.text.startswith(("—", "–")):
                return start, place_end, j + 1
    return None


# ----------------------------------------------------------------------------- detection


def _qualifier_after(doc: Doc, end: int) -> tuple[tuple[Entry, ...], int, str]:
    """ ", Texas", ", Ill.", ", Ukraine" right after a toponym: the entries the qualifier may
    be, the token where it ends and its kind."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return (), end, "name"
    abbreviations = state_abbreviations()
    for length in (3, 2, 1):  # 'N.Y.' may be one token or several; 'New Mexico' two
        stop = end + 1 + length
        if stop > len(doc):
            continue
        span = doc[end + 1 : stop]
        if "\n" in span.text or not _looks_capitalised(span.text):
            continue
        written = span.text if span.text in abbreviations else span.text.replace(" ", "")
        state = abbreviated_state(written) if written in abbreviations else None
        if state and (span.text.endswith(".") or span.text.isupper()):
            return (state,), stop, "abbreviation"
        found = tuple(e for e in place_candidates(span.text) if e.kind in {"admin1", "country"})
        if found and all(t.is_title or t.is_upper or t.is_punct for t in span):
            return found, stop, "name"
    return (), end, "name"


def _abbreviated_state(doc: Doc, t: _Toponym) -> Entry | None:
    """'Kan.', 'Pa.' (the dot a token of its own or not): the US state it abbreviates."""
    text = t.text
    if t.end < len(doc) and doc[t.end].text == "." and not text.endswith("."):
        text += "."
    return abbreviated_state(text) if text.endswith(".") else None


def _acts(span: Span) -> bool:
    """'Washington warned', 'pressure on Moscow from Washington', 'talks with Beijing': the
    name stands for a government that acts or is acted upon, not for a place."""
    root = span.root
    while root.dep_ == "conj":
        root = root.head
    if root.dep_ in {"nsubj", "nsubjpass", "agent", "dobj"}:
        return True
    return root.dep_ == "pobj" and root.head.lower_ in {"with", "against", "between", "on"}


def _government_mention(text: str, key: str) -> bool:
    """A mention of a country's actor that is not its name: a capital acting as the
    government ('Washington warned') or a metonym ('the Kremlin')."""
    if not key.startswith("C:"):
        return False
    return knowledge.country_by_name(text) is None and knowledge.country_by_demonym(text) is None


# Words that name a kind of place or building, not one place, though a town somewhere may
# bear them ('Street', England; 'Airport', California): never a place on their own.
GENERIC = {"airport", "center", "centre", "council", "town", "city", "county", "court", "hall",
           "park", "school", "college", "university", "hospital", "church", "valley", "river",
           "lake", "national", "international", "regional", "metropolitan", "olympic",
           "superior", "fiscal", "district", "zone", "downtown", "central", "street", "road",
           "high", "academy", "mall", "station", "bridge", "harbor", "harbour", "port", "bay",
           "beach", "island", "north", "south", "east", "west", "upper", "lower", "grand",
           "union", "federal", "state", "village", "township", "creek", "hills"}  # fmt: skip
# A street's name ('Memphis Street', 'Woodfield and Martingale roads') is no town's mention.
STREET_WORDS = {"street", "streets", "road", "roads", "avenue", "avenues", "boulevard", "lane",
                "drive", "parkway"}  # fmt: skip


def _streets(doc: Doc) -> set[int]:
    """Tokens of street names: up to three capitalised words or numbers before a street word
    ('Memphis Street', 'West 11th Street'), and the names before 'roads' ('Woodfield and
    Martingale roads')."""
    tokens: set[int] = set()
    for tok in doc[1:]:
        if tok.lower_ not in STREET_WORDS:
            continue
        plural = tok.lower_.endswith("s")
        i = tok.i - 1
        while (
            i >= 0
            and tok.i - i <= (6 if plural else 3)
            and (
                doc[i].is_title
                or doc[i].is_upper
                or doc[i].like_num
                or doc[i].text == "-"
                or (plural and doc[i].lower_ == "and")
            )
        ):
            i -= 1
        names = (doc[i + 1 : tok.i + 1].text, doc[i + 1 : tok.i].text)
        if any(e.kind == "landmark" for n in names for e in place_candidates(n)):
            continue  # 'Wall Street', 'Downing Street', 'the Champs-Elysees boulevard'
        tokens.update(range(i + 1, tok.i + 1))
    return tokens


def _named_part(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The longest run of capitalised words inside an entity that the gazetteer knows, the
    leftmost of equals: 'Lamar County' of 'Lamar County Commissioners', 'Georgia' of
    'Northeast Georgia', 'Vancouver' of 'Vancouver International Airport'; (start, start)
    when none is."""
    for n in range(end - start - 1, 0, -1):
        for i in range(start, end - n + 1):
            span = doc[i : i + n]
            if (
                all(t.is_title or t.is_upper or t.text == "." for t in span)
                and not span[0].is_stop
                and len(span.text) > 2
                and not (n == 1 and span[0].lower_ in GENERIC)
                and place_candidates(span.text)
            ):
                return i, i + n
    return start, start


COUNTY_WORDS = {"counties": "County", "parishes": "Parish"}


def _listed_counties(doc: Doc) -> dict[tuple[int, int], str]:
    """The names before 'counties' ('Navarro, Henderson and Ellis counties'), each with the
    name of its county to look up ('Navarro County')."""
    found: dict[tuple[int, int], str] = {}
    for tok in doc[1:]:
        word = COUNTY_WORDS.get(tok.text)
        end = tok.i
        while word is not None:
            start = end
            while start > 0 and doc[start - 1].is_title and not doc[start - 1].is_stop:
                start -= 1
            if start == end:
                break
            found[(start, end)] = f"{doc[start:end].text} {word}"
            end = start
            while end > 0 and doc[end - 1].text in {",", "and"}:  # the list's next name
                end -= 1
            if end == start:
                break
    return found


PARTIES = {"D", "R", "I", "DFL"}  # 'Rep. Charles Rangel, D-N.Y.', 'Westrom, R-Elbow Lake'


def _party_places(doc: Doc) -> list[tuple[int, int, Entry | None]]:
    """The state or home town after a lawmaker's party: 'D-N.Y.', 'D-Calif', 'R-Elbow Lake'
    (the state it abbreviates, or None for a town to resolve)."""
    found = []
    for tok in doc[:-2]:
        if tok.text not in PARTIES or doc[tok.i + 1].text != "-":
            continue
        start = end = tok.i + 2
        while end < len(doc) and end - start < 3 and (doc[end].is_title or doc[end].is_upper):
            end += 1
        if end == start:
            continue
        text = doc[start:end].text
        state = abbreviated_state(text) or abbreviated_state(text + ".")
        if state is not None or place_candidates(text):
            found.append((start, end, state))
    return found


def _country_entry(country: knowledge.Country | None) -> Entry | None:
    """The gazetteer's entry of a country of the project's knowledge."""
    if country is None:
        return None
    return next((e for e in place_candidates(country.name) if e.kind == "country"), None)


@lru_cache(maxsize=4096)  # most capitalised words of a batch are the same few hundred
def _country_of_demonym(text: str) -> Entry | None:
    return _country_entry(knowledge.country_by_demonym(text))


def _demonyms(doc: Doc) -> list[tuple[int, int, Entry]]:
    """Demonyms the actors component leaves inside other names ('the Georgian Interior
    Ministry', 'American Electric Power'): each names its country."""
    found = []
    title = [t.is_title for t in doc]
    i = 0
    while i < len(doc):
        for n in (2, 1) if title[i] else ():  # 'Sri Lankan' before 'Sri'
            if not all(title[i : i + n]) or i + n > len(doc):
                continue
            entry = _country_of_demonym(doc[i : i + n].text)
            if entry is not None:
                found.append((i, i + n, entry))
                i += n - 1
                break
        i += 1
    return found


def detect(
    doc: Doc,
    actors: Iterable = (),
    regions: Iterable[Span] = (),
    dateline: tuple[int, int, int] | None = None,
) -> list[_Toponym]:
    """Toponyms of the article: the dateline's place, entities, the actors' places and
    demonyms, regions, and what the gazetteer finds among proper nouns."""
    spans: dict[tuple[int, int], _Toponym] = {}
    blocked: set[int] = _streets(doc)
    counties = _listed_counties(doc)

    def add(start: int, end: int, kind: str = "name", fixed: Entry | None = None) -> None:
        start, end = _trim(doc, start, end)
        if start >= end or blocked.intersection(range(start, end)):
            return
        if (
            fixed is None
            and (start, end) not in counties
            and not place_candidates(doc[start:end].text)
        ):
            start, end = _named_part(doc, start, end)
        text = doc[start:end].text
        if start >= end or not _looks_capitalised(text) or not any(c.isalpha() for c in text):
            return
        spans.setdefault((start, end), _Toponym(start, end, text, kind, fixed=fixed))

    if dateline is not None:
        add(dateline[0], dateline[1], "dateline")
    for actor in actors:
        for m in actor.mentions:
            if m.kind != "name":
                continue
            span = _tokens_of(doc, m.start, m.end)
            if span is None:
                continue
            if _government_mention(m.text, actor.key):
                if _acts(span):
                    blocked.update(range(span.start, span.end))  # 'Washington warned'
                else:
                    add(span.start, span.end)  # 'a flight to Moscow', 'Ottawa's airport'
                continue
            if actor.key.startswith("C:"):
                demonym = m.label == "NORP"
                found = _country_entry(knowledge.country_by_code(actor.key[2:]))
                # A demonym names its country; a name ('Georgia') is still resolved in context.
                sure = demonym or not place_candidates(m.text)
                add(
                    span.start,
                    span.end,
                    "demonym" if demonym else "name",
                    found if sure else None,
                )
            elif actor.type in {"GPE", "LOC"} or actor.key.startswith("P:"):
                add(span.start, span.end)
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS:
            # 'Paris, Texas' tagged as one entity: the place, then its qualifier.
            comma = next((t.i for t in ent if t.text == ","), None)
            add(ent.start, comma if comma is not None else ent.end)
            if comma is not None:
                add(comma + 1, ent.end)
    for region in regions:
        add(region.start, region.end)
    for start, end in counties:
        add(start, end)
    for start, end, entry in _demonyms(doc):
        add(start, end, "demonym", entry)
    for start, end, entry in _party_places(doc):
        add(start, end, "abbreviation" if entry else "name", entry)
    for tok in doc:
        # 'in B.C.', 'the S.C. Highway Patrol': an abbreviation with two dots is a state's
        written = tok.text if tok.text.endswith(".") else tok.text + "."
        if written.count(".") >= 2 and written in state_abbreviations():
            add(tok.i, tok.i + 1, "abbreviation", abbreviated_state(written))
    kept: list[_Toponym] = longest_first(list(spans.values()))  # any start/end records
    taken = {i for t in kept for i in range(t.start, t.end)}
    kept += _scan(doc, taken | blocked, actors)
    kept.sort(key=lambda t: t.start)
    result = []
    for t in kept:
        state = _abbreviated_state(doc, t)
        if state:  # 'Kan.' is Kansas, not the town of Kan in Myanmar
            t.kind, t.fixed = "abbreviation", state
        county = counties.get((t.start, t.end))
        if county:  # 'Navarro' of 'Navarro, Henderson and Ellis counties'
            t.weak = False
        t.candidates = (t.fixed,) if t.fixed else place_candidates(county or t.text)
        letters = t.text.replace(".", "")
        if letters.isupper() and len(letters) <= 3:  # 'UK', 'US' name a country, not Uk or Us
            t.candidates = tuple(e for e in t.candidates if e.kind in {"country", "admin1"})
        if t.candidates:
            result.append(t)
    placed = {i for t in result for i in range(t.start, t.end)}
    for t in list(result):
        t.qualifier, stop, kind = _qualifier_after(doc, t.end)
        if kind == "abbreviation" and not placed.intersection(range(t.end + 1, stop)):
            # 'Ill.' names Illinois too.
            text = doc[t.end + 1 : stop].text
            result.append(_Toponym(t.end + 1, stop, text, kind, t.qualifier, fixed=t.qualifier[0]))
            placed.update(range(t.end + 1, stop))
    return sorted(result, key=lambda t: t.start)


LOCATIVE = {"in", "at", "near", "from", "to", "outside", "across", "around", "through", "into",
            "toward", "towards", "of", "between", "throughout", "inside", "within"}  # fmt: skip
SURE_KINDS = {"country", "admin1", "admin2", "region", "landmark"}
TIME_LABELS = {"DATE", "TIME"}  # 'March' the month, not the English town
SCAN_LENGTHS = (4, 3, 2, 1)


def _scan(doc: Doc, taken: set[int], actors: list) -> list[_Toponym]:
    """Names of the gazetteer that the tagger missed or mistook ('Alexandria woman charged',
    tagged a person): runs of proper nouns matched longest first. A country, state, county or
    region is taken as found; a city only with evidence, judged after the first round of
    resolution (`_evident`). Tokens of a person's full name never match."""
    people = set()  # words of a person named in full: 'Henry' of 'Chiquita Henry', 'Warden'
    for actor in actors:
        full = actor.type == "PERSON" and len(actor.name.split()) > 1
        for m in actor.mentions if full else ():
            span = _tokens_of(doc, m.start, m.end)
            people.update(range(span.start, span.end) if span is not None else ())
        for m in actor.mentions if actor.key.startswith("O:") else ():
            span = _tokens_of(doc, m.start, m.end)  # 'European Union': a known organisation
            taken.update(range(span.start, span.end) if span is not None else ())
    for ent in doc.ents:
        if ent.label_ in TIME_LABELS:
            taken.update(range(ent.start, ent.end))
    # A headline's 'Torrington firefighters' may be tagged a noun: a word the article also
    # writes as a proper noun counts as one.
    tokens = list(doc)
    proper = {t.lower_ for t in tokens if t.pos_ == "PROPN" and t.text[:1].isupper()}
    named = [t.text[:1].isupper() and t.lower_ in proper for t in tokens]
    hyphen = [t.text == "-" for t in tokens]
    found = []
    i = 0
    while i < len(doc):
        for n in SCAN_LENGTHS if named[i] else ():
            if (
                i + n > len(doc)
                or not all(
                    named[j] or (hyphen[j] and i < j < i + n - 1)  # 'Champs-Elysees'
                    for j in range(i, i + n)
                )
                or taken.intersection(range(i, i + n))
            ):
                continue
            span = doc[i : i + n]
            # 'Henry' of a person named in full ('Chiquita Henry'); 'Street' alone
            if (n == 1 and (i in people or span[0].lower_ in GENERIC)) or "\n" in span.text:
                continue
            candidates = place_candidates(span.text)
            if not candidates:
                continue
            top = candidates[0]
            sure = top.kind in SURE_KINDS and not span[0].is_stop
            # A one-word county ('Union', 'Lincoln') or landmark ('Pacific') needs evidence.
            sure = sure and (
                top.kind not in {"admin2", "landmark"} or n > 1 or top.population >= 10_000
            )
            found.append(_Toponym(i, i + n, span.text, weak=not sure))
            taken.update(range(i, i + n))
            i += n - 1
            break
        i += 1
    return found


# Words that make the name before them a place ('Gainesville residents', 'the Athens Police
# Department', 'a Crafton man') or the name after them one ('Metro Vancouver', 'South
# Philadelphia', 'the city of Jbeil').
PLACE_AFTER = {"residents", "resident", "native", "natives", "police", "council", "city",
               "town", "township", "village", "county", "fire", "firefighters", "sheriff",
               "mayor", "officials", "man", "woman", "men", "women", "couple", "family",
               "area", "schools", "school", "board", "high", "hospital", "airport",
               "downtown", "selectmen", "-based", "voters", "businesses"}  # fmt: skip
PLACE_BEFORE = {"metro", "metropolitan", "downtown", "historic", "greater", "suburban",
                "north", "south", "east", "west", "northern", "southern", "eastern",
                "western", "central", "northeast", "northwest", "southeast", "southwest",
                "northeastern", "northwestern", "southeastern", "southwestern"}  # fmt: skip
PLACE_OF = {"city", "town", "village", "county", "state", "province", "suburb", "outskirts",
            "resident", "residents", "native", "mayor"}  # fmt: skip
NEAR_EVIDENCE = 0.5  # nearness of a chosen town that shows it is a place (see _nearness)


def _evident(doc: Doc, t: _Toponym, context: Context, found: set[int]) -> bool:
    """A city the tagger did not find is a place when the text says so: 'in Cottonport', a
    qualifier ('Alexandria, La.'), 'Gainesville residents', 'the town of Jbeil', a list with
    a place found otherwise ('Sharon, Cornwall and Salisbury'), a state the article names
    elsewhere, or the article's other places nearby. `found`: the tokens of the toponyms
    kept without evidence."""
    start = t.start - 1 if t.start > 1 and doc[t.start - 1].lower_ == "the" else t.start
    before = doc[start - 1].lower_ if start > 0 else ""  # 'in Cottonport', 'on the Mall'
    after = doc[t.end].lower_ if t.end < len(doc) else ""
    if t.qualifier or before in LOCATIVE | PLACE_BEFORE or after in PLACE_AFTER:
        return True
    if before == "of" and start > 1 and doc[start - 2].lower_ in PLACE_OF:
        return True
    for side in (range(t.start - 1, -1, -1), range(t.end, len(doc))):
        for i in side:  # past commas and 'and' to the list's next member
            if i in found:
                return True
            if doc[i].text not in {",", "and", "or", "&"}:
                break
    entry = t.chosen
    if entry is None:
        return False
    state = _state_of(entry)
    if state and context.admin1[(entry.country, state)] > 0:
        return True
    return context.nearness.get((fold_name(t.text), entry.id), 0.0) >= NEAR_EVIDENCE


# ----------------------------------------------------------------------------- resolution


@dataclass(slots=True)
class Context:
    """What the article says about where it is."""

    countries: Counter = field(default_factory=Counter)
    admin1: Counter = field(default_factory=Counter)  # (country, state name)
    dateline: Entry | None = None
    dateline_key: str = ""  # the dateline's name, folded: not evidence for itself
    # (folded name, entry id) → how near the entry lies to the article's other places
    nearness: dict[tuple[str, str], float] = field(default_factory=dict)

    def add(self, entry: Entry, count: int = 1) -> None:
        if entry.country:
            self.countries[entry.country] += count
        if entry.kind == "admin1":
            self.admin1[(entry.country, entry.name)] += count
        elif entry.admin1:
            self.admin1[(entry.country, entry.admin1)] += count

    def main_country(self) -> str | None:
        """The country the article is about: named most, and more than once."""
        top = self.countries.most_common(2)
        if not top or top[0][1] < 2 or (len(top) > 1 and top[1][1] == top[0][1]):
            return None
        return top[0][0]

    def without(self, entries: Iterable[Entry]) -> Context:
        """The context less what a name's mentions brought to it: no name is its own
        evidence ('Georgia … Georgia' does not make Georgia the country twice as likely)."""
        other = Context(
            Counter(self.countries),
            Counter(self.admin1),
            self.dateline,
            self.dateline_key,
            self.nearness,
        )
        for entry in entries:
            other.add(entry, -1)
        return other


def _state_of(entry: Entry) -> str | None:
    return entry.name if entry.kind == "admin1" else entry.admin1


@lru_cache(maxsize=65536)
def _is_capital(entry: Entry) -> bool:
    country = knowledge.country_by_capital(entry.name)
    return country is not None and country.code == entry.country


_fold = lru_cache(maxsize=65536)(fold_name)  # score() folds the same names again and again


def score(entry: Entry, toponym: _Toponym, context: Context) -> float:
    """How likely `entry` is the place `toponym` names, in the article's `context`."""
    value = KIND_PRIOR.get(entry.kind, 0.0)
    if entry.kind in {"city", "admin2"}:
        value += POPULATION_WEIGHT * math.log10(entry.population + 1)
    elif entry.kind == "admin1":  # a parish of Barbados is no state: its prior shrinks
        value += POPULATION_WEIGHT * min(0.0, math.log10(entry.population + 1) - SMALL_STATE)
    if entry.kind == "city" and _is_capital(entry):
        value += CAPITAL  # 'Yerevan' the capital rather than the province around it
    if toponym.by_name and _fold(entry.name) not in toponym.by_name:
        # 'New York' the state, whose name it is, not the city's alias; a landmark's short
        # names ('Heathrow') are the project's own, not GeoNames' alternate spellings
        value += ALTERNATE_NAME if entry.kind != "landmark" else 0.0
    if toponym.qualifier:
        inside = any(
            (q.kind == "country" and q.country == entry.country)
            or (q.kind == "admin1" and q.country == entry.country and q.name == _state_of(entry))
            for q in toponym.qualifier
        )
        value += QUALIFIER_MATCH if inside else QUALIFIER_MISMATCH
    # The article's other places (the caller leaves out what this toponym brought).
    if context.countries[entry.country] > 0:
        value += CONTEXT_COUNTRY
        if entry.kind != "country" and entry.country == context.main_country():
            value += MAIN_COUNTRY
    state = _state_of(entry)
    if state and context.admin1[(entry.country, state)] > 0:
        value += CONTEXT_ADMIN1
    line = context.dateline
    own_line = _fold(toponym.text) == context.dateline_key  # 'LISBON —' … 'in Lisbon'
    if line is not None and not own_line and entry.kind != "country":
        value += DATELINE_COUNTRY if line.country == entry.country else 0.0
        value += DATELINE_ADMIN1 if state and state == _state_of(line) else 0.0
    value += NEARNESS * context.nearness.get((_fold(toponym.text), entry.id), 0.0)
    return value


LOCAL_KINDS = {"city", "admin2", "landmark"}
NEAR_KM = 80.0  # a town this far from another place of the article counts 1/e as near
NEAR_CAP = 1.0  # one likely place close by counts as much as several: no snowball of namesakes
NEAR_CANDIDATES = 10  # the likeliest candidates of each name that take part
SOFTMAX_SCALE = 5.0  # score points per e-fold of likelihood: a rival namesake still counts


def _nearness(toponyms: list[_Toponym], context: Context) -> dict[tuple[str, str], float]:
    """How near each town or county candidate lies to the other names' likely places: the
    sum, over the article's other names, of the nearest of their candidates weighted by its
    likelihood in `context`, at most NEAR_CAP ('Dublin' beside 'Hilliard' and 'Franklin
    County' is Dublin, Ohio). Countries and states count through the context already."""
    import numpy as np

    names: dict[str, _Toponym] = {}
    for t in toponyms:
        if t.fixed is None:
            names.setdefault(fold_name(t.text), t)
    rows: list[tuple[int, str, Entry, float]] = []
    for n, (key, t) in enumerate(names.items()):
        scored = [(score(e, t, context), e) for e in t.candidates]
        top = max(v for v, _ in scored)
        weights = [(math.exp((v - top) / SOFTMAX_SCALE), e) for v, e in scored]
        total = sum(w for w, _ in weights)
        local = [(w / total, e) for w, e in weights if e.kind in LOCAL_KINDS and e.lat is not None]
        local.sort(key=lambda we: -we[0])
        rows += [(n, key, e, w) for w, e in local[:NEAR_CANDIDATES]]
    if len({n for n, *_ in rows}) < 2:
        return {}
    group = np.array([n for n, *_ in rows])
    lat = np.radians([e.lat for _, _, e, _ in rows])
    lon = np.radians([e.lon for _, _, e, _ in rows])
    weight = np.array([w for *_, w in rows])
    dlat, dlon = lat[:, None] - lat[None, :], lon[:, None] - lon[None, :]
    a = np.sin(dlat / 2) ** 2 + np.cos(lat)[:, None] * np.cos(lat)[None, :] * np.sin(dlon / 2) ** 2
    km = 2 * 6371.0 * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))  # haversine
    support = np.exp(-km / NEAR_KM) * weight[None, :]
    support[group[:, None] == group[None, :]] = 0.0  # no name supports itself
    starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
    nearest = np.maximum.reduceat(support, starts, axis=1).sum(axis=1)
    nearest = np.minimum(nearest, NEAR_CAP)
    return {(key, e.id): float(v) for (_, key, e, _), v in zip(rows, nearest, strict=True)}


def _choose(toponym: _Toponym, context: Context) -> None:
    key = fold_name(toponym.text)
    named = any(fold_name(e.name) == key for e in toponym.candidates)
    toponym.by_name = frozenset({key}) if named else frozenset()
    if toponym.fixed is not None:
        toponym.chosen, toponym.margin = toponym.fixed, 10.0
        return
    scored = sorted(((score(e, toponym, context), n, e) for n, e in enumerate(toponym.candidates)),
                    key=lambda s: (-s[0], s[1]))  # fmt: skip
    toponym.chosen = scored[0][2]
    toponym.margin = scored[0][0] - scored[1][0] if len(scored) > 1 else 10.0


def _sure_context(toponyms: list[_Toponym], margin: float) -> tuple[Context, dict]:
    """The context of the choices made with at least `margin` to spare (or with no rival),
    and what each name brought to it."""
    sure = Context()
    brought: dict[str, list[Entry]] = {}
    for t in toponyms:
        if t.chosen is not None and not t.weak and (len(t.candidates) == 1 or t.margin >= margin):
            sure.add(t.chosen)
            brought.setdefault(fold_name(t.text), []).append(t.chosen)
    return sure, brought


def resolve(doc: Doc, toponyms: list[_Toponym], line: _Toponym | None) -> list[_Toponym]:
    """Rounds: the sure ones (one candidate, a country, a qualifier, a wide margin) set
    the context, then the dateline `line` is chosen in that context and becomes part of it,
    then everything is scored again. Returns the toponyms kept."""
    for t in toponyms:
        _choose(t, Context())
    for margin in ROUND_MARGINS:
        sure, brought = _sure_context(toponyms, margin)
        sure.nearness = _nearness(toponyms, sure)
        if line is not None:  # 'CLINTON —' is the Clinton of the article's other places
            _choose(line, sure.without(brought.get(fold_name(line.text), ())))
            sure.dateline, sure.dateline_key = line.chosen, fold_name(line.text)
        for t in toponyms:
            _choose(t, sure.without(brought.get(fold_name(t.text), ())))
    # A name found with evidence once is a place wherever the article repeats it.
    found = {i for t in toponyms if not t.weak for i in range(t.start, t.end)}
    evident = {fold_name(t.text) for t in toponyms if not t.weak or _evident(doc, t, sure, found)}
    return [t for t in toponyms if fold_name(t.text) in evident]


def _confidence(toponym: _Toponym) -> float:
    return round(min(0.95, 0.5 + 0.45 * (1 - math.exp(-toponym.margin / 3))), 2)


def find_places(
    doc: Doc,
    actors: Iterable = (),
    regions: Iterable[Span] = (),
    times: Iterable[TimeExpression] = (),
) -> tuple[list[PlaceRecord], Dateline | None]:
    """The article's places (ids 'p1'… in order of first mention) and its dateline, whose
    date is the one the time component normalised inside it (`times`), if any."""
    actors = list(actors)
    line = find_dateline(doc)
    toponyms = detect(doc, actors, regions, line)
    line_toponym = None
    if line is not None:
        line_toponym = next((t for t in toponyms if t.start == line[0]), None)
        if line_toponym is not None:
            line_toponym.kind, line_toponym.weak = "dateline", False
    toponyms = resolve(doc, toponyms, line_toponym)
    places: dict[str, PlaceRecord] = {}
    for t in toponyms:
        entry = t.chosen
        if entry is None:
            continue
        span = doc[t.start : t.end]
        record = places.get(entry.id)
        if record is None:
            record = places[entry.id] = PlaceRecord(
                id=f"p{len(places) + 1}",
                name=entry.name,
                kind=entry.kind,
                country=entry.country,
                admin1=entry.admin1,
                lat=entry.lat,
                lon=entry.lon,
                gazetteer_id=entry.id,
                population=entry.population,
                confidence=_confidence(t),
            )
        else:
            record.confidence = max(record.confidence, _confidence(t))
        record.mentions.append(PlaceMention(span.start_char, span.end_char, span.text, t.kind))
    dateline = None
    if line is not None:
        start, _, after = line
        span = doc[start:after]
        chosen = line_toponym.chosen if line_toponym is not None else None
        dateline = Dateline(
            span.text,
            span.start_char,
            span.end_char,
            places[chosen.id].id if chosen is not None and chosen.id in places else None,
            next(
                (
                    t.value
                    for t in times
                    if span.start_char <= t.start
                    and t.end <= span.end_char
                    and t.type == "DATE"
                    and t.value is not None
                    and FULL_DATE.fullmatch(t.value)
                ),
                None,
            ),
        )
    return list(places.values()), dateline
