"""Readers: plain text, HTML and JSON Lines to Documents, with encoding detection and language identification."""

from kg.ingest.base import Reader, ReadResult, build_document
from kg.ingest.sources import iter_inputs, read_documents

__all__ = ["ReadResult", "Reader", "build_document", "iter_inputs", "read_documents"]
