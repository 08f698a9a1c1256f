"""Who said what to whom: direct, mixed and indirect quotations with speaker and addressee.

Quotation marks are paired per paragraph by ``quotemarks.py`` (a stray apostrophe never
opens a quote; a paragraph that opens a quote and does not close it continues into the next
one that reopens it). For each quotation the rules propose every attribution the dependency
parse allows: a colon introducer, the reporting verbs nearest the marks with their
subjects, the verb the quotation hangs on, 'according to', a cue in the sentence before, a
line that signs the quotation, the previous speaker carrying on; the attribution model
(``knowledge/attribution_model.tsv``, trained on annotated news by
``training/attribution_model.py``) picks the likeliest or drops
the quotation. A quotation inside what its cue reports makes the whole report a mixed
quote. Without marks, the attribution frames of ``frames.py`` ('said that …', 'called for
…', 'urged X to …') are kept as indirect speech when the model finds them likely enough.
Speakers resolve to actors through the article's names, appositions and coreference.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from newsgraph import knowledge
from newsgraph.actors import ActorRecord, MentionRecord
from newsgraph.coref import CorefLink
from newsgraph.frames import (
    FrameCandidate,
    choice_probabilities,
    clausal_contents,
    features,
    frame_candidates,
    has_subject,
    holder_kind,
    holder_lemma,
    length_bucket,
    probability,
    score,
    speaker_of,
    trim_punct,
)
from newsgraph.quotemarks import MarkedSpan, find_quotations

FIRST_SECOND_PERSON = {"i", "we", "you", "me", "us"}
# Shorter reported clauses are mostly parser noise ('said so').
MIN_INDIRECT_TOKENS = 4
CLAUSAL_FRAMES = {"v:ccomp", "v:para", "v:inter"}
CLAIM_FRAMES = CLAUSAL_FRAMES | {"according"}
# An indirect attribution is reported when the attribution model (knowledge/
# attribution_model.tsv) gives it at least this probability; one holding a quotation
# (mixed) needs only the quotation threshold, as it counts among the quotations. With the
# cue's context features, 0.65 beats the earlier model at 0.6 on all three of 4-fold
# cross-validation's figures on PolNeAR train (P 90.58 / F direct 90.23 / R all 58.48
# against 90.05 / 89.92 / 58.30).
MIN_INDIRECT_PROBABILITY = 0.65
# A quotation is reported when the model gives its likeliest attribution at least this
# probability (against its other attributions and none).
MIN_QUOTATION_PROBABILITY = 0.45
# 'According to X, …' outside a quotation: no model weighs it, so its confidence is the
# share of such records that were right in 4-fold cross-validation on PolNeAR train (90 %
# of 338 on 2026-12-07, whether or not X resolved to an actor)
ACCORDING_PRECISION = 0.9
# A speaker that is a share of respondents ('29 percent', 'a majority of voters') speaks
# through the poll its sentence names.
SHARE_WORDS = {"percent", "%", "majority", "most", "half", "third", "quarter", "plurality"}
POLL_NOUNS = {"poll", "survey"}
# Reporting verbs near a quotation that the model weighs as its cue.
MAX_CUES_NEAR = 3
PARAGRAPH_BREAK = re.compile(r"[ \t]*\n\s*")
# '"…"¶¶- Bernie Sanders.': the line after a quotation that signs it, as fact checks and
# letters pages do; the name runs to the first comma or the line's full stop
SIGN_OFF = re.compile(r"[.,]?[ \t]*\n\s*[-–—][ \t]*([^\n,]+?)\.?(?=,|[ \t]*\n|[ \t]*$)[^\n]*")
MAX_SIGN_OFF_WORDS = 12
# A verb outside the speech list is a candidate cue only this close to the marks.
MAX_WORDS_BESIDE = 3
# 'Senate Majority Leader Harry Reid: "…"': longer leads are sentences, not names
MAX_LEAD_WORDS = 6
DASHES = {"-", "–", "—", "--"}


@dataclass(slots=True)
class QuoteRecord:
    kind: str  # direct | mixed | indirect
    start: int  # the quoted or reported content, marks excluded
    end: int
    text: str
    speaker: str | None = None
    speaker_mention: tuple[int, int, str] | None = None
    addressee: str | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    confidence: float = 0.5
    frame: str | None = None  # an indirect record's attribution frame (frames.py)

    @property
    def is_claim(self) -> bool:
        """Whether the content is put forward as so (a quotation, a reported clause,
        'according to'), not merely what a stance is about ('criticised the plan')."""
        return self.kind != "indirect" or self.frame in CLAIM_FRAMES


@dataclass(slots=True)
class QuotationCandidate:
    record: QuoteRecord
    span: MarkedSpan
    found_by: str  # colon | cue | verb | governor | according | before | signoff | continued
    rank: int  # 0 for the nearest reporting verb, 1 for the next …
    cue: Token | None
    rivals: int = 0  # the other attributions the rules found for the same quotation


def _is_fragment(doc: Doc, record: QuoteRecord, inner: str) -> bool:
    """A few quoted words without a verb, not a report of speech; '"Absolutely not," he
    said' is a whole reply: its comma or mark hands over to the cue."""
    if record.cue is not None and inner.rstrip()[-1:] in {",", "!", "?"}:
        return False
    span = doc.char_span(record.start, record.end, alignment_mode="expand")
    if span is None:
        return True
    words = [t for t in span if not t.is_punct]
    if len(words) < 3:
        return True
    return len(words) < 6 and not any(t.pos_ in {"VERB", "AUX"} for t in words)


def _is_title(inner: str) -> bool:
    """Whether every word is capitalised, as in the name of a show or a book."""
    words = [w for w in inner.split() if w[:1].isalpha()]
    return bool(words) and all(w[0].isupper() for w in words if len(w) > 3)


def _is_clause_or_long(content: Span) -> bool:
    """Reported content worth a record: a clause with its own subject ('it was illegal')
    or enough words; 'said so' and the like are parser noise."""
    if len(content) >= MIN_INDIRECT_TOKENS:
        return True
    return has_subject(content.root)


def _strip_inner(text: str, start: int, end: int) -> tuple[int, int]:
    """The quoted words without the comma or colon that hands over to the cue, nor spaces."""
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


def _holding(contents: list[Span], span: MarkedSpan) -> Span | None:
    """The first of a cue's reported clauses that overlaps the quotation."""
    return next(
        (c for c in contents if c.start_char < span.outer_end and span.outer_start < c.end_char),
        None,
    )


def _according_content(sent: Span, cue: Token, source: Span) -> Span | None:
    """What 'according to X' attributes: the longer side of its sentence."""
    phrase = (cue.left_edge.i, max(cue.right_edge.i, source.end - 1) + 1)
    before = sent.doc[sent.start : phrase[0]]
    after = sent.doc[phrase[1] : sent.end]
    return trim_punct(max((before, after), key=len))


def _likeliest(
    alternatives: list[QuotationCandidate], chances: list[float]
) -> tuple[float, QuotationCandidate]:
    """The likeliest attribution of a quotation with its chance: rules that give it to the
    same speaker mention are one outcome, whose chances add up (as the choice model is
    trained, on the chance of any right alternative), whether they report the quoted words
    alone or the clause around them; of them, the likeliest rule gives the cue and the
    words. In 4-fold cross-validation on PolNeAR train this finds more quotations than
    adding up only rules that agree on the words too (R direct 89.88 -> 89.97)."""
    keys = [candidate.record.speaker_mention[:2] for candidate in alternatives]
    outcome: dict[tuple[int, int], float] = {}
    for key, chance in zip(keys, chances, strict=True):
        outcome[key] = outcome.get(key, 0.0) + chance
    best = max(range(len(alternatives)), key=lambda j: (outcome[keys[j]], chances[j]))
    return outcome[keys[best]], alternatives[best]


def _name_after(cue: Token) -> Span | None:
    """The capitalised words right after a cue, which the tagger may take for anything but a
    name ('"…," said Skelly, explaining …' with 'Skelly' as an adverb)."""
    end = cue.i + 1
    while end < cue.sent.end and cue.doc[end].is_title and not cue.doc[end].is_sent_start:
        end += 1
    return cue.doc[cue.i + 1 : end] if end > cue.i + 1 else None


def _name_before(cue: Token) -> Span | None:
    """The capitalised words right before a cue without a subject, opening its clause, which
    the tagger took for anything but a name ('And Skelly called Braynard "…"')."""
    doc, start = cue.doc, cue.i
    while (
        start > cue.sent.start
        and doc[start - 1].is_title
        and doc[start - 1].pos_ not in {"CCONJ", "SCONJ", "DET", "PRON", "ADP"}
    ):
        start -= 1
    opens = start == cue.sent.start or doc[start - 1].dep_ == "cc" or doc[start - 1].is_punct
    return doc[start : cue.i] if start < cue.i and opens else None


def _is_spaced_dash(tok: Token) -> bool:
    """A dash between words ('agree - Carl'), not inside one ('D-Tex.')."""
    return (
        tok.text in DASHES
        and bool(tok.whitespace_)
        and tok.i > 0
        and bool(tok.nbor(-1).whitespace_)
    )


# --- attribution --------------------------------------------------------------------------


def _is_cue(tok: Token) -> bool:
    return tok.pos_ in {"VERB", "AUX"} and knowledge.speech_verb(tok.lemma_) is not None


def _addressee_of(cue: Token) -> Span | None:
    """'told Blinken', 'said to reporters', 'in a letter to the council'."""
    verb = knowledge.speech_verb(cue.lemma_)
    for child in cue.children:
        if child.dep_ in {"dobj", "dative"} and verb is not None and verb.takes_addressee:
            return cue.doc[child.left_edge.i : child.i + 1]
        if child.dep_ == "prep" and child.lower_ == "to":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return cue.doc[objs[0].left_edge.i : objs[0].i + 1]
    return None


def _according_to(sent: Span) -> tuple[Token, Span] | None:
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor().lower_ == "to":
            objs = [c for c in tok.nbor().children if c.dep_ == "pobj"]
            if objs:
                # the whole phrase: 'according to calculations by Amy Glasmeier'
                return tok, tok.doc[objs[0].left_edge.i : objs[0].right_edge.i + 1]
    return None


class QuoteFinder:
    def __init__(
        self,
        doc: Doc,
        actors: list[ActorRecord],
        links: list[CorefLink],
        min_quotation_probability: float = MIN_QUOTATION_PROBABILITY,
        min_indirect_probability: float = MIN_INDIRECT_PROBABILITY,
    ) -> None:
        self.doc = doc
        self.min_quotation_probability = min_quotation_probability
        self.min_indirect_probability = min_indirect_probability
        self.text = doc.text
        self.marked = find_quotations(self.text)
        # 1 for every character between a pair of marks (marks included)
        self._quoted = bytearray(len(self.text))
        for span in self.marked:
            self._quoted[span.outer_start : span.outer_end] = b"\x01" * (
                span.outer_end - span.outer_start
            )
        self.mention_actor: list[tuple[int, int, str]] = [
            (m.start, m.end, a.id) for a in actors for m in a.mentions
        ]
        for link in links:
            if len(link.actor_ids) == 1:
                self.mention_actor.append((link.start, link.end, link.actor_ids[0]))
        self.used_cues: set[int] = set()
        self._sentences: dict[int, list[Span]] = {}  # per quotation, by its start
        self._inners: dict[int, Span | None] = {}  # per quotation, by its start

    def actor_at(self, span: Span | None) -> str | None:
        """The actor whose mention covers the head of `span`, else the name in apposition
        to it ('Its head, General Markus Ritter')."""
        if span is None:
            return None
        head = span.root
        a, b = head.idx, head.idx + len(head.text)
        hits = [(e - s, aid) for s, e, aid in self.mention_actor if s <= a and b <= e]
        if not hits:
            appositives = [t for t in head.rights if t.dep_ == "appos" and t.i < span.end]
            for t in appositives:
                hits += [
                    (e - s, aid)
                    for s, e, aid in self.mention_actor
                    if s <= t.idx and t.idx + len(t.text) <= e
                ]
        return min(hits)[1] if hits else None

    def _inside(self, i: int) -> bool:
        return 0 <= i < len(self._quoted) and self._quoted[i] == 1

    def _tokens_outside(self, sent: Span) -> list[Token]:
        return [t for t in sent if not self._inside(t.idx)]

    def _inner(self, span: MarkedSpan) -> Span | None:
        """The tokens between a quotation's marks (built once: several rules read them)."""
        if span.outer_start not in self._inners:
            self._inners[span.outer_start] = self.doc.char_span(
                span.inner_start, span.inner_end, alignment_mode="expand"
            )
        return self._inners[span.outer_start]

    def _sentences_of(self, span: MarkedSpan) -> list[Span]:
        """The sentences a quotation starts or ends in, and the next one when only the
        attribution follows ('"…." he said' may be split after the full stop)."""
        if span.outer_start not in self._sentences:
            self._sentences[span.outer_start] = self._find_sentences(span)
        return self._sentences[span.outer_start]

    def _find_sentences(self, span: MarkedSpan) -> list[Span]:
        first = self.doc.char_span(span.inner_start, span.inner_start + 1, alignment_mode="expand")
        last = self.doc.char_span(
            max(span.inner_end - 1, 0), span.inner_end, alignment_mode="expand"
        )
        sents = []
        for tok in (first, last):
            if tok is not None and tok.sent not in sents:
                sents.append(tok.sent)
        end_tok = self.doc.char_span(span.outer_end - 1, span.outer_end, alignment_mode="expand")
        if end_tok is not None and end_tok.end < len(self.doc):
            nxt = self.doc[end_tok.end].sent
            if nxt not in sents and self.text[span.outer_end : nxt.start_char].strip() == "":
                sents.append(nxt)
        return sents

    def _words_between(self, tok: Token, span: MarkedSpan) -> int:
        if tok.idx >= span.outer_end:
            return len(self.text[span.outer_end : tok.idx].split())
        return len(self.text[tok.idx + len(tok.text) : span.outer_start].split())

    def _cues_near(self, span: MarkedSpan) -> list[Token]:
        """The reporting verbs outside the marks in the quotation's sentences, nearest first."""
        found: list[tuple[int, Token]] = []
        for sent in self._sentences_of(span):
            for tok in self._tokens_outside(sent):
                if not _is_cue(tok):
                    continue
                contents = clausal_contents(tok)
                if contents and _holding(contents, span) is None and not self._names(tok, span):
                    continue  # 'and said he was convinced …' reports something else
                while (
                    tok.dep_ == "ccomp"
                    and _is_cue(tok.head)
                    and not self._inside(tok.head.idx)
                    and not self._quotation_between(tok, tok.head)
                    and speaker_of(tok.head)
                ):
                    tok = tok.head  # 'Benjamin said he believes "…"': the outer report is his
                distance = min(abs(tok.idx - span.outer_end), abs(tok.idx - span.outer_start))
                if all(t.i != tok.i for _, t in found):
                    found.append((distance, tok))
        return [t for _, t in sorted(found, key=lambda dt: (dt[0], dt[1].i))]

    def _quotation_between(self, a: Token, b: Token) -> bool:
        """Whether another quotation stands between two cues ('"…," she said, but "…," said
        Kunin', parsed as one report of the last cue): each cue has its own."""
        start, end = sorted((a.idx, b.idx))
        return any(start < s.outer_start < end for s in self.marked)

    def _speaker_beside(self, cue: Token, span: MarkedSpan) -> Span | None:
        """The cue's subject, unless the parser took it from inside the marks or from before
        an inverted cue ('"…," said Cruz', '"…," wrote a supporter who runs …'): then the
        phrase right after the cue, or right before it ('"… The fact that …," Huckabee
        said')."""
        speaker = speaker_of(cue)
        inside = speaker is not None and self._inside(speaker.root.idx)
        right_after = cue.idx >= span.outer_end and not self.text[span.outer_end : cue.idx].strip(
            " ,"
        )
        inverted = right_after and (speaker is None or speaker.start < cue.i)
        # a cue after the quotation with no subject of its own ('"…," screenwriter Tobin
        # Marsh wrote', misparsed): the phrase between them
        unparsed = speaker is None and cue.idx >= span.outer_end
        if speaker is None and cue.idx < span.outer_start:
            return _name_before(cue)
        if not (inside or inverted or unparsed):
            return speaker
        if unparsed and (words := self._words_after_marks(cue, span)) is not None:
            return words
        chunks = [c for c in cue.doc.noun_chunks if not self._inside(c.root.idx)]
        if not right_after:
            # '"…," Representative Steve Cohen, Democrat of Tennessee, told Mr. Obama': the
            # first phrase between the marks and the cue
            between = next(
                (c for c in chunks if span.outer_end <= c.start_char and c.end <= cue.i), None
            )
            if between is not None:
                return between
        after = next((c for c in chunks if c.start == cue.i + 1), None) or _name_after(cue)
        if after is not None and (inverted or after.root.pos_ == "PROPN"):
            return after
        before = next((c for c in chunks if c.end == cue.i), None)
        # outside this quotation: after it, or before it where a split quotation's first
        # part misled the parser ('"… McCain," Trump said, "and I …"')
        if before is not None and not (span.outer_start < before.end_char <= span.outer_end):
            return before
        if inside and cue.dep_ in {"advcl", "xcomp", "conj"} and cue.head.i != cue.i:
            return self._speaker_beside(cue.head, span)  # 'Clinton …, telling the crowd, "…"'
        return speaker

    def _words_after_marks(self, cue: Token, span: MarkedSpan) -> Span | None:
        """'"…," Conway notes', '"…?" the 43-year-old asked': the few words between the
        closing mark and a cue the parser left without subject, when they are no clause of
        their own (a name tagged as part of the verb, a description tagged as an adjective)."""
        words = self.doc.char_span(span.outer_end, cue.idx, alignment_mode="contract")
        if words is None:
            return None
        words = trim_punct(words)
        if words is None or len(words) > MAX_LEAD_WORDS:
            return None
        if any(
            t.pos_ in {"VERB", "AUX", "ADP", "SCONJ", "CCONJ"} or t.text in ",;:" for t in words
        ):
            return None
        return words

    def _verb_beside(self, span: MarkedSpan) -> Token | None:
        """A verb outside the speech list right beside the quotation, with a subject: '"…,"
        it read', 'Clinton cracked, "…"', 'as the diplomat put it, "…"'; the model weighs it."""
        beside = [
            (self._words_between(tok, span), tok)
            for sent in self._sentences_of(span)
            for tok in self._tokens_outside(sent)
            if tok.pos_ == "VERB" and not _is_cue(tok) and tok.i not in self.used_cues
        ]
        beside = [(n, t) for n, t in beside if n <= MAX_WORDS_BESIDE and speaker_of(t)]
        return min(beside, key=lambda nt: (nt[0], nt[1].i))[1] if beside else None

    def _governor(self, span: MarkedSpan, cues: list[Token | None]) -> Token | None:
        """The verb outside the marks that the quotation hangs on, when no cue found so far
        is it ('Sanders supporters are crying "fraud"', 'West landed a sharp dig at "my dear
        sister"', 'ordered his team to "stand down"'): its subject is the likeliest source
        of the words, and the model weighs the verb."""
        inner = self._inner(span)
        if inner is None:
            return None
        tok = inner.root.head
        while self._inside(tok.idx) or tok.pos_ not in {"VERB", "AUX"}:
            if tok.head.i == tok.i:
                return None
            tok = tok.head
        if tok.i in self.used_cues or any(c is not None and c.i == tok.i for c in cues):
            return None
        return tok if speaker_of(tok) is not None else None

    def quotation_alternatives(
        self, span: MarkedSpan, previous: QuoteRecord | None
    ) -> list[QuotationCandidate]:
        """The attributions the rules can find for one quotation, for the model to weigh: a
        colon introducer, each reporting verb near it, 'according to', a reporting verb in
        the sentence before, a line that signs it, or the previous quotation's speaker
        carrying on."""
        found: list[tuple[str, int, Token | None, Span | None]] = []
        introduced = self._colon_introducer(span)
        if introduced is not None:
            found.append(("colon", 0, *introduced))
        for rank, cue in enumerate(self._cues_near(span)[:MAX_CUES_NEAR]):
            found.append(("cue", rank, cue, self._speaker_beside(cue, span)))
        if (verb := self._verb_beside(span)) is not None:
            found.append(("verb", 0, verb, self._speaker_beside(verb, span)))
        if (governor := self._governor(span, [c for _, _, c, _ in found])) is not None:
            found.append(("governor", 0, governor, self._speaker_beside(governor, span)))
        according = self._according_near(span)
        if according is not None and not any(how == "cue" for how, *_ in found):
            # beside a speaker's own cue, 'according to X' relays the quotation: a second
            # record (according_to), not a rival speaker
            found.append(("according", 0, *according))
        if (cue := self._cue_before(span)) is not None:
            found.append(("before", 0, cue, speaker_of(cue)))
        if (signed := self._sign_off(span)) is not None:
            found.append(("signoff", 0, None, signed))
        alternatives = []
        for found_by, rank, cue, speaker in found:
            record = self._quotation_record(span)
            self._attribute(record, span, found_by, cue, speaker)
            alternatives.append(QuotationCandidate(record, span, found_by, rank, cue))
        if previous is not None and self._continues(previous, span):
            record = self._quotation_record(span)
            record.speaker = previous.speaker
            record.speaker_mention = self._latest_mention(previous, span.outer_start)
            record.cue, record.cue_start, record.cue_end = (
                previous.cue,
                previous.cue_start,
                previous.cue_end,
            )
            alternatives.append(QuotationCandidate(record, span, "continued", 0, None))
        reportable = [a for a in alternatives if self._reportable(a)]
        for candidate in reportable:
            candidate.rivals = len(reportable) - 1
        return reportable

    def _sign_off(self, span: MarkedSpan) -> Span | None:
        """The name on the line that signs a quotation ending its paragraph ('- Clinton.')."""
        line = SIGN_OFF.match(self.text, span.outer_end)
        if line is None or len(line.group(0).split()) > MAX_SIGN_OFF_WORDS:
            return None
        name = self.doc.char_span(*line.span(1), alignment_mode="expand")
        if name is None or not (name[0].is_title or name[0].pos_ == "PROPN"):
            return None
        return name

    def _latest_mention(self, previous: QuoteRecord, before: int) -> tuple[int, int, str]:
        """The speaker's mention nearest before a quotation that carries on ('… Mr. Kamp
        said. / He sees …: "…"' is his through 'He')."""
        # a later sentence: '"…," Trump went on, as if he did not hear' keeps 'Trump'
        after = previous.speaker_mention[1]
        if previous.cue_start is not None:
            cue = self.doc.char_span(previous.cue_start, previous.cue_end, alignment_mode="expand")
            after = max(after, cue.sent.end_char) if cue is not None else after
        later = [
            (start, end)
            for start, end, actor in self.mention_actor
            if actor == previous.speaker
            and after <= start
            and end <= before
            and not self._inside(start)
        ]
        if not later:
            return previous.speaker_mention
        start, end = max(later)
        return start, end, self.text[start:end]

    def _quotation_record(self, span: MarkedSpan) -> QuoteRecord:
        start, end = _strip_inner(self.text, span.inner_start, span.inner_end)
        return QuoteRecord("direct", start, end, self.text[start:end])

    def _reportable(self, candidate: QuotationCandidate) -> bool:
        mention = candidate.record.speaker_mention
        if mention is None:
            return False  # unattributed: a title or a scare quote more often than speech
        if mention[0] < candidate.span.outer_end and candidate.span.outer_start < mention[1]:
            return False  # 'according to Blair's "The Trumps"': a title in the source's name
        # 'I said' belongs to a quotation whose marks were lost
        return self.text[mention[0] : mention[1]].lower() not in FIRST_SECOND_PERSON

    def _fragment(self, candidate: QuotationCandidate) -> str:
        """'yes' for a few quoted words held at a distance ('the so-called
        "establishment"'), unless the cue names something so ('a country Romney called "our
        No. 1 geopolitical foe"') or a colon hands the words to a speaker ('Okafor: 'Dead
        on Arrival''); the model weighs it."""
        record, span = candidate.record, candidate.span
        inner = self.text[span.inner_start : span.inner_end]
        if record.kind != "direct" or not _is_fragment(self.doc, record, inner):
            return "no"
        if candidate.found_by == "colon":
            return "colon"
        return "named" if self._named_by_cue(candidate) else "yes"

    def _named_by_cue(self, candidate: QuotationCandidate) -> bool:
        cue = candidate.cue
        return cue is not None and candidate.found_by == "cue" and self._names(cue, candidate.span)

    def _names(self, cue: Token, span: MarkedSpan) -> bool:
        """Whether the quotation is what the cue names something as ('what Mayor Ruiz called
        "a perception problem"')."""
        inner = self._inner(span)
        return inner is not None and any(t.head.i == cue.i and t.dep_ == "oprd" for t in inner)

    def _attribute(
        self,
        record: QuoteRecord,
        span: MarkedSpan,
        found_by: str,
        cue: Token | None,
        speaker: Span | None,
    ) -> None:
        """Fill the record's speaker, cue, addressee and, for a quotation inside what a
        cue reports, its mixed content."""
        if found_by == "according" and cue is not None and speaker is not None:
            self._according_cue(record, cue, speaker)
            # 'According to Bennani, the talks "went nowhere"': the whole claim is his
            content = _according_content(cue.sent, cue, speaker)
            if content is not None and self._kind_of(content) == "mixed":
                self._make_mixed(record, content.start_char, content.end_char)
            return
        if speaker is not None:
            self._set_speaker(record, speaker)
        if found_by == "colon":
            # 'Issa: Clinton's 'Honesty Is In Question'': the words between the colon and the
            # marks are the speaker's too
            after_colon = self.text.rfind(":", 0, span.outer_start) + 1
            words = self.text[after_colon : span.outer_start]
            if words.strip():
                start = after_colon + len(words) - len(words.lstrip())
                self._make_mixed(record, start, span.outer_end)
        if cue is None:
            return
        self._set_cue(record, cue, with_addressee=_is_cue(cue))
        if found_by not in {"cue", "verb", "governor"}:
            return
        content = self._clause_around(cue, span) or self._object_content(cue, span)
        if (
            content is not None
            and content.start_char < span.outer_start - 1
            and (content.end_char >= span.inner_end - 1)
        ):
            self._make_mixed(record, content.start_char, max(content.end_char, span.outer_end))

    def _make_mixed(self, record: QuoteRecord, start: int, end: int) -> None:
        """Widen a quotation's record to the report around it."""
        record.kind, record.start, record.end = "mixed", start, end
        record.text = self.text[start:end]

    def quotation_features(self, candidate: QuotationCandidate) -> list[str]:
        """What the attribution model weighs for a quotation: how its speaker was found,
        the cue, who the speaker is, and the shape of the quotation."""
        record, span = candidate.record, candidate.span
        holder = self.doc.char_span(*record.speaker_mention[:2], alignment_mode="expand")
        kind = holder_kind(holder) if holder is not None else "none"
        how = candidate.found_by
        cue = self.doc.char_span(record.cue_start, record.cue_end) if record.cue_start else None
        lemma = cue.root.lemma_.lower() if cue is not None else "none"
        inner = self.text[span.inner_start : span.inner_end].rstrip()
        words = len(inner.split())
        side = "none" if record.cue_start is None else str(record.cue_start < span.outer_start)
        rank = str(min(candidate.rank, 2))
        fragment = self._fragment(candidate)
        return [
            f"how={how}",
            f"how_rank={how}|{rank}",
            f"how_kind={how}|{record.kind}",
            f"cue={lemma}",
            f"how_cue={how}|{lemma}",
            f"holder={kind}",
            f"how_holder={how}|{kind}",
            f"holder_lemma={holder_lemma(holder) if holder is not None else ''}",
            f"resolved={record.speaker is not None}",
            f"how_resolved={how}|{record.speaker is not None}",
            f"cue_before={side}",
            f"end={inner[-1:] if inner[-1:] in ',.?!:;' else 'other'}",
            f"len={length_bucket(words)}",
            f"how_len={how}|{length_bucket(words)}",
            f"opens_paragraph={self.text[: span.outer_start].rstrip(' ')[-1:] in ('', chr(10))}",
            f"how_breaks={how}|{min(self._breaks_to(record.speaker_mention, span), 2)}",
            # the previous speaker carrying on is likelier where nothing else attributes it
            f"how_alone={how}|{candidate.rivals == 0}",
            f"fragment={fragment}",
            # 'missing from "Rush Hour"': a title in marks is named, not quoted
            f"how_title={how}|{_is_title(inner)}",
            f"role={self._role(span)}",
            f"how_fragment={how}|{fragment}",
            *self._cue_position(candidate, holder),
        ]

    def _role(self, span: MarkedSpan) -> str:
        """How the quotation hangs in its sentence: 'pobj' for 'said on "Meet the Press"'."""
        inner = self._inner(span)
        return inner.root.dep_ if inner is not None else "none"

    def _breaks_to(self, mention: tuple[int, int, str], span: MarkedSpan) -> int:
        """Paragraph breaks between a speaker mention and the quotation."""
        if mention[1] <= span.outer_start:
            between = self.text[mention[1] : span.outer_start]
        else:
            between = self.text[span.outer_end : max(mention[0], span.outer_end)]
        return len(PARAGRAPH_BREAK.findall(between))

    def _cue_position(self, candidate: QuotationCandidate, holder: Span | None) -> list[str]:
        """Where the cue and the speaker stand: the cue's role in its sentence, how far it
        is from the marks, how the speaker hangs on it."""
        cue, span = candidate.cue, candidate.span
        if cue is None:
            return ["cue_dep=none"]
        gap = min(abs(cue.idx - span.outer_end), abs(cue.idx - span.outer_start))
        words = len(
            self.text[min(cue.idx, span.outer_end) : max(cue.idx, span.outer_start)].split()
        )
        return [
            f"cue_dep={cue.dep_}",
            f"how_cue_dep={candidate.found_by}|{cue.dep_}",
            f"gap={length_bucket(words if gap else 0)}",
            f"holder_dep={holder.root.dep_ if holder is not None else 'none'}",
        ]

    def direct_and_mixed(self) -> list[QuoteRecord]:
        """Each quotation with the attribution the model finds likeliest, if likely enough."""
        records: list[QuoteRecord] = []
        weights = knowledge.attribution_weights("quotation")
        previous: QuoteRecord | None = None
        for span in self.marked:
            if not self.text[span.inner_start : span.inner_end].strip():
                continue
            alternatives = self.quotation_alternatives(span, previous)
            if not alternatives:
                continue
            chances = choice_probabilities(
                [score(self.quotation_features(a), weights) for a in alternatives]
            )
            chance, best = _likeliest(alternatives, chances)
            if chance < self.min_quotation_probability:
                continue
            best.record.confidence = round(chance, 2)
            if best.cue is not None:
                self.used_cues.add(best.cue.i)
            records.append(best.record)
            previous = best.record
        return records

    def _colon_introducer(self, span: MarkedSpan) -> tuple[Token | None, Span] | None:
        """'He added: "…"', 'he gave the Texan a back-handed compliment: "…"', 'HuffPollster:
        "…"': whoever the clause before the colon is about introduces the quotation."""
        before = self.text[: span.outer_start].rstrip()
        line = before[before.rfind("\n") + 1 :]
        # 'Issa: Clinton's 'Honesty Is In Question'': a name and a colon may introduce a
        # line that quotes further on
        named_only = not before.endswith(":")
        if named_only and not (":" in line and len(line.split(":")[-1].split()) <= 12):
            return None
        at = before.rfind(":")
        colon = self.doc.char_span(at, at + 1, alignment_mode="expand")
        if colon is None or colon.start == 0:
            return None
        last = self.doc[colon.start - 1]
        if not named_only and (lead := self._line_lead(colon.start)) is not None:
            return None, lead

        # a headline's name may be tagged as anything ('Issa:' as an adjective)
        def named(tok: Token) -> bool:
            return tok.pos_ == "PROPN" or (named_only and tok.is_title and tok.pos_ != "PRON")

        if named(last) and last.dep_ not in {"pobj", "dobj"}:
            start = last.i
            while start > last.sent.start and named(self.doc[start - 1]):
                start -= 1
            return None, self.doc[start : last.i + 1]
        if named_only:
            return None
        verb = last
        while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
            verb = verb.head
        if verb.pos_ not in {"VERB", "AUX"} or self._inside(verb.idx):
            return None  # a verb inside the marks is the quotation's own
        speaker = speaker_of(verb)
        return (verb, speaker) if speaker is not None else None

    def _line_lead(self, colon: int) -> Span | None:
        """The name that opens a line and a colon, as headlines and transcripts hand over a
        quotation: 'Lopez: "…"', 'WSJ editorial: "…"', 'Ortega on the strike: "…"'. The
        tagger takes such names for anything, so they are told by their capitals and by
        having no verb of their own."""
        first = colon
        # a digest's item names its source after a dash: 'Pollsters agree - Carl Bialik: "…"'
        while first > 0 and not (
            "\n" in self.doc[first - 1].whitespace_ + self.doc[first - 1].text
            or _is_spaced_dash(self.doc[first - 1])
        ):
            first -= 1
        lead = self.doc[first:colon]
        on = next((t.i for t in lead if t.lower_ == "on" and t.i > first), colon)
        name = self.doc[first:on]
        if not 0 < len(name) <= MAX_LEAD_WORDS or not (on < colon or len(lead) == len(name)):
            return None
        if not name[0].is_title and name[0].pos_ != "PROPN":
            return None
        if any(t.pos_ == "PRON" or (t.pos_ in {"VERB", "AUX"} and not t.is_title) for t in name):
            return None
        return name

    def _cue_before(self, span: MarkedSpan) -> Token | None:
        """'The minister spoke after the vote. / "We won," …': a reporting verb with a
        subject but no content of its own in the sentence just before the quotation."""
        tok = self.doc.char_span(span.outer_start, span.outer_start + 1, alignment_mode="expand")
        if tok is None or tok.sent.start == 0:
            return None
        before = self.doc[tok.sent.start - 1].sent
        colon = before.text.rstrip().endswith(":")
        if not colon and any(t.i in self.used_cues for t in before):
            return None  # '"…," Corker said, pointing out that 98 senators …': he carries on
        cues = [
            t
            for t in self._tokens_outside(before)
            if _is_cue(t) and t.i not in self.used_cues and not clausal_contents(t)
        ]
        if not cues or not (colon or len(cues) == 1):
            return None
        return cues[-1] if speaker_of(cues[-1]) is not None else None

    def _attach_cue(self, record: QuoteRecord, cue: Token, speaker: Span | None) -> None:
        self.used_cues.add(cue.i)
        self._set_cue(record, cue)
        if speaker is not None:
            self._set_speaker(record, speaker)

    def _set_cue(self, record: QuoteRecord, cue: Token, with_addressee: bool = True) -> None:
        # a negated cue keeps its negation ('did not comment on the protest'), so that the
        # record never reads as if the speaker had said something
        negation = next((c for c in cue.lefts if c.dep_ == "neg"), None)
        first = negation or cue
        if negation is not None and negation.i > 0:
            aux = self.doc[negation.i - 1]
            if aux.dep_ == "aux" and aux.head.i == cue.i:
                first = aux  # 'did not comment'
        record.cue_start, record.cue_end = first.idx, cue.idx + len(cue.text)
        record.cue = self.text[record.cue_start : record.cue_end]
        record.addressee = self.actor_at(_addressee_of(cue)) if with_addressee else None

    def _set_speaker(self, record: QuoteRecord, speaker: Span) -> None:
        speaker = self._poll_of(speaker) or speaker
        record.speaker_mention = (speaker.start_char, speaker.end_char, speaker.text)
        record.speaker = self.actor_at(speaker)

    def _poll_of(self, speaker: Span) -> Span | None:
        """'In a CNN/ORC poll, 29 percent said …': a share of respondents speaks through the
        poll or survey its sentence names, which is the source of what they said."""
        root = speaker.root
        share = root.lower_ in SHARE_WORDS or root.ent_type_ in {"PERCENT", "CARDINAL"}
        if not share:
            return None
        polls = [
            c
            for c in root.sent.noun_chunks
            if c.root.lemma_.lower() in POLL_NOUNS and not (c.start <= root.i < c.end)
        ]
        return polls[0] if polls else None

    def _clause_around(self, cue: Token, span: MarkedSpan) -> Span | None:
        """The clause the cue reports that holds the quotation, if any."""
        return _holding(clausal_contents(cue), span)

    def _object_content(self, cue: Token, span: MarkedSpan) -> Span | None:
        """'called the program "worse than amnesty"', 'denounced him as a "psychopath"',
        'lamented the "disheartened" state of the race': the cue's dependents after it, up to
        the one that holds the quotation."""
        inner = self._inner(span)
        if inner is None or not cue.i < inner.start:
            return None
        rights = [c for c in cue.rights if not c.is_punct and c.dep_ not in {"cc", "conj"}]
        for child in rights:
            if child.left_edge.i <= inner.start <= child.right_edge.i:
                return self.doc[rights[0].left_edge.i : child.right_edge.i + 1]
        return None

    def _according_near(self, span: MarkedSpan) -> tuple[Token, Span] | None:
        tok = self.doc.char_span(span.inner_start, span.inner_start + 1, alignment_mode="expand")
        return _according_to(tok.sent) if tok is not None else None

    def _continues(self, previous: QuoteRecord, span: MarkedSpan) -> bool:
        """A quotation after an attributed one, in the same or the next paragraph, or after
        'He added:' on the line before; however many words stand between, the model weighs
        it against the rules that find a speaker of its own."""
        # a blank line between paragraphs is one break, as a single newline is
        between = self.text[previous.end : span.outer_start]
        return len(PARAGRAPH_BREAK.findall(between)) <= 1

    def indirect_candidates(self, taken: list[QuoteRecord]) -> Iterator[FrameCandidate]:
        """Every attribution frame outside quotation marks and outside the direct quotes."""
        for tok in self.doc:
            if tok.i in self.used_cues or self._inside(tok.idx):
                continue
            for candidate in frame_candidates(tok):
                content = candidate.content
                if candidate.frame in CLAUSAL_FRAMES and not _is_clause_or_long(content):
                    continue
                # outside quotation marks, 'I think …' and 'we found …' are the writer's own
                # reports (op-eds, first-person pieces), which the model weighs by their
                # holder; 'you' addresses the reader. In 4-fold cross-validation on PolNeAR
                # train, keeping them raises R all from 58.51 to 58.73.
                if candidate.speaker.root.lower_ == "you":
                    continue
                if any(q.start <= content.start_char < q.end for q in taken):
                    continue
                yield candidate

    def candidate_features(self, candidate: FrameCandidate, kind: str | None = None) -> list[str]:
        """The indirect model's features; `kind` is the content's ``_kind_of`` where the
        caller has it already."""
        return [
            *features(candidate, self.actor_at(candidate.speaker) is not None),
            f"content_kind={kind or self._kind_of(candidate.content)}",
        ]

    def indirect(self, taken: list[QuoteRecord]) -> list[QuoteRecord]:
        """'X said (that) …', 'X warned of …', 'X called for …', 'X suggested the US may cut
        off aid': per cue, its most reliable frame, if reliable enough."""
        best: dict[int, tuple[float, FrameCandidate, str]] = {}
        weights = knowledge.attribution_weights("indirect")
        # a report holding a quotation counts among the quotations: either threshold admits it
        with_quotation = min(self.min_indirect_probability, self.min_quotation_probability)
        for candidate in self.indirect_candidates(taken):
            # a report with a quotation in it ('said the plan was "a disaster" for the town')
            # is mixed; one that is the quotation ('a dig at "our friends"') direct
            kind = self._kind_of(candidate.content)
            chance = probability(self.candidate_features(candidate, kind), weights)
            if chance < (self.min_indirect_probability if kind == "indirect" else with_quotation):
                continue
            i = candidate.cue.i
            if i not in best or chance > best[i][0]:
                best[i] = (chance, candidate, kind)
        records: list[QuoteRecord] = []
        taken_spans = [(r.start, r.end) for r in taken]
        reports = {j: (c.content.start_char, c.content.end_char) for j, (_, c, _) in best.items()}
        for i in sorted(best):
            chance, candidate, kind = best[i]
            at = candidate.cue.idx
            if any(start <= at < end for start, end in taken_spans) or any(
                start <= at < end for j, (start, end) in reports.items() if j != i
            ):
                continue  # a report inside a report: the outer one is the attribution
            content = candidate.content
            record = QuoteRecord(kind, content.start_char, content.end_char, content.text)
            self._attach_cue(record, candidate.cue, candidate.speaker)
            record.confidence, record.frame = round(chance, 2), candidate.frame
            records.append(record)
        return records

    def according_to(self, quotations: list[QuoteRecord]) -> list[QuoteRecord]:
        """'According to the ministry, 43 people were detained.' A quotation whose cue shares
        the sentence ('"…," Ware said, according to The Blaze') is reported by that source
        too: a second record of the same words."""
        records: list[QuoteRecord] = []
        for sent in self.doc.sents:
            found = _according_to(sent)
            if found is None:
                continue
            cue, speaker = found
            relayed = [
                q
                for q in quotations
                if q.cue_start is not None
                and sent.start_char <= q.cue_start < sent.end_char
                and q.cue != "according to"
            ]
            for q in relayed:
                record = replace(q, addressee=None)
                self._according_cue(record, cue, speaker)
                records.append(record)
            if relayed or any(sent.start_char <= q.start < sent.end_char for q in quotations):
                continue
            content = _according_content(sent, cue, speaker)
            if content is None or len(content) < MIN_INDIRECT_TOKENS:
                continue
            record = QuoteRecord(
                self._kind_of(content), content.start_char, content.end_char, content.text
            )
            self._according_cue(record, cue, speaker)
            record.frame = "according"
            record.confidence = ACCORDING_PRECISION
            records.append(record)
        return records

    def _kind_of(self, content: Span) -> str:
        """'direct' for words inside one pair of marks, 'mixed' for a report with a quotation
        in it, else 'indirect'."""
        start, end = content.start_char, content.end_char
        if any(s.inner_start <= start and end <= s.inner_end for s in self.marked):
            return "direct"
        if any(start < s.outer_end and s.outer_start < end for s in self.marked):
            return "mixed"
        return "indirect"

    def _according_cue(self, record: QuoteRecord, cue: Token, source: Span) -> None:
        record.cue, record.cue_start = "according to", cue.idx
        record.cue_end = cue.idx + len("according to")
        self._set_speaker(record, source)


def find_quotes(
    doc: Doc,
    actors: list[ActorRecord],
    links: list[CorefLink],
    min_quotation_probability: float = MIN_QUOTATION_PROBABILITY,
    min_indirect_probability: float = MIN_INDIRECT_PROBABILITY,
) -> list[QuoteRecord]:
    finder = QuoteFinder(doc, actors, links, min_quotation_probability, min_indirect_probability)
    direct = finder.direct_and_mixed()
    records = direct + finder.according_to(direct)
    records += finder.indirect(records)
    records = [q for q in records if not _claimed_by_report(q, records)]
    records.sort(key=lambda q: (q.start, q.end))
    return records


def _claimed_by_report(quotation: QuoteRecord, records: list[QuoteRecord]) -> bool:
    """Whether a quotation lies inside a likelier report that another speaker makes of it
    ('Trump opened his campaign with a speech that called migrants "criminals"', the words
    given by their own weaker rule to someone else): the report's speaker says them."""
    if quotation.kind != "direct":
        return False
    return any(
        r.kind == "mixed"
        and r is not quotation
        and r.start <= quotation.start
        and quotation.end <= r.end
        and r.confidence > quotation.confidence
        and r.speaker_mention[:2] != quotation.speaker_mention[:2]
        for r in records
    )


# Nouns for unnamed sources beside the shipped nominals ('official', 'aide', 'analyst' …).
SOURCE_NOUNS = {"source", "critic", "insider", "observer", "participant", "attendee"}
_DETERMINERS = {"a", "an", "the", "one", "some", "two", "three", "several"}
_INDEFINITE = {"a", "an", "one", "some", "several", "many", "other", "another", "any"}


def anonymous_sources(
    doc: Doc, quotes: list[QuoteRecord], links: list[CorefLink], first_id: int
) -> list[ActorRecord]:
    """'A senior official said …', 'officials say …': a quotation's speaker that names nobody
    and resolves to no actor becomes an anonymous actor of its own (the same description
    twice, one actor), rather than a guess. Sets those quotations' `speaker`. Descriptions
    that coreference ties to actors ('both leaders') or that hang on a name ('Blinken's
    aides') are not anonymous."""
    sources: dict[str, ActorRecord] = {}
    for q in quotes:
        if q.speaker is not None or q.speaker_mention is None:
            continue
        start, end, text = q.speaker_mention
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or span.root.pos_ != "NOUN":
            continue
        root = span.root
        if any(link.start <= root.idx < link.end for link in links):
            continue
        if any(c.dep_ in {"poss", "compound"} and c.pos_ == "PROPN" for c in root.children):
            continue
        if any(c.lower_ in {"both", "two"} for c in root.children):
            continue  # 'both leaders', 'the two ministers': people already named
        known = knowledge.nominal(root.lemma_) or knowledge.nominal(root.lower_)
        if (known is None or known.type == "GPE") and root.lemma_.lower() not in SOURCE_NOUNS:
            continue
        words = text.split()
        key = " ".join(words[1:] if words[0].lower() in _DETERMINERS else words).lower()
        actor = sources.get(key)
        definite = any(
            c.dep_ in {"det", "poss"} and c.lower_ not in _INDEFINITE for c in root.children
        )
        if actor is None and definite:
            continue  # 'the minister' points back to someone coreference did not find
        if actor is None:
            actor = ActorRecord(
                id=f"a{first_id + len(sources)}",
                name=text,
                type=known.type if known else "PERSON",
                key=f"S:{key}",
                sector=known.sector if known else None,
                anonymous=True,
                confidence=q.confidence,
            )
            sources[key] = actor
        actor.add_mention(MentionRecord(start, end, text, "nominal"))
        q.speaker = actor.id
    return list(sources.values())
