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
from typing import TYPE_CHECKING, BinaryIO

from kg.errors import ResolutionError
from kg.ingest import read_documents
from kg.ingest.sources import FileKey
from kg.model import Claim, Document, EntityType
from kg.pipeline import Failure, IngestReport, extract_documents, ingest_paths, load_paths
from kg.resolve import CorrectionReport, merge_entities, split_entity
from kg.resolve.listing import EntityRecord, list_entities
from kg.retraction import RetractReport, find_sources, retract_sources
from kg.store import open_store
from kg.store.base import QueryResult, Stats, Store

if TYPE_CHECKING:
    from kg.render.view import GraphView, Selection
    from kg.validate import ValidationReport

__all__ = [
    "entities",
    "export",
    "extract",
    "ingest",
    "load",
    "merge",
    "open_store",
    "query",
    "read_documents",
    "retract",
    "split",
    "stats",
    "validate",
    "visualize",
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


def load(
    paths: Iterable[PathLike],
    store: PathLike | None = None,
    wait: float = 0.0,
    progress: Callable[[int], None] | None = None,
) -> IngestReport:
    """Bulk-load bundles of already extracted documents and claims (``kg extract --format bundle``)."""
    with open_store(store, wait=wait) as target:
        return load_paths(paths, target, progress=progress)


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
    from kg.export import export_to  # rdflib and the exporters load only for the commands that need them

    with open_store(store, readonly=True, wait=wait) as source:
        export_to(source, format, output)


def validate(store: PathLike | None = None, wait: float = 0.0) -> ValidationReport:
    """Check the stored graph against the SHACL shapes of ``schemas/shapes.ttl``."""
    from kg.validate import validate_store

    with open_store(store, readonly=True, wait=wait) as source:
        return validate_store(source)


def visualize(
    output: BinaryIO,
    format: str = "html",
    store: PathLike | None = None,
    selection: Selection | None = None,
    lang: str = "auto",
    wait: float = 0.0,
) -> GraphView:
    """Draw the graph, or the part ``selection`` chooses, as ``format`` (html, graphml, json) into ``output``.

    Returns the view drawn: its network, claims, and what the node limit left out.

    >>> import io, pathlib, tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     article = pathlib.Path(d, "a.txt")
    ...     _ = article.write_text("„Wir bauen das Werk“, sagte Konzernchefin Anna Berger am Montag.", "utf-8")
    ...     _ = ingest([article], store=pathlib.Path(d, "store"))
    ...     page = io.BytesIO()
    ...     view = visualize(page, store=pathlib.Path(d, "store"))
    >>> view.graph.number_of_nodes(), page.getvalue().startswith(b"<!DOCTYPE html>")
    (2, True)
    """
    # Loaded here: the renderers bring networkx, pyvis and jinja, which the other commands do not need.
    from kg.render import view as views
    from kg.render.base import renderer_named

    renderer = renderer_named(format)
    with open_store(store, readonly=True, wait=wait) as source:
        view = views.build_view(source, selection or views.Selection())
    renderer.render(view, output, lang)
    return view


def entities(
    store: PathLike | None = None,
    name: str | None = None,
    kind: EntityType | None = None,
    mentions: bool = False,
    wait: float = 0.0,
) -> list[EntityRecord]:
    """The stored entities (those whose id, name or alias contains ``name``, of type ``kind``), with their
    aliases, resolutions and, if asked, the mentions that resolved to them."""
    with open_store(store, readonly=True, wait=wait) as source:
        return list_entities(source, name, kind, mentions)


def merge(source: str, target: str, store: PathLike | None = None, wait: float = 0.0) -> CorrectionReport:
    """Make entity ``source`` one with ``target`` (id, name or alias); recorded, and replayed on re-ingestion."""
    with open_store(store, wait=wait) as opened:
        return merge_entities(opened, source, target)


def split(
    entity: str,
    alias: str,
    store: PathLike | None = None,
    name: str | None = None,
    document: str | None = None,
    wait: float = 0.0,
) -> CorrectionReport:
    """Give the mentions called ``alias`` of ``entity`` (in ``document`` only: a source, URL or id) to another
    entity named ``name``; recorded, and replayed on re-ingestion."""
    with open_store(store, wait=wait) as opened:
        doc = _one_document(opened, document) if document else None
        return split_entity(opened, entity, alias, name, doc)


def _one_document(store: Store, source: str) -> str:
    found = store.find_documents(source)
    if len(found) != 1:
        raise ResolutionError(f"{source!r} names {len(found)} stored documents; give one path, URL or id")
    return found[0]
