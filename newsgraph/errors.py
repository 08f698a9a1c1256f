"""newsgraph's coded error catalogue.

Every error a user can meet has a stable code, so that scripts and issue reports can name it.
Errors from dependencies are translated at the boundary (``raise … from exc``).
"""

from __future__ import annotations

from enum import StrEnum


class Code(StrEnum):
    E001 = "empty input: the article has no text"
    E002 = "binary input: the file is not text"
    E003 = "not UTF-8: the file's bytes are not valid UTF-8 text"
    E004 = "input too large"
    E005 = "spaCy pipeline not installed"
    E006 = "spaCy pipeline is not the one newsgraph expects"
    E007 = "invalid publication date: expected YYYY-MM-DD"
    E008 = "cannot read file"
    E009 = "spaCy pipeline lacks a component newsgraph needs"


class NewsgraphError(Exception):
    """Base class of every error newsgraph raises on purpose."""

    def __init__(self, code: Code, detail: str = "") -> None:
        self.code = code
        self.detail = detail
        message = f"{code.name}: {code.value}"
        super().__init__(f"{message}: {detail}" if detail else message)


class InputError(NewsgraphError, ValueError):
    """The article itself cannot be analysed (empty, binary, not UTF-8, too large)."""


class ModelError(NewsgraphError, RuntimeError):
    """The spaCy pipeline is missing or not usable."""
