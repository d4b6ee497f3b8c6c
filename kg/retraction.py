"""Retraction: from what a user names (a document id, the path or URL it was read from, or a file or folder
of articles) to the stored documents, and their removal with everything only they support.

A path that still exists is also read, and the documents it holds now are retracted by content, so
``kg retract ./articles/a.txt`` finds an article that was ingested as ``articles/a.txt`` or from a copy.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.errors import NotStored
from kg.ingest import read_documents
from kg.model import Document
from kg.pipeline import Failure
from kg.store.base import RetractResult, Store

__all__ = ["RetractReport", "find_sources", "retract_sources"]


@dataclass
class RetractReport:
    """What was removed, the documents it was, and each source that named nothing stored."""

    removed: RetractResult = field(default_factory=RetractResult)
    documents: list[Document] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


def _named_by(source: str, store: Store) -> set[str]:
    ids = set(store.find_documents(source))
    if os.path.exists(source):
        read = (d.id for d in read_documents([source]) if isinstance(d, Document))
        ids |= store.known_documents(read)
    return ids


def find_sources(sources: Iterable[str], store: Store) -> RetractReport:
    """The stored documents ``sources`` name (nothing is removed); a source naming none is a failure."""
    report = RetractReport()
    chosen: set[str] = set()
    for source in sources:
        ids = _named_by(source, store)
        if not ids:
            report.failed.append(Failure.of(NotStored(source)))
        chosen |= ids
    report.documents = sorted(store.documents(chosen), key=lambda d: (d.source, d.id)) if chosen else []
    return report


def retract_sources(sources: Iterable[str], store: Store) -> RetractReport:
    """Remove the documents ``sources`` name, their evidence, and the claims and entities only they support."""
    report = find_sources(sources, store)
    if report.documents:
        report.removed = store.retract([d.id for d in report.documents])
    return report
