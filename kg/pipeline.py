"""The pipeline's stages wired together: read → extract → resolve → store, batch by batch.

Extraction (with resolution inside each document) is a pure function of a document's text, so it runs in
worker processes when asked; reading, deduplication, resolution across documents (against what the store
holds) and writing stay in the calling process, which alone holds the store. One bad input never
stops a batch: it becomes a :class:`Failure` in the report and the rest is stored.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from itertools import islice

from kg.errors import ExtractionFailed, InputError, KGError, StoreRejected
from kg.extract import default_extractors, extract_claims
from kg.extract.base import Extractor
from kg.extract.checks import check_claims
from kg.ingest import read_documents
from kg.ingest.sources import FileKey
from kg.model import Claim, Document
from kg.resolve import Resolver, unify_document
from kg.store.base import Store, WriteResult

__all__ = ["BATCH_SIZE", "Failure", "IngestReport", "extract_documents", "ingest_paths"]

#: Documents written to the store in one transaction.
BATCH_SIZE = 64
#: How often a worker process checks that the process that started it is alive.
_WATCH_SECONDS = 1.0

PathLike = str | os.PathLike[str]


@dataclass(frozen=True)
class Failure:
    """One input that could not be read or processed, and why."""

    source: str
    message: str
    code: str

    @classmethod
    def of(cls, error: KGError) -> Failure:
        return cls(getattr(error, "source", ""), str(error), error.code)


@dataclass
class IngestReport:
    new: int = 0
    unchanged: int = 0
    failed: list[Failure] = field(default_factory=list)
    written: WriteResult = field(default_factory=WriteResult)

    @property
    def ok(self) -> bool:
        return not self.failed


def _extract_one(document: Document) -> list[Claim] | Failure:
    try:
        claims = unify_document(extract_claims(document, _worker_extractors()))
        check_claims(document, claims)
    except ExtractionFailed as err:
        return Failure.of(err)
    except Exception as exc:  # an extractor's bug costs its document, not the batch
        return Failure.of(ExtractionFailed(document.source, f"{type(exc).__name__}: {exc}"))
    return claims


_EXTRACTORS: list[Extractor] | None = None


def _worker_extractors() -> list[Extractor]:
    # Built once per process: worker processes inherit nothing but the function to call.
    global _EXTRACTORS
    if _EXTRACTORS is None:
        _EXTRACTORS = default_extractors()
    return _EXTRACTORS


def _map(documents: Sequence[Document], pool: ProcessPoolExecutor | None) -> list[list[Claim] | Failure]:
    if pool is None:
        return [_extract_one(d) for d in documents]
    return list(pool.map(_extract_one, documents, chunksize=max(1, len(documents) // 8)))


def _batches(items: Iterable[Document | InputError], size: int) -> Iterator[list[Document | InputError]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _pool(workers: int) -> ProcessPoolExecutor | None:
    if workers <= 1:
        return None
    return ProcessPoolExecutor(max_workers=workers, initializer=_watch_parent, initargs=(os.getpid(),))


def _watch_parent(parent: int) -> None:
    """In a worker: end when the process that started it is gone (killed with ``kill -9``, say); a worker
    waiting for work would otherwise wait for ever."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(_WATCH_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def extract_documents(
    paths: Iterable[PathLike],
    workers: int = 1,
    exclude: frozenset[FileKey] = frozenset(),
) -> Iterator[tuple[Document, list[Claim]] | Failure]:
    """Each readable document with its claims, or a Failure in place of an input that could not be used."""
    pool = _pool(workers)
    try:
        for batch in _batches(read_documents(paths, exclude), BATCH_SIZE):
            docs = [d for d in batch if isinstance(d, Document)]
            results = iter(_map(docs, pool))
            for item in batch:
                if isinstance(item, InputError):
                    yield Failure.of(item)
                    continue
                result = next(results)
                yield result if isinstance(result, Failure) else (item, result)
    finally:
        if pool is not None:
            pool.shutdown()


def ingest_paths(
    paths: Iterable[PathLike], store: Store, workers: int = 1, progress: Callable[[int], None] | None = None
) -> IngestReport:
    """Read, extract and store every article below ``paths``; documents already stored are left alone."""
    report = IngestReport()
    pool = _pool(workers)
    resolver = Resolver(store)
    try:
        for batch in _batches(read_documents(paths), BATCH_SIZE):
            _ingest_batch(batch, store, pool, report, resolver)
            if progress is not None:
                progress(len(batch))
    finally:
        if pool is not None:
            pool.shutdown()
    return report


def _ingest_batch(
    batch: list[Document | InputError],
    store: Store,
    pool: ProcessPoolExecutor | None,
    report: IngestReport,
    resolver: Resolver,
) -> None:
    fresh: dict[str, Document] = {}
    for item in batch:
        if isinstance(item, InputError):
            report.failed.append(Failure.of(item))
        elif item.id not in fresh:
            fresh[item.id] = item
        else:
            report.unchanged += 1  # the same article twice in one batch
    known = store.known_documents(fresh)
    report.unchanged += len(known)
    todo = [d for i, d in fresh.items() if i not in known]
    extracted: list[tuple[Document, list[Claim]]] = []
    for doc, result in zip(todo, _map(todo, pool), strict=True):
        if isinstance(result, Failure):
            report.failed.append(result)
        else:
            extracted.append((doc, result))
    if extracted:
        _store([doc for doc, _claims in extracted], resolver.resolve(extracted), store, report)


def _store(documents: list[Document], claims: list[Claim], store: Store, report: IngestReport) -> None:
    """Write a batch in one go; if the store refuses it, each document alone, so only the bad one fails."""
    refused = _write(documents, claims, store, report)
    if refused is None:
        return
    if len(documents) > 1:
        for doc in documents:
            _store([doc], _of_document(claims, doc.id), store, report)
        return
    doc = documents[0]
    report.failed.append(Failure(doc.source, f"{doc.source}: {refused}", refused.code))


def _of_document(claims: list[Claim], document: str) -> list[Claim]:
    """The claims that ``document`` supports, with its evidence only."""
    mine = [(c, tuple(ev for ev in c.evidence if ev.document == document)) for c in claims]
    return [replace(c, evidence=evidence) for c, evidence in mine if evidence]


def _write(documents: list[Document], claims: list[Claim], store: Store, report: IngestReport) -> StoreRejected | None:
    try:
        report.written += store.write(documents, claims)
    except StoreRejected as err:
        return err
    report.new += len(documents)
    return None
