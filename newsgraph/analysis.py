"""One article in, one `Analysis` out: runs the pipeline and builds the contract."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Iterator
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.article import Article, check_text, parse_published
from newsgraph.components import register_extensions
from newsgraph.events import EventRecord
from newsgraph.pipeline import load_pipeline, model_label
from newsgraph.places import Dateline as DatelineRecord
from newsgraph.places import PlaceRecord
from newsgraph.quotes import QuoteRecord
from newsgraph.schema import (
    Actor,
    Analysis,
    ArticleInfo,
    Dateline,
    Event,
    Mention,
    Place,
    Quote,
    Role,
    Span,
)

Record = TypeVar("Record", Quote, Event)


def _as_article(item: str | Article) -> Article:
    return item if isinstance(item, Article) else Article(text=item)


def _make_doc(nlp: Language, article: Article) -> Doc:
    register_extensions()
    doc = nlp.make_doc(check_text(article.text))
    doc._.newsgraph_published = article.published
    return doc


def analyze(
    text: str,
    published: str | dt.date | None = None,
    title: str | None = None,
    *,
    nlp: Language | None = None,
) -> Analysis:
    """Analyse one article. `published` (YYYY-MM-DD) anchors relative dates ("Wednesday")."""
    article = Article(text=text, title=title, published=parse_published(published))
    return next(analyze_many([article], nlp=nlp))


def analyze_many(
    items: Iterable[str | Article],
    *,
    n_process: int = 1,
    batch_size: int = 64,
    nlp: Language | None = None,
) -> Iterator[Analysis]:
    """Analyse many articles with `nlp.pipe`, yielding one Analysis per article, in order.

    An article that cannot be analysed (empty, binary, too large) raises InputError when
    reached; callers that must go on use `newsgraph.batch` helpers or catch per item.
    """
    if n_process > 1:
        yield from _analyze_in_processes(items, n_process, batch_size, nlp)
        return
    nlp = nlp or load_pipeline()
    label = model_label(nlp)
    articles: dict[int, Article] = {}

    def docs() -> Iterator[tuple[Doc, int]]:
        for position, item in enumerate(items):
            article = _as_article(item)
            articles[position] = article
            yield _make_doc(nlp, article), position

    for doc, position in nlp.pipe(docs(), as_tuples=True, batch_size=batch_size):
        yield build_analysis(doc, articles.pop(position), label)


def _worker_analyze(batch: list[Article], model: str | None) -> list[Analysis]:
    nlp = load_pipeline(model)
    return list(analyze_many(batch, nlp=nlp))


def _analyze_in_processes(
    items: Iterable[str | Article], n_process: int, batch_size: int, nlp: Language | None
) -> Iterator[Analysis]:
    """Each worker loads the pipeline once and returns finished Analyses: custom Doc
    attributes do not survive spaCy's own multiprocessing, the Analysis does (it pickles)."""
    from concurrent.futures import ProcessPoolExecutor

    from spacy.util import minibatch

    model = None
    if nlp is not None:
        model = nlp.meta.get("lang", "en") + "_" + nlp.meta.get("name", "")
    batches = ([_as_article(i) for i in chunk] for chunk in minibatch(items, batch_size))
    with ProcessPoolExecutor(max_workers=n_process) as pool:
        pending = []
        for batch in batches:
            pending.append(pool.submit(_worker_analyze, batch, model))
            if len(pending) >= 2 * n_process:
                yield from pending.pop(0).result()
        for future in pending:
            yield from future.result()


def build_analysis(doc: Doc, article: Article, model: str | None = None) -> Analysis:
    """The Analysis of a processed Doc: actors with their mentions, roles, coreference."""
    records = [*(doc._.newsgraph_actors or []), *(doc._.newsgraph_sources or [])]
    # Internal records carry the contract's field names: validated from their attributes.
    extra: dict[str, list[Mention]] = {}
    for link in doc._.newsgraph_coref or []:
        for actor_id in link.actor_ids:
            extra.setdefault(actor_id, []).append(
                Mention.model_validate(link, from_attributes=True)
            )
    total = sum(len(r.mentions) + len(extra.get(r.id, [])) for r in records) or 1
    actors = []
    for r in records:
        mentions = [Mention.model_validate(m, from_attributes=True) for m in r.mentions]
        mentions += extra.get(r.id, [])
        mentions.sort(key=lambda m: (m.start, m.end))
        actors.append(
            Actor(
                id=r.id,
                name=r.name,
                type=r.type,
                country=r.country,
                sector=r.sector,
                roles=[Role.model_validate(role, from_attributes=True) for role in r.roles],
                mentions=mentions,
                salience=_salience(mentions, total, len(article.text)),
                confidence=r.confidence,
                anonymous=r.anonymous,
            )
        )
    actors.sort(key=lambda a: -a.salience)
    places: list[PlaceRecord] = doc._.newsgraph_places or []
    line: DatelineRecord | None = doc._.newsgraph_dateline
    return Analysis(
        article=ArticleInfo(
            id=article.article_id,
            title=article.title,
            published=article.published.isoformat() if article.published else None,
            source=article.source,
            url=article.url,
            text_sha256=article.text_sha256,
        ),
        actors=actors,
        quotes=[_quote(n, q) for n, q in enumerate(doc._.newsgraph_quotes or [], 1)],
        events=[
            _event(n, e, _event_place(doc, e, places, line))
            for n, e in enumerate(doc._.newsgraph_events or [], 1)
        ],
        times=list(doc._.newsgraph_times or []),
        places=[Place.model_validate(p, from_attributes=True) for p in places],
        dateline=Dateline.model_validate(line, from_attributes=True) if line else None,
        model=model,
    )


def _numbered(model: type[Record], prefix: str, n: int, record: object, **fields) -> Record:
    """A contract record from an internal one that carries its field names, numbered in
    article order ("q1", "e1"); `fields` give what must be converted."""
    values = {name: getattr(record, name) for name in model.model_fields if name != "id"}
    return model.model_validate({**values, **fields, "id": f"{prefix}{n}"})


def _quote(n: int, q: QuoteRecord) -> Quote:
    mention = q.speaker_mention
    span = Span(start=mention[0], end=mention[1], text=mention[2]) if mention else None
    return _numbered(Quote, "q", n, q, speaker_mention=span)


def _event(n: int, e: EventRecord, place: str | None) -> Event:
    return _numbered(Event, "e", n, e, place=place)


PAST_TAGS = {"VBD", "VBN"}


def _event_place(
    doc: Doc, e: EventRecord, places: list[PlaceRecord], line: DatelineRecord | None
) -> str | None:
    """The place id of an event: the place its sentence says it happened at ("in Brussels");
    else, in a story with a dateline, the dateline's place for an asserted past event whose
    sentence names no place; else none."""
    if e.place_start is not None:
        # The token of "in Brussels", or the name of "in the capital city of Nairobi".
        return next(
            (
                p.id
                for p in places
                for m in p.mentions
                if m.start <= e.place_start < m.end
                or (e.start <= m.start < e.end and m.text == e.place)
            ),
            None,
        )
    if line is None or line.place is None or e.status != "asserted":
        return None
    if any(e.start <= m.start < e.end for p in places for m in p.mentions if m.kind != "demonym"):
        return None  # the sentence names a place but not as where the event happened
    trigger = doc.char_span(e.trigger_start, e.trigger_end, alignment_mode="expand")
    return line.place if trigger is not None and trigger.root.tag_ in PAST_TAGS else None


def _salience(mentions: list[Mention], total: int, length: int) -> float:
    """Share of the article's mentions, boosted when named early (the lede matters most)."""
    share = len(mentions) / total
    first = mentions[0].start / max(1, length) if mentions else 1.0
    return round(min(1.0, math.sqrt(share) * (1.5 - 0.5 * first)), 3)
