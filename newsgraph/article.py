"""The `Article`: what readers produce and analysis consumes."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from newsgraph.errors import Code, InputError

# A news article is a few kilobytes; 5 MB of text is a book or a dump, not an article.
MAX_TEXT_CHARS = 5_000_000


def parse_published(value: str | dt.date | None) -> dt.date | None:
    """A publication date from 'YYYY-MM-DD' (or a date/datetime); None stays None."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError as exc:
        raise InputError(Code.E007, repr(value)) from exc


def check_text(text: str) -> str:
    """The text if it can be analysed, else an InputError saying why."""
    if not text or not text.strip():
        raise InputError(Code.E001)
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(Code.E004, f"{len(text):,} characters; the limit is {MAX_TEXT_CHARS:,}")
    if "\x00" in text:
        raise InputError(Code.E002, "it contains NUL characters")
    return text


@dataclass(frozen=True)
class Article:
    text: str
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
    language: str = "en"
    id: str = field(default="")

    @property
    def text_sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def article_id(self) -> str:
        """The given id, else one derived from the content hash (stable across runs)."""
        return self.id or self.text_sha256[:16]
