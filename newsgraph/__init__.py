"""newsgraph: news articles to a structured, source-linked record of who said and did what.

>>> import newsgraph
>>> analysis = newsgraph.analyze(text, published="2024-12-04")
>>> [a.name for a in analysis.actors]
"""

from newsgraph.analysis import analyze, analyze_many, build_analysis
from newsgraph.article import Article
from newsgraph.errors import Code, InputError, ModelError, NewsgraphError
from newsgraph.pipeline import add_newsgraph_pipes, load_pipeline
from newsgraph.schema import (
    SCHEMA_VERSION,
    Actor,
    Analysis,
    Event,
    Mention,
    Place,
    Quote,
    Role,
    TimeExpression,
    json_schema,
)

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "Actor",
    "Analysis",
    "Article",
    "Code",
    "Event",
    "InputError",
    "Mention",
    "ModelError",
    "NewsgraphError",
    "Place",
    "Quote",
    "Role",
    "TimeExpression",
    "__version__",
    "add_newsgraph_pipes",
    "analyze",
    "analyze_many",
    "build_analysis",
    "json_schema",
    "load_pipeline",
]
