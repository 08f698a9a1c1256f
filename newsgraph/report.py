"""A readable report of one Analysis for a person at a terminal."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from newsgraph.schema import Actor, Analysis


def _roles(actor: Actor) -> str:
    parts = []
    for role in actor.roles:
        words = [
            w for w in ("former" if role.former else "", "incoming" if role.incoming else "") if w
        ]
        label = " ".join([*words, role.title or ""]).strip()
        parts.append(f"{label}, {role.affiliation}" if role.affiliation else label)
    return "; ".join(parts)


def _also_called(actor: Actor) -> str:
    forms: list[str] = []
    for m in actor.mentions:
        if m.text != actor.name and m.text not in forms:
            forms.append(m.text)
    return ", ".join(forms[:6]) + (" …" if len(forms) > 6 else "")


def render(analysis: Analysis, console: Console) -> None:
    art = analysis.article
    header = Text(art.title or art.source or art.id, style="bold")
    header.append(f"\npublished {art.published or 'unknown'} · {art.id}", style="dim")
    actors = Table(title="Actors", show_lines=False, expand=True)
    actors.add_column("actor", ratio=3)
    actors.add_column("country", no_wrap=True)
    actors.add_column("sector", no_wrap=True)
    actors.add_column("roles", ratio=3)
    actors.add_column("mentions", ratio=3)
    for actor in analysis.actors:
        name = Text(actor.name)
        name.append(f" {actor.type}", style="dim")
        mentions = Text(str(len(actor.mentions)))
        also = _also_called(actor)
        if also:
            mentions.append(f" · {also}", style="dim")
        actors.add_row(name, actor.country or "", actor.sector or "", _roles(actor), mentions)
    times = Table(title="Times", expand=True)
    for col in ("text", "value", "type", "note"):
        times.add_column(col, overflow="fold")
    for t in analysis.times:
        times.add_row(t.text, t.value or "—", t.type, t.note or (t.mod or ""))
    rest = Text(
        f"quotes: {len(analysis.quotes)} · events: {len(analysis.events)} · "
        f"places: {len(analysis.places)}",
        style="dim",
    )
    console.print(Panel(Group(header, actors, times, rest), title="newsgraph"))
