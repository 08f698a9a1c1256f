"""newsgraph's spaCy components and their registered factories, all in one place.

Each component has one job and writes its result to a `Doc._.newsgraph_*` extension; a
component reads only what earlier ones left. The factories are exposed as `spacy_factories`
entry points, so `nlp.add_pipe("newsgraph_actors")` works in anyone's pipeline once
newsgraph is installed, without importing it first.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph import knowledge
from newsgraph.actors import KnowledgeMatcher, build_actors, set_context_countries
from newsgraph.coref import resolve_coreference
from newsgraph.events import TriggerMatcher, find_events
from newsgraph.places import find_places
from newsgraph.quotes import (
    MIN_INDIRECT_PROBABILITY,
    MIN_QUOTATION_PROBABILITY,
    anonymous_sources,
    find_quotes,
)
from newsgraph.roles import find_roles
from newsgraph.times import find_times

EXTENSIONS = {
    "newsgraph_published": None,  # datetime.date: the anchor for relative time expressions
    "newsgraph_titles": None,  # list[Span]: title phrases ('Secretary of State')
    "newsgraph_actors": None,  # list[ActorRecord]
    "newsgraph_coref": None,  # list[CorefLink]
    "newsgraph_times": None,  # list[TimeExpression]
    "newsgraph_places": None,  # list[PlaceRecord]
    "newsgraph_dateline": None,  # Dateline | None: 'KYIV, Ukraine —' and its place
    "newsgraph_quotes": None,  # list[QuoteRecord]
    "newsgraph_sources": None,  # list[ActorRecord]: the quotations' anonymous sources
    "newsgraph_events": None,  # list[EventRecord]
}


def register_extensions() -> None:
    """Register the Doc extensions once (idempotent: safe in every worker process)."""
    for name, default in EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


class ParagraphBreaks:
    """A line break ends a sentence: headlines, datelines and paragraphs never run on.
    Must run before the parser, which keeps preset boundaries."""

    def __call__(self, doc: Doc) -> Doc:
        for tok in doc[1:]:
            prev = doc[tok.i - 1]
            if "\n" in prev.whitespace_ or "\n" in prev.text:
                tok.is_sent_start = True
            elif "\n" in tok.text:
                tok.is_sent_start = False
        for line_start in [0] + [t.i for t in doc[1:] if t.is_sent_start]:
            end = dateline_end(doc, line_start)
            if end is not None and end < len(doc):
                doc[end].is_sent_start = True
        return doc


DATELINE_DASHES = {"-", "—", "–", "--"}


def dateline_end(doc: Doc, start: int) -> int | None:
    """'LONDON (Reuters) - Donald Trump said …', 'KYIV, Ukraine — …': the first token after
    the dateline, so that the place is not parsed as the subject of the story's first verb."""
    i = start
    while i < len(doc) and doc[i].is_upper and doc[i].is_alpha and i - start < 4:
        i += 1
    if i == start:
        return None
    for _ in range(6):  # ', Ukraine', '(Reuters)', ', Nov. 27 (AP)'
        if i >= len(doc) or doc[i].text in DATELINE_DASHES or "\n" in doc[i].text:
            break
        i += 1
    if i < len(doc) and doc[i].text in DATELINE_DASHES:
        return i + 1
    return None


class ActorFinder:
    """Named entities consolidated into actors, with roles and affiliations."""

    def __init__(self, nlp: Language) -> None:
        register_extensions()
        self.nlp = nlp
        self.matcher = KnowledgeMatcher(nlp)

    def __call__(self, doc: Doc) -> Doc:
        if self.matcher.generation != knowledge.user_dictionary_generation():
            self.matcher = KnowledgeMatcher(self.nlp)  # a user dictionary was loaded since
        titles = self.matcher.title_spans(doc)
        actors = build_actors(doc, self.matcher, titles)
        find_roles(doc, actors, titles)
        set_context_countries(doc, actors)
        doc._.newsgraph_titles = titles
        doc._.newsgraph_actors = actors
        return doc


class CoreferenceResolver:
    """Pronouns and descriptions linked to the article's actors."""

    def __init__(self) -> None:
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        actors = doc._.newsgraph_actors or []
        doc._.newsgraph_coref = resolve_coreference(doc, actors, doc._.newsgraph_titles or [])
        return doc


class TimeNormalizer:
    """Time expressions normalised to TIMEX3 values against the publication date."""

    def __init__(self) -> None:
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        doc._.newsgraph_times = find_times(doc, doc._.newsgraph_published)
        return doc


class PlaceFinder:
    """Places named in the article, resolved to points with the offline gazetteer."""

    def __init__(self, nlp: Language) -> None:
        from spacy.matcher import PhraseMatcher

        register_extensions()
        self.regions = PhraseMatcher(nlp.vocab, attr="LOWER")
        for region in knowledge.regions():
            names = (region.name, *region.aliases)
            self.regions.add("REGION", [nlp.make_doc(n) for n in names])

    def __call__(self, doc: Doc) -> Doc:
        regions = [doc[s:e] for _, s, e in self.regions(doc)]
        places, dateline = find_places(
            doc, doc._.newsgraph_actors or [], regions, doc._.newsgraph_times or []
        )
        doc._.newsgraph_places = places
        doc._.newsgraph_dateline = dateline
        return doc


class QuoteFinder:
    """Direct, mixed and indirect quotations attributed to speakers and addressees."""

    def __init__(self, min_quotation_probability: float, min_indirect_probability: float) -> None:
        register_extensions()
        self.thresholds = (min_quotation_probability, min_indirect_probability)

    def __call__(self, doc: Doc) -> Doc:
        actors, links = doc._.newsgraph_actors or [], doc._.newsgraph_coref or []
        quotes = find_quotes(doc, actors, links, *self.thresholds)
        doc._.newsgraph_quotes = quotes
        doc._.newsgraph_sources = anonymous_sources(doc, quotes, links, len(actors) + 1)
        return doc


class EventCoder:
    """Political events coded in PLOVER (CAMEO alongside) with their actors and status."""

    def __init__(self, lexicon: str | None = None) -> None:
        register_extensions()
        extra = knowledge.load_plover_lexicon(lexicon) if lexicon else None
        self.matcher = TriggerMatcher(extra)

    def __call__(self, doc: Doc) -> Doc:
        doc._.newsgraph_events = find_events(
            doc,
            self.matcher,
            doc._.newsgraph_actors or [],
            doc._.newsgraph_coref or [],
            doc._.newsgraph_times or [],
            doc._.newsgraph_quotes or [],
            doc._.newsgraph_published,
        )
        return doc


@Language.factory(
    "newsgraph_paragraphs",
    assigns=["token.is_sent_start"],
)
def make_paragraph_breaks(nlp: Language, name: str) -> ParagraphBreaks:
    return ParagraphBreaks()


@Language.factory(
    "newsgraph_actors",
    assigns=["doc._.newsgraph_actors", "doc._.newsgraph_titles"],
    requires=["doc.ents", "token.dep", "token.tag", "token.lemma"],
)
def make_actor_finder(nlp: Language, name: str) -> ActorFinder:
    return ActorFinder(nlp)


@Language.factory(
    "newsgraph_coref",
    assigns=["doc._.newsgraph_coref"],
    requires=["doc._.newsgraph_actors", "token.dep"],
)
def make_coreference_resolver(nlp: Language, name: str) -> CoreferenceResolver:
    return CoreferenceResolver()


@Language.factory(
    "newsgraph_times",
    assigns=["doc._.newsgraph_times"],
    requires=["doc.ents", "token.dep"],
)
def make_time_normalizer(nlp: Language, name: str) -> TimeNormalizer:
    return TimeNormalizer()


@Language.factory(
    "newsgraph_places",
    assigns=["doc._.newsgraph_places", "doc._.newsgraph_dateline"],
    requires=["doc.ents", "doc._.newsgraph_actors"],
)
def make_place_finder(nlp: Language, name: str) -> PlaceFinder:
    """Toponyms resolved with the offline gazetteer (knowledge/gazetteer.py), which loads
    once per process on the first article."""
    return PlaceFinder(nlp)


@Language.factory(
    "newsgraph_quotes",
    assigns=["doc._.newsgraph_quotes", "doc._.newsgraph_sources"],
    requires=["doc._.newsgraph_actors", "doc._.newsgraph_coref", "token.dep"],
    default_config={
        "min_quotation_probability": MIN_QUOTATION_PROBABILITY,
        "min_indirect_probability": MIN_INDIRECT_PROBABILITY,
    },
)
def make_quote_finder(
    nlp: Language, name: str, min_quotation_probability: float, min_indirect_probability: float
) -> QuoteFinder:
    """The attribution model's thresholds trade precision for recall: raise
    `min_indirect_probability` for fewer, surer reports of indirect speech (README, "Measured")."""
    return QuoteFinder(min_quotation_probability, min_indirect_probability)


@Language.factory(
    "newsgraph_events",
    default_config={"lexicon": None},
    assigns=["doc._.newsgraph_events"],
    requires=[
        "doc._.newsgraph_actors",
        "doc._.newsgraph_coref",
        "doc._.newsgraph_times",
        "doc._.newsgraph_quotes",
        "token.dep",
        "token.lemma",
    ],
)
def make_event_coder(nlp: Language, name: str, lexicon: str | None) -> EventCoder:
    """`lexicon`: the path of your own PLOVER triggers (plover.tsv's format), added to the
    shipped ones and preferred to them: nlp.add_pipe("newsgraph_events",
    config={"lexicon": "my_triggers.tsv"})."""
    return EventCoder(lexicon)
