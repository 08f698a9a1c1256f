"""Coreference inside one article: pronouns and descriptions linked to actors.

Rules over the dependency parse, using what news writing makes reliable: a pronoun's
antecedent is usually the most recent compatible subject; a description names a role
("the minister", "the chief of NATO", "the US' top diplomat") or an organisation ("the
alliance") that the article states elsewhere. Candidates are scored by agreement (person or
not, gender, number), grammatical role, distance and salience; binding rules exclude the
subject of the pronoun's own clause. No maintained coreference library runs with this
pipeline offline (see the README), so this is newsgraph's own work, measured on GUM.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsgraph import knowledge
from newsgraph.actors import ActorRecord
from newsgraph.quotemarks import find_quotations
from newsgraph.roles import token_actor_index

MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}
PLURAL = {"they", "them", "their", "theirs", "themselves"}
NEUTER = {"it", "its", "itself"}
REFLEXIVE = {"himself", "herself", "itself", "themselves"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
MALE_HONORIFICS = {"mr", "mr.", "sir", "lord", "king", "prince"}
FEMALE_HONORIFICS = {"mrs", "mrs.", "ms", "ms.", "miss", "dame", "lady", "queen", "princess"}
GROUP_NOUNS = {"leader", "minister", "official", "diplomat", "president", "men", "women", "pair"}
COUNTRY_NOUNS = {"country", "nation", "state", "republic", "kingdom", "government"}
# How far back a pronoun looks for its antecedent, in sentences.
WINDOW = 4


@dataclass(slots=True)
class CorefLink:
    start: int
    end: int
    text: str
    kind: str  # pronoun | nominal
    actor_ids: list[str]
    confidence: float


@dataclass(slots=True)
class _Candidate:
    actor: ActorRecord
    token: Token  # head token of the mention
    sent_index: int


def _in_ranges(pos: int, ranges: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in ranges)


def actor_gender(text: str, actor: ActorRecord) -> str | None:
    """m/f from honorifics, gendered titles or the given name; None when unknown."""
    for m in actor.mentions:
        if m.kind != "name":
            continue
        before = text[max(0, m.start - 6) : m.start].lower().split()
        if before and before[-1] in MALE_HONORIFICS:
            return "m"
        if before and before[-1] in FEMALE_HONORIFICS:
            return "f"
    for role in actor.roles:
        title = knowledge.title_by_phrase(role.title or "")
        if title is not None and title.gender:
            return title.gender
    if actor.type == "PERSON" and len(actor.name_tokens) > 1:
        return knowledge.first_name_gender(actor.name_tokens[0])
    return None


class CoreferenceResolver:
    def __init__(self, doc: Doc, actors: list[ActorRecord], titles: list[Span]) -> None:
        self.doc = doc
        self.actors = actors
        self.titles = titles
        self.index = token_actor_index(doc, actors)
        self.sents = list(doc.sents)
        self.sent_of = {}
        for n, sent in enumerate(self.sents):
            for tok in sent:
                self.sent_of[tok.i] = n
        text = doc.text  # built on each access: once is enough
        self.quotes = [(q.outer_start, q.outer_end) for q in find_quotations(text)]
        self.gender = {a.id: actor_gender(text, a) for a in actors}
        self.mention_count = {a.id: len(a.mentions) for a in actors}
        # Resolved pronouns become antecedents for later ones (chains through "he … he").
        self.resolved: dict[int, ActorRecord] = {}

    def run(self) -> list[CorefLink]:
        links: list[CorefLink] = []
        nominal_tokens: set[int] = set()
        for link, tokens in self._nominals():
            links.append(link)
            nominal_tokens.update(tokens)
        for tok in self.doc:
            if tok.i in nominal_tokens or tok.i in self.index:
                continue
            lower = tok.lower_
            if lower in MALE | FEMALE and tok.pos_ == "PRON" or lower in {"his", "her"}:
                link = self._resolve_person_pronoun(tok)
            elif lower in NEUTER | PLURAL and tok.pos_ == "PRON":
                link = self._resolve_group_pronoun(tok)
            else:
                continue
            if link is not None:
                links.append(link)
        return links

    # --- candidates -----------------------------------------------------------------
    def _candidates_before(self, tok: Token, accept) -> list[_Candidate]:
        here = self.sent_of[tok.i]
        first = max(0, here - WINDOW)
        seen: list[_Candidate] = []
        start_tok = self.sents[first].start
        for i in range(start_tok, tok.i):
            actor = self.index.get(i) or self.resolved.get(i)
            if actor is None or not accept(actor):
                continue
            t = self.doc[i]
            # One candidate per mention: its syntactic head token.
            if i in self.index and t.head.i in self.index and self.index[t.head.i] is actor:
                if t.head.i != i and t.head.i < tok.i:
                    continue
            seen.append(_Candidate(actor, t, self.sent_of[i]))
        return seen

    def _score(self, cand: _Candidate, tok: Token) -> float:
        here = self.sent_of[tok.i]
        score = -1.0 * (here - cand.sent_index)
        head = cand.token
        if head.dep_ in SUBJECT_DEPS:
            score += 1.5
        elif head.dep_ == "poss":
            score += 0.3
        pronoun_quoted = _in_ranges(tok.idx, self.quotes)
        if _in_ranges(head.idx, self.quotes) and not pronoun_quoted:
            score -= 3.0
        if cand.sent_index == here:
            # A relative clause on the candidate that contains the pronoun: 'Blinken, who is
            # set to leave his post'.
            for child in head.children:
                if child.dep_ == "relcl" and child.left_edge.i <= tok.i <= child.right_edge.i:
                    score += 3.0
            score += 0.2 * (1 - (tok.i - head.i) / max(1, len(self.sents[here])))
        score += 0.15 * math.log1p(self.mention_count.get(cand.actor.id, 1))
        return score

    def _quote_speakers(self, tok: Token) -> set[str]:
        """Inside a quotation 'he' is not its speaker, who would say 'I':
        'Braysmith said, "I think his photography is influential"'."""
        if not _in_ranges(tok.idx, self.quotes):
            return set()
        here = self.sent_of[tok.i]
        speakers = set()
        for sent in self.sents[max(0, here - 1) : here + 2]:
            for t in sent:
                if (
                    t.dep_ in SUBJECT_DEPS
                    and not _in_ranges(t.idx, self.quotes)
                    and knowledge.speech_verb(t.head.lemma_) is not None
                ):
                    actor = self.index.get(t.i) or self.resolved.get(t.i)
                    if actor is not None:
                        speakers.add(actor.id)
        return speakers

    def _binding_excludes(self, cand: _Candidate, tok: Token) -> bool:
        """'Rutte told him': a non-reflexive object pronoun is not its clause's subject."""
        if tok.lower_ in REFLEXIVE or tok.dep_ in SUBJECT_DEPS or tok.dep_ == "poss":
            return False
        return cand.token.dep_ in SUBJECT_DEPS and cand.token.head.i == tok.head.i

    def _pick(self, tok: Token, candidates: list[_Candidate], kind: str) -> CorefLink | None:
        scored: dict[str, tuple[float, ActorRecord]] = {}
        bound = {c.actor.id for c in candidates if self._binding_excludes(c, tok)}
        bound |= self._quote_speakers(tok)
        for cand in candidates:
            if cand.actor.id in bound:
                continue
            s = self._score(cand, tok)
            if cand.actor.id not in scored or s > scored[cand.actor.id][0]:
                scored[cand.actor.id] = (s, cand.actor)
        if not scored:
            return None
        ranked = sorted(scored.values(), key=lambda x: -x[0])
        best_score, best = ranked[0]
        margin = best_score - ranked[1][0] if len(ranked) > 1 else 3.0
        confidence = round(0.5 + 0.45 * math.tanh(margin / 2), 3)
        self.resolved[tok.i] = best
        return CorefLink(tok.idx, tok.idx + len(tok.text), tok.text, kind, [best.id], confidence)

    # --- pronouns -------------------------------------------------------------------
    def _resolve_person_pronoun(self, tok: Token) -> CorefLink | None:
        lower = tok.lower_
        want = "m" if lower in MALE else "f"

        def accept(actor: ActorRecord) -> bool:
            return actor.type == "PERSON" and self.gender.get(actor.id) in (None, want)

        link = self._pick(tok, self._candidates_before(tok, accept), "pronoun")
        if link is not None:
            actor = self.resolved[tok.i]
            self.gender[actor.id] = self.gender.get(actor.id) or want
        return link

    def _resolve_group_pronoun(self, tok: Token) -> CorefLink | None:
        """'it'/'its' to an organisation or country that is the recent subject; 'they' to a
        named group; expletive 'it' ('it is likely that') is left alone."""
        if tok.dep_ == "expl" or (tok.lower_ == "it" and tok.dep_ not in SUBJECT_DEPS):
            return None
        plural = tok.lower_ in PLURAL

        def accept(actor: ActorRecord) -> bool:
            if plural:
                return actor.type in {"NORP", "ORG"}
            return actor.type in {"ORG", "GPE"}

        if self._nearest_subject_is_not_actor(tok):
            return None  # 'The EU's monitoring mission … said it': the mission, not an actor
        candidates = [
            c
            for c in self._candidates_before(tok, accept)
            if self.sent_of[tok.i] - c.sent_index <= 1 and c.token.dep_ in SUBJECT_DEPS | {"poss"}
        ]
        link = self._pick(tok, candidates, "pronoun")
        if link is not None:
            link.confidence = round(link.confidence * 0.8, 3)
        return link

    def _nearest_subject_is_not_actor(self, tok: Token) -> bool:
        here = self.sent_of[tok.i]
        start = self.sents[max(0, here - 1)].start
        for i in range(tok.i - 1, start - 1, -1):
            t = self.doc[i]
            if t.dep_ in SUBJECT_DEPS and t.pos_ in {"NOUN", "PROPN"}:
                return i not in self.index and i not in self.resolved
        return False

    # --- descriptions ---------------------------------------------------------------
    def _nominals(self):
        """Definite descriptions: 'the alliance', 'the minister', 'the chief of NATO',
        'the US' top diplomat', 'the two leaders'."""
        for root in self.doc:
            if root.pos_ != "NOUN" or root.i in self.index:
                continue
            left = [c for c in root.children if c.i < root.i]
            dets = [c.lower_ for c in left if c.dep_ in {"det", "predet"}]
            possessed = any(c.dep_ == "poss" for c in left)
            if not (set(dets) & {"the", "both", "this", "that"} or possessed):
                continue
            span = self._description_span(root, left)
            words = {t.lower_ for t in span}
            link = self._resolve_nominal(span, root, words)
            if link is not None:
                yield link, range(span.start, span.end)

    def _description_span(self, root: Token, left: list[Token]) -> Span:
        """The noun with its determiners and modifiers, and 'of NATO' after it."""
        start = min([c.left_edge.i for c in left] + [root.i])
        end = root.i + 1
        for child in root.children:
            if child.dep_ == "prep" and child.lower_ == "of" and child.i == end:
                end = child.right_edge.i + 1
        return self.doc[start:end]

    def _resolve_nominal(self, span: Span, root: Token, words: set[str]) -> CorefLink | None:
        lemma = root.lemma_.lower()
        if root.tag_ in {"NNS", "NNPS"}:
            return self._resolve_pair(span, lemma, words)
        orgs = {org.code for org in knowledge.organization_by_nominal(lemma)}
        if orgs and not any(self.doc[i].ent_type_ for i in range(span.start, span.end)):
            target = next(
                (a for a in self.actors if a.key.startswith("O:") and a.key[2:] in orgs), None
            )
            if target is None:
                return None
            return CorefLink(
                span.start_char, span.end_char, span.text, "nominal", [target.id], 0.85
            )
        title_span = next((t for t in self.titles if t.start <= root.i < t.end), None)
        if title_span is None:
            return self._resolve_by_noun(span, root)
        title = knowledge.title_by_phrase(title_span.text)
        if title is None:
            return None
        qualifiers = {self.index[i].id for i in range(span.start, span.end) if i in self.index}
        best: tuple[float, ActorRecord] | None = None
        here = self.sent_of[root.i]
        for actor in self.actors:
            if actor.type != "PERSON" or not actor.roles:
                continue
            score = 0.0
            for role in actor.roles:
                role_score = 0.0
                if role.title == title.title:
                    role_score += 3
                elif knowledge.same_office(role.title, title.title):
                    role_score += 2
                elif title.kind == "generic":
                    role_score += 1
                else:
                    continue
                if qualifiers:
                    if role.affiliation_actor in qualifiers:
                        role_score += 3
                    else:
                        role_score -= 4
                score = max(score, role_score)
            if score <= 0:
                continue
            first = min(
                self.sent_of.get(
                    self.doc.char_span(m.start, m.end, alignment_mode="expand").start, 0
                )
                for m in actor.mentions
            )
            score -= 0.05 * abs(here - first)
            if best is None or score > best[0]:
                best = (score, actor)
        if best is None or best[0] < 2:
            return None
        confidence = round(min(0.95, 0.5 + best[0] / 12), 3)
        self.resolved[root.i] = best[1]
        return CorefLink(
            span.start_char, span.end_char, span.text, "nominal", [best[1].id], confidence
        )

    def _resolve_by_noun(self, span: Span, root: Token) -> CorefLink | None:
        """'the foundation' → the Andy Warhol Foundation (the noun heads its name), else
        'the city' → the city last named, 'the company' → the company last named."""
        if self.doc[span.start].lower_ != "the" or any(
            i in self.index for i in range(span.start, span.end)
        ):
            return None
        lemma = root.lemma_.lower()
        nominal = knowledge.nominal(lemma)

        def names_it(actor: ActorRecord) -> bool:
            return actor.type in {"ORG", "GPE", "LOC"} and lemma in {
                t.lower() for t in actor.name_tokens[1:]
            }

        def is_a(actor: ActorRecord) -> bool:
            if nominal is None or nominal.type != actor.type:
                return False
            if actor.type == "GPE":
                # 'the country' is a country; 'the city', 'the capital' is not.
                return actor.key.startswith("C:") == (lemma in COUNTRY_NOUNS)
            return not (nominal.sector and actor.sector and nominal.sector != actor.sector)

        here = self.sent_of[root.i]
        for accept, first_sent, confidence in (
            (names_it, 0, 0.75),
            (is_a, max(0, here - WINDOW), 0.55),
        ):
            for i in range(span.start - 1, self.sents[first_sent].start - 1, -1):
                actor = self.index.get(i) or self.resolved.get(i)
                if actor is not None and accept(actor):
                    self.resolved[root.i] = actor
                    return CorefLink(
                        span.start_char, span.end_char, span.text, "nominal", [actor.id], confidence
                    )
        return None

    def _resolve_pair(self, span: Span, lemma: str, words: set[str]) -> CorefLink | None:
        """'the two leaders', 'both leaders': the two people most present just before."""
        if not ({"two", "both"} & words) or lemma not in GROUP_NOUNS:
            return None
        here = self.sent_of[span.root.i]
        counts: dict[str, tuple[int, ActorRecord]] = {}
        for i in range(self.sents[max(0, here - 6)].start, span.start):
            actor = self.index.get(i) or self.resolved.get(i)
            if actor is not None and actor.type == "PERSON":
                n, _ = counts.get(actor.id, (0, actor))
                counts[actor.id] = (n + 1, actor)
        if len(counts) < 2:
            return None
        top = sorted(counts.values(), key=lambda x: -x[0])[:2]
        ids = [a.id for _, a in top]
        return CorefLink(span.start_char, span.end_char, span.text, "nominal", ids, 0.6)


def resolve_coreference(doc: Doc, actors: list[ActorRecord], titles: list[Span]) -> list[CorefLink]:
    return CoreferenceResolver(doc, actors, titles).run()
