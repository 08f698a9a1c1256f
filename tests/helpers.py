"""Small lookups over an Analysis, shared by the tests."""

from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SHARED_EXAMPLE = (
    Path(__file__).resolve().parents[2] / "shared" / "examples" / "000_074c0dbd90131ea6.txt"
)


def actor_named(analysis, name):
    matches = [a for a in analysis.actors if a.name == name]
    assert len(matches) == 1, f"{name!r}: {[a.name for a in analysis.actors]}"
    return matches[0]


def actor_of_mention(analysis, text, kind=None):
    """The actors that have a mention with exactly this text (and kind)."""
    return [
        a
        for a in analysis.actors
        if any(m.text == text and (kind is None or m.kind == kind) for m in a.mentions)
    ]
