"""Readers: turn files and streams into `Article`s. Readers never analyse."""

from newsgraph.ingest.text import read_text, read_text_file

__all__ = ["read_text", "read_text_file"]
