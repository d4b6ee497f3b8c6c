"""The Python API: what the ``kg`` command does, as functions. The CLI is a thin skin over these.

>>> import tempfile, pathlib
>>> with tempfile.TemporaryDirectory() as d:
...     article = pathlib.Path(d, "a.txt")
...     _ = article.write_text('„Wir bauen das Werk“, sagte Konzernchefin Anna Berger am Montag.', "utf-8")
...     report = ingest([article], store=pathlib.Path(d, "store"))
...     answer = query("SELECT ?name WHERE { ?c rdf:subject ?s . ?s schema:name ?name }",
...                    store=pathlib.Path(d, "store"))
>>> report.new, answer.rows
(1, [('Anna Berger',)])
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import BinaryIO

from kg.export import export_to
from kg.ingest import read_documents
from kg.ingest.sources import FileKey
from kg.model import Claim, Document
from kg.pipeline import Failure, IngestReport, extract_documents, ingest_paths
from kg.retraction import RetractReport, find_sources, retract_sources
from kg.store import open_store
from kg.store.base import QueryResult, Stats
from kg.validate import ValidationReport, validate_store

__all__ = [
    "export",
    "extract",
    "ingest",
    "open_store",
    "query",
    "read_documents",
    "retract",
    "stats",
    "validate",
]

PathLike = str | os.PathLike[str]


def ingest(
    paths: Iterable[PathLike],
    store: PathLike | None = None,
    workers: int = 1,
    wait: float = 0.0,
    progress: Callable[[int], None] | None = None,
) -> IngestReport:
    """Read, extract and store the articles below ``paths`` into the store at ``store``."""
    with open_store(store, wait=wait) as target:
        return ingest_paths(paths, target, workers=workers, progress=progress)


def extract(
    paths: Iterable[PathLike],
    workers: int = 1,
    exclude: frozenset[FileKey] = frozenset(),
) -> Iterator[tuple[Document, list[Claim]] | Failure]:
    """Claims of every article below ``paths``, without storing anything (``exclude``: files not to read)."""
    return extract_documents(paths, workers=workers, exclude=exclude)


def retract(
    sources: Iterable[str], store: PathLike | None = None, wait: float = 0.0, dry_run: bool = False
) -> RetractReport:
    """Remove the documents ``sources`` name (ids, paths, URLs, or files and folders of articles), their
    evidence, and every claim and entity no other document supports; ``dry_run`` only finds them."""
    with open_store(store, readonly=dry_run, wait=wait) as target:
        return find_sources(sources, target) if dry_run else retract_sources(sources, target)


def query(
    text: str,
    language: str = "sparql",
    store: PathLike | None = None,
    params: Mapping[str, object] | None = None,
    wait: float = 0.0,
) -> QueryResult:
    """Answer a SPARQL (or, on Neo4j, Cypher) query; ``params`` are bound, never pasted."""
    with open_store(store, readonly=True, wait=wait) as source:
        return source.query(text, language, params)


def stats(store: PathLike | None = None, wait: float = 0.0) -> Stats:
    """Counts of what the store holds."""
    with open_store(store, readonly=True, wait=wait) as source:
        return source.stats()


def export(format: str, output: BinaryIO, store: PathLike | None = None, wait: float = 0.0) -> None:
    """Write the whole graph to ``output`` as ``format`` (turtle, trig, nquads, jsonld, graphml, ...)."""
    with open_store(store, readonly=True, wait=wait) as source:
        export_to(source, format, output)


def validate(store: PathLike | None = None, wait: float = 0.0) -> ValidationReport:
    """Check the stored graph against the SHACL shapes of ``schemas/shapes.ttl``."""
    with open_store(store, readonly=True, wait=wait) as source:
        return validate_store(source)
