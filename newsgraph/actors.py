"""Actors of one article: named entities consolidated into one record per real-world actor.

spaCy's small model tags each mention on its own; an article, read whole, says more. Here
mentions are cleaned (spans trimmed, non-actors dropped), normalised with the shipped
knowledge (countries, demonyms, capitals used as governments, IGOs), clustered (one actor
however often and however named), typed by a vote across the cluster, and recovered where
the tagger missed a later occurrence of a name it found elsewhere.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from newsgraph import knowledge
from newsgraph.knowledge.gazetteer import LARGE_CITY, country_of_place, places_named

# spaCy labels that can name an actor; the rest (DATE, LAW, PRODUCT…) never do.
ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
# Tokens that may lead a name span but are not part of the name.
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "rev"}
# Dependencies under which a word modifies a noun rather than naming an actor.
MODIFIER_DEPS = {"amod", "compound", "nmod"}
ETHNIC = {"ethnic"}
PRONOUN_LIKE = {"i", "we", "you", "he", "she", "it", "they", "me", "us", "him", "her", "them"}


@dataclass(slots=True)
class NameMention:
    """A name-like span of the article before clustering (token offsets)."""

    start: int
    end: int
    label: str
    key: str | None = None  # knowledge identity: "C:USA", "O:IGONAT", "U:<name>"
    form: str = "name"  # name | demonym | capital | metonym | recovered
    sector: str | None = None


@dataclass(slots=True)
class MentionRecord:
    start: int  # character offsets
    end: int
    text: str
    kind: str  # name | pronoun | nominal
    label: str | None = None  # the tagger's label for names (NORP for demonyms)


@dataclass(slots=True)
class RoleRecord:
    title: str | None
    affiliation: str | None
    affiliation_actor: str | None
    sector: str | None = None
    former: bool = False
    incoming: bool = False
    start: int | None = None
    end: int | None = None


@dataclass(slots=True)
class ActorRecord:
    id: str
    name: str
    type: str
    key: str
    country: str | None = None
    sector: str | None = None
    mentions: list[MentionRecord] = field(default_factory=list)
    roles: list[RoleRecord] = field(default_factory=list)
    name_tokens: tuple[str, ...] = ()
    confidence: float = 1.0
    anonymous: bool = False  # an unnamed source of a quotation ('a senior official')

    def add_mention(self, mention: MentionRecord) -> None:
        if not any(m.start == mention.start and m.end == mention.end for m in self.mentions):
            self.mentions.append(mention)


class KnowledgeMatcher:
    """Phrase matchers over the shipped knowledge, built once per vocabulary."""

    def __init__(self, nlp: Language) -> None:
        self.generation = knowledge.user_dictionary_generation()
        self.names = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.titles = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.regions = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.label_of: dict[int, tuple[str, str, str, str | None]] = {}
        entries: list[
            tuple[str, str, str, str, str | None]
        ] = []  # phrase, label, key, form, sector
        demonyms_seen: set[str] = set()
        for country in knowledge.countries():
            key = f"C:{country.code}"
            for phrase in (country.name, *country.aliases):
                entries.append((phrase, "GPE", key, "name", None))
            for phrase in country.demonyms:
                if phrase not in demonyms_seen:  # 'Congolese': the first country listed
                    demonyms_seen.add(phrase)
                    entries.append((phrase, "NORP", key, "demonym", None))
            for phrase in country.capitals:
                entries.append((phrase, "GPE", key, "capital", None))
        for org in knowledge.organizations():
            for phrase in (org.name, *org.aliases):
                sector = "NGO" if org.plover == "NGO" else "IGO"
                entries.append((phrase, "ORG", f"O:{org.code}", "name", sector))
        for group in knowledge.groups():
            key = f"G:{group.country}:{group.name}"
            for phrase in (group.name, *group.aliases):
                entries.append((phrase, "ORG", key, "name", group.sector))
        for meto in knowledge.metonyms():
            entries.append((meto.name, "ORG", f"C:{meto.country}", "metonym", meto.sector))
        for user in knowledge.user_actors():
            for phrase in (user.name, *user.aliases):
                entries.append((phrase, user.type, f"U:{user.name}", "name", user.sector))
        for phrase, label, key, form, sector in entries:
            if not phrase or phrase.startswith("the "):
                phrase = phrase[4:] if phrase.startswith("the ") else phrase
            if not phrase:
                continue
            match_key = f"{label}|{key}|{form}|{sector or ''}"
            self.label_of[nlp.vocab.strings.add(match_key)] = (label, key, form, sector)
            self.names.add(match_key, [nlp.make_doc(phrase)])
        for phrase, _title in knowledge.title_phrases():
            self.titles.add("TITLE", [nlp.make_doc(phrase)])
        for region in knowledge.regions():
            self.regions.add("REGION", [nlp.make_doc(r) for r in (region.name, *region.aliases)])

    def knowledge_spans(self, doc: Doc) -> list[NameMention]:
        found = []
        for match_id, start, end in self.names(doc):
            label, key, form, sector = self.label_of[match_id]
            if form in {"name", "capital"} and not _looks_like_name(doc[start:end]):
                continue
            found.append(NameMention(start, end, label, key, form, sector))
        return longest_first(found)

    def title_spans(self, doc: Doc) -> list[Span]:
        spans = [doc[s:e] for _, s, e in self.titles(doc)]
        return _longest_spans(spans)

    def region_spans(self, doc: Doc) -> list[Span]:
        return [doc[s:e] for _, s, e in self.regions(doc)]


def _looks_like_name(span: Span) -> bool:
    """'US' the country, not 'us' the pronoun: names are capitalised as written."""
    first = span[0].text
    return first[:1].isupper() or first[:1].isdigit()


def longest_first(mentions: list[NameMention]) -> list[NameMention]:
    mentions.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[NameMention] = []
    taken: set[int] = set()
    for m in sorted(mentions, key=lambda m: -(m.end - m.start)):
        if not taken.intersection(range(m.start, m.end)):
            kept.append(m)
            taken.update(range(m.start, m.end))
    return sorted(kept, key=lambda m: m.start)


def _longest_spans(spans: list[Span]) -> list[Span]:
    kept: list[Span] = []
    taken: set[int] = set()
    for span in sorted(spans, key=lambda s: -len(s)):
        if not taken.intersection(range(span.start, span.end)):
            kept.append(span)
            taken.update(range(span.start, span.end))
    return sorted(kept, key=lambda s: s.start)


def trim_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Cut what the tagger swallowed: a leading verb or article ('Highlighting NATO's'),
    honorifics, and trailing possessives or punctuation."""
    while start < end:
        tok = doc[start]
        if tok.pos_ in {"VERB", "AUX", "ADP", "DET", "PRON", "PUNCT", "SCONJ", "CCONJ", "ADV"}:
            start += 1
        elif tok.lower_.rstrip(".") in HONORIFICS and end - start > 1:
            start += 1
        elif tok.text.startswith("\n") or tok.is_space:
            start += 1
        else:
            break
    while end > start:
        tok = doc[end - 1]
        if tok.text in {"'s", "'", "’s", "’"} or tok.is_punct or tok.is_space or tok.like_num:
            end -= 1
        else:
            break
    # A span never crosses a line: headings and paragraphs are separate.
    for i in range(start, end):
        if "\n" in doc[i].text or (i > start and "\n" in doc[i - 1].whitespace_):
            end = i
            break
    return start, end


def _inside(start: int, end: int, spans: Iterable[Span]) -> bool:
    return any(s.start <= start and end <= s.end for s in spans)


def _is_modifier(doc: Doc, start: int, end: int) -> bool:
    """'Indo-Pacific nations', 'Euro-Atlantic, Indo-Pacific and Middle East regions': the
    span only qualifies a common noun (directly or through a coordination)."""
    head = doc[start:end].root
    while head.dep_ == "conj":
        head = head.head
    return head.dep_ in MODIFIER_DEPS and head.head.pos_ == "NOUN"


def candidate_mentions(
    doc: Doc, matcher: KnowledgeMatcher, titles: list[Span]
) -> list[NameMention]:
    """Name mentions from the tagger and the knowledge, cleaned and de-overlapped."""
    regions = matcher.region_spans(doc)
    from_knowledge = matcher.knowledge_spans(doc)
    candidates: list[NameMention] = []
    for ent in doc.ents:
        if ent.label_ not in ACTOR_LABELS:
            # The tagger's odd labels ('the Euro-Atlantic' LAW) may still cover a known name.
            continue
        start, end = trim_span(doc, ent.start, ent.end)
        text = doc[start:end].text
        if start >= end or text.lower() in PRONOUN_LIKE or not any(c.isalpha() for c in text):
            continue
        candidates.append(NameMention(start, end, ent.label_))
    mentions: list[NameMention] = []
    for cand in candidates:
        # Overlaps with the knowledge are settled later, longest span first ('Bank of
        # Canada' over 'Canada'); on the same span the knowledge wins.
        if _joins_known_names(doc, cand, from_knowledge):
            continue  # 'the Armenia-Azerbaijan border': two countries, not one organisation
        if cand.label == "ORG":
            _qualify_organization(doc, cand, from_knowledge)
        if cand.key is None and cand.label in {"GPE", "ORG", "LOC"}:
            cand.key = _knowledge_key(doc[cand.start : cand.end].text)  # 'NEW ZEALAND'
        if _inside(cand.start, cand.end, titles):  # 'State' of 'Secretary of State'
            continue
        if cand.label == "NORP" and doc[cand.start : cand.end].root.dep_ == "amod":
            continue  # 'the European side': a qualifier, not an actor
        if _inside(cand.start, cand.end, regions) and _is_modifier(doc, cand.start, cand.end):
            continue
        if _is_dateline(doc, cand.start, cand.end):
            continue
        mentions.append(cand)
    # 'Michael Jordan … Jordan scored': once a person is named, the surname is that person.
    surnames = {
        doc[c.end - 1].text
        for c in candidates
        if c.label == "PERSON" and c.end - c.start > 1 and not doc[c.start : c.end].text.isupper()
    }
    for known in from_knowledge:
        if _inside(known.start, known.end, titles) and known.form != "demonym":
            continue
        if known.end - known.start == 1 and doc[known.start].text in surnames:
            mentions.append(NameMention(known.start, known.end, "PERSON"))
            continue
        if known.form == "demonym" and known.start > 0 and doc[known.start - 1].lower_ in ETHNIC:
            # 'ethnic Albanians in Macedonia': a people, not the state its name recalls; CAMEO
            # codes such a group with the country it lives in (set from the places around).
            mentions.append(NameMention(known.start, known.end, "NORP", "E:" + known.key[2:]))
            continue
        if known.form == "capital" and not _acts_as_government(doc, known):
            # 'in Brussels' is a place: kept as a city actor of its own, not the government.
            mentions.append(
                NameMention(
                    known.start,
                    known.end,
                    "GPE",
                    f"P:{known.key[2:]}:" + doc[known.start : known.end].text,
                )
            )
            continue
        mentions.append(known)
    mentions.extend(_titled_names(doc, titles, mentions))
    for region in regions:
        if any(m.start < region.end and region.start < m.end for m in mentions):
            continue
        if not _is_modifier(doc, region.start, region.end) and region.root.dep_ == "nsubj":
            mentions.append(NameMention(region.start, region.end, "LOC"))
    return sorted(_drop_overlaps(mentions), key=lambda m: m.start)


def _joins_known_names(doc: Doc, cand: NameMention, known: list[NameMention]) -> bool:
    inside = [k for k in known if cand.start <= k.start and k.end <= cand.end]
    if len(inside) < 2:
        return False
    covered = {i for k in inside for i in range(k.start, k.end)}
    rest = [doc[i] for i in range(cand.start, cand.end) if i not in covered]
    return all(t.is_punct or t.pos_ == "CCONJ" for t in rest)


def _knowledge_key(text: str) -> str | None:
    country = knowledge.country_by_name(text)
    if country is not None:
        return f"C:{country.code}"
    org = knowledge.organization_by_name(text)
    return f"O:{org.code}" if org is not None else None


def _qualify_organization(doc: Doc, cand: NameMention, known: list[NameMention]) -> None:
    """'the Armenian Defence Ministry', 'Azerbaijan's Defence Ministry': two ministries, one
    name. The country in or just before the name is part of the organisation's identity."""
    country = next(
        (
            k
            for k in known
            if k.key
            and k.key.startswith("C:")
            and k.start == cand.start
            and k.end < cand.end
            and k.form in {"name", "demonym"}
        ),
        None,
    )
    if country is not None and not (doc[country.end - 1].whitespace_ and doc[country.end].is_title):
        return  # 'Armenia-Azerbaijan border': a compound of places, not a named body
    rest_start = country.end if country else cand.start
    if country is None:
        before = cand.start - 1
        if before >= 1 and doc[before].text in {"'s", "’s", "'"}:
            before -= 1
        country = next(
            (
                k
                for k in known
                if k.key
                and k.key.startswith("C:")
                and k.end == before + 1
                and k.form in {"name", "demonym"}
            ),
            None,
        )
    if country is not None:
        rest = doc[rest_start : cand.end].text
        cand.key = f"Q:{country.key[2:]}:{rest}"


def _is_dateline(doc: Doc, start: int, end: int) -> bool:
    """'YEREVAN, Armenia —', 'OTTAWA (Reuters) -': the place a story was filed from."""
    at_line_start = start == 0 or "\n" in doc[start - 1].whitespace_ or "\n" in doc[start - 1].text
    after = doc[end].text if end < len(doc) else ""
    return at_line_start and doc[start:end].text.isupper() and after in {",", "—", "-", "–", "("}


def _titled_names(doc: Doc, titles: list[Span], found: list[NameMention]) -> list[NameMention]:
    """People the tagger missed but a title introduces: 'Minister Teresa Ruiz', 'Spain's
    Minister of Ecological Transition, Teresa Ruiz,'."""
    taken = {i for m in found for i in range(m.start, m.end)}
    names = []
    for title in titles:
        start = title.end
        if (
            start < len(doc)
            and doc[start].text == ","
            and doc[start].head.i in range(title.start, title.end)
        ):
            start += 1
        end = start
        while (
            end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title and end not in taken
        ):
            end += 1
        if end - start < 2:
            # 'Spain's Minister of Ecological Transition, Teresa Ruiz,': the appositive.
            appos = [c for c in title.root.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
            if not appos:
                continue
            start, end = appos[0].left_edge.i, appos[0].i + 1
        span = doc[start:end]
        if (
            end - start >= 2
            and all(t.pos_ == "PROPN" and t.is_title for t in span)
            and not any(i in taken for i in range(start, end))
        ):
            names.append(NameMention(start, end, "PERSON"))
            taken.update(range(start, end))
    return names


def _drop_overlaps(mentions: list[NameMention]) -> list[NameMention]:
    kept: list[NameMention] = []
    taken: set[int] = set()
    # Knowledge-backed spans win over bare tagger spans of the same size.
    for m in sorted(mentions, key=lambda m: (-(m.end - m.start), m.key is None)):
        if not taken.intersection(range(m.start, m.end)):
            kept.append(m)
            taken.update(range(m.start, m.end))
    return kept


def _acts_as_government(doc: Doc, mention: NameMention) -> bool:
    """'Washington warned', 'Moscow's response', 'talks between Kyiv and Moscow'."""
    root = doc[mention.start : mention.end].root
    while root.dep_ == "conj":
        root = root.head
    if root.dep_ in {"nsubj", "nsubjpass", "poss", "dobj", "agent"}:
        return True
    # 'between Kyiv and Moscow', 'with Beijing': an interlocutor, not a location.
    return root.dep_ == "pobj" and root.head.lower_ in {"between", "with", "against"}


def _name_tokens(doc: Doc, mention: NameMention) -> tuple[str, ...]:
    return tuple(t.text for t in doc[mention.start : mention.end] if not t.is_punct)


def _normal(text: str) -> str:
    return re.sub(r"[^\w]+", " ", text.lower()).strip()


def _acronym(tokens: tuple[str, ...]) -> str:
    return "".join(t[0] for t in tokens if t[:1].isupper())


def cluster_mentions(doc: Doc, mentions: list[NameMention]) -> list[list[NameMention]]:
    """Group mentions of the same actor: knowledge identity first, then names (a surname
    joins the full name it abbreviates; an acronym joins the name it stands for)."""
    by_key: dict[str, list[NameMention]] = {}
    unkeyed: list[NameMention] = []
    for m in mentions:
        if m.key:
            by_key.setdefault(m.key, []).append(m)
        else:
            unkeyed.append(m)
    clusters = list(by_key.values())
    named: list[tuple[tuple[str, ...], list[NameMention]]] = []
    # Longest names first, so 'Antony Blinken' exists before 'Blinken' looks for it.
    for m in sorted(unkeyed, key=lambda m: (-(m.end - m.start), m.start)):
        tokens = _name_tokens(doc, m)
        target = _find_cluster(tokens, m, named, doc)
        if target is None:
            named.append((tokens, [m]))
        else:
            target.append(m)
    clusters.extend(c for _, c in named)
    return clusters


def _find_cluster(tokens, mention, named, doc):
    norm = _normal(" ".join(tokens))
    candidates = []
    for full, members in named:
        full_norm = _normal(" ".join(full))
        if norm == full_norm:
            return members
        if len(tokens) < len(full) and _is_sub_name(tokens, full, members, mention):
            candidates.append(members)
        elif len(tokens) == 1 and tokens[0].isupper() and len(tokens[0]) > 1:
            if _acronym(full) == tokens[0]:
                candidates.append(members)
    if not candidates:
        return None
    # Two Bidens: the surname goes to the one named most recently before it.
    before = [c for c in candidates if min(m.start for m in c) < mention.start]
    pool = before or candidates
    return max(pool, key=lambda c: max((m.start for m in c if m.start < mention.start), default=-1))


def _is_sub_name(tokens, full, members, mention) -> bool:
    """'Blinken' in 'Antony Blinken'; 'Rutte' in 'Mark Rutte'; for organisations, a
    contiguous part ('Reuters' in 'Thomson Reuters') only when typed alike."""
    full_labels = Counter(m.label for m in members)
    is_person = full_labels.most_common(1)[0][0] == "PERSON"
    if is_person:
        if len(tokens) == 1:
            return tokens[0] in (full[-1], full[0]) and len(tokens[0]) > 1
        return tuple(full[-len(tokens) :]) == tuple(tokens)
    if mention.label != full_labels.most_common(1)[0][0]:
        return False
    n = len(tokens)
    return any(tuple(full[i : i + n]) == tuple(tokens) for i in range(len(full) - n + 1))


def vote_type(doc: Doc, members: list[NameMention], title_ends: set[int] = frozenset()) -> str:
    """One mis-typed mention ('Trump' tagged ORG) does not mistype the actor: the labels of
    all mentions vote, the full-name forms count double, knowledge overrides."""
    keyed = next((m.key for m in members if m.key), None)
    if keyed and keyed.startswith("C:"):
        return "GPE"
    if keyed and keyed.startswith("O:"):
        return "ORG"
    votes: Counter[str] = Counter()
    longest = max(m.end - m.start for m in members)
    for m in members:
        weight = 2 if (m.end - m.start) == longest and longest > 1 else 1
        votes[m.label] += weight
        if m.start in title_ends:  # 'President Isabel Cortes' is a person whatever the tag
            votes["PERSON"] += 3
    label = votes.most_common(1)[0][0]
    return {"FAC": "LOC"}.get(label, label) if label in ACTOR_LABELS else "OTHER"


def canonical_name(doc: Doc, members: list[NameMention]) -> str:
    keyed = next((m.key for m in members if m.key), None)
    if keyed and keyed.startswith("C:"):
        country = knowledge.country_by_code(keyed[2:])
        if country:
            return country.name
    if keyed and keyed.startswith("O:"):
        org = knowledge.organization_by_code(keyed[2:])
        if org:
            return org.name
    if keyed and keyed.startswith("U:"):
        return keyed[2:]
    if keyed and keyed.startswith(("P:", "G:")):
        return keyed.split(":", 2)[2]
    if keyed and keyed.startswith("Q:"):
        _, code, rest = keyed.split(":", 2)
        written = [
            doc[m.start : m.end].text for m in members if m.end - m.start > len(rest.split())
        ]
        if written:  # the country is part of the name as written: 'U.S. Federal Reserve'
            return max(written, key=len)
        country = knowledge.country_by_code(code)
        qualifier = (country.demonyms or (country.name,))[0] if country else code
        return f"{qualifier} {rest}"
    forms = Counter(doc[m.start : m.end].text for m in members)
    return max(forms, key=lambda f: (len(f.split()), forms[f], -len(f)))


def recover_mentions(doc: Doc, actors: list[ActorRecord], taken: set[int]) -> None:
    """Later occurrences of a name that the tagger found elsewhere in the article."""
    forms: dict[tuple[str, ...], ActorRecord] = {}
    for actor in actors:
        if actor.type not in {"PERSON", "ORG"} or actor.key.startswith(("C:", "O:")):
            continue
        for m in actor.mentions:
            toks = tuple(m.text.split())
            if toks and all(t[:1].isupper() for t in toks) and len(m.text) > 2:
                forms.setdefault(toks, actor)
        surname = actor.name_tokens[-1] if actor.name_tokens else ""
        if actor.type == "PERSON" and len(actor.name_tokens) > 1 and surname.istitle():
            forms.setdefault((surname,), actor)
    if not forms:
        return
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for form in sorted(forms, key=len, reverse=True):  # longest form first
        by_first.setdefault(form[0], []).append(form)
    words = [t.text for t in doc]
    i = 0
    while i < len(words):
        for form in by_first.get(words[i], ()):
            n = len(form)
            if tuple(words[i : i + n]) != form or taken.intersection(range(i, i + n)):
                continue
            actor = forms[form]
            if n == 1 and doc[i].is_sent_start and doc[i].pos_ != "PROPN":
                # A capitalised first word may be a common word, unless it is the surname
                # of a person the article has named in full.
                if actor.type != "PERSON" or form[0] != actor.name_tokens[-1]:
                    continue
            span = doc[i : i + n]
            actor.add_mention(
                MentionRecord(span.start_char, span.end_char, span.text, "name", actor.type)
            )
            taken.update(range(i, i + n))
            i += n - 1
            break
        i += 1


def build_actors(doc: Doc, matcher: KnowledgeMatcher, titles: list[Span]) -> list[ActorRecord]:
    mentions = candidate_mentions(doc, matcher, titles)
    title_ends = {t.end for t in titles}
    clusters = cluster_mentions(doc, mentions)
    actors: list[ActorRecord] = []
    taken: set[int] = set()
    for members in clusters:
        members.sort(key=lambda m: m.start)
        actor_type = vote_type(doc, members, title_ends)
        key = next((m.key for m in members if m.key), None) or f"N:{canonical_name(doc, members)}"
        actor = ActorRecord(
            id="",
            name=canonical_name(doc, members),
            type=actor_type,
            key=key,
            country=_country_of_key(key),
            sector=next((m.sector for m in members if m.sector), None),
        )
        if key.startswith("U:"):
            user = knowledge.user_actor(key[2:])
            if user:
                actor.country, actor.sector = user.country, user.sector
        actor.name_tokens = tuple(actor.name.split())
        for m in members:
            span = doc[m.start : m.end]
            label = "NORP" if m.form == "demonym" else m.label
            actor.mentions.append(
                MentionRecord(span.start_char, span.end_char, span.text, "name", label)
            )
            taken.update(range(m.start, m.end))
        actors.append(actor)
    recover_mentions(doc, actors, taken)
    _set_org_country(doc, actors)
    _set_place_country(doc, actors)
    for actor in actors:  # "Putin said": a leader news names without his country
        found = knowledge.leader(actor.name) if actor.type == "PERSON" else None
        if found is not None and actor.country is None:
            actor.country, actor.sector = found.country, actor.sector or found.sector
    for actor in actors:
        actor.confidence = _confidence(actor)
    for actor in actors:
        actor.mentions.sort(key=lambda m: m.start)
    actors.sort(key=lambda a: a.mentions[0].start)
    for n, actor in enumerate(actors, 1):
        actor.id = f"a{n}"
    return actors


def _confidence(actor: ActorRecord) -> float:
    """Known to the shipped knowledge: near certain. Otherwise the tagger's word, firmer the
    more often (and the more consistently typed) the article names the actor."""
    if actor.key.startswith(("C:", "O:", "U:", "G:")):
        return 0.98
    names = [m for m in actor.mentions if m.kind == "name"]
    agreeing = sum(1 for m in names if m.label == actor.type) / max(1, len(names))
    return round(min(0.95, 0.55 + 0.1 * len(names)) * (0.7 + 0.3 * agreeing), 3)


def _country_of_key(key: str) -> str | None:
    """'C:USA' and 'O:IGOWSTNAT' are their own codes; a capital named as a place
    ('P:BEL:Brussels') lies in its country."""
    if key.startswith(("C:", "O:")):
        return key[2:]
    if key.startswith(("P:", "Q:", "G:")):
        return key.split(":")[1]
    return None


def _set_org_country(doc: Doc, actors: list[ActorRecord]) -> None:
    """'the Russian Defence Ministry' → RUS, GOV: a country or demonym inside an
    organisation's name gives its country; its head noun gives its sector."""
    for actor in actors:
        if actor.type != "ORG":
            continue
        if actor.country is None and actor.key == "N:Security Council":
            # Unqualified, the Security Council of world news is the UN's; a national one is
            # written with its country ('Armenia's Security Council' keys as Q:ARM:…).
            un = knowledge.organization_by_name("UN Security Council")
            actor.country, actor.sector = (un.code, "IGO") if un else (None, None)
        for word in () if actor.country else actor.name_tokens:
            country = (
                knowledge.country_by_name(word)
                or knowledge.country_by_demonym(word)
                or knowledge.country_by_capital(word)
            )
            if country:
                actor.country = country.code
                break
        # 'Lagos State Government', 'Sydney Morning Herald': a large city opening the name.
        first = actor.name_tokens[0] if actor.name_tokens else ""
        places = places_named(first) if actor.country is None and first[:1].isupper() else ()
        if places and places[0].population >= LARGE_CITY:
            if len({p.country for p in places if p.population >= LARGE_CITY}) == 1:
                country = knowledge.country_by_code(places[0].country)
                actor.country = country.code if country else None
        if actor.sector is None and actor.name_tokens:
            nominal = knowledge.nominal(actor.name_tokens[-1].lower())
            actor.sector = nominal.sector if nominal else None


PLACE_TYPES = {"GPE", "LOC", "FAC"}
# Words that make an unknown organisation's name international rather than national:
# such an organisation takes no country from the places around it.
INTERNATIONAL_WORDS = {
    "international", "world", "global", "inter", "african", "european", "asian", "arab",
    "american", "americas", "pacific", "atlantic", "forum",
}  # fmt: skip


def _national_code(code: str | None) -> str | None:
    """A country's own code ('NGA'), not an organisation's ('IGOUNO', 'NGOHRIAMN')."""
    country = knowledge.country_by_code(code) if code and len(code) == 3 else None
    return country.code if country else None


LOCATIVE_PREPOSITIONS = {"in", "near", "outside", "through", "across", "around", "inside"}


def _always_a_place(doc: Doc, actor: ActorRecord) -> bool:
    """Every mention of the name is the object of 'in', 'near', 'through'…: a place,
    whatever the tagger said ('protesters in Hyderabad' read as an organisation)."""
    spans = [doc.char_span(m.start, m.end, alignment_mode="expand") for m in actor.mentions]
    return bool(spans) and all(
        span is not None
        and span.root.dep_ == "pobj"
        and span.root.head.lower_ in LOCATIVE_PREPOSITIONS
        for span in spans
    )


# Generic words that follow a place's name: "Idlib province", "Kirkuk region".
PLACE_WORDS = {"province", "region", "district", "state", "county", "governorate", "city"}


def _set_place_country(doc: Doc, actors: list[ActorRecord]) -> None:
    """'Lagos' → NGA, 'Texas' → USA: a city or US state the shipped gazetteer knows lies in
    its country. Among namesakes ('Tripoli'), the one in a country the article names wins."""
    named = {c for a in actors if (c := _national_code(a.country))}
    regions = {n.lower() for r in knowledge.regions() for n in (r.name, *r.aliases)}
    for actor in actors:
        if actor.country or not actor.key.startswith("N:") or actor.name.lower() in regions:
            continue  # 'Asia' is a continent, not the village of that name
        if actor.type not in PLACE_TYPES and (
            actor.type == "NORP" or not _always_a_place(doc, actor)
        ):
            continue  # 'in Catalan' is a language
        names = [actor.name, *(m.text for m in actor.mentions if m.kind == "name")]
        # "Idlib province", "Montenegro province": the name without its generic word.
        names += [n.rsplit(" ", 1)[0] for n in names if n.rsplit(" ", 1)[-1] in PLACE_WORDS]
        for name in dict.fromkeys(names):
            country = knowledge.country_by_name(name)
            if country is not None and name != actor.name:
                actor.country = country.code
                break
            code = country_of_place(name, named)
            country = knowledge.country_by_code(code) if code else None
            if country is not None:
                actor.country = country.code
                actor.type = actor.type if actor.type in PLACE_TYPES else "GPE"
                break


# Heads of the names of political, armed and public bodies, which are national unless their
# name says otherwise; a company's name has none of them.
POLITICAL_HEADS = {
    "party", "movement", "front", "union", "council", "committee", "league", "congress",
    "assembly", "army", "brigade", "brigades", "rebels", "forces", "guard", "government",
    "ministry", "commission", "parliament", "court", "police", "militia", "coalition",
    "alliance", "tigers", "jihad", "resistance", "liberation", "opposition", "junta",
}  # fmt: skip
NGO_CODE = "NGO"  # CAMEO's code for a non-governmental organisation of no one country
COMPASS_WORDS = {"northern", "southern", "eastern", "western", "central"}


def _heads_an_organisation(title: str) -> bool:
    found = knowledge.title_by_phrase(title)
    return found is not None and found.kind == "org_head"


def _nearest_country(
    doc: Doc, actor: ActorRecord, at: list[tuple[int, str]], sentence_of: dict[int, int]
) -> str | None:
    """The country named nearest the actor's first name mention in its sentence, if one is
    nearer than any other."""
    m = next((m for m in actor.mentions if m.kind == "name"), None)
    span = doc.char_span(m.start, m.end, alignment_mode="expand") if m else None
    if span is None:
        return None
    here = sentence_of[span.start]
    ranked = sorted(
        (min(abs(i - span.start), abs(i - (span.end - 1))), code)
        for i, code in at
        if sentence_of.get(i) == here
    )
    if not ranked or (
        len(ranked) > 1 and ranked[0][0] == ranked[1][0] and ranked[0][1] != ranked[1][1]
    ):
        return None
    return ranked[0][1]


def set_context_countries(doc: Doc, actors: list[ActorRecord]) -> None:
    """A person or national organisation whose country nothing names takes the country of
    the places around it: when the sentences that name it name places of exactly one
    country ('Opposition groups in Zimbabwe want President Mugabe to …' → ZWE; a rally in
    Lagos → NGA). Two countries there, or none, and it keeps no country. Run after roles
    (a title's affiliation is firmer evidence)."""
    sentence_of = {}
    for n, sent in enumerate(doc.sents):
        sentence_of.update((i, n) for i in range(sent.start, sent.end))
    regions = {n.lower() for r in knowledge.regions() for n in (r.name, *r.aliases)}
    places: dict[int, set[str]] = {}
    at: list[tuple[int, str]] = []  # (token, country) of every such mention
    for actor in actors:  # every actor of a known country counts: 'the Canadian Service'
        code = _national_code(actor.country)
        for m in actor.mentions if code else ():
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:
                places.setdefault(sentence_of[span.start], set()).add(code)
                at.append((span.root.i, code))
    for actor in actors:
        if actor.country or not (
            actor.type in {"PERSON", "ORG"}
            # 'the Chapare region', 'Darfur': a place the gazetteer does not know (not a
            # world region: 'the Middle East' lies in no one country)
            or (
                actor.type in PLACE_TYPES
                and actor.key.startswith("N:")
                and actor.name.lower() not in regions
            )
            or actor.key.startswith("E:")
            or (actor.type == "NORP" and actor.key.startswith("N:"))  # 'Moslem forces in Bosnia'
        ):
            continue
        words = actor.name.replace("-", " ").replace("'", " ").lower().split()
        for m in actor.mentions:  # 'the Umma party', 'the Likud party': the noun it names
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and span.end < len(doc) and span.root.head.i >= span.end:
                words.append(span.root.head.lower_)
        if actor.type == "ORG" and INTERNATIONAL_WORDS.intersection(words):
            # 'the Association of African Jurists', 'the Third World Water Forum': a body the
            # knowledge does not list, named as international, is coded as CAMEO codes
            # non-governmental organisations.
            actor.country = NGO_CODE
            continue
        if actor.type == "ORG" and not POLITICAL_HEADS.intersection(words):
            continue  # 'Boeing', 'Hyundai' in a sentence about China are not Chinese
        if actor.type == "NORP" and set(words) <= COMPASS_WORDS:
            continue  # 'Southern'
        if any(r.affiliation_actor for r in actor.roles) or (
            actor.roles and all(_heads_an_organisation(r.title) for r in actor.roles)
        ):
            continue  # 'Hyundai chairman Chung', 'chairman Chung': his organisation's country
        found: set[str] = set()
        for m in actor.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and m.kind == "name":
                found |= places.get(sentence_of[span.start], set())
        if len(found) == 1:
            actor.country = found.pop()
        elif len(found) > 1 and (
            (actor.type == "PERSON" and actor.roles) or actor.type in PLACE_TYPES | {"NORP"}
        ):
            # 'An Argentine judge ordered former president Carlos Menem to …, arms sales
            # to Croatia and Ecuador': an office holder serves the country named nearest;
            # 'ethnic Serbs … in Croatia's Krajina, near the Bosnian border': a people no
            # knowledge places lives in the country named nearest (as CAMEO codes it); so
            # does a place the gazetteer does not know.
            actor.country = _nearest_country(doc, actor, at, sentence_of)
