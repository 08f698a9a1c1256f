"""The `Analysis` of one article: the contract between analysis and everything after it.

Field names follow `newsgraph/analysis@1` (see DESIGN.md). Fields may be added; renaming one
needs a new schema version. The JSON Schema printed by `newsgraph schema` is generated from
these models, so the code is the single source of truth.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "newsgraph/analysis@1"

ActorType = Literal["PERSON", "ORG", "GPE", "NORP", "LOC", "OTHER"]
MentionKind = Literal["name", "pronoun", "nominal"]
QuoteKind = Literal["direct", "mixed", "indirect"]
EventStatus = Literal["asserted", "negated", "future", "hypothetical", "reported"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


class Span(_Record):
    start: int = Field(ge=0, description="Character offset (code points) into the article text.")
    end: int = Field(ge=0, description="Exclusive end offset.")
    text: str


class Mention(Span):
    kind: MentionKind
    label: str | None = Field(
        default=None,
        description="For names: the tagger's label of this mention (NORP for a demonym).",
    )
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)


class Role(_Record):
    title: str | None = Field(description="Normalised title, e.g. 'Secretary of State'.")
    affiliation: str | None = Field(description="Who the role is held for, e.g. 'United States'.")
    affiliation_actor: str | None = Field(description="Actor id of the affiliation, if any.")
    former: bool = Field(default=False, description="'former President X'.")
    incoming: bool = Field(default=False, description="'incoming president', 'president-elect'.")
    start: int | None = Field(default=None, description="Evidence of the role in the text.")
    end: int | None = None


class Actor(_Record):
    id: str
    name: str = Field(description="Canonical name: the fullest name form in the article.")
    type: ActorType
    country: str | None = Field(description="ISO 3166-1 alpha-3 or IGO code.")
    sector: str | None = Field(description="PLOVER/CAMEO sector code implied by role (GOV, MIL…).")
    roles: list[Role]
    mentions: list[Mention]
    salience: float = Field(ge=0.0, le=1.0)
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    anonymous: bool = Field(
        default=False,
        description="An unnamed source of a quotation ('a senior official', 'officials'), "
        "kept as the text describes it rather than guessed.",
    )


class Quote(_Record):
    id: str
    kind: QuoteKind
    text: str
    start: int
    end: int
    speaker: str | None
    speaker_mention: Span | None
    addressee: str | None
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    confidence: float = Field(ge=0.0, le=1.0)


class Event(_Record):
    id: str
    type: str
    mode: str | None
    cameo: str | None
    source: list[str]
    target: list[str]
    status: EventStatus
    date: str | None
    date_text: str | None
    place: str | None = Field(
        description="The place the sentence names for the event (its text until places resolve)."
    )
    trigger: str = Field(description="The trigger word as written ('met', 'sanctions').")
    trigger_start: int | None = Field(default=None, description="Offsets of the trigger.")
    trigger_end: int | None = None
    start: int = Field(description="The sentence that states the event: its start offset.")
    end: int
    confidence: float = Field(ge=0.0, le=1.0)


class TimeExpression(_Record):
    text: str
    start: int
    end: int
    value: str | None = Field(description="TIMEX3 value: ISO 8601 or TimeML forms (2013-W11…).")
    type: TimeType
    mod: str | None = Field(default=None, description="TIMEX3 mod: START, MID, END, APPROX…")
    anchored: bool = Field(
        default=False, description="True when the value was computed from the publication date."
    )
    note: str | None = Field(default=None, description="Why value is null, when it is.")
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)


PlaceKind = Literal["country", "admin1", "admin2", "city", "region", "landmark"]
PlaceMentionKind = Literal["name", "demonym", "abbreviation", "dateline"]


class PlaceMention(Span):
    kind: PlaceMentionKind = Field(
        default="name",
        description="How the text names the place: its name, a demonym ('Russian forces'), "
        "an abbreviation ('Ill.') or the dateline.",
    )


class Place(_Record):
    id: str
    name: str
    country: str | None = Field(description="ISO 3166-1 alpha-3; null for a world region.")
    lat: float | None = Field(description="WGS 84; null for a bloc with no one point.")
    lon: float | None
    gazetteer_id: str | None = Field(
        description="'geonames:<id>', or 'newsgraph:…' for a division whose point newsgraph "
        "derives from its cities and for a world region."
    )
    mentions: list[PlaceMention]
    kind: PlaceKind = Field(
        default="city",
        description="country, admin1 (state, province), admin2 (county), city, region "
        "(a world region or bloc) or landmark.",
    )
    admin1: str | None = Field(default=None, description="The state or province it lies in.")
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)


class Dateline(_Record):
    text: str = Field(description="'KYIV, Ukraine —' as written.")
    start: int
    end: int
    place: str | None = Field(description="Place id of the dateline's place.")
    date: str | None = Field(default=None, description="YYYY-MM-DD when the dateline has one.")


class ArticleInfo(_Record):
    id: str
    title: str | None
    published: str | None = Field(description="YYYY-MM-DD or null.")
    source: str | None
    url: str | None
    text_sha256: str


class Analysis(_Record):
    schema_: str = Field(default=SCHEMA_VERSION, alias="schema")
    article: ArticleInfo
    actors: list[Actor]
    quotes: list[Quote]
    events: list[Event]
    times: list[TimeExpression]
    places: list[Place]
    dateline: Dateline | None = Field(
        default=None, description="Where (and when) the story was filed, from its dateline."
    )
    model: str | None = Field(default=None, description="spaCy pipeline used, name-version.")

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def to_json(self, indent: int | None = None) -> str:
        return self.model_dump_json(by_alias=True, indent=indent)

    def actor(self, actor_id: str) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def place(self, place_id: str | None) -> Place | None:
        return next((p for p in self.places if p.id == place_id), None)

    def place_name(self, event: Event) -> str | None:
        """The name of the place an event happened at, or None."""
        place = self.place(event.place)
        return place.name if place else None


def json_schema() -> dict:
    schema = Analysis.model_json_schema(by_alias=True)
    schema["$id"] = SCHEMA_VERSION
    return schema
