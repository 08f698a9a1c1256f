"""The `newsgraph` command. Commands parse options and call plain functions."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from newsgraph.analysis import analyze_many
from newsgraph.article import Article, parse_published
from newsgraph.errors import NewsgraphError
from newsgraph.export import geojson, plover_records
from newsgraph.ingest import read_text_file
from newsgraph.knowledge import load_actor_dictionary
from newsgraph.pipeline import load_pipeline
from newsgraph.report import render
from newsgraph.schema import json_schema

app = typer.Typer(add_completion=False, help="News articles to a source-linked record.")


class OutputFormat(StrEnum):
    text = "text"
    json = "json"
    jsonl = "jsonl"
    plover = "plover"
    geojson = "geojson"


def _fail(message: str) -> None:
    typer.echo(f"newsgraph: {message}", err=True)


@app.command()
def analyze(
    files: Annotated[list[str], typer.Argument(help="Text files; '-' reads standard input.")],
    published: Annotated[
        str | None, typer.Option(help="Publication date YYYY-MM-DD (anchors 'Wednesday').")
    ] = None,
    title: Annotated[str | None, typer.Option(help="Article title.")] = None,
    model: Annotated[
        str | None, typer.Option(help="spaCy pipeline (default: $NEWSGRAPH_MODEL or sm).")
    ] = None,
    output_format: Annotated[OutputFormat, typer.Option("--format")] = OutputFormat.text,
    actors: Annotated[
        list[Path] | None,
        typer.Option(help="Your own actor dictionary (TSV, see knowledge/README.md); repeatable."),
    ] = None,
) -> None:
    """Analyse articles: actors with roles, coreference, times, quotes and events.

    --format plover writes each article's events as PLOVER JSON records, one per line;
    --format geojson one FeatureCollection of the places and the events located at them."""
    try:
        for dictionary in actors or []:
            load_actor_dictionary(dictionary)
    except (OSError, ValueError) as exc:
        _fail(f"actor dictionary: {exc}")
        raise typer.Exit(2) from exc
    try:
        date = parse_published(published)
        nlp = load_pipeline(model)
    except NewsgraphError as exc:
        _fail(str(exc))
        raise typer.Exit(2) from exc
    articles: list[Article] = []
    failed = 0
    for name in files:
        try:
            articles.append(read_text_file(name, title=title, published=date))
        except NewsgraphError as exc:
            failed += 1
            _fail(f"skipped {name}: {exc}")
    results = list(analyze_many(articles, nlp=nlp)) if articles else []
    if output_format is OutputFormat.jsonl:
        for result in results:
            sys.stdout.write(result.to_json() + "\n")
    elif output_format is OutputFormat.plover:
        for article, result in zip(articles, results, strict=True):
            for record in plover_records(result, article.text):
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif output_format is OutputFormat.geojson:
        sys.stdout.write(json.dumps(geojson(results), indent=2, ensure_ascii=False) + "\n")
    elif output_format is OutputFormat.json:
        payload = [json.loads(r.to_json()) for r in results]
        out = payload[0] if len(files) == 1 and payload else payload
        sys.stdout.write(json.dumps(out, indent=2, ensure_ascii=False) + "\n")
    else:
        console = Console()
        for result in results:
            render(result, console)
    if failed:
        _fail(f"{failed} of {len(files)} input(s) skipped; {len(results)} analysed")
        raise typer.Exit(1)


@app.command()
def schema() -> None:
    """Print the JSON Schema of one article's Analysis (newsgraph/analysis@1)."""
    sys.stdout.write(json.dumps(json_schema(), indent=2) + "\n")


def main() -> None:  # pragma: no cover - console entry
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
