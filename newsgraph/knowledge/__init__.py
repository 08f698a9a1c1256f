"""Versioned knowledge newsgraph writes and ships, and its loader.

The data lives in UTF-8 TSV files beside this module (``countries.tsv``, ``organizations.tsv``,
``titles.tsv``, ``nominals.tsv``, ``metonyms.tsv``, ``speech_verbs.tsv``, ``plover.tsv``). Each
starts with a ``# newsgraph knowledge vN`` line, may carry more ``#`` comment lines, then a header
line. They are read lazily, once, through :mod:`importlib.resources`, so the loader works from an
installed wheel.

Lookups
-------
Names are matched after light normalisation: surrounding whitespace and a trailing possessive
(``'s``, ``'``) are removed, a leading ``the`` is ignored, curly apostrophes become straight ones
and accents are ignored. Abbreviations written without lower-case letters (``US``, ``U.S.``,
``UK``, ``EU``, ``WHO``) match only in that exact case, so ``"us"`` and ``"who"`` match nothing;
every other name matches regardless of case.

User actor dictionaries
-----------------------
:func:`load_actor_dictionary` merges a user's own TSV of extra actors into the lookups. The file is
UTF-8, tab-separated; blank lines and lines starting with ``#`` are ignored; an optional header
line ``name<TAB>aliases<TAB>type<TAB>country<TAB>sector`` may come first. Columns:

``name``
    canonical name (required), e.g. ``Antony Blinken``.
``aliases``
    ``|``-separated other names, e.g. ``Blinken|Tony Blinken`` (may be empty).
``type``
    one of ``PERSON``, ``ORG``, ``GPE``, ``NORP``, ``LOC``, ``OTHER`` (required).
``country``
    ISO 3166-1 alpha-3 code or a CAMEO/PLOVER international code (``IGO``, ``UNO``, ``EUR``,
    ``IGOWSTNAT``, ...), 3 to 12 upper-case letters, or empty.
``sector``
    a PLOVER sector code (three upper-case letters, e.g. ``GOV``), or empty.

Trailing empty columns may be omitted. A malformed row raises :class:`ValueError` naming the file
and line number, and nothing from that file is merged. Entries of type ``GPE`` whose ``country``
is a known country code also become extra names for that country in :func:`country_by_name`.
Later files override earlier ones for the same name; :func:`clear_actor_dictionaries` forgets them.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import TypeVar

__all__ = [
    "ACTOR_TYPES",
    "SECTORS",
    "TITLE_PREFIXES",
    "Country",
    "Metonym",
    "Nominal",
    "Organization",
    "PloverTrigger",
    "SpeechVerb",
    "Title",
    "UserActor",
    "actor_dictionary_entry",
    "attribution_weights",
    "clear_actor_dictionaries",
    "countries",
    "country_by_capital",
    "country_by_code",
    "country_by_demonym",
    "country_by_name",
    "knowledge_version",
    "load_actor_dictionary",
    "load_plover_lexicon",
    "metonym",
    "metonyms",
    "nominal",
    "organization_by_name",
    "organization_by_nominal",
    "organizations",
    "plover_content_modes",
    "plover_triggers",
    "speech_verb",
    "speech_verbs",
    "title_by_phrase",
    "title_phrases",
    "titles",
]

#: PLOVER sector codes (PLOVER manual, "Sector Codes"). MED is health and JRN media, as in
#: PLOVER (CAMEO used HLH and MED).
SECTORS: frozenset[str] = frozenset(
    "COP GOV JUD LEG MIL PRM PTY REB SPY UAF UNK AGR BUS CRM CVL EDU ELI JRN LAB MED REF OPP PRE "
    "REL SOC".split()
)
#: Actor types of the Analysis schema.
ACTOR_TYPES: frozenset[str] = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "OTHER"})
#: Prefixes :func:`title_by_phrase` accepts before any title, longest first.
TITLE_PREFIXES: tuple[str, ...] = (
    "first deputy",
    "deputy",
    "vice",
    "acting",
    "interim",
    "caretaker",
    "former",
    "ex-",
    "ex",
    "then-",
    "outgoing",
    "incoming",
    "assistant",
    "under",
    "junior",
    "senior",
    "associate",
    "honorary",
)
_PREFIX_SECTOR = {"former": "ELI", "ex-": "ELI", "ex": "ELI"}
_NOT_HOLDER_ONLY = {
    "deputy",
    "first deputy",
    "assistant",
    "junior",
    "senior",
    "associate",
    "under",
    "former",
    "ex-",
    "ex",
}
_CODE_ALIASES = {"KOS": "XKX", "KSV": "XKX", "ROM": "ROU", "ZAR": "COD", "TMP": "TLS"}
_T = TypeVar("_T")
_VERSION_RE = re.compile(r"^# newsgraph knowledge v(\d+)\s*$")


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]


@dataclass(frozen=True)
class Organization:
    code: str
    name: str
    aliases: tuple[str, ...]
    kind: str
    nominals: tuple[str, ...]
    #: PLOVER country-field code: UNO, EUR or IGO.
    plover: str = "IGO"


@dataclass(frozen=True)
class Title:
    title: str
    aliases: tuple[str, ...]
    sector: str | None
    gender: str | None
    kind: str
    office_holder_only: bool


@dataclass(frozen=True)
class Nominal:
    noun: str
    type: str
    number: str
    sector: str | None


@dataclass(frozen=True)
class Metonym:
    name: str
    country: str
    sector: str | None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class SpeechVerb:
    lemma: str
    #: neutral | assertive | directive | negative | question
    verb_class: str
    takes_addressee: bool


@dataclass(frozen=True)
class UserActor:
    name: str
    aliases: tuple[str, ...]
    type: str
    country: str | None
    sector: str | None


# --------------------------------------------------------------------------- reading


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip())


def _read(name: str) -> tuple[int, list[dict[str, str]]]:
    """Return (version, rows) of a shipped TSV; rows are dicts keyed by the header."""
    return _parse_tsv(files(__name__).joinpath(name).read_text(encoding="utf-8"), name)


def _parse_tsv(text: str, name: str) -> tuple[int, list[dict[str, str]]]:
    lines = text.splitlines()
    match = _VERSION_RE.match(lines[0]) if lines else None
    if match is None:
        raise ValueError(f"{name}:1: expected '# newsgraph knowledge vN'")
    header: list[str] | None = None
    rows: list[dict[str, str]] = []
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if header is None:
            header = fields
            continue
        if len(fields) != len(header):
            raise ValueError(f"{name}:{number}: {len(fields)} columns, expected {len(header)}")
        rows.append(dict(zip(header, fields, strict=True)))
    return int(match.group(1)), rows


def knowledge_version(name: str) -> int:
    """The version number of a shipped file, e.g. ``knowledge_version("countries.tsv")``."""
    return _read(name)[0]


# --------------------------------------------------------------------------- normalising

_POSSESSIVE = re.compile(r"(?:'s|')$")


def _fold(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.split())


def _is_abbreviation(text: str) -> bool:
    return any(c.isalpha() for c in text) and not any(c.islower() for c in text) and len(text) <= 8


def _strip_the(text: str) -> str:
    if text[:4].lower() == "the ":
        return text[4:].lstrip()
    return text


@lru_cache(maxsize=1 << 16)  # the same names are looked up again and again
def _key(text: str, *, possessive: bool = True) -> str:
    """Lookup key for a name: exact for abbreviations, case-folded otherwise."""
    text = _fold(text).strip()
    if possessive:
        text = _POSSESSIVE.sub("", text).rstrip()
    text = _strip_the(text)
    return text if _is_abbreviation(text) else text.casefold()


def _index(items: Iterable[_T], names: Callable[[_T], Iterable[str]]) -> dict[str, _T]:
    index: dict[str, _T] = {}
    for item in items:
        for name in names(item):
            index.setdefault(_key(name, possessive=False), item)
    return index


def _lookup(index: dict[str, _T], text: str, *, possessive: bool = True) -> _T | None:
    """Look a name up; an all-caps input ("CHINA") falls back to case-free matching."""
    key = _key(text, possessive=possessive)
    if not key:
        return None
    found = index.get(key)
    if found is None and _is_abbreviation(key):
        found = index.get(key.casefold())
    return found


# --------------------------------------------------------------------------- countries


@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    """All countries and territories in ``countries.tsv``, in file order."""
    return tuple(
        Country(
            code=r["code"],
            name=r["name"],
            aliases=_split(r["aliases"]),
            demonyms=_split(r["demonyms"]),
            capitals=_split(r["capital"]) + _split(r["capital_aliases"]),
        )
        for r in _read("countries.tsv")[1]
    )


@lru_cache(maxsize=1)
def _country_names() -> dict[str, Country]:
    return _index(countries(), lambda c: (c.name, *c.aliases))


@lru_cache(maxsize=1)
def _country_demonyms() -> dict[str, Country]:
    return _index(countries(), lambda c: c.demonyms)


@lru_cache(maxsize=1)
def _country_capitals() -> dict[str, Country]:
    return _index(countries(), lambda c: c.capitals)


@lru_cache(maxsize=1)
def _country_codes() -> dict[str, Country]:
    return {c.code: c for c in countries()}


def country_by_name(text: str) -> Country | None:
    """A country by name or alias: "US", "U.S.", "the United States", "America", "Britain"."""
    found = _lookup(_country_names(), text)
    if found is None:
        code = _lookup(_user_country_names, text)
        found = country_by_code(code) if code else None
    return found


def country_by_demonym(text: str) -> Country | None:
    """A country by demonym, adjective or noun: "North Korean", "Russians", "Briton"."""
    return _lookup(_country_demonyms(), text, possessive=False)


def country_by_capital(text: str) -> Country | None:
    """A country by its capital as news writes it: "Washington", "Kyiv", "Kiev"."""
    return _lookup(_country_capitals(), text)


def country_by_code(code: str) -> Country | None:
    """A country by ISO 3166-1 alpha-3 code (also PLOVER's KOS for Kosovo)."""
    code = code.strip().upper()
    return _country_codes().get(_CODE_ALIASES.get(code, code))


# --------------------------------------------------------------------------- organisations


@lru_cache(maxsize=1)
def organizations() -> tuple[Organization, ...]:
    """All international organisations in ``organizations.tsv``, in file order."""
    return tuple(
        Organization(
            code=r["code"],
            name=r["name"],
            aliases=_split(r["aliases"]),
            kind=r["kind"],
            nominals=_split(r["nominals"]),
            plover=r["plover"],
        )
        for r in _read("organizations.tsv")[1]
    )


@lru_cache(maxsize=1)
def _organization_names() -> dict[str, Organization]:
    return _index(organizations(), lambda o: (o.name, *o.aliases))


@lru_cache(maxsize=1)
def _organization_nominals() -> dict[str, tuple[Organization, ...]]:
    index: dict[str, list[Organization]] = {}
    for org in organizations():
        for phrase in org.nominals:
            index.setdefault(_nominal_key(phrase), []).append(org)
    return {k: tuple(v) for k, v in index.items()}


def _nominal_key(phrase: str) -> str:
    return _strip_the(_fold(phrase).strip()).casefold()


def organization_by_name(text: str) -> Organization | None:
    """An organisation by name or alias: "NATO", "the EU", "E.U.", "United Nations"."""
    return _lookup(_organization_names(), text)


def organization_by_nominal(noun_phrase: str) -> list[Organization]:
    """Organisations a generic description may refer to, most likely first.

    ``organization_by_nominal("the alliance")`` starts with NATO.
    """
    return list(_organization_nominals().get(_nominal_key(noun_phrase), ()))


# --------------------------------------------------------------------------- metonyms


@lru_cache(maxsize=8)  # one entry per table
def _coded_names(name: str) -> tuple[Metonym, ...]:
    """Rows of name, country, sector and aliases (metonyms.tsv, groups.tsv, leaders.tsv)."""
    return tuple(
        Metonym(
            name=r["name"],
            country=r["country"],
            sector=r["sector"] or None,
            aliases=_split(r["aliases"]),
        )
        for r in _read(name)[1]
    )


@lru_cache(maxsize=8)  # one entry per table
def _coded_index(name: str) -> dict[str, Metonym]:
    """One of those tables by lookup key of each name and alias."""
    return _index(_coded_names(name), lambda m: (m.name, *m.aliases))


def metonyms() -> tuple[Metonym, ...]:
    """Places and buildings that stand for a government or sector ("the Kremlin")."""
    return _coded_names("metonyms.tsv")


def metonym(text: str) -> Metonym | None:
    """A metonym: "Kremlin" -> RUS GOV, "the White House" -> USA GOV, "Elysée" -> FRA GOV."""
    return _lookup(_coded_index("metonyms.tsv"), text)


def groups() -> tuple[Metonym, ...]:
    """Non-state armed groups and parties with their country and sector ("Hamas" -> PSE REB)."""
    return _coded_names("groups.tsv")


def group(text: str) -> Metonym | None:
    """A group: "Hezbollah" -> LBN REB, "the Taliban" -> AFG REB."""
    return _lookup(_coded_index("groups.tsv"), text)


def leader(text: str) -> Metonym | None:
    """A leader news names without their country, by name or alias: "Vladimir Putin",
    "Putin" -> RUS GOV."""
    return _lookup(_coded_index("leaders.tsv"), text)


# --------------------------------------------------------------------------- titles


@lru_cache(maxsize=1)
def titles() -> tuple[Title, ...]:
    """All titles and offices in ``titles.tsv``, in file order."""
    return tuple(
        Title(
            title=r["title"],
            aliases=_split(r["aliases"]),
            sector=r["sector"] or None,
            gender=r["gender"] or None,
            kind=r["kind"],
            office_holder_only=r["office_holder_only"] == "y",
        )
        for r in _read("titles.tsv")[1]
    )


def _title_key(text: str) -> str:
    text = _fold(text).strip().casefold()
    text = _POSSESSIVE.sub("", text).rstrip()
    return _strip_the(text)


@lru_cache(maxsize=1)
def _title_index() -> dict[str, Title]:
    index: dict[str, Title] = {}
    for title in titles():
        for phrase in (title.title, *title.aliases):
            index.setdefault(_title_key(phrase), title)
    return index


def _with_prefix(prefix: str, base: Title) -> Title:
    shown = prefix.rstrip("-").title() + ("-" if prefix.endswith("-") else " ")
    return replace(
        base,
        title=shown + base.title,
        aliases=(),
        sector=_PREFIX_SECTOR.get(prefix, base.sector),
        office_holder_only=base.office_holder_only and prefix not in _NOT_HOLDER_ONLY,
    )


def title_by_phrase(text: str) -> Title | None:
    """A title by phrase, any case: "Secretary of State", "Defense Minister", "Sen.".

    A prefix from :data:`TITLE_PREFIXES` is accepted before any title and kept in the
    returned title ("Deputy Foreign Minister", same sector); "former"/"ex-" give sector ELI.
    """
    key = _title_key(text)
    if not key:
        return None
    found = _title_index().get(key)
    if found is not None:
        return found
    for prefix in TITLE_PREFIXES:
        if key.startswith(prefix) and len(key) > len(prefix):
            rest = key[len(prefix) :]
            if not prefix.endswith("-"):
                if rest[0] not in " -":
                    continue
                rest = rest[1:]
            base = title_by_phrase(rest)
            if base is not None:
                return _with_prefix(prefix, base)
    return None


@lru_cache(maxsize=1)
def _title_phrases() -> tuple[tuple[str, Title], ...]:
    pairs = sorted(_title_index().items(), key=lambda kv: (-len(kv[0]), kv[0]))
    return tuple(pairs)


def title_phrases() -> list[tuple[str, Title]]:
    """Every lowercase title phrase with its title, longest first (for a PhraseMatcher)."""
    return list(_title_phrases())


# --------------------------------------------------------------------------- nominals, verbs


@lru_cache(maxsize=1)
def _nominals() -> dict[str, Nominal]:
    return {
        r["noun"]: Nominal(
            noun=r["noun"], type=r["type"], number=r["number"], sector=r["sector"] or None
        )
        for r in _read("nominals.tsv")[1]
    }


def nominal(lemma: str) -> Nominal | None:
    """A generic noun that can describe an actor: "alliance", "official", "troops"."""
    return _nominals().get(lemma.strip().casefold())


@lru_cache(maxsize=1)
def _speech_verbs() -> dict[str, SpeechVerb]:
    return {
        r["lemma"]: SpeechVerb(
            lemma=r["lemma"],
            verb_class=r["class"],
            takes_addressee=r["takes_addressee"] == "y",
        )
        for r in _read("speech_verbs.tsv")[1]
    }


def speech_verb(lemma: str) -> SpeechVerb | None:
    """A reporting verb by lemma: "say", "tell", "warn"."""
    return _speech_verbs().get(lemma.strip().casefold())


def speech_verbs() -> list[SpeechVerb]:
    """All reporting verbs in ``speech_verbs.tsv``."""
    return list(_speech_verbs().values())


@lru_cache(maxsize=1)
def _attribution_model() -> dict[str, dict[str, float]]:
    return _model_of(_read("attribution_model.tsv")[1])


def _model_of(rows: list[dict[str, str]]) -> dict[str, dict[str, float]]:
    model: dict[str, dict[str, float]] = {}
    for r in rows:
        model.setdefault(r["task"], {})[r["feature"]] = float(r["weight"])
    return model


def use_attribution_model(path: str | Path) -> None:
    """Score with another attribution model file (one ``training/attribution_model.py
    --out`` wrote, e.g. with ``--holdout``) in this process, instead of the shipped one."""
    rows = _parse_tsv(Path(path).read_text(encoding="utf-8"), str(path))[1]
    _attribution_override.clear()
    _attribution_override.update(_model_of(rows))


_attribution_override: dict[str, dict[str, float]] = {}


def attribution_weights(task: str) -> dict[str, float]:
    """The attribution model's feature weights for `task` ("indirect": frames.features of
    a frame candidate; "quotation": quotes.QuoteFinder.quotation_features), "bias" included."""
    return (_attribution_override or _attribution_model()).get(task, {})


# --------------------------------------------------------------------------- PLOVER lexicon

#: The PLOVER 2021 event types.
PLOVER_TYPES: frozenset[str] = frozenset(
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST "
    "SANCTION MOBILIZE COERCE ASSAULT".split()
)
_TRIGGER_POS = frozenset({"VERB", "NOUN", "ADJ"})
_PATTERN_DEPS = frozenset(
    {"prt", "prep", "dobj", "compound", "amod", "xcomp", "advcl", "npadvmod", "advmod", "ccomp"}
)


@dataclass(frozen=True)
class PloverTrigger:
    """One row of ``plover.tsv``: a trigger lemma, its dependents' pattern and its event."""

    lemma: str
    pos: str
    #: (dependency, lemmas) pairs the trigger must have; lemmas None means any word.
    pattern: tuple[tuple[str, frozenset[str] | None], ...]
    type: str
    mode: str | None
    cameo: str | None
    #: Where the source and target are, tried in order ("subj", "poss", "prep:with", ...).
    source: tuple[str, ...]
    target: tuple[str, ...]
    #: No event without a target ("!obj" in the file): "released an album" is none.
    requires_target: bool = False


def _parse_pattern(text: str, where: str) -> tuple[tuple[str, frozenset[str] | None], ...]:
    items = []
    for item in text.split():
        dep, _, lemmas = item.partition(":")
        if dep not in _PATTERN_DEPS or not lemmas or ":" in lemmas:
            raise ValueError(f"{where}: bad pattern item {item!r}")
        items.append((dep, None if lemmas == "*" else frozenset(lemmas.split("|"))))
    return tuple(items)


@lru_cache(maxsize=1)
def _plover_rows() -> tuple[PloverTrigger, ...]:
    return _plover_from(_read("plover.tsv")[1], "plover.tsv")


def _plover_from(table: list[dict[str, str]], name: str) -> tuple[PloverTrigger, ...]:
    rows = []
    for number, r in enumerate(table, start=1):
        where = f"{name} row {number} ({r.get('lemma')})"
        if r["pos"] not in _TRIGGER_POS | {"CONTENT"}:
            raise ValueError(f"{where}: pos {r['pos']!r} is not VERB, NOUN, ADJ or CONTENT")
        if r["type"] not in PLOVER_TYPES:
            raise ValueError(f"{where}: {r['type']!r} is not a PLOVER type")
        rows.append(
            PloverTrigger(
                lemma=r["lemma"],
                pos=r["pos"],
                pattern=_parse_pattern(r["pattern"], where),
                type=r["type"],
                mode=r["mode"] or None,
                cameo=r["cameo"] or None,
                source=_split(r["source"]),
                target=_split(r["target"].lstrip("!")),
                requires_target=r["target"].startswith("!"),
            )
        )
    return tuple(rows)


def plover_triggers() -> list[PloverTrigger]:
    """The PLOVER lexicon's triggers (verbs, nouns, predicative adjectives), in file order."""
    return [row for row in _plover_rows() if row.pos in _TRIGGER_POS]


def load_plover_lexicon(path: str | os.PathLike[str]) -> list[PloverTrigger]:
    """A user's own PLOVER triggers, in ``plover.tsv``'s format (version line, header, same
    columns). Raises :class:`ValueError` naming the row of a malformed one."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path}: not UTF-8 ({exc})") from exc
    try:
        rows = _plover_from(_parse_tsv(text, str(path))[1], str(path))
    except KeyError as exc:
        raise ValueError(f"{path}: missing column {exc}") from exc
    return [row for row in rows if row.pos in _TRIGGER_POS]


@lru_cache(maxsize=1)
def _content_modes() -> dict[str, dict[str, tuple[str, str | None]]]:
    modes: dict[str, dict[str, tuple[str, str | None]]] = {}
    for row in _plover_rows():
        if row.pos == "CONTENT" and row.mode:
            modes.setdefault(row.type, {}).setdefault(row.lemma, (row.mode, row.cameo))
    return modes


def plover_content_modes(event_type: str) -> dict[str, tuple[str, str | None]]:
    """For REQUEST, REJECT, THREATEN: lemma in the complement -> (mode, CAMEO code)."""
    return _content_modes().get(event_type, {})


# --------------------------------------------------------------------------- user dictionaries

_USER_COLUMNS = ("name", "aliases", "type", "country", "sector")
_CODE_RE = re.compile(r"^[A-Z]{3,12}$")
_SECTOR_RE = re.compile(r"^[A-Z]{3}$")
_user_actors: dict[str, UserActor] = {}
# Bumped whenever the user dictionaries change, so matchers built earlier know to rebuild.
_user_generation = [0]
_user_country_names: dict[str, str] = {}


def _parse_actor_rows(path: Path) -> Iterator[tuple[int, UserActor]]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path}: not UTF-8 ({exc})") from exc
    seen_data = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        if not seen_data and [f.lower() for f in fields[:5]] == list(_USER_COLUMNS)[: len(fields)]:
            seen_data = True
            continue
        seen_data = True
        where = f"{path}, line {number}"
        if len(fields) > len(_USER_COLUMNS):
            raise ValueError(f"{where}: {len(fields)} columns, expected at most 5 (tab-separated)")
        if len(fields) < 3:
            raise ValueError(f"{where}: expected name, aliases, type[, country[, sector]]")
        fields += [""] * (len(_USER_COLUMNS) - len(fields))
        name, aliases, type_, country, sector = fields
        if not name:
            raise ValueError(f"{where}: empty name")
        if type_ not in ACTOR_TYPES:
            raise ValueError(f"{where}: type {type_!r} is not one of {sorted(ACTOR_TYPES)}")
        if country and not _CODE_RE.match(country):
            raise ValueError(f"{where}: country {country!r} is not an upper-case code")
        if sector and not _SECTOR_RE.match(sector):
            raise ValueError(f"{where}: sector {sector!r} is not a 3-letter sector code")
        yield number, UserActor(name, _split(aliases), type_, country or None, sector or None)


def load_actor_dictionary(path: str | os.PathLike[str]) -> None:
    """Merge a user's TSV of extra actors into the lookups (format in the module docstring).

    Raises :class:`ValueError` naming the line of a malformed row; nothing is merged then.
    """
    path = Path(path)
    entries = [actor for _, actor in _parse_actor_rows(path)]
    for actor in entries:
        for name in (actor.name, *actor.aliases):
            _user_actors[_key(name, possessive=False)] = actor
            if actor.type == "GPE" and actor.country and country_by_code(actor.country):
                _user_country_names[_key(name, possessive=False)] = actor.country
    _user_generation[0] += 1


def clear_actor_dictionaries() -> None:
    """Forget every user actor dictionary loaded so far."""
    _user_actors.clear()
    _user_country_names.clear()
    _user_generation[0] += 1


def user_dictionary_generation() -> int:
    """A number that changes whenever user actor dictionaries are loaded or cleared."""
    return _user_generation[0]


def actor_dictionary_entry(text: str) -> UserActor | None:
    """The user dictionary entry for a name or alias (same matching rules as countries)."""
    return _lookup(_user_actors, text)


# --------------------------------------------------------------------------- regions, offices


@dataclass(frozen=True)
class Region:
    name: str
    aliases: tuple[str, ...]
    lat: float | None = None  # a representative point, or none for a bloc ('Euro-Atlantic')
    lon: float | None = None


def _coordinate(value: str | None) -> float | None:
    return float(value) if value and value.strip() else None


@lru_cache(maxsize=1)
def regions() -> tuple[Region, ...]:
    """World regions ("Middle East", "Indo-Pacific") from ``regions.tsv``."""
    _, rows = _read("regions.tsv")
    return tuple(
        Region(
            r["name"],
            _split(r.get("aliases", "")),
            _coordinate(r.get("lat")),
            _coordinate(r.get("lon")),
        )
        for r in rows
    )


@lru_cache(maxsize=1)
def _offices() -> dict[str, str]:
    _, rows = _read("offices.tsv")
    return {title: row["office"] for row in rows for title in _split(row["titles"])}


def same_office(title_a: str | None, title_b: str | None) -> bool:
    """True when two titles name one office ("Top Diplomat", "Secretary of State")."""
    if not title_a or not title_b:
        return False
    office = _offices().get(title_a)
    return office is not None and office == _offices().get(title_b)


def organization_by_code(code: str) -> Organization | None:
    """An organisation by its code in ``organizations.tsv`` (``IGOWSTNAT``)."""
    return next((org for org in organizations() if org.code == code), None)


def user_actors() -> list[UserActor]:
    """Every actor from the user dictionaries loaded so far, once each."""
    unique: dict[str, UserActor] = {}
    for actor in _user_actors.values():
        unique.setdefault(actor.name, actor)
    return list(unique.values())


def user_actor(name: str) -> UserActor | None:
    """A user dictionary actor by its canonical name."""
    return next((a for a in user_actors() if a.name == name), None)


@lru_cache(maxsize=1)
def _first_names() -> dict[str, str]:
    _, rows = _read("first_names.tsv")
    return {_fold(row["name"]): row["gender"] for row in rows}


def first_name_gender(name: str) -> str | None:
    """'m' or 'f' for a given name that news uses for one gender only; None otherwise."""
    return _first_names().get(_fold(name))
