"""The pipeline's stages wired together: read → extract → resolve → store, batch by batch, the stages overlapping.

Extraction (with resolution inside each document) is a pure function of a document's text, so it runs in
worker processes when asked; reading, deduplication, resolution across documents (against what the store
holds) and writing stay in the calling process, which alone holds the store. While the workers extract one
batch, the calling process resolves the batch before and hands it to the store, which loads it in the
background (:meth:`kg.store.base.Store.write_many`); results come back in input order, so the stored graph
is the same for every number of workers. One bad input never stops a batch: it becomes a :class:`Failure`
in the report and the rest is stored.
"""

from __future__ import annotations

import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from itertools import islice
from typing import TypeVar

from kg.errors import ExtractionFailed, InputError, KGError, StoreRejected
from kg.extract import default_extractors, extract_claims
from kg.extract.base import Extractor
from kg.extract.checks import check_claims
from kg.ingest import read_documents
from kg.ingest.sources import FileKey
from kg.model import Claim, Document
from kg.resolve import Resolver, unify_document
from kg.store.base import Store, WriteResult

__all__ = [
    "BATCH_SIZE",
    "LOAD_BATCH_SIZE",
    "Failure",
    "IngestReport",
    "default_workers",
    "extract_documents",
    "extract_one",
    "ingest_paths",
    "load_paths",
]

#: Documents read, extracted and handed to the store together.
BATCH_SIZE = 64
#: Documents (with their claims, already extracted) handed to the store together by a bulk load.
LOAD_BATCH_SIZE = 1024
#: How often a worker process checks that the process that started it is alive.
_WATCH_SECONDS = 1.0

PathLike = str | os.PathLike[str]
T = TypeVar("T")


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


def default_workers() -> int:
    """Extraction processes when none are asked for: one per core this process may use, at most four.

    >>> 1 <= default_workers() <= 4
    True
    """
    return max(1, min(4, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1))


def extract_one(document: Document, extractors: Sequence[Extractor] | None = None) -> list[Claim] | Failure:
    """The claims of ``document``, or a Failure if an extractor raised: one bad document never stops a batch."""
    try:
        claims = unify_document(extract_claims(document, _worker_extractors() if extractors is None else extractors))
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


@contextmanager
def _pool(workers: int) -> Iterator[Executor | None]:
    if workers <= 1:
        yield None
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_watch_parent, initargs=(os.getpid(),)) as pool:
        # Start the workers now, before the store's loader thread exists: a process forked while another
        # thread of its parent holds a lock could inherit that lock held, forever.
        pool.submit(int).result()
        yield pool


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _extracted(
    batches: Iterable[Sequence[Document | InputError]], pool: Executor | None
) -> Iterator[tuple[Sequence[Document | InputError], Iterator[list[Claim] | Failure]]]:
    """Each batch with the extraction results of its documents, in order; with a pool, the next batch is
    already being extracted while the caller consumes this one."""
    if pool is None:
        for batch in batches:
            yield batch, (extract_one(d) for d in batch if isinstance(d, Document))
        return
    pending: tuple[Sequence[Document | InputError], Iterator[list[Claim] | Failure]] | None = None
    for batch in batches:
        docs = [d for d in batch if isinstance(d, Document)]
        submitted = (batch, pool.map(extract_one, docs, chunksize=max(1, len(docs) // 16)))
        if pending is not None:
            yield pending
        pending = submitted
    if pending is not None:
        yield pending


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
    with _pool(workers) as pool:
        for batch, results in _extracted(_chunks(read_documents(paths, exclude), BATCH_SIZE), pool):
            for item in batch:
                if isinstance(item, InputError):
                    yield Failure.of(item)
                    continue
                result = next(results)
                yield result if isinstance(result, Failure) else (item, result)


class _Ingestion:
    """The bookkeeping of one ingestion: which documents are new, what failed, what was extracted; and the
    resolution of each batch's entities against the store and the batches before it."""

    def __init__(self, store: Store, report: IngestReport, progress: Callable[[int], None] | None) -> None:
        self.store = store
        self.report = report
        self.progress = progress
        self.seen: set[str] = set()
        self.resolver = Resolver(store)

    def fresh(self, batch: Sequence[Document | InputError]) -> list[Document]:
        """The documents of ``batch`` neither stored nor met before in this run; errors go to the report."""
        todo: dict[str, Document] = {}
        for item in batch:
            if isinstance(item, InputError):
                self.report.failed.append(Failure.of(item))
            elif item.id in self.seen or item.id in todo:
                self.report.unchanged += 1
            else:
                todo[item.id] = item
        known = self.store.known_documents(todo)
        self.report.unchanged += len(known)
        self.seen.update(todo)
        if self.progress is not None:
            self.progress(len(batch))
        return [d for i, d in todo.items() if i not in known]

    def stored(
        self, batches: Iterable[tuple[Sequence[Document | InputError], Iterable[list[Claim] | Failure]]]
    ) -> Iterator[tuple[Sequence[Document], Sequence[Claim]]]:
        """What to write: the documents whose extraction worked, with their claims."""
        for batch, results in batches:
            extracted: list[tuple[Document, list[Claim]]] = []
            docs = [d for d in batch if isinstance(d, Document)]
            for doc, result in zip(docs, results, strict=True):
                if isinstance(result, Failure):
                    self.report.failed.append(result)
                else:
                    extracted.append((doc, result))
            self.report.new += len(extracted)
            if extracted:
                yield [doc for doc, _claims in extracted], self.resolver.resolve(extracted)


def ingest_paths(
    paths: Iterable[PathLike], store: Store, workers: int = 1, progress: Callable[[int], None] | None = None
) -> IngestReport:
    """Read, extract and store every article below ``paths``; documents already stored are left alone."""
    report = IngestReport()
    run = _Ingestion(store, report, progress)
    with _pool(workers) as pool:
        batches = (run.fresh(batch) for batch in _chunks(read_documents(paths), BATCH_SIZE))
        _write_all(store, run.stored(_extracted(batches, pool)), report)
    return report


def _unbundled(run: _Ingestion, paths: Iterable[PathLike]) -> Iterator[tuple[Sequence[Document], Sequence[Claim]]]:
    from kg.bundle import read_bundles  # kg.bundle builds on this module's extraction

    for batch in _chunks(read_bundles(paths), LOAD_BATCH_SIZE):
        claims = {item[0].id: item[1] for item in batch if isinstance(item, tuple)}
        docs = run.fresh([item if isinstance(item, InputError) else item[0] for item in batch])
        run.report.new += len(docs)
        if docs:
            yield docs, run.resolver.resolve([(doc, claims[doc.id]) for doc in docs])


def load_paths(paths: Iterable[PathLike], store: Store, progress: Callable[[int], None] | None = None) -> IngestReport:
    """Bulk-load the bundles below ``paths`` (see :mod:`kg.bundle`); documents already stored are left alone."""
    report = IngestReport()
    _write_all(store, _unbundled(_Ingestion(store, report, progress), paths), report)
    return report


#: Batches a store may have been handed without having loaded them yet: the one loading, the one queued, the
#: one being prepared (see :mod:`kg.store.rdf_loading`), and one more to spare.
_IN_FLIGHT = 4


@dataclass
class _Handed:
    documents: Sequence[Document]
    claims: Sequence[Claim]
    result: WriteResult = field(default_factory=WriteResult)


def _write_all(
    store: Store, batches: Iterable[tuple[Sequence[Document], Sequence[Claim]]], report: IngestReport
) -> None:
    """Hand ``batches`` to the store; if it refuses one, write the documents of the batches it has not stored
    one at a time, so that only a document the store refuses on its own fails, then go on with the rest."""
    pending = iter(batches)
    recent: deque[_Handed] = deque()

    def handed() -> Iterator[tuple[Sequence[Document], Sequence[Claim]]]:
        for documents, claims in pending:
            if len(recent) == _IN_FLIGHT:
                report.written += recent.popleft().result  # long since loaded
            recent.append(_Handed(documents, claims))
            yield documents, claims

    def counted(result: WriteResult) -> None:
        recent[-1].result = result

    while True:
        try:
            store.write_many(handed(), counted)
        except StoreRejected:
            _write_alone(store, list(recent), report)
            recent.clear()
            continue
        for item in recent:
            report.written += item.result
        return


def _write_alone(store: Store, handed: list[_Handed], report: IngestReport) -> None:
    """After a refused batch: what of ``handed`` is stored counts; every other document is written alone."""
    done = store.known_documents(d.id for item in handed for d in item.documents)
    for item in handed:
        if all(d.id in done for d in item.documents):
            report.written += item.result
            continue
        for doc in item.documents:
            if doc.id not in done:
                _write_one(store, doc, _of_document(item.claims, doc.id), report)


def _write_one(store: Store, document: Document, claims: list[Claim], report: IngestReport) -> None:
    try:
        report.written += store.write([document], claims)
    except StoreRejected as err:
        store.retract([document.id])  # whatever a bulk load wrote of it before it stopped
        report.new -= 1
        report.failed.append(Failure(document.source, f"{document.source}: {err}", err.code))


def _of_document(claims: Sequence[Claim], document: str) -> list[Claim]:
    """The claims that ``document`` supports, with its evidence only."""
    mine = [(c, tuple(ev for ev in c.evidence if ev.document == document)) for c in claims]
    return [replace(c, evidence=evidence) for c, evidence in mine if evidence]
