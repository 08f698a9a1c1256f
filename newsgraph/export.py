"""Exports of one Analysis in other projects' formats: PLOVER event records, GeoJSON places.

PLOVER's JSON records (as in the PLOVER-GSR data) carry the event, its mode, the source and
target actors with their text, country code and sector, the sentence and the trigger.
newsgraph adds what its own contract has beside them: CAMEO code, status, confidence,
actor ids and character offsets, so that every record still points at its evidence.
"""

from __future__ import annotations

from newsgraph.schema import Analysis, Event

PLOVER_VERSION = "PLOVER 2021 (newsgraph export)"


def _actor(analysis: Analysis, actor_id: str) -> dict:
    actor = analysis.actor(actor_id)
    if actor is None:
        return {"actor": actor_id, "actorText": None, "code": None, "sector": None}
    return {
        "actor": actor.id,
        "actorText": actor.name,
        "code": actor.country,
        "sector": actor.sector,
    }


def plover_record(analysis: Analysis, event: Event, text: str) -> dict:
    """One event as a PLOVER JSON record; `text` is the article text the offsets refer to."""
    art = analysis.article
    return {
        "id": f"{art.id}-{event.id}",
        "date": event.date,
        "dateText": event.date_text,
        "event": event.type,
        "mode": event.mode or "",
        "cameo": event.cameo,
        "status": event.status,
        "source": [_actor(analysis, a) for a in event.source],
        "target": [_actor(analysis, a) for a in event.target],
        "eventText": event.trigger,
        "eventLoc": event.place,
        "text": text[event.start : event.end],
        "language": "en",
        "publication": art.title or art.source or art.id,
        "published": art.published,
        "url": art.url,
        "confidence": event.confidence,
        "offsets": {
            "trigger": [event.trigger_start, event.trigger_end],
            "sentence": [event.start, event.end],
        },
        "version": PLOVER_VERSION,
    }


def plover_records(analysis: Analysis, text: str) -> list[dict]:
    """Every event of one article as PLOVER JSON records, in the article's order."""
    return [plover_record(analysis, e, text) for e in analysis.events]


def geojson(analyses: list[Analysis]) -> dict:
    """A GeoJSON FeatureCollection: one Feature per place of each article (a Point, or no
    geometry for a bloc with no one point), with its name, kind, country, gazetteer id,
    mentions and the events located there."""
    features = []
    for analysis in analyses:
        for place in analysis.places:
            point = place.lat is not None and place.lon is not None
            events = [e for e in analysis.events if e.place == place.id]
            features.append(
                {
                    "type": "Feature",
                    "id": f"{analysis.article.id}-{place.id}",
                    "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]}
                    if point
                    else None,
                    "properties": {
                        "article": analysis.article.id,
                        "place": place.id,
                        "name": place.name,
                        "kind": place.kind,
                        "country": place.country,
                        "admin1": place.admin1,
                        "gazetteer_id": place.gazetteer_id,
                        "confidence": place.confidence,
                        "mentions": [m.model_dump() for m in place.mentions],
                        "events": [
                            {
                                "id": e.id,
                                "type": e.type,
                                "mode": e.mode,
                                "status": e.status,
                                "date": e.date,
                                "trigger": e.trigger,
                                "source": e.source,
                                "target": e.target,
                            }
                            for e in events
                        ],
                    },
                }
            )
    return {"type": "FeatureCollection", "features": features}
