"""RDF exports: Turtle, TriG, N-Quads and JSON-LD.

The embedded store serialises itself natively. Any other store (Neo4j) is read back as model objects and
mapped with the same code that writes the embedded store, so both export the same graph.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

import pyoxigraph as ox

from kg.errors import ExportError
from kg.export.base import Exporter
from kg.store import rdf_mapping as rm
from kg.store import rdf_resolution as rr
from kg.store.base import Store
from kg.store.rdf import RdfStore
from kg.store.sparql import PREFIXES

__all__ = ["JSONLD", "NQUADS", "TRIG", "TURTLE", "RdfExporter", "store_lines"]


def store_lines(store: Store) -> Iterator[str]:
    """The whole store as N-Triples lines, read through the Store interface."""
    for doc in store.documents():
        yield from rm.document_lines(doc)
    for entity in store.entities():
        yield from rm.entity_lines(entity)
    for claim in store.claims():
        yield from rm.claim_lines(claim)
        for ev in claim.evidence:
            yield from rm.activity_lines(ev.document, ev.extractor, ev.extracted_at or "1970-01-01T00:00:00Z")
            yield from rm.evidence_lines(claim, ev)
    for resolution in store.resolutions():
        yield from rr.resolution_lines(resolution, "1970-01-01T00:00:00Z")


class RdfExporter(Exporter):
    def __init__(self, name: str, format: ox.RdfFormat, suffix: str) -> None:
        self.name = name
        self.format = format
        self.suffix = suffix

    def export(self, store: Store, output: BinaryIO) -> None:
        if isinstance(store, RdfStore):
            store.dump(output, self.format)
            return
        data = "\n".join(store_lines(store)).encode("utf-8")
        try:
            triples = ox.parse(data, format=ox.RdfFormat.N_TRIPLES)
            quads = (ox.Quad(t.subject, t.predicate, t.object) for t in triples)
            ox.serialize(quads if self.format.supports_datasets else triples, output, self.format, prefixes=PREFIXES)
        except (SyntaxError, ValueError, OSError) as exc:
            raise ExportError(f"{self.name} export failed: {exc}") from None


TURTLE = RdfExporter("turtle", ox.RdfFormat.TURTLE, ".ttl")
TRIG = RdfExporter("trig", ox.RdfFormat.TRIG, ".trig")
NQUADS = RdfExporter("nquads", ox.RdfFormat.N_QUADS, ".nq")
JSONLD = RdfExporter("jsonld", ox.RdfFormat.JSON_LD, ".jsonld")
