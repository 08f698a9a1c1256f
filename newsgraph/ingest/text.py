"""Plain-text articles from files or standard input, with bad input refused clearly."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from newsgraph.article import MAX_TEXT_CHARS, Article, check_text
from newsgraph.errors import Code, InputError

# UTF-8 needs at most 4 bytes a character: a file above this cannot fit the text limit.
MAX_FILE_BYTES = 4 * MAX_TEXT_CHARS
SNIFF_BYTES = 8192


def read_text(
    data: bytes,
    *,
    name: str = "<stdin>",
    title: str | None = None,
    published: dt.date | None = None,
) -> Article:
    """An Article from raw bytes: refuses binary, non-UTF-8 and empty input."""
    if len(data) > MAX_FILE_BYTES:
        raise InputError(Code.E004, f"{name}: {len(data):,} bytes")
    if b"\x00" in data[:SNIFF_BYTES]:
        raise InputError(Code.E002, name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(Code.E003, f"{name}: byte {exc.start} (0x{data[exc.start]:02x})") from exc
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    try:
        check_text(text)
    except InputError as exc:
        raise InputError(exc.code, f"{name}{': ' + exc.detail if exc.detail else ''}") from exc
    return Article(text=text, title=title, published=published, source=name)


def read_text_file(
    path: str | Path, *, title: str | None = None, published: dt.date | None = None
) -> Article:
    """An Article from a UTF-8 text file, or from standard input when `path` is '-'."""
    if str(path) == "-":
        data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
        return read_text(data, name="<stdin>", title=title, published=published)
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(Code.E004, f"{path}: {size:,} bytes")
        with path.open("rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise InputError(Code.E008, f"{path}: {exc.strerror or exc}") from exc
    return read_text(data, name=str(path), title=title, published=published)
