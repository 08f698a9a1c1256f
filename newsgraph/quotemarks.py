"""Quotation marks paired into quotations, on text alone.

Straight, curly, single and guillemet marks are paired per paragraph by a tolerant state
machine: single quotes only where they open a paragraph or follow a space and close before
punctuation (so that "the US' top diplomat" is an apostrophe), two apostrophes as one double
mark, a double mark of the wrong hand read by where it stands ('… well.“' closes), a
paragraph that opens a quotation and does not close it continued into the next paragraph
that reopens it. Coreference and quotation attribution both read these spans.
"""

from __future__ import annotations

from dataclasses import dataclass

DOUBLE_OPEN = {"“": "”", "«": "»", "„": "“"}
DOUBLE_CLOSE = {"”", "»"}
STRAIGHT = {'"'}
MIN_SINGLE_QUOTE_WORDS = 3
# A headline quotes in single marks, however short ("Gingrich Takes Talk 'Very Seriously'").
MAX_HEADLINE_CHARS = 200


@dataclass(slots=True)
class MarkedSpan:
    """A quotation between marks: outer offsets include the marks, inner exclude them."""

    outer_start: int
    outer_end: int
    inner_start: int
    inner_end: int


# --- finding quotation marks -------------------------------------------------------------


def _neighbours(text: str, i: int) -> tuple[str, str]:
    """The characters either side of a mark, a space past either end of the text."""
    return (text[i - 1] if i > 0 else " ", text[i + 1] if i + 1 < len(text) else " ")


def _is_single_open(text: str, i: int) -> bool:
    before, after = _neighbours(text, i)
    return (before.isspace() or before in "([:—–-") and (after.isalnum() or after in '‘"“')


def _is_single_close(text: str, i: int) -> bool:
    before, after = _neighbours(text, i)
    return not before.isspace() and not after.isalnum()


def _single_quotes(
    text: str, start: int, end: int, taken: list[MarkedSpan], min_words: int
) -> list[MarkedSpan]:
    """'…' and ‘…’ of at least `min_words` words, outside double quotations."""
    found: list[MarkedSpan] = []
    open_at: int | None = None
    for i in range(start, end):
        ch = text[i]
        if ch not in {"'", "‘", "’"} or any(s.outer_start <= i < s.outer_end for s in taken):
            continue
        if open_at is None:
            if ch in {"'", "‘"} and _is_single_open(text, i):
                open_at = i
        elif ch in {"'", "’"} and _is_single_close(text, i):
            inner = text[open_at + 1 : i]
            if len(inner.split()) >= min_words:
                found.append(MarkedSpan(open_at, i + 1, open_at + 1, i))
                open_at = None
    return found


def _stray(line: str, i: int) -> bool:
    before, after = _neighbours(line, i)
    return before.isspace() and after.isspace()


def _after_single(line: str, i: int) -> bool:
    """A mark after a closing single quote and a space ends the double quotation it is nested
    in ('"They treat it like, 'Oh, this is important,' " the organiser said')."""
    return i >= 2 and line[i - 2] in "'’" and line[i - 1] == " "


def _closes(line: str, i: int) -> bool:
    """A mark after a word or punctuation and before no word closes a quotation."""
    before, after = _neighbours(line, i)
    return not before.isspace() and not after.isalnum()


def _opens_as_typo(line: str, i: int) -> bool:
    """A closing mark typed where the opening one belongs: after a space or at the start of a
    paragraph and before a word ('”Isis declares …”')."""
    before, after = _neighbours(line, i)
    return (
        line[i] in DOUBLE_CLOSE
        and (before.isspace() or not before.isprintable())
        and after.isalnum()
    )


def _is_attribute_value(line: str, i: int) -> bool:
    """A mark right after 'name=' opens the value of a markup attribute, not a quotation."""
    return i >= 2 and line[i - 1] == "=" and line[i - 2].isalnum()


def _reopens(line: str) -> int | None:
    """Where the quotation mark that reopens a continued quotation stands, if it does."""
    body = line.lstrip()
    if body[:1] in DOUBLE_OPEN or body[:1] in STRAIGHT:
        return len(line) - len(body)
    return None


def find_quotations(text: str) -> list[MarkedSpan]:
    """Every quotation between marks, a multi-paragraph one as one span. Unbalanced marks
    cost at most the quotation they touch; nothing here raises on any input."""
    spans: list[MarkedSpan] = []
    # Two apostrophes stand for a double quotation mark in some wires (''like this''): the
    # scan reads them as one mark, keeping every offset as it is in the text.
    scan = text.replace("''", '\u200b"')
    lines = scan.split("\n")
    open_at: int | None = None
    closer = ""
    base = 0
    for n, line in enumerate(lines):
        i = 0
        if open_at is not None:  # a quotation continued from the previous paragraph
            i = (_reopens(line) or 0) + 1
        while i < len(line):
            ch = line[i]
            if (
                ch in STRAIGHT
                and _stray(line, i)
                and not (open_at is not None and _after_single(line, i))
            ):
                pass  # '" ' between spaces opens and closes nothing
            elif open_at is None and ch in STRAIGHT and _is_attribute_value(line, i):
                i = max(i, line.find('"', i + 1))  # markup: 'author="JebBush"' quotes no one
            elif open_at is None:
                if ch in DOUBLE_OPEN or ch in STRAIGHT or _opens_as_typo(line, i):
                    open_at, closer = base + i, DOUBLE_OPEN.get(ch, '"')
            elif (
                ch == closer
                or ch in DOUBLE_CLOSE
                or ((ch in STRAIGHT or ch in DOUBLE_OPEN) and _closes(line, i))
            ):
                # typography mixed within a quotation ('“I disagree," he said') still closes
                # it, as does an opening mark typed where the closing one belongs ('… well.“')
                spans.append(MarkedSpan(open_at, base + i + 1, open_at + 1, base + i))
                open_at = None
            elif ch in DOUBLE_OPEN or ch in STRAIGHT:
                open_at, closer = base + i, DOUBLE_OPEN.get(ch, '"')  # an unclosed one restarts
            i += 1
        if open_at is not None and (n + 1 == len(lines) or _reopens(lines[n + 1]) is None):
            open_at = None  # never closed: dropped, and only it
        headline = n == 0 and len(lines) > 1 and len(line) <= MAX_HEADLINE_CHARS
        min_words = 1 if headline else MIN_SINGLE_QUOTE_WORDS
        spans.extend(_single_quotes(scan, base, base + len(line), spans, min_words))
        base += len(line) + 1
    for span in spans:
        if span.outer_start > 0 and text[span.outer_start - 1 : span.outer_start + 1] == "''":
            span.outer_start -= 1
        if text[span.inner_end - 1 : span.inner_end + 1] == "''":
            span.inner_end -= 1
            span.outer_end = max(span.outer_end, span.inner_end + 2)
    return sorted(spans, key=lambda s: s.outer_start)
