"""Roles and affiliations of people, from titles before a name and from appositives.

"US Secretary of State Antony Blinken", "the alliance's Secretary General Mark Rutte",
"Jean Dupont, the French defence minister,", "former President Y", "takes office as US
president". The title comes from the shipped title list; the affiliation is the country,
demonym, organisation or possessor ('NATO's', 'the alliance's') that qualifies the title.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from newsgraph import knowledge
from newsgraph.actors import ActorRecord, RoleRecord

FORMER_WORDS = {"former", "ex", "ex-", "then", "then-", "late", "outgoing"}
INCOMING_WORDS = {"incoming", "new", "designate", "president-elect", "elect"}
# 'takes office as president', 'will become prime minister': the role is still to come.
TAKING_OFFICE = {"take", "become", "succeed", "assume"}
POSSESSIVE = {"'s", "'", "’s", "’"}


def token_actor_index(doc: Doc, actors: list[ActorRecord]) -> dict[int, ActorRecord]:
    """Token index → the actor whose name mention covers it."""
    index: dict[int, ActorRecord] = {}
    for actor in actors:
        for m in actor.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:
                for tok in span:
                    index.setdefault(tok.i, actor)
    return index


def _affiliation_before(
    doc: Doc, pos: int, index: dict[int, ActorRecord], actors: list[ActorRecord]
) -> tuple[ActorRecord | None, int]:
    """The actor qualifying a title that starts at token `pos` ('US', 'Ukrainian', 'EU',
    'NATO's', 'the alliance's') and the token where its words start."""
    i = pos - 1
    while i >= 0 and doc[i].lower_ in FORMER_WORDS | INCOMING_WORDS:
        i -= 1
    # 'EU energy commissioner': lower-case words qualifying the title lie between.
    skipped = 0
    while i >= 0 and skipped < 3 and doc[i].is_lower and doc[i].pos_ in {"NOUN", "ADJ"}:
        i, skipped = i - 1, skipped + 1
    if i >= 0 and doc[i].text in POSSESSIVE:
        i -= 1
        if i >= 0 and i not in index:
            return _actor_for_nominal(doc[i].lemma_.lower(), actors), doc[i].left_edge.i
    if i < 0 or i not in index:
        return None, pos
    actor = index[i]
    while i > 0 and index.get(i - 1) is actor:
        i -= 1
    return actor, i


def _actor_for_nominal(noun: str, actors: list[ActorRecord]) -> ActorRecord | None:
    """'the alliance' → NATO, when the article names NATO."""
    codes = {org.code for org in knowledge.organization_by_nominal(noun)}
    return next((a for a in actors if a.key[2:] in codes and a.key.startswith("O:")), None)


def _modifiers(doc: Doc, title: Span) -> tuple[bool, bool]:
    window = [t.lower_ for t in doc[max(0, title.start - 3) : title.start]]
    window += [t.lower_ for t in title]
    return bool(FORMER_WORDS.intersection(window)), bool(INCOMING_WORDS.intersection(window))


def _role(
    doc: Doc,
    title_span: Span,
    affiliation: ActorRecord | None,
    evidence: Span,
) -> RoleRecord | None:
    title = knowledge.title_by_phrase(title_span.text)
    if title is None:
        return None
    former, incoming = _modifiers(doc, title_span)
    sector = title.sector
    if title_span.start > 0 and doc[title_span.start - 1].pos_ in {"NOUN", "PROPN"}:
        # 'union president', 'party leader': the noun before the title says whose.
        qualifier = knowledge.nominal(doc[title_span.start - 1].lemma_.lower())
        if qualifier is not None and qualifier.sector:
            sector = qualifier.sector
    return RoleRecord(
        title=title.title,
        affiliation=affiliation.name if affiliation else None,
        affiliation_actor=affiliation.id if affiliation else None,
        sector=sector,
        former=former,
        incoming=incoming,
        start=evidence.start_char,
        end=evidence.end_char,
    )


def _appositive_title(doc: Doc, name_root_i: int, titles: list[Span]) -> tuple[Span, Span] | None:
    """'X, the French defence minister,' (title inside the appositive) or 'the French
    defence minister, X,' (the name is the appositive of the title)."""
    root = doc[name_root_i]
    for child in root.children:
        if child.dep_ == "appos":
            sub = doc[child.left_edge.i : child.right_edge.i + 1]
            for t in titles:
                if sub.start <= t.start and t.end <= sub.end and child.i in range(t.start, t.end):
                    return t, sub
    if root.dep_ == "appos":
        head = root.head
        sub = doc[head.left_edge.i : head.i + 1]
        for t in titles:
            if head.i in range(t.start, t.end):
                return t, sub
    return None


def _predicative_title(doc: Doc, person_i: int, titles: list[Span]) -> Span | None:
    """'Trump takes office again as US president': the subject holds the title after 'as'."""
    tok = doc[person_i]
    if tok.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    verb = tok.head
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "as":
            for obj in prep.children:
                for t in titles:
                    if obj.i in range(t.start, t.end):
                        return t
    return None


def find_roles(doc: Doc, actors: list[ActorRecord], titles: list[Span]) -> None:
    """Attach roles to person actors; set their country and sector from the first role."""
    index = token_actor_index(doc, actors)
    title_ending_at = {t.end: t for t in titles}
    for actor in actors:
        if actor.type in {"GPE", "LOC", "ORG"} and actor.key.startswith("N:"):
            if _titled_as_person(doc, actor, titles, title_ending_at):
                actor.type, actor.country = "PERSON", None
    for actor in actors:
        if actor.type != "PERSON":
            continue
        for m in list(actor.mentions):
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            role = None
            title_span = title_ending_at.get(span.start)
            if title_span is not None:
                affiliation, first = _affiliation_before(doc, title_span.start, index, actors)
                role = _role(doc, title_span, affiliation, doc[first : span.end])
            if role is None:
                found = _appositive_title(doc, span.root.i, titles)
                if found:
                    title_span, sub = found
                    # Only what qualifies the title: 'a nurse who travelled from X' is no
                    # affiliation with X.
                    inner = [index[i] for i in range(sub.start, title_span.end) if i in index]
                    affiliation = next((a for a in inner if a is not actor), None)
                    if affiliation is None:
                        affiliation, _ = _affiliation_before(doc, title_span.start, index, actors)
                    role = _role(doc, title_span, affiliation, sub)
            if role is None:
                title_span = _predicative_title(doc, span.root.i, titles)
                if title_span is not None:
                    affiliation, first = _affiliation_before(doc, title_span.start, index, actors)
                    role = _role(doc, title_span, affiliation, doc[first : title_span.end])
                    verb = span.root.head
                    if role is not None and verb.lemma_ in TAKING_OFFICE and verb.tag_ != "VBD":
                        role.incoming = True
            if role is not None and not _known(actor, role):
                actor.roles.append(role)
        _person_country_and_sector(actor, actors)


def _titled_as_person(
    doc: Doc, actor: ActorRecord, titles: list[Span], title_ending_at: dict[int, Span]
) -> bool:
    """'Museveni, Uganda's president' or 'President Museveni' that the tagger read as a
    place or an organisation: a name that holds a person's title is a person."""
    for m in actor.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or m.kind != "name":
            continue
        found = _appositive_title(doc, span.root.i, titles)
        title_span = found[0] if found else title_ending_at.get(span.start)
        title = knowledge.title_by_phrase(title_span.text) if title_span is not None else None
        if title is not None and title.kind in {"person", "org_head"}:
            return True
    return False


def _known(actor: ActorRecord, role: RoleRecord) -> bool:
    for r in actor.roles:
        if r.title == role.title and (
            r.affiliation == role.affiliation or role.affiliation is None
        ):
            return True
        if r.title == role.title and r.affiliation is None:
            r.affiliation, r.affiliation_actor = role.affiliation, role.affiliation_actor
            return True
    return False


def _person_country_and_sector(actor: ActorRecord, actors: list[ActorRecord]) -> None:
    current = [r for r in actor.roles if not r.former] or actor.roles
    by_id = {a.id: a for a in actors}
    for role in current:
        aff = by_id.get(role.affiliation_actor or "")
        if aff is not None and aff.country and actor.country is None:
            actor.country = aff.country
        if role.sector and actor.sector is None:
            actor.sector = role.sector
