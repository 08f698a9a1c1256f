"""Attribution frames over the dependency parse: a cue word, the shape in which it carries
what was said or thought, and who holds it.

A frame is named by the cue's part of speech and the dependency that carries the content:
``v:ccomp`` ('said that …'), ``v:para`` ('…, officials said'), ``v:inter`` ('The risk,
he said, is …'), ``v:xcomp`` ('vowed to …'),
``v:obj+xcomp`` ('urged Congress to …'), ``v:dobj`` ('denied the report'), ``v:prep:for``
('called for a ceasefire'), ``n:prep:of`` ('his criticism of the deal'), ``a:prep:about``
('worried about jobs'). Which candidates report speech, thought or stance is
decided by a logistic model over their ``features`` learned from annotated news
(``knowledge/attribution_model.tsv``, built by ``training/attribution_model.py``); which of
a quotation's alternative attributions is right, by a choice model over the same weights
file (``choice_probabilities``).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from newsgraph import knowledge

_POS_PREFIX = {"VERB": "v", "AUX": "v", "NOUN": "n", "ADJ": "a"}
# 'be', 'have' and 'do' carry no report of their own
_LIGHT_VERBS = {"be", "have", "do"}
# 'he began by saying', 'deflected questions before saying': the subject of the verb the
# preposition hangs on says it
_CLIMBING_PREPOSITIONS = {"by", "before", "after", "while", "upon", "in"}


@dataclass(frozen=True, slots=True)
class FrameCandidate:
    cue: Token
    frame: str
    content: Span
    speaker: Span

    @property
    def key(self) -> tuple[str, str]:
        return self.cue.lemma_.lower(), self.frame


def speaker_of(cue: Token, climbed: bool = False) -> Span | None:
    """The subject of a reporting verb, as a mention: 'he', 'Rutte', 'US Secretary of State
    Antony Blinken' (its relative clauses and appositives left out)."""
    # a passive subject ('was reported') is what was said, but the subject of a verb the
    # cue hangs on speaks ('Trump was forced to retreat and said …', 'was prompted to say')
    subjects = {"nsubj", "nsubjpass"} if climbed else {"nsubj"}
    for child in cue.children:
        if child.dep_ in subjects:
            if child.tag_ in {"WP", "WDT"} and cue.dep_ == "relcl" and cue.head.i < child.i:
                # 'Blinken, who said …': the relative pronoun with its antecedent, as a
                # pronoun is a mention of whom it stands for
                return _mention(cue.head.left_edge, child)
            return _with_appositive(child)
    # 'The minister, speaking to reporters, said …' parses fine; 'said by X' is passive.
    for child in cue.children:
        if child.dep_ == "agent":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return _mention(objs[0].left_edge, objs[0])
    if cue.dep_ in {"conj", "xcomp", "advcl"} and cue.head.i != cue.i:
        return speaker_of(cue.head, climbed=True)  # 'He stood up and said …', '…, saying …'
    if (
        cue.dep_ == "pcomp"
        and cue.head.lower_ in _CLIMBING_PREPOSITIONS
        and cue.head.head.pos_ in {"VERB", "AUX"}
    ):
        return speaker_of(cue.head.head, climbed=True)  # 'he began by saying …'
    return None if climbed else _noun_before(cue)


# a finite verb, which has a subject somewhere
_FINITE_TAGS = {"VBD", "VBZ", "VBP"}


def _noun_before(cue: Token) -> Span | None:
    """'In a statement, her adviser, Jake Sullivan, said: …', 'Senator Harry Reid, the
    minority leader, said that …': the parser hangs the names in apposition on an earlier
    noun and leaves the finite verb without a subject; the noun phrase just before it (and
    a comma) is its subject."""
    if cue.tag_ not in _FINITE_TAGS or cue.i == cue.sent.start:
        return None
    before = cue.doc[cue.i - 1]
    comma = before.text == ","
    if comma and before.i > cue.sent.start:
        before = cue.doc[before.i - 1]
    if before.pos_ not in {"PROPN", "NOUN"} or not (
        before.dep_ == "appos" or (comma and before.dep_ == "conj")
    ):
        return None
    return _mention(before.left_edge, before)


def _with_appositive(head: Token) -> Span:
    """The mention headed by `head`, with its prepositional phrases ('A reporter for
    Agence France-Presse') and a name in apposition ('One of the men, Jessie Elkins,') but
    not its relative clauses."""
    end = head.i
    for child in head.rights:
        if child.dep_ == "prep" or (child.dep_ == "appos" and child.pos_ == "PROPN"):
            end = child.right_edge.i
    return _mention(head.left_edge, head.doc[end])


# marks a mention does not end with
_SEPARATORS = {",", ";", ":", "-", "–", "—"}


def _mention(first: Token, last: Token) -> Span:
    """The words from `first` to `last` without stray marks at either end: the parser hangs
    a quotation's closing mark on the subject after it ('"…," Harry Bond, 30, said'), which
    would make the mention overlap the quotation it attributes. A closing bracket, a
    percent sign or an abbreviation's point stays ('Sanders (I-Vt.)', '42%')."""
    doc, start, end = first.doc, first.i, last.i + 1
    while (
        start < end - 1
        and (doc[start].is_punct or doc[start].is_space)
        and not (doc[start].is_left_punct and not doc[start].is_quote)
    ):
        start += 1
    while end - 1 > start and (doc[end - 1].is_quote or doc[end - 1].text in _SEPARATORS):
        end -= 1
    return doc[start:end]


def holder_of(cue: Token) -> Span | None:
    """Who holds a nominal or adjectival cue: 'his criticism', 'Trump's claim', 'voters
    (are) worried'."""
    if cue.pos_ == "NOUN":
        for child in cue.children:
            if child.dep_ == "poss":
                return cue.doc[child.left_edge.i : child.i + 1]
        return None
    if cue.pos_ == "ADJ" and cue.dep_ == "acomp":
        return speaker_of(cue.head)
    return speaker_of(cue)


def clausal_contents(cue: Token) -> list[Span]:
    """The reported clauses: 'said (that) CONTENT', or 'CONTENT, police said' where the
    parser hangs the cue on the clause it reports; more than one where the parser takes a
    fronted phrase for a clause too ('Sitting down with …, Clinton remarked that …')."""
    return [c for f, c in _frames(cue) if f in {"ccomp", "para", "inter"}]


def trim_punct(span: Span) -> Span | None:
    start, end = span.start, span.end
    while start < end and (span.doc[start].is_punct or span.doc[start].is_space):
        start += 1
    while end > start and (span.doc[end - 1].is_punct or span.doc[end - 1].is_space):
        end -= 1
    return span.doc[start:end] if end > start else None


def has_subject(head: Token) -> bool:
    """Whether a clause has its own subject ('it was illegal', 'there is', 'was reported')."""
    return any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in head.children)


def _subtree(doc, first: Token, last: Token) -> Span:
    return doc[first.left_edge.i : last.right_edge.i + 1]


def _frames(cue: Token) -> Iterator[tuple[str, Span]]:
    doc = cue.doc
    dobj = next((c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i), None)
    for child in cue.children:
        if child.dep_ == "ccomp":
            # 'information that officials said would harm security': the relative pronoun
            # hangs on the clause but stands before the cue
            start = cue.i + 1 if child.left_edge.i < cue.i < child.i else child.left_edge.i
            yield "ccomp", doc[start : child.right_edge.i + 1]
        elif child.dep_ == "xcomp" and child.i > cue.i:
            if dobj is not None and dobj.i < child.i:
                yield "obj+xcomp", _subtree(doc, dobj, child)
            else:
                yield "xcomp", _subtree(doc, child, child)
        elif child.dep_ == "prep" and child.i > cue.i:
            objs = [c for c in child.children if c.dep_ in {"pobj", "pcomp"}]
            if objs:
                yield f"prep:{child.lower_}", _subtree(doc, objs[0], objs[-1])
        elif child.dep_ == "acl" and cue.pos_ == "NOUN" and child.i > cue.i:
            yield "acl", _subtree(doc, child, child)
    if dobj is not None and not any(c.dep_ == "xcomp" for c in cue.children):
        yield "dobj", _subtree(doc, dobj, dobj)
    head = cue.head
    if (
        cue.dep_ in {"parataxis", "ccomp"}
        and cue.tag_ != "VBG"
        and head.i < cue.i
        and head.pos_ in {"VERB", "AUX"}
    ):
        end = cue.left_edge.i
        while end > head.left_edge.i and doc[end - 1].is_punct:
            end -= 1
        if end > head.left_edge.i:
            yield "para", doc[head.left_edge.i : end]
    if cue.dep_ == "parataxis" and head.i > cue.i and head.pos_ in {"VERB", "AUX"}:
        # 'The bigger risk, he said, is a clash': the clause around the interjected cue
        yield "inter", _subtree(doc, head, head)


def frame_candidates(cue: Token) -> list[FrameCandidate]:
    """Every frame `cue` takes here, with its content and holder; [] when it has no holder."""
    prefix = _POS_PREFIX.get(cue.pos_)
    if prefix is None or (prefix == "v" and cue.lemma_.lower() in _LIGHT_VERBS):
        return []
    frames = list(_frames(cue))
    # most words take no frame: look for a holder only where there is something held
    speaker = holder_of(cue) if frames else None
    if speaker is None:
        return []
    candidates = []
    for frame, span in frames:
        content = trim_punct(span)
        if content is None:
            continue
        if frame == "inter" or not (content.start <= speaker.start < content.end):
            candidates.append(FrameCandidate(cue, f"{prefix}:{frame}", content, speaker))
    return candidates


def length_bucket(n: int) -> str:
    for limit in (1, 2, 5, 10, 20):
        if n <= limit:
            return str(limit)
    return "more"


def holder_kind(span: Span) -> str:
    root = span.root
    if root.pos_ == "PRON":
        return f"pron:{root.lower_}"
    if root.ent_type_:
        return f"ent:{root.ent_type_}"
    return f"pos:{root.pos_}"


def holder_lemma(span: Span) -> str:
    """The holder's head word where it says what kind of source it is ('official', 'poll',
    'he'); a name says only who, which a model learns by heart."""
    root = span.root
    return "NAME" if root.ent_type_ == "PERSON" else root.lemma_.lower()


_CLAUSE_OPENERS = {"that", "to", "whether", "if", "how", "why", "what", "who", "when"}


def _first_word(content: Span) -> str:
    first = content[0]
    return first.lower_ if first.lower_ in _CLAUSE_OPENERS else first.pos_


def features(candidate: FrameCandidate, resolved: bool) -> list[str]:
    """What the attribution model weighs: the frame and its cue, who holds it (`resolved`:
    the holder is a known actor), how the content is built, and the cue's grammar."""
    cue, content, holder = candidate.cue, candidate.content, candidate.speaker
    lemma, frame = candidate.key
    kind = holder_kind(holder)
    words = [t for t in content if not t.is_punct]
    root = content.root
    modal = next((c.lower_ for c in cue.children if c.tag_ == "MD"), "")
    speech = knowledge.speech_verb(lemma)
    # 'took aim at', 'raised concerns about': the object makes a verb a stance on the phrase
    obj = next((c.lemma_.lower() for c in cue.children if c.dep_ == "dobj"), "")
    return [
        f"speech={speech.verb_class if speech else None}|{frame}",
        f"lf={lemma}|{frame}",
        f"lobj={lemma}+{obj}|{frame}",
        f"l={lemma}",
        f"f={frame}",
        f"holder={kind}",
        f"holder_lemma={holder_lemma(holder)}",
        f"f_holder={frame}|{kind}",
        f"resolved={resolved}",
        f"f_resolved={frame}|{resolved}",
        f"len={length_bucket(len(words))}",
        f"f_len={frame}|{length_bucket(len(words))}",
        f"content_root={root.pos_}",
        f"content_subject={has_subject(root)}",
        f"dep={cue.dep_}",
        f"tag={cue.tag_}",
        f"negated={any(c.dep_ == 'neg' for c in cue.children)}",
        f"modal={modal}",
        f"holder_after={holder.start > cue.i}",
        f"first={_first_word(content)}",
        f"f_first={frame}|{_first_word(content)}",
        *_context(cue, lemma),
    ]


# the cue's own auxiliaries and adverbs ('would', 'never', 'reportedly'), by word
_CONTEXT_CHILDREN = {"aux", "auxpass", "advmod", "mark", "neg"}


def _context(cue: Token, lemma: str) -> list[str]:
    """Where the cue hangs in its sentence: the words and dependencies above it ('said'
    under 'has' vs 'after he said', 'support' under 'plans to'). In 4-fold cross-validation
    on PolNeAR train they raise the indirect model's average precision from 0.772 to 0.802."""
    chain = [cue, *list(cue.ancestors)[:3]]
    deps = [t.dep_ for t in chain]
    # each ancestor's lemma with the dependency by which the word below hangs on it; 'none'
    # above the sentence's root ('ROOT' for a cue that is the root)
    above = [
        f"{chain[k + 1].lemma_.lower() if k + 1 < len(chain) else 'none'}|"
        f"{deps[k] if k < len(deps) else 'none'}"
        for k in range(3)
    ]
    return [
        f"head={above[0] if len(chain) > 1 else 'ROOT|' + cue.dep_}",
        f"grandhead={above[1]}",
        f"greatgrandhead={above[2]}",
        f"path={'/'.join(deps)}",
        f"lemma_path={lemma}|{'/'.join(deps[:3])}",
        *(f"child={c.dep_}|{c.lower_}" for c in cue.children if c.dep_ in _CONTEXT_CHILDREN),
    ]


def score(feats: list[str], weights: dict[str, float]) -> float:
    """The model's linear score of a candidate: its bias plus its features' weights."""
    return weights.get("bias", 0.0) + sum(weights.get(f, 0.0) for f in feats)


def probability(feats: list[str], weights: dict[str, float]) -> float:
    """The logistic model's probability that the candidate is an attribution."""
    return 1.0 / (1.0 + math.exp(-_clip(score(feats, weights))))


def choice_probabilities(scores: list[float]) -> list[float]:
    """The choice model's probability of each of one quotation's alternative attributions,
    against each other and against none (whose score is 0)."""
    exps = [math.exp(_clip(s)) for s in scores]
    total = 1.0 + sum(exps)
    return [e / total for e in exps]


def _clip(z: float) -> float:
    return max(-30.0, min(30.0, z))
