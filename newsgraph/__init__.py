"""newsgraph: news articles to a structured, source-linked record of who said and did what."""
