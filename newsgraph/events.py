"""Who did what to whom: political events coded in PLOVER, with CAMEO codes alongside.

Triggers come from the project's PLOVER lexicon (``knowledge/plover.tsv``): a lemma and,
where the meaning depends on them, its dependents ("cut off aid", "talks with", "fight
alongside"), checked over the dependency parse; the most specific row of a trigger wins.
Arguments are read from the parse as the row says (subject, object, possessor, a
preposition's object, or the subject of the verb that governs a nominal trigger: "held
talks with"), expanded over conjunctions ("Finland and Sweden") and mapped to the article's
actors through their mentions and coreference. The event's status follows the chain of
heads above the trigger (negation, "will", "is expected to", modals, conditionals, the
complement of "threatened to") and the quotation it stands in; its date and place come from
the sentence. Last, what PLOVER codes from statements is added: a stated intent (AGREE or
THREATEN), a demand ("X must …"), a refusal (a negated AGREE is a REJECT).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from newsgraph import knowledge
from newsgraph.actors import ActorRecord
from newsgraph.coref import CorefLink
from newsgraph.knowledge import PloverTrigger

# Heads through which a trigger inherits its clause's tense, mood and polarity: "is
# expected to meet", "will hold talks with", "before heading to Peru", "may cut off aid".
CHAIN_DEPS = {
    "xcomp",
    "conj",
    "pcomp",
    "pobj",
    "prep",
    "dobj",
    "advcl",
    "acomp",
    "nsubjpass",
    "acl",  # "the US request to deploy troops"
}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
HYPOTHETICAL_AUX = {"may", "might", "could", "should", "must", "would", "'d"}
# Verbs and adjectives whose complement has not happened yet ("is expected to meet").
FUTURE_HEADS = {
    "expect",
    "plan",
    "schedule",
    "set",
    "intend",
    "due",
    "go",
    "prepare",
    "aim",
    "promise",
    "pledge",
    "vow",
    "agree",
    "commit",
    "decide",
    "resolve",
    "willing",
    "ready",
    "prepared",
    "poised",
    "likely",
}
# ... or may never happen ("threatened to cut", "called for talks", "wants to join").
HYPOTHETICAL_HEADS = {
    "threaten",
    "consider",
    "propose",
    "offer",
    "want",
    "wish",
    "demand",
    "ask",
    "urge",
    "request",
    "invite",
    "press",
    "hope",
    "seek",
    "try",
    "attempt",
    "warn",
    "suggest",
    "push",
    "appeal",
    "need",
    "possible",
    "able",
    "intention",
    "intent",
    "proposal",
    "readiness",
    "willingness",
    "bid",  # "Ukraine's bid to join the EU"
}
# "called for", "pushed for", "appealed for": what is asked for has not happened.
ASKING_HEADS = {"call", "ask", "push", "press", "appeal", "plead", "lobby", "campaign"}
NEGATING_HEADS = {"refuse", "decline", "fail", "reject", "deny", "rule", "avoid", "cancel"}
FUTURE_MODIFIERS = {"planned", "upcoming", "scheduled", "forthcoming", "future", "expected"}
HYPOTHETICAL_MODIFIERS = {"possible", "potential", "proposed", "threatened", "likely"}
CONDITIONAL_MARKS = {"if", "unless", "whether"}
# Verbs whose object, not their subject, does what their complement says ("urged X to").
OBJECT_CONTROL = {
    "urge", "ask", "press", "call", "persuade", "force", "order", "allow", "let", "help", "invite",
    "appeal", "plead",
    "encourage", "tell", "instruct", "permit", "pressure", "compel", "authorize", "authorise",
}  # fmt: skip
MODIFIER_DEPS = ("amod", "compound", "poss", "nmod", "appos")
# Material and verbal cooperation vs conflict: a stated intent to do the first is AGREE,
# to do the second THREATEN (PLOVER codebook, AGREE and THREATEN).
COOPERATIVE = {"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}
CONFLICTUAL = {"SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "PROTEST"}
# Whose is a place that is attacked or seized: the place's ("shelled a block in Dnipro").
MATERIAL_CONFLICT = {"ASSAULT", "COERCE"}
# Verbs of readying an attack: 'prepared to resume shelling' is a show of force (MOBILIZE).
READYING = {"prepare", "poise", "gear", "mass"}
# Events whose place, when they name no target, is what they are done to.
LOCATED = {"PROTEST", "COERCE", "ASSAULT", "MOBILIZE"}
# CAMEO's "express intent to …" codes, by what is intended.
INTENT_CAMEO = {
    "CONSULT": "036",
    "SUPPORT": "032",
    "COOPERATE": "031",
    "AID": "033",
    "CONCEDE": "035",
    "RETREAT": "035",
}
# The THREATEN mode and CAMEO code of a threat to do an event of each conflictual type.
THREAT_OF = {
    "SANCTION": ("relations", "131"),
    "COERCE": ("restrict", "132"),
    "ASSAULT": ("violence", "138"),
    "MOBILIZE": ("violence", "138"),
    "PROTEST": ("relations", "133"),
}
OBLIGATION_AUX = {"must", "should"}
# Reporting verbs that talk about an event rather than perform it ("announced aid" does).
TALKING_ABOUT = {"neutral", "question", "belief", "evidence"}
# PLOVER's verbal event types: done by saying so.
VERBAL = {"AGREE", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN"}
# Prepositions inside a noun phrase that say whose it is or whom it concerns: "leaders of
# Romania", "doctors from …", "contact with the US", "a camp for Congolese refugees",
# "violations by Israel", "threatened action against Russia".
NP_PREPS = {"of", "from", "with", "for", "by", "against"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Nominal events whose "from" phrase names who does them (not "withdrawal from").
FROM_SOURCE = {"ASSAULT", "AID", "ACCUSE", "SUPPORT", "REQUEST", "THREATEN", "CONSULT"}
# Modes whose patient, in the passive, is the one who acts: withdrawn troops, disarmed rebels.
SELF_MODES = {"withdraw", "disarm", "troops", "police", "militia", "weapons"}
# Those whose violence is a riot, not an armed assault (PLOVER PROTEST 'riot').
CROWDS = {"protester", "demonstrator", "rioter", "crowd", "mob", "youth", "student"}
# What attacks from the air ("warplanes raided", "helicopters seized").
AIRCRAFT = {
    "jet", "warplane", "aircraft", "plane", "helicopter", "gunship", "bomber", "drone", "fighter",
}  # fmt: skip
# Prepositions of time and circumstance: the verb's subject did not do their object's event.
CIRCUMSTANCE_PREPS = {
    "after",
    "before",
    "since",
    "despite",
    "amid",
    "following",
    "until",
    "because",
    "over",
    "against",
}
# Prepositions whose object is not whom an event is done to: time, circumstance, means.
LOOSE_EXCLUDED = CIRCUMSTANCE_PREPS | {"during", "by", "via", "like", "as", "in", "at", "near"}
CROWD_PLACES = {"in", "at", "through", "across", "outside", "around", "near"}
# Particles the parser sometimes reads as a preposition or an adverb ("pulled out of",
# "stepped down").
PARTICLES = {"out", "off", "back", "up", "down", "over", "away", "aside"}
# Generic nouns whose compound or adjective says what they are: "the ceasefire agreement", "an
# aid package", "a credit line", "medical teams", "internet services".
GENERIC_HEADS = {
    "agreement", "accord", "deal", "pact", "program", "programme", "package", "convoy",
    "shipment", "delivery", "plan", "effort", "line", "team", "level", "service",
}  # fmt: skip
# Nouns that count or frame what their of-phrase names: "a series of bombs", "a wave of
# sanctions", "a state of emergency", "a mission of observers".
QUANTITY_HEADS = {
    "series", "number", "wave", "string", "barrage", "volley", "salvo", "round", "dozen",
    "hundred", "thousand", "set", "package", "raft", "host", "batch", "state", "team", "mission",
    "delegation", "contingent", "group", "unit", "squad", "ton", "tonne", "dose", "consignment",
    "truckload", "planeload",
}  # fmt: skip
# Common nouns for a place that an 'of' phrase names: "in the capital city of Algiers".
PLACE_NOUNS = {
    "city", "capital", "town", "village", "province", "region", "district", "state", "county",
    "port", "area", "enclave", "territory", "suburb", "outskirts", "centre", "center",
}  # fmt: skip
# "in defiance of", "in protest at", "in opposition to": a stance, not a place.
STANCES = {"defiance", "protest", "opposition", "solidarity", "support", "response", "reaction"}
PRONOUNS = {"he", "she", "it", "they", "we", "i"}
OVERRIDE_STATUS = ("negated", "hypothetical", "future")


@dataclass(slots=True)
class EventRecord:
    type: str
    mode: str | None
    cameo: str | None
    source: list[str]
    target: list[str]
    status: str
    trigger: str
    trigger_start: int
    trigger_end: int
    start: int  # the sentence
    end: int
    date: str | None = None
    date_text: str | None = None
    place: str | None = None
    place_start: int | None = None  # character offset of the place's token, for the places link
    confidence: float = 0.5
    depth: int = 0  # of the trigger in its sentence's tree: the main event is the shallowest
    trigger_i: int = 0  # token index of the trigger
    source_text: list[str] = field(default_factory=list)
    target_text: list[str] = field(default_factory=list)


class TriggerMatcher:
    """The PLOVER lexicon indexed by trigger lemma (built once per pipeline).

    A trigger's pattern is one level of dependents, so a lemma lookup per token and a look
    at its children does the work. spaCy's DependencyMatcher did the same with the ~500
    rows compiled in, but cost 40% of the whole pipeline's CPU time (its token matcher
    tests every pattern node on every token); this costs about 1%.
    """

    def __init__(self, extra: list[PloverTrigger] | None = None) -> None:
        # A user's rows come first: on a tie of specificity the earlier row wins.
        self.rows = [*(extra or []), *knowledge.plover_triggers()]
        self.by_lemma: dict[tuple[str, str], list[tuple[int, PloverTrigger]]] = {}
        for index, row in enumerate(self.rows):
            self.by_lemma.setdefault((row.lemma, row.pos), []).append((index, row))

    def __call__(self, doc: Doc) -> list[tuple[Token, PloverTrigger, list[int]]]:
        """(trigger, lexicon row, tokens the pattern consumed), the most specific row per
        trigger token (file order breaks ties)."""
        found = []
        for tok in doc:
            pos = TRIGGER_POS.get(tok.pos_)
            rows = None
            for lemma in _lemmas(tok) if pos else ():
                rows = rows or self.by_lemma.get((lemma, pos))
            if not rows:
                continue
            best: tuple[tuple[int, int], PloverTrigger, list[int]] | None = None
            for index, row in rows:
                consumed = _match_dependents(tok, row)
                key = (-len(row.pattern), index)
                if consumed is not None and (best is None or key < best[0]):
                    best = (key, row, consumed)
            if best is not None:
                found.append((tok, best[1], best[2]))
        return found


def _lemmas(tok: Token) -> tuple[str, ...]:
    """The token's lemma; for a verb in the third person also the word less its 's', which
    the small model sometimes leaves whole or cuts too short ('pledges', 'hopes' → 'hop')."""
    if tok.tag_ == "VBZ" and tok.lower_.endswith("s"):
        return (tok.lemma_, tok.lower_[:-1])
    return (tok.lemma_,)


# The lexicon's part of speech for a token's: the small model tags some main verbs AUX.
TRIGGER_POS = {"VERB": "VERB", "AUX": "VERB", "NOUN": "NOUN", "ADJ": "ADJ"}


def _controlled(verb: Token) -> list[Token]:
    """'allowed inspectors to resume work', parsed with the inspectors as the subject of the
    complement: they are the verb's object."""
    if verb.lemma_ not in OBJECT_CONTROL:
        return []
    return [s for c in verb.children if c.dep_ == "ccomp" for s in c.children if s.dep_ == "nsubj"]


def _match_dependents(tok: Token, row: PloverTrigger) -> list[int] | None:
    """The children that satisfy each item of the row's pattern, or None if one fails."""
    consumed = []
    children = list(tok.children)
    controlled = _controlled(tok)
    children += controlled
    for dep, lemmas in row.pattern:
        deps = {dep, "nsubjpass"} if dep == "dobj" else {dep}  # "aid was cut off"
        for child in children:
            # "pulled out of Kherson", "forced the peacekeepers out of the country", "stepped
            # down": the parser reads the particle as a preposition with no object of its
            # own, or as an adverb.
            particle = (
                dep == "prt"
                and child.dep_ in {"prep", "advmod"}
                and child.lower_ in PARTICLES
                and not any(g.dep_ == "pobj" for g in child.children)
            )
            if child.dep_ not in deps and not (dep == "dobj" and child in controlled):
                if not particle:
                    continue
            word = child.lower_ if dep in {"prt", "prep"} else child.lemma_.lower()
            if lemmas is not None and word in QUANTITY_HEADS and dep == "dobj":
                # "exploded a series of bombs", "fired a barrage of rockets": what is counted.
                counted = _prep_objects(child, {"of"})
                word = counted[0].lemma_ if counted else word
            if lemmas is not None and word in GENERIC_HEADS and dep == "dobj":
                # "violated the ceasefire agreement", "suspended the aid programme": a generic
                # head takes its kind from its compound.
                kinds = [c.lemma_ for c in child.children if c.dep_ in {"compound", "amod"}]
                word = next((k for k in kinds if k in lemmas), word)
            if lemmas is None or word in lemmas:
                if dep not in {"xcomp", "advcl"}:  # a complement is an event of its own
                    consumed.append(child.i)
                break
        else:
            return None
    return consumed


class EventFinder:
    def __init__(
        self,
        doc: Doc,
        actors: list[ActorRecord],
        links: list[CorefLink],
        times: list,
        quotes: list,
        published: dt.date | None,
    ) -> None:
        self.doc = doc
        self.times = [t for t in times if t.type in {"DATE", "TIME"} and _is_date(t.value)]
        self.quotes = quotes
        self.published = published
        self.verb_triggers: set[int] = set()  # filled by find_events
        self.noun_triggers: set[int] = set()
        self.token_actors = _token_actors(doc, actors, links)
        self.national = {a.id: code for a in actors if (code := _national(a.country))}
        self.states = {a.id for a in actors if a.type == "GPE" and _national(a.country)}
        self.countryless = {a.id for a in actors if not a.country and a.type == "PERSON"}
        self.bodies = {a.id for a in actors if a.type == "ORG" and (a.country or "")[:3] == "IGO"}

    # --- arguments --------------------------------------------------------------------

    def actors_of(
        self, tok: Token | None, depth: int = 0, skip: str = "", where: bool = False
    ) -> list[str]:
        """Actor ids a noun phrase names: the head's own actor, else the actors among its
        modifiers ("Senior Hungarian and Romanian officials", "leaders of Romania's new
        government", "opposition groups in Zimbabwe"), over its conjuncts ("Finland and
        Sweden")."""
        if tok is None:
            return []
        found: list[str] = []
        for head in (tok, *tok.conjuncts):
            ids = self.token_actors.get(head.i)
            if ids and depth < 3 and all(i in self.countryless for i in ids):
                # "a Chilean judge", "Macedonian officials": a description with no country
                # of its own is of the country its modifier names.
                national = [
                    i
                    for c in head.children
                    if c.dep_ in {"amod", "compound", "poss"}
                    for i in self.actors_of(c, 3)
                    if i in self.national
                ]
                ids = national or ids
            if ids is None and depth < 3:
                # "Foreign Minister Andrii Sybiha, …": the name in apposition is the actor.
                ids = [i for c in head.children if c.dep_ == "appos" for i in self.actors_of(c, 3)]
            if not ids and depth < 3:
                ids = []
                for child in head.children:
                    if child.dep_ == skip:
                        continue
                    if child.dep_ in MODIFIER_DEPS:
                        ids += self.actors_of(child, depth + 1)
                    elif child.dep_ in {"prep", "agent"} and child.lower_ in NP_PREPS:
                        for obj in child.children:
                            if obj.dep_ == "pobj":
                                ids += self.actors_of(obj, depth + 1)
            if not ids and depth == 0 and (where or knowledge.nominal(head.lemma_) is not None):
                # "groups in Zimbabwe", "struck a block in Dnipro": where a group or a target
                # is, only when nothing else says who.
                ids = [i for obj in _prep_objects(head, {"in"}) for i in self.actors_of(obj, 3)]
            for actor_id in ids or []:
                if actor_id not in found:
                    found.append(actor_id)
        return found

    def slot(self, trigger: Token, name: str, row: PloverTrigger) -> list[Token]:
        """The tokens heading the argument `name` of `trigger` (see plover.tsv)."""
        if trigger.pos_ == "NOUN" and trigger.dep_ == "compound" and name != "mod":
            trigger = trigger.head  # "a mediation effort between …": the phrase's head
        if name == "csubj":  # "demanded that the DPRK forsake …", "its demand that Israel …"
            clauses = [
                c
                for c in trigger.children
                if c.dep_ == "ccomp"
                or (c.dep_ == "acl" and any(m.lower_ == "that" for m in c.children))
            ]
            if not clauses and trigger.pos_ == "NOUN" and trigger.dep_ == "dobj":
                # "reiterated its demand today that Israel …": the clause hung on the verb.
                clauses = [
                    c
                    for c in trigger.head.children
                    if c.dep_ == "ccomp"
                    and c.i > trigger.i
                    and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                ]
            return [s for c in clauses for s in _subjects(c)]
        if name == "subj":
            return _subjects(trigger)
        if name == "obj":
            # The pattern's object ("expelled two Russian diplomats") is what was done; it
            # names the target only through its modifiers, and is tried after the row's slots.
            return (
                [c for c in trigger.children if c.dep_ in {"dobj", "dative"}]
                + [c for c in trigger.children if c.dep_ == "nsubjpass"]
                + _controlled(trigger)
            )
        if name == "dative":
            return [c for c in trigger.children if c.dep_ == "dative"]
        if name == "poss":
            return [c for c in trigger.children if c.dep_ == "poss"]
        if name == "mod":
            return [c for c in trigger.children if c.dep_ in {"amod", "compound", "nmod"}]
        if name == "gov":
            # "rejected the proposal": a noun under another event's verb is that event's
            # content, not an act of the verb's subject; "held talks" is.
            if trigger.head.i in self.verb_triggers:
                return []
            up = trigger.head.head if trigger.dep_ == "pobj" else None
            if up is not None and trigger.head.lower_ == "of" and up.i in self.noun_triggers:
                return []  # "Germany's criticism of the crackdown": not Germany's crackdown
            return _gov_subjects(trigger)
        if name == "prep" or name.startswith("prep:") or name == "of":
            if name == "of":
                words = {"of"}
            elif name == "prep":
                words = {w for dep, ws in row.pattern if dep == "prep" for w in ws or ()}
            else:
                words = {name[5:]}
            objs = _prep_objects(trigger, words)
            if not objs and trigger.pos_ != "NOUN":
                # "cut off aid to Ukraine": the PP hangs on the verb's object.
                for obj in trigger.children:
                    if obj.dep_ in {"dobj", "nsubjpass"}:
                        objs += _prep_objects(obj, words)
            if not objs and trigger.pos_ == "NOUN":
                # "imposed sanctions on Russia", "pledged $500 million in aid to Yemen": the
                # parser often hangs the PP on the verb.
                verb = _governing_verb(trigger)
                objs = _prep_objects(verb, words) if verb is not None else []
            return objs
        return []

    def arguments(self, trigger: Token, row: PloverTrigger, slots: tuple[str, ...]) -> list[str]:
        for name in slots:
            ids: list[str] = []
            # "reaffirmed the alliance's dedication": a possessor owns what the pattern's
            # object names, it is not what the event is done to.
            # ("expelled India's ambassador": a person's possessor is whose they are; "blocked
            # Sweden's bid": a refusal answers the one whose bid or proposal it refuses.)
            owned = (
                name == "obj" and any(d == "dobj" for d, _ in row.pattern) and row.type != "REJECT"
            )
            for tok in self.slot(trigger, name, row):
                skip = "poss" if owned and not _is_person_noun(tok) else ""
                where = name == "obj" and not owned and row.type in MATERIAL_CONFLICT
                found = self.actors_of(tok, skip=skip, where=where)
                ids += [i for i in found if i not in ids]
            if ids:
                return ids
        if "subj" in slots and trigger.dep_ == "acl":
            # "issued a declaration demanding …": the declaration's author demands.
            return [i for tok in _gov_subjects(trigger.head) for i in self.actors_of(tok)]
        return []

    def _own_phrase(
        self, trigger: Token, row: PloverTrigger, target_slots: tuple, source_slots: tuple
    ) -> bool:
        """Whether the target's words are a phrase apart from the source's (not the same
        words read twice, nor a pronoun or possessive standing for the source)."""
        for name in target_slots:
            toks = self.slot(trigger, name, row)
            if toks:
                break
        else:
            return False
        taken = {
            t.i for name in source_slots for s in self.slot(trigger, name, row) for t in s.subtree
        }
        return all(
            t.i not in taken and t.pos_ == "PROPN" and t.lower_ not in PRONOUNS for t in toks
        )

    def loose_target(self, trigger: Token, row: PloverTrigger, source: list[str]) -> list[str]:
        """Whom an event is done to when its slots name no one: an actor in a phrase that
        hangs on the trigger or on its object, whatever the preposition ("kidnapped up to
        16 Russian advisers", the parser's "up to" a particle and a preposition; "handed
        medicine over to the Red Crescent"), except phrases of time and circumstance."""
        verbal = trigger.pos_ in {"VERB", "AUX"}
        if not verbal and (
            not source or any(t.i in self.verb_triggers for t in list(trigger.ancestors)[:3])
        ):
            # A noun with no one doing it is too weak to take a target from afar; one inside
            # a verb's event ("killed 12 civilians in an attack on …") is told by that event.
            return []
        heads = [trigger, *(c for c in trigger.children if c.dep_ in {"dobj", "nsubjpass"})]
        for head in heads if verbal else ():
            for prep in head.children:
                if prep.dep_ not in {"prep", "dative"} or prep.lower_ in LOOSE_EXCLUDED:
                    continue
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        ids = [a for a in self.actors_of(obj, 2) if a not in source]
                        if ids:
                            return ids
        # Else the first actor further on in the trigger's phrase, as a coder reads the
        # verb phrase: "agreed to an extension of the mandate of the force in Lebanon".
        # "reaffirmed the alliance's dedication": the owner of what the pattern names is not
        # the target.
        owners = {
            t.i
            for c in trigger.children
            if c.dep_ == "dobj" and any(d == "dobj" for d, _ in row.pattern)
            for p in c.children
            if p.dep_ == "poss"
            for t in p.subtree
        }
        for tok in _phrase_after(trigger, venue=row.type == "CONSULT"):
            if tok.i in owners:
                continue
            if tok.i in self.token_actors and tok.head.lemma_ not in NAMELESS_HEADS:
                while tok.dep_ in MODIFIER_DEPS and tok.head.i > trigger.i:
                    tok = tok.head
                ids = [a for a in self.actors_of(tok, 2) if a not in source]
                if ids:
                    return ids
        return []

    def unnamed(self, trigger: Token, row: PloverTrigger, slots: tuple[str, ...]) -> bool:
        """Whether the first of `slots` that has words names only unnamed national actors:
        "police", "troops", "the government", "opposition leaders"."""
        for name in slots:
            toks = self.slot(trigger, name, row)
            if toks:
                return all(_unnamed_nominal(t) and not self.actors_of(t) for t in toks)
        return False

    def context_country(
        self, trigger: Token, place_tok: Token | None, chain: list[Token], but: list[str]
    ) -> list[str]:
        """The country of an unnamed actor, as a coder reads it from the sentence: the
        place the event's clause names ("police arrested … in Nairobi"), else the one
        country the sentence names besides those of the actors in `but` (the other side);
        none when it names several."""
        taken = {self.national.get(a) for a in but}
        candidates = []
        if place_tok is not None and place_tok.head.head in chain:
            candidates = [a for a in self.actors_of(place_tok) if a in self.national][:1]
        if not candidates:
            first: dict[str, str] = {}
            for i in range(trigger.sent.start, trigger.sent.end):
                for actor_id in self.token_actors.get(i, ()):
                    if actor_id in self.national and self.national[actor_id] not in taken:
                        first.setdefault(self.national[actor_id], actor_id)
            candidates = list(first.values()) if len(first) == 1 else []
        return [a for a in candidates if self.national[a] not in taken]

    # --- status, date, place ----------------------------------------------------------

    def _speaker_in(self, trigger: Token, source: list[str]) -> bool:
        return any(q.start <= trigger.idx < q.end and q.speaker in source for q in self.quotes)

    def chain(self, trigger: Token) -> list[Token]:
        nodes = [trigger]
        node = trigger
        while node.dep_ in CHAIN_DEPS and node.head.i != node.i and len(nodes) < 8:
            node = node.head
            nodes.append(node)
        return nodes

    def status(self, trigger: Token, chain: list[Token]) -> str:
        found: set[str] = set()
        top = chain[-1]
        for n, node in enumerate(chain):
            for child in node.children:
                lower = child.lower_
                if child.dep_ == "neg" or (child.dep_ == "advmod" and lower == "never"):
                    found.add("negated")
                elif child.dep_ == "det" and lower == "no" and n > 0:  # "no intention of"
                    found.add("negated")
                elif child.dep_ == "aux" and lower in FUTURE_AUX:
                    found.add("future")
                elif child.dep_ == "aux" and lower in HYPOTHETICAL_AUX:
                    # "said they would meet": a future seen from the past.
                    found.add(
                        "future" if lower == "would" and top.dep_ == "ccomp" else "hypothetical"
                    )
                elif child.dep_ == "mark" and lower in CONDITIONAL_MARKS:
                    found.add("hypothetical")
                elif child.dep_ == "amod" and node.i == trigger.i:
                    if lower in FUTURE_MODIFIERS:
                        found.add("future")
                    elif lower in HYPOTHETICAL_MODIFIERS:
                        found.add("hypothetical")
            if n == 0:
                continue
            if node.dep_ == "prep" and node.lower_ == "for" and node.head.lemma_ in ASKING_HEADS:
                found.add("hypothetical")  # "called for talks": not (yet) held
            if node.dep_ == "prep" and node.lower_ == "without":
                found.add("negated")  # "the talks ended without a deal"
            lemmas = set(_lemmas(node))
            if lemmas & ASKING_HEADS and chain[n - 1].dep_ in {"xcomp", "ccomp"}:
                found.add("hypothetical")  # "called on Israel to halt …"
            if lemmas & NEGATING_HEADS and chain[n - 1].dep_ in {"xcomp", "ccomp", "pcomp"}:
                found.add("negated")  # "refused to meet"; but "rejected the request" was made
            elif lemmas & HYPOTHETICAL_HEADS:
                found.add("hypothetical")
            elif lemmas & FUTURE_HEADS and (node.lemma_ != "go" or node.tag_ == "VBG"):
                found.add("future")  # "is going to strike"; but "went on strike" happened
            elif node.lemma_ == "be" and chain[n - 1].dep_ == "xcomp":
                found.add("future")  # "the premier is to visit Australia"
        for status in OVERRIDE_STATUS:
            if status in found:
                return status
        if any(q.start <= trigger.idx < q.end and q.is_claim for q in self.quotes):
            return "reported"
        return "asserted"

    def date(
        self, trigger: Token, chain: list[Token], status: str
    ) -> tuple[str | None, str | None]:
        """The date the sentence gives the event's clause; else, for a verb in the past
        tense that is asserted, the publication date (a wire story's undated past is its
        news day). A nominal trigger ("Russia's war") gets only a date attached to it."""
        sent = trigger.sent
        in_sent = [t for t in self.times if sent.start_char <= t.start < sent.end_char]
        chain_ids = {n.i for n in chain}
        for t in in_sent:
            span = self.doc.char_span(t.start, t.end, alignment_mode="expand")
            if span is not None and _attached(span.root, chain_ids):
                return t.value, t.text
        if trigger.pos_ not in {"VERB", "AUX"}:
            return None, None
        if self.published is not None and status in {"asserted", "negated"} and _past(trigger):
            return self.published.isoformat(), None
        return None, None

    def place(self, sent: Span, chain: list[Token]) -> tuple[str | None, Token | None]:
        """ "in Brussels", "at the summit in Lima": a place the sentence says it happened."""
        candidates = []
        for tok in sent:
            if tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.lemma_ in PLACE_NOUNS:
                # "in the capital city of Algiers", "in the province of Herat": the name.
                named = [o for o in _prep_objects(tok, {"of"}) if o.ent_type_ in PLACE_LABELS]
                if named:
                    ent = next((e for e in self.doc.ents if e.start <= named[0].i < e.end), None)
                    attached = tok.head.head in chain
                    text = ent.text if ent else named[0].text
                    candidates.append((not attached, tok.i, text, tok))
                    continue
            # "at" names a venue ("at the Elysee Palace"); "fired at Israel" names a target.
            if tok.dep_ == "pobj" and (
                (tok.head.lower_ == "in" and tok.ent_type_ in PLACE_LABELS)
                or (tok.head.lower_ == "at" and tok.ent_type_ in {"FAC", "LOC"})
            ):
                ent = next((e for e in self.doc.ents if e.start <= tok.i < e.end), None)
                attached = tok.head.head in chain
                candidates.append((not attached, tok.i, ent.text if ent else tok.text, tok))
        if not candidates:
            return None, None
        best = min(candidates, key=lambda c: c[:2])
        return best[2], best[3]

    # --- the events -------------------------------------------------------------------

    def event(self, trigger: Token, row: PloverTrigger) -> EventRecord | None:
        if row.pos == "NOUN":
            source_slots = row.source or ("poss", "mod", "prep:by", "gov")
            if not row.source and row.type in FROM_SOURCE:
                # "criticism from Beijing", "aid from Japan", "a rocket attack from Gaza"
                source_slots = ("poss", "mod", "prep:by", "prep:from", "gov")
            target_slots = row.target or ("of",)
            if row.type == "REQUEST":
                target_slots = (*target_slots, "csubj")
        else:
            source_slots = row.source or ("subj",)
            target_slots = row.target or ("obj",)
            if "obj" not in target_slots and "none" not in target_slots:
                target_slots = (*target_slots, "obj")
            if row.type == "REQUEST":
                target_slots = (*target_slots, "csubj")
        source = self.arguments(trigger, row, source_slots)
        if not source and any(t.lower_ in PRONOUNS for t in _subjects(trigger)):
            # "Nigeria's army said it had killed …": an unresolved pronoun in a report is
            # the speaker.
            verb = _speech_head(trigger)
            source = self.arguments(verb, _SPEAKER_ROW, ("subj",)) if verb is not None else []
        if not source and row.mode in SELF_MODES and not _prep_objects(trigger, {"by"}):
            # "the guerrillas have been demobilized", "peacekeepers were withdrawn": who
            # gives up arms or leaves is the passive's subject.
            passive = [c for c in trigger.children if c.dep_ == "nsubjpass"]
            source = [i for c in passive for i in self.actors_of(c)]
        chain = self.chain(trigger)
        place, place_tok = self.place(trigger.sent, chain)
        reciprocal = False
        if not source and row.pos == "NOUN":
            # "talks between American and Russian diplomats", "fighting between Azerbaijanis
            # and Armenians": both sides do it (reciprocal, all sources, no target).
            sides = _prep_objects(trigger, {"between"})
            source = [a for tok in sides for a in self.actors_of(tok)]
            reciprocal = bool(source)
        if not source and row.type == "PROTEST":
            # Crowds are coded by where they are: "thousands blocked streets in Hong Kong",
            # "marched through Nairobi".
            # "through the centre of the Chilean capital": whatever place the phrase names.
            where = [t for t in _prep_objects(trigger, CROWD_PLACES) if t.lemma_ not in STANCES]
            where += [place_tok] if place_tok is not None else []
            source = next((ids for tok in where if (ids := self.actors_of(tok))), [])
        named = self.arguments(trigger, row, target_slots)
        target = [a for a in named if a not in source]
        if named and not target and self._own_phrase(trigger, row, target_slots, source_slots):
            # "Iraqi Kurdish leaders accused Baghdad": a domestic event, both sides the same
            # country, named apart.
            target = named
        if not target and row.type == "PROTEST":
            # "blocked streets in defiance of the authorities": whom the protest defies.
            stances = [t for t in _prep_objects(trigger, {"in"}) if t.lemma_ in STANCES]
            whom = [o for t in stances for o in _prep_objects(t, {"of", "to"})]
            target = next((ids for tok in whom if (ids := self.actors_of(tok))), [])
            target = [a for a in target if a not in source]
        if row.requires_target and not target and not source:
            return None
        if (
            not target
            and row.type in LOCATED
            and place_tok is not None
            and (
                place_tok.head.head in chain
                # "blocked roads in Algiers": the place of the act's object is the act's.
                or (place_tok.head.head.dep_ == "dobj" and place_tok.head.head.head == trigger)
            )
        ):
            # A protest, arrest or attack in a country is one against it, as CAMEO coders
            # read "police detained 200 students in Dhaka".
            target = [a for a in self.actors_of(place_tok) if a not in source]
        if not target and row.pos == "NOUN":
            # "Israel suffered a rocket attack": who undergoes it is its target.
            undergo = [a for t in _undergoers(trigger) for a in self.actors_of(t)]
            target = [a for a in undergo if a not in source]
        if not target and row.pos == "NOUN":
            # "gave Israel 3 billion dollars in military aid": the verb's indirect object.
            verb = _governing_verb(trigger)
            given = [c for c in verb.children if c.dep_ == "dative"] if verb is not None else []
            target = [a for t in given for a in self.actors_of(t) if a not in source]
        if (
            not target
            and "none" not in target_slots
            and not self.unnamed(trigger, row, target_slots)
        ):
            # ("killed 20 militants near the Afghan border": the militants are the target,
            # of no country the sentence names, not the border's.)
            target = self.loose_target(trigger, row, source)
        if row.requires_target and not target and not self.unnamed(trigger, row, target_slots):
            return None  # "struck targets in Gaza" is an attack there; "struck a chord" none
        if not source and self.unnamed(trigger, row, source_slots):
            # "rebels kidnapped Russian advisers": not Russian rebels; but police who arrest
            # people in Harare are Zimbabwe's.
            where = self.actors_of(place_tok) if place_tok is not None else []
            but = [] if set(target) <= set(where) else target
            source = self.context_country(trigger, place_tok, chain, but=but)
        if not target and self.unnamed(trigger, row, target_slots):
            # "police arrested opposition leaders": a domestic act, both sides the country's.
            target = self.context_country(trigger, place_tok, chain, but=[])
        if reciprocal:
            target = [a for a in target if a not in source]
        status = self.status(trigger, chain)
        if status == "reported" and self._speaker_in(trigger, source):
            # "Syria says it is willing to …", "the EU announced aid to Sudan": an actor
            # announcing its own act reports it first hand
            status = "asserted"
        event_type, mode, cameo = row.type, row.mode, row.cameo
        subjects = _subjects(trigger)
        if (
            row.type == "PROTEST"
            and row.mode == "demo"
            and subjects
            and all(
                set(self.token_actors.get(t.i, ["-"])) <= self.states
                and knowledge.country_by_demonym(t.text) is None  # "Palestinians protested"
                for t in subjects
            )
        ):
            # "Vietnam protested China's deployment": a state protesting complains (CAMEO 114).
            event_type, mode, cameo = "ACCUSE", "allege", "114"
        crowd = any(t.lemma_ in CROWDS for t in subjects)
        if row.type == "ASSAULT" and crowd:
            # "protesters set fire to the embassy", "youths threw stones": a riot.
            event_type, mode, cameo = "PROTEST", "riot", "145"
        if row.type == "COERCE" and row.mode == "seize" and crowd:
            # "protesters occupied the airport": a crowd seizing a place obstructs it.
            event_type, mode, cameo = "PROTEST", "obstruct", "144"
        if row.type == "COERCE" and any(t.lemma_ in AIRCRAFT for t in subjects):
            # "jets raided PKK camps": a raid from the air is an attack, not a police raid.
            event_type, mode, cameo = "ASSAULT", "aerial", "195"
        if mode == "withdraw" and event_type == "RETREAT" and target and set(target) <= self.bodies:
            # "pulled out of the WHO": leaving an organisation reduces relations (CAMEO 164).
            event_type, cameo = "SANCTION", "164"
        content_modes = knowledge.plover_content_modes(row.type)
        if content_modes and mode is None:
            for tok in trigger.subtree:
                if tok.i != trigger.i and tok.lemma_ in content_modes:
                    mode, cameo = content_modes[tok.lemma_]
                    break
        date, date_text = self.date(trigger, chain, status)
        confidence = {"VERB": 0.65, "ADJ": 0.55, "NOUN": 0.55}[row.pos]
        confidence += 0.1 if row.pattern else 0.0
        confidence += 0.1 if source else 0.0
        confidence += 0.05 if target else 0.0
        return EventRecord(
            type=event_type,
            mode=mode,
            cameo=cameo,
            source=source,
            target=target,
            status=status,
            date=date,
            date_text=date_text,
            place=place,
            place_start=place_tok.idx if place_tok is not None else None,
            confidence=round(min(confidence, 0.95), 2),
            **_at(trigger),
        )


# Nouns that a trigger before them only classifies: "war crimes", "a conflict zone", "war
# games".
CLASSIFIED_NOUNS = {
    "crime", "zone", "victim", "survivor", "veteran", "museum", "memorial", "film", "game",
}  # fmt: skip


def _names_a_kind(head: Token) -> bool:
    """Whether a noun that a nominal trigger modifies is a kind of person, body or thing the
    trigger classifies ("aid workers", "war crimes"), not the event's own phrase."""
    return head.pos_ == "NOUN" and (
        head.lemma_ in CLASSIFIED_NOUNS or _is_person_noun(head) or head.lower_ in CLASSIFIED_NOUNS
    )


def _is_person_noun(tok: Token) -> bool:
    """'ambassador', 'diplomats', 'soldiers': a noun for people, whose possessor they serve."""
    return (
        knowledge.nominal(tok.lemma_) is not None
        or knowledge.title_by_phrase(tok.lemma_) is not None
    )


# Nominals for actors above or across countries: they take no country from the sentence.
# ... and nouns for other countries ("appealed to donor countries").
TRANSNATIONAL = {
    "alliance", "bloc", "union", "coalition", "organisation", "organization", "country",
    "nation", "state", "republic", "kingdom", "neighbour", "neighbor", "power", "donor",
}  # fmt: skip


# Dependents that start what is not the trigger's own phrase: another clause, a reporting
# frame, a time.
# "the Russian language", "the Afghan border": a demonym that names no actor.
NAMELESS_HEADS = {"language", "dialect", "tongue", "border", "frontier", "coast", "waters"}
OTHER_CLAUSE = {
    "advcl", "ccomp", "relcl", "parataxis", "npadvmod", "nsubj", "nsubjpass", "agent", "conj",
    "pcomp",
}  # fmt: skip


def _phrase_after(trigger: Token, venue: bool) -> list[Token]:
    """The tokens after the trigger in its phrase, in text order, leaving out phrases of
    time and circumstance and clauses of their own; with `venue`, also where the event
    itself happened ("held talks in Seoul": no target)."""
    found = []
    stack = [c for c in trigger.children if c.i > trigger.i]
    own = {trigger.i, *(c.i for c in trigger.children if c.dep_ == "dobj")} if venue else set()
    while stack:
        tok = stack.pop()
        if tok.dep_ in OTHER_CLAUSE or (
            tok.dep_ == "prep"
            and tok.lower_ in (LOOSE_EXCLUDED if tok.head.i in own else CIRCUMSTANCE_PREPS | {"by"})
        ):
            continue
        found.append(tok)
        stack.extend(tok.children)
    return sorted(found, key=lambda t: t.i)


def _unnamed_nominal(tok: Token) -> bool:
    """'police', 'troops', 'the government': a generic noun for a national actor."""
    if tok.lemma_ in TRANSNATIONAL or tok.pos_ != "NOUN":
        return False
    return knowledge.nominal(tok.lemma_) is not None or knowledge.nominal(tok.lower_) is not None


def _national(code: str | None) -> str | None:
    """A country's own code ('NGA'), not an organisation's ('IGOUNO', 'NGOHRIAMN')."""
    country = knowledge.country_by_code(code) if code and len(code) == 3 else None
    return country.code if country else None


def _governing_verb(noun: Token) -> Token | None:
    """The verb a noun phrase is the object of, through PPs and numbers ("$500 million in
    aid")."""
    node = noun
    for _ in range(4):
        if node.dep_ not in {"dobj", "pobj", "prep", "compound", "nummod", "quantmod"}:
            return None
        node = node.head
        if node.pos_ in {"VERB", "AUX"}:
            return node
    return None


def _attached(tok: Token, chain_ids: set[int]) -> bool:
    """Whether a time expression belongs to the event's clause: the first verb above it (or
    a node of the event's chain on the way) is the event's ("which Trump threatened to
    raise from January" dates the threat, not the negotiations the clause hangs on)."""
    for head in tok.ancestors:
        if head.i in chain_ids:
            return True
        if head.pos_ in {"VERB", "AUX"}:
            return False
    return False


def _at(trigger: Token) -> dict:
    """What an event takes from its trigger: the word, its offsets, its sentence, its depth."""
    sent = trigger.sent
    return {
        "trigger": trigger.text,
        "trigger_start": trigger.idx,
        "trigger_end": trigger.idx + len(trigger.text),
        "start": sent.start_char,
        "end": _sentence_end(sent),
        "depth": _depth(trigger),
        "trigger_i": trigger.i,
    }


def _sentence_end(sent: Span) -> int:
    """The sentence's end without the line break or spaces the tokenizer gives it."""
    return sent.start_char + len(sent.text.rstrip())


def _is_date(value: str | None) -> bool:
    return bool(value) and value[:1].isdigit()


def _past(verb: Token) -> bool:
    if verb.tag_ == "VBD":
        return True
    # "has agreed" is the news day; "had opposed" (pluperfect) is before it.
    return verb.tag_ == "VBN" and any(
        c.dep_ in {"aux", "auxpass"} and c.lower_ in {"has", "have", "'ve"} for c in verb.children
    )


def _depth(tok: Token) -> int:
    depth = 0
    while tok.head.i != tok.i and depth < 50:
        tok = tok.head
        depth += 1
    return depth


def _prep_objects(head: Token, words: set[str]) -> list[Token]:
    found = []
    for prep in head.children:
        if prep.dep_ not in {"prep", "agent", "dative"} or prep.lower_ not in words:
            continue
        objs = [obj for obj in prep.children if obj.dep_ == "pobj"]
        found += objs or _participle_subject(prep)
    return found


def _participle_subject(prep: Token) -> list[Token]:
    """'granted asylum to five officers holed up in …', 'aid to refugees fleeing …': the
    parser makes the object the subject of the participle after it (read as a verb of a
    clause of its own), and leaves the preposition bare."""
    doc = prep.doc
    for tok in doc[prep.i + 1 : min(prep.i + 8, len(doc))]:
        if (
            tok.dep_ in {"nsubj", "nsubjpass"}
            and tok.left_edge.i == prep.i + 1
            and tok.head.pos_ in {"VERB", "AUX"}
        ):
            return [tok]
    return []


def _subjects(verb: Token) -> list[Token]:
    """Who does what `verb` says: its subject, the agent of a passive, else through its
    head ("is expected to meet", "met and reaffirmed", "forces fighting alongside", "the
    alliance's dedication to supporting", "Blinken, who visited")."""
    node = verb
    active_conjunct = False
    for _ in range(6):
        passive = any(c.dep_ == "nsubjpass" for c in node.children)
        if passive and active_conjunct:
            # "X has been indicted by the court and will resign": X resigns, not the court.
            return [c for c in node.children if c.dep_ == "nsubjpass"]
        if passive:
            agents = _prep_objects(node, {"by"})
            if agents:
                return agents
            if node.i != verb.i:
                return [c for c in node.children if c.dep_ == "nsubjpass"]
            return []  # "expected to be consulted": the passive's subject is its target
        else:
            subjects = [c for c in node.children if c.dep_ in {"nsubj", "expl"}]
            if subjects and subjects[0].tag_ == "VBG":
                # "The Red Cross operating in Iraq said": a participle the parser made the
                # subject; whoever does it is.
                subjects = [c for c in subjects[0].children if c.dep_ == "nsubj"] or subjects
            if subjects:
                if subjects[0].tag_ in {"WP", "WDT"} and node.dep_ == "relcl":
                    return [node.head]
                return subjects
        if node.dep_ == "xcomp" and node.head.lemma_ in OBJECT_CONTROL:
            objs = [c for c in node.head.children if c.dep_ in {"dobj", "dative"}]
            # "called on Serbia to hand over …", "appealed to Iran to release …"
            objs = objs or _prep_objects(node.head, {"on", "upon", "to"})
            if objs:
                return objs
        if node.dep_ in {"acl", "relcl"} or (node.dep_ == "amod" and node.head.pos_ == "NOUN"):
            return [node.head]
        if node.dep_ == "pcomp":
            owner = node.head.head
            if owner.pos_ in {"NOUN", "PROPN"}:
                poss = [c for c in owner.children if c.dep_ == "poss"]
                return poss or _gov_subjects(owner)
            # "accused China of hacking", "stopped them from leaving": the object does it.
            objs = [c for c in owner.children if c.dep_ == "dobj" and c.pos_ != "NOUN"]
            objs += [
                c
                for c in owner.children
                if c.dep_ == "dobj"
                and c.pos_ == "NOUN"
                and not any(p.dep_ == "poss" for p in c.children)
                and knowledge.nominal(c.lemma_) is not None
            ]
            if objs and owner.pos_ == "VERB":
                return objs
            # "reaffirmed the alliance's dedication to supporting": the PP belongs to the
            # object noun, whose possessor is the one who supports.
            poss = [
                p
                for c in owner.children
                if c.dep_ == "dobj"
                for p in c.children
                if p.dep_ == "poss"
            ]
            if poss:
                return poss
        if (
            node.dep_ in {"xcomp", "conj", "advcl", "acomp", "pcomp", "ccomp", "prep"}
            and node.head.i != node.i
        ):
            if node.dep_ == "ccomp":
                return []
            active_conjunct = node.dep_ == "conj" and not any(
                c.dep_ in {"nsubjpass", "auxpass"} for c in node.children
            )
            node = node.head
            continue
        return []
    return []


# Verbs whose subject undergoes, sees, remembers or receives what their object names.
UNDERGOING = {
    "suffer", "face", "survive", "endure", "witness", "experience", "fear", "escape",
    "mourn", "commemorate", "mark", "remember", "recall", "blame", "report", "expect",
    "predict", "brace", "avert", "thwart", "foil", "repel", "repulse", "resist", "receive",
    "get", "obtain",
}  # fmt: skip


def _undergoers(noun: Token) -> list[Token]:
    """The subject of the verb of undergoing whose object a nominal trigger is ("Israel
    received 3 billion dollars in aid": through the object's phrase)."""
    verb = noun.head if noun.dep_ == "nsubjpass" else _governing_verb(noun)
    if verb is not None and set(_lemmas(verb)) & UNDERGOING:
        return _subjects(verb)
    return []


def _gov_subjects(noun: Token) -> list[Token]:
    """Who does what a nominal trigger names, from the verb it hangs on: "held talks",
    "announced 50 million euros in aid" (the subject), "the ministry's plan for talks" (a
    possessor on the way up)."""
    node = noun
    for _ in range(5):
        if node.dep_ not in {"dobj", "pobj", "prep", "attr", "compound", "conj", "appos"}:
            return []
        if node.dep_ == "prep" and node.lower_ in CIRCUMSTANCE_PREPS:
            return []  # "expelled the ambassador after the attack": not who attacked
        node = node.head
        if node.dep_ == "prep" and node.lower_ in CIRCUMSTANCE_PREPS:
            return []  # "following the invasions": the preposition the parser made a verb
        if node.pos_ in {"VERB", "AUX"}:
            verb = knowledge.speech_verb(node.lemma_)
            if verb is not None and verb.verb_class in TALKING_ABOUT:
                return []  # "described the talks as frank": talking about an event
            if set(_lemmas(node)) & UNDERGOING:
                return []  # "Israel suffered an attack": not who attacked
            return _subjects(node)
        poss = [c for c in node.children if c.dep_ == "poss"]
        if poss and node.pos_ in {"NOUN", "PROPN"}:
            return poss
    return []


def _token_actors(
    doc: Doc, actors: list[ActorRecord], links: list[CorefLink]
) -> dict[int, list[str]]:
    """Token index -> actor ids of the smallest mention covering it (names, descriptions,
    pronouns resolved by coreference; "both leaders" names two)."""
    spans: list[tuple[int, int, list[str]]] = [
        (m.start, m.end, [a.id]) for a in actors for m in a.mentions
    ]
    spans += [(link.start, link.end, list(link.actor_ids)) for link in links if link.actor_ids]
    best: dict[int, tuple[int, list[str]]] = {}
    for start, end, ids in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        for tok in span:
            if tok.i not in best or end - start < best[tok.i][0]:
                best[tok.i] = (end - start, ids)
    return {i: ids for i, (_, ids) in best.items()}


def find_events(
    doc: Doc,
    matcher: TriggerMatcher,
    actors: list[ActorRecord],
    links: list[CorefLink],
    times: list,
    quotes: list,
    published: dt.date | None,
) -> list[EventRecord]:
    finder = EventFinder(doc, actors, links, times, quotes, published)
    matches = matcher(doc)
    finder.verb_triggers = {t.i for t, row, _ in matches if row.pos != "NOUN"}
    finder.noun_triggers = {t.i for t, row, _ in matches if row.pos == "NOUN"}
    # "held talks", "imposed sanctions": a noun a verb's pattern consumed is that event.
    consumed = {i for _, row, rest in matches if row.pos != "NOUN" for i in rest}
    records = []
    for trigger, row, _ in matches:
        if trigger.i in consumed:
            continue
        if row.pos == "VERB" and trigger.dep_ == "amod":
            continue  # "the alleged abuses", "the proposed changes": a qualifier, no event
        if row.pos == "NOUN" and trigger.dep_ == "compound" and _names_a_kind(trigger.head):
            continue  # "aid workers", "war crimes", "protest leaders": a kind, no event
        record = finder.event(trigger, row)
        if record is not None:
            records.append(record)
    records = _statements(doc, finder, records)
    records = _purposes(doc, records)
    records = _orders(doc, records)
    records = _one_act(doc, records, finder.national)
    records.sort(key=lambda r: (r.start, r.trigger_start))
    names = {a.id: a.name for a in actors}
    for r in records:
        r.source_text = [names.get(i, i) for i in r.source]
        r.target_text = [names.get(i, i) for i in r.target]
    return records


# --- what PLOVER codes from statements ----------------------------------------------------


def _one_act(doc: Doc, records: list[EventRecord], national: dict[str, str]) -> list[EventRecord]:
    """One act told twice in one clause is one event: 'hosted X for an informal meeting',
    'killed 46 civilians in an attack on a village', 'summoned the ambassador to complain',
    'donated and delivered goods to …'. An event of the same type whose trigger hangs
    (within three steps) under another's, and whose actors are among that one's or absent,
    is folded into it; it lends its target when the other has none. Actors of one country
    count as the same ('Iraqi civilians killed in a bombing in Baghdad')."""
    by_token: dict[int, EventRecord] = {}
    for r in records:  # the act itself, not the intent derived at its trigger
        by_token.setdefault(r.trigger_i, r)
    dropped: set[int] = set()
    for r in sorted(records, key=lambda r: -r.depth):
        node = doc[r.trigger_i]
        for _ in range(3):
            if node.head.i == node.i:
                break
            node = node.head
            host = by_token.get(node.i)
            if host is None or host is r or id(host) in dropped or host.type != r.type:
                continue
            if host.status != r.status and "negated" in {host.status, r.status}:
                break
            both = {national.get(a, a) for a in host.source + host.target}
            mine = {national.get(a, a) for a in r.source}
            theirs = {national.get(a, a) for a in r.target}
            if mine <= both and (not host.target or theirs <= both):
                if not host.target:
                    host.target = [a for a in r.target if a not in host.source]
                dropped.add(id(r))
            break
    return [r for r in records if id(r) not in dropped]


# What a protest is for or against, told in a clause of its own ("rallied to demand the
# president's resignation"): PLOVER does not code it as an event apart from the protest.
PURPOSES = {"REQUEST", "ACCUSE"}
CLAUSES = {"advcl", "xcomp", "acl", "relcl"}


def _purposes(doc: Doc, records: list[EventRecord]) -> list[EventRecord]:
    """Two readings of one act, made one event.

    'staged a hunger strike to protest the arrests', 'a rally to protest X', 'rallied to
    demand his resignation': the purpose clause says what the protest is against or for;
    it is that protest's target, not an accusation, a demand or a protest of its own.
    'The army prepared to resume shelling' (readying an attack) is a show of force:
    MOBILIZE, the attack its content (CAMEO 15)."""
    by_token = {r.trigger_i: r for r in records}
    dropped: set[int] = set()
    for r in records:
        tok = doc[r.trigger_i]
        if not (tok.lemma_ == "protest" or r.type in PURPOSES) or tok.dep_ not in CLAUSES:
            continue
        head = tok.head
        acts = [by_token.get(head.i)] + [by_token.get(c.i) for c in head.children]
        act = next((a for a in acts if a is not None and a is not r and a.type == "PROTEST"), None)
        if act is None:
            continue
        if not act.target:
            act.target = [a for a in r.target if a not in act.source]
        dropped.add(id(r))
    derived = []
    for r in records:
        if r.type not in MATERIAL_CONFLICT or id(r) in dropped:
            continue
        node = doc[r.trigger_i]
        for _ in range(3):
            if node.dep_ != "xcomp" or node.head.i == node.i:
                break
            node = node.head
            if node.pos_ == "VERB" and node.lemma_ in READYING and node.i not in by_token:
                show = _copy(r, node, r.source)
                show.type, show.mode, show.cameo = "MOBILIZE", None, "150"
                show.trigger, show.trigger_start = node.text, node.idx
                show.trigger_end = node.idx + len(node.text)
                show.status = "asserted" if _past(node) else r.status
                by_token[node.i] = show
                derived.append(show)
                break
    return [r for r in records if id(r) not in dropped] + derived


# Verbs of command: what one who commands orders done, it does (CAMEO codes the act).
COMMANDS = {"order", "instruct", "command", "direct"}
ORDERED_ACTS = {"COERCE", "SANCTION", "RETREAT", "MOBILIZE", "ASSAULT", "AID", "CONCEDE"}


def _orders(doc: Doc, records: list[EventRecord]) -> list[EventRecord]:
    """'ordered La Prensa to suspend publication', 'ordered troops to withdraw from Congo':
    an act done on command is the commander's act (the newspaper is censored, the country
    withdraws), one event at the command; 'ordered Menem to appear' stays a REQUEST."""
    by_token = {r.trigger_i: r for r in records}
    dropped: set[int] = set()
    for r in records:
        if r.type == "REQUEST" or id(r) in dropped:
            continue
        command = _owner(doc, r, by_token, {"xcomp", "ccomp"})
        if (
            command is None
            or command.type != "REQUEST"
            or r.type not in ORDERED_ACTS
            or doc[command.trigger_i].lemma_ not in COMMANDS
        ):
            continue
        command.type, command.mode, command.cameo = r.type, r.mode, r.cameo
        target = r.target or command.target
        command.target = [a for a in target if a not in command.source]
        dropped.add(id(r))
    return [r for r in records if id(r) not in dropped]


def _speech_head(tok: Token) -> Token | None:
    """The reporting verb whose reported clause `tok`'s clause is ("said they will …")."""
    node = tok
    for _ in range(8):
        if node.dep_ == "ccomp" and knowledge.speech_verb(node.head.lemma_) is not None:
            return node.head
        if node.dep_ not in CHAIN_DEPS or node.head.i == node.i:
            return None
        node = node.head
    return None


COMPLEMENT_DEPS = {"xcomp", "ccomp", "advcl"}
# Events whose target is whoever their complement's event is done to.
LENDING_TO = {"AGREE", "REQUEST", "REJECT", "THREATEN", "MOBILIZE", "ACCUSE"}


def _owner(
    doc: Doc, record: EventRecord, by_token: dict[int, EventRecord], deps: set[str]
) -> EventRecord | None:
    """The event whose complement this one is: "threatened to ban", "is willing to
    withdraw" (through `deps`); with CHAIN_DEPS also "promised to continue aid to X",
    "mobilized reservists for a possible war against X"."""
    node = doc[record.trigger_i]
    while node.dep_ in deps and node.head.i != node.i:
        node = node.head
        if node.i in by_token:
            return by_token[node.i]
    return None


def _statements(doc: Doc, finder: EventFinder, records: list[EventRecord]) -> list[EventRecord]:
    """PLOVER codes what an actor commits to, threatens or demands as an event of its own:
    a refusal to agree is REJECT; a promise of something hostile is THREATEN; "said it will
    withdraw" is an intent (AGREE or THREATEN) of the speaker's; "said X must …" a REQUEST.
    The complement keeps its own event (future or hypothetical) and lends its target."""
    by_token = {r.trigger_i: r for r in records}
    for r in records:
        if r.type == "AGREE" and r.status == "negated" and doc[r.trigger_i].pos_ != "NOUN":
            # "did not agree" refuses; "ended without a deal" refuses nothing
            r.type, r.mode, r.cameo, r.status = "REJECT", None, "120", "asserted"
    for r in records:
        asked = [by_token.get(o.i) for o in _prep_objects(doc[r.trigger_i], {"to"})]
        demand = next((a for a in asked if a is not None and a.type == "REQUEST"), None)
        if r.type == "AGREE" and doc[r.trigger_i].pos_ != "NOUN" and demand is not None:
            # "agreed to the opposition's demand for reform": acceding (CAMEO 083); the
            # demand was made, and its maker is whom the concession answers.
            r.type, r.mode, r.cameo = "CONCEDE", None, "083"
            r.target = r.target or [a for a in demand.source if a not in r.source]
            demand.status = "asserted"
    for r in records:
        owner = _owner(doc, r, by_token, COMPLEMENT_DEPS)
        if owner is not None and owner.type == "AGREE" and r.type in CONFLICTUAL | {"THREATEN"}:
            owner.type = "THREATEN"
            owner.mode, owner.cameo = _threat(doc, r)
        elif r.status == "negated" and r.type in COOPERATIVE and _refused(doc[r.trigger_i]):
            # "vowed never to recognize Kosovo": a promise not to cooperate is a refusal;
            # "will not negotiate with Hamas" is one as it stands (PLOVER REJECT).
            refusal = owner if owner is not None and owner.type == "AGREE" else r
            refusal.type, refusal.status = "REJECT", "asserted"
            refusal.mode, refusal.cameo = _rejected(doc, r)
    for r in records:
        # Whom a promise, demand, refusal or threat concerns, its complement says
        # ("promised to continue aid to Mozambique", "mobilized for a war against Iraq").
        owner = _owner(doc, r, by_token, CHAIN_DEPS)
        if owner is not None and owner.type in LENDING_TO and not owner.target:
            owner.target = [a for a in r.target if a not in owner.source]
        owner = _owner(doc, r, by_token, COMPLEMENT_DEPS)
        if owner is not None and not owner.source and set(r.source) != set(owner.target):
            owner.source = [a for a in r.source if a not in owner.target]
    derived: list[EventRecord] = []
    said = {r.trigger_i for r in records}
    for r in records:
        if r.status not in {"future", "hypothetical"} or r.type not in COOPERATIVE | CONFLICTUAL:
            continue
        verb = _speech_head(doc[r.trigger_i])
        if verb is None or verb.i in said or _owner(doc, r, by_token, CHAIN_DEPS) is not None:
            continue  # no report, already coded, or the content of another event ("veto sanctions")
        speaker = finder.arguments(verb, _SPEAKER_ROW, ("subj",))
        subject = _subjects(doc[r.trigger_i])
        own = (
            not r.source
            or set(speaker) & set(r.source)
            or any(t.lower_ in PRONOUNS for t in subject)
        )
        if not speaker or not own:
            continue  # someone else's future ("Trump suggested the US may cut off aid")
        said.add(verb.i)
        derived.append(_intent(doc, r, verb, speaker))
    for r in records:
        # "Japan plans to send aid", "India wants to visit Pakistan": an intent stated by the
        # one who will act (AGREE's "indicate willingness"; THREATEN for a hostile act).
        head = _intent_head(doc[r.trigger_i])
        if (
            head is None
            or head.i in said
            or head.i in by_token
            or r.status not in {"future", "hypothetical"}
            or r.type not in COOPERATIVE | CONFLICTUAL
            or not r.source
        ):
            continue
        said.add(head.i)
        derived.append(_intent(doc, r, head, r.source))
    owned = {id(r) for r in records if _owner(doc, r, by_token, CHAIN_DEPS) is not None}
    under = {id(r) for r in records if _event_above(doc, r, by_token)}
    for r in records:
        # "Japan will send aid to Nepal": PLOVER codes cooperation told in the future tense
        # as the intent it implies (AGREE), beside the planned act itself; so too when the
        # report is no actor's ("…, a statement said", "…, diplomatic sources said").
        verb = _speech_head(doc[r.trigger_i])
        if (
            r.status == "future"
            and r.type in FUTURE_AGREE
            and r.source
            and id(r) not in owned
            and (verb is None or not finder.arguments(verb, _SPEAKER_ROW, ("subj",)))
            and _intent_head(doc[r.trigger_i]) is None
        ):
            intent = _intent(doc, r, doc[r.trigger_i], r.source)
            intent.confidence = round(min(r.confidence + 0.05, 0.95), 2)
            derived.append(intent)
    for verb in doc:
        if verb.i in said or knowledge.speech_verb(verb.lemma_) is None:
            continue
        for clause in verb.children:
            if clause.dep_ != "ccomp" or not any(
                c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in clause.children
            ):
                continue
            speaker = finder.arguments(verb, _SPEAKER_ROW, ("subj",))
            addressee = [
                a for a in finder.arguments(clause, _SPEAKER_ROW, ("subj",)) if a not in speaker
            ]
            if not speaker or not addressee:
                continue
            said.add(verb.i)
            derived.append(_request(finder, verb, clause, speaker, addressee))
    # An event with no actor at all says nothing PLOVER can code ("the rising challenges");
    # nor does one with no source that is only what another event promises, asks or
    # refuses ("promised to continue aid to Mozambique"): that event already says it.
    return [
        r
        for r in records + derived
        if (r.source or r.target) and (r.source or r.status == "asserted" or id(r) not in under)
    ]


def _event_above(doc: Doc, record: EventRecord, by_token: dict[int, EventRecord]) -> bool:
    """Whether another event's trigger stands above this one's, within four steps."""
    node = doc[record.trigger_i]
    for _ in range(4):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.i in by_token and by_token[node.i] is not record:
            return True
    return False


def _intent(doc: Doc, r: EventRecord, verb: Token, source: list[str]) -> EventRecord:
    """The AGREE (or, for a hostile act or a conditional promise, THREATEN) of stating the
    intent to do `r`, at `verb`."""
    intent = _copy(r, verb, source)
    if r.type in COOPERATIVE and not _conditional(doc[r.trigger_i], {"unless"}):
        intent.type, intent.mode, intent.cameo = "AGREE", None, INTENT_CAMEO[r.type]
    else:
        intent.type = "THREATEN"
        intent.mode, intent.cameo = _threat(doc, r)
    return intent


# Cooperation that PLOVER reads as AGREE when it is told in the future tense (RETREAT and
# CONCEDE keep their type).
FUTURE_AGREE = {"CONSULT", "SUPPORT", "COOPERATE", "AID"}
# Verbs of intending: their subject states what it means to do ("plans to", "wants to").
INTENT_HEADS = {"plan", "intend", "want", "wish", "hope", "aim", "seek", "mean"}


def _intent_head(tok: Token) -> Token | None:
    """The verb of intending whose complement `tok` is, through at most two complements
    ("plans to send", "hopes to be able to sign")."""
    node = tok
    for _ in range(2):
        if node.dep_ != "xcomp" or node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in {"VERB", "AUX"} and set(_lemmas(node)) & INTENT_HEADS:
            return node
    return None


def _refused(tok: Token) -> bool:
    """Whether a negation is one of will: 'will not', 'would not', 'won't', 'never'."""
    node = tok
    for _ in range(4):
        kids = list(node.children)
        negated = any(c.dep_ == "neg" or c.lower_ == "never" for c in kids)
        if negated and (
            any(c.lower_ == "never" for c in kids)
            or any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX | {"would"} for c in kids)
        ):
            return True
        if node.dep_ not in {"xcomp", "conj"} or node.head.i == node.i:
            return False
        node = node.head
    return False


def _rejected(doc: Doc, record: EventRecord) -> tuple[str | None, str]:
    """The REJECT mode and CAMEO code of refusing to do `record` ("negotiate" → meet)."""
    modes = knowledge.plover_content_modes("REJECT")
    return modes.get(doc[record.trigger_i].lemma_, (None, "120"))


def _conditional(tok: Token, marks: set[str]) -> bool:
    """'will withdraw … unless X': a promise on a condition that the target must meet."""
    node = tok
    for _ in range(8):
        if any(
            c.dep_ == "advcl" and any(m.lower_ in marks for m in c.children) for c in node.children
        ):
            return True
        if node.dep_ not in CHAIN_DEPS or node.head.i == node.i:
            return False
        node = node.head
    return False


# A row for reading a reporting verb's subject with the same slot rules as any trigger.
_SPEAKER_ROW = PloverTrigger("say", "VERB", (), "REQUEST", None, None, (), ())


def _threat(doc: Doc, record: EventRecord) -> tuple[str | None, str | None]:
    """The THREATEN mode of a threat to do `record`: by its word ("invade" → violence),
    except that a threatened protest or strike is one of relations, whatever the word."""
    modes = knowledge.plover_content_modes("THREATEN")
    lemma = doc[record.trigger_i].lemma_
    if record.type == "PROTEST" or lemma not in modes:
        return THREAT_OF.get(record.type, (None, "130"))
    return modes[lemma]


def _copy(r: EventRecord, verb: Token, source: list[str]) -> EventRecord:
    return replace(
        r,
        source=source,
        target=[a for a in r.target if a not in source],
        status="asserted",
        confidence=round(max(0.3, r.confidence - 0.1), 2),
        source_text=[],
        target_text=[],
        **_at(verb),
    )


def _request(
    finder: EventFinder, verb: Token, clause: Token, source: list[str], target: list[str]
) -> EventRecord:
    mode, cameo = None, "100"
    modes = knowledge.plover_content_modes("REQUEST")
    for tok in clause.subtree:
        if tok.lemma_ in modes:
            mode, cameo = modes[tok.lemma_]
            break
    chain = finder.chain(verb)
    status = finder.status(verb, chain)
    date, date_text = finder.date(verb, chain, status)
    place, place_tok = finder.place(verb.sent, chain)
    return EventRecord(
        type="REQUEST",
        mode=mode,
        cameo=cameo,
        source=source,
        target=target,
        status=status,
        date=date,
        date_text=date_text,
        place=place,
        place_start=place_tok.idx if place_tok is not None else None,
        confidence=0.6,
        **_at(verb),
    )
