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
    quotes = Text()
    names = {a.id: a.name for a in analysis.actors}
    for q in analysis.quotes:
        speaker = names.get(q.speaker or "") or (
            q.speaker_mention.text if q.speaker_mention else "?"
        )
        quotes.append(speaker, style="bold")
        if q.addressee:
            quotes.append(f" → {names.get(q.addressee, '?')}", style="bold")
        body = q.text if q.kind != "direct" else f"“{q.text}”"
        quotes.append(f": {body}")
        quotes.append(f"  [{q.kind}, {q.cue or 'no cue'}, {q.confidence:.2f}]\n", style="dim")
    events = Text()
    for e in analysis.events:
        who = " + ".join(names.get(a, a) for a in e.source) or "?"
        whom = " + ".join(names.get(a, a) for a in e.target)
        events.append(f"{e.type}{'/' + e.mode if e.mode else ''}", style="bold")
        events.append(f" {who}" + (f" → {whom}" if whom else ""))
        details = [e.trigger, e.status, e.date or "no date", e.place or "", f"CAMEO {e.cameo}"]
        events.append(
            f"  [{', '.join(d for d in details if d)}, {e.confidence:.2f}]\n", style="dim"
        )
    places = Table(title="Places", expand=True)
    for col in ("place", "kind", "country", "lat, lon", "mentions"):
        places.add_column(col, overflow="fold")
    for p in analysis.places:
        point = f"{p.lat:.4f}, {p.lon:.4f}" if p.lat is not None and p.lon is not None else "—"
        kind = p.kind + (f" ({p.admin1})" if p.admin1 else "")
        places.add_row(f"{p.id} {p.name}", kind, p.country or "", point, str(len(p.mentions)))
    line = analysis.dateline
    if line is not None:
        header.append(f"\ndateline {line.text.strip()} → {line.place or '?'}", style="dim")
    rest = Text(f"events: {len(analysis.events)} · places: {len(analysis.places)}", style="dim")
    parts = [header, actors, times]
    if analysis.places:
        parts.append(places)
    if analysis.quotes:
        parts += [Text("Quotes", style="italic", justify="center"), quotes]
    if analysis.events:
        parts += [Text("Events (PLOVER)", style="italic", justify="center"), events]
    console.print(Panel(Group(*parts, rest), title="newsgraph"))
