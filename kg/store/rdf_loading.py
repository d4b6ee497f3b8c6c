"""Loading prepared batches into the embedded store in a background thread, one after another.

Each batch is loaded, then its obsolete quads are removed, then its documents are marked complete, so a crash
leaves at most the batch under way unmarked, which the next run ingests again. A batch of more than
:data:`BULK_BYTES` goes through Oxigraph's bulk loader, which runs without the interpreter lock, so the writer
prepares the next batch meanwhile; a smaller one is loaded in one transaction.

(Streaming consecutive batches into one long bulk load through a pipe was measured too: no less CPU per
claim than a bulk load per batch of 50,000 claims, so the simpler way stays.)
"""

from __future__ import annotations

import queue
import threading
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.errors import StoreError, StoreRejected
from kg.store.base import WriteResult

__all__ = ["BULK_BYTES", "Batch", "Loader"]

#: Above this many bytes of N-Triples a batch goes through the bulk loader (fast, not atomic) instead of a
#: transaction (atomic; no files to merge later).
BULK_BYTES = 16 * 1024 * 1024


@dataclass
class Batch:
    """What one write adds: data lines, then quads to remove, then the documents' completion marks.

    An item of ``lines`` may hold several lines: the evidence of a claim is built as one text.
    """

    lines: list[str] = field(default_factory=list)
    obsolete: list[ox.Quad] = field(default_factory=list)
    completion: list[str] = field(default_factory=list)
    result: WriteResult = field(default_factory=WriteResult)


def _load(store: ox.Store, lines: list[str]) -> None:
    if not lines:
        return
    data = "\n".join(lines).encode("utf-8")
    # Every line comes from kg.store.rdf_mapping, which escapes literals and builds IRIs from safe keys.
    if len(data) > BULK_BYTES:
        store.bulk_load(data, format=ox.RdfFormat.N_TRIPLES, lenient=True)
    else:
        store.load(data, format=ox.RdfFormat.N_TRIPLES, lenient=True)


def apply(store: ox.Store, batch: Batch) -> None:
    """Load ``batch`` into ``store``: its data, the removals, then the completion marks."""
    try:
        _load(store, batch.lines)
        for quad in batch.obsolete:
            store.remove(quad)
        _load(store, batch.completion)
    except SyntaxError as exc:
        raise StoreRejected(f"the store refused the data: {exc}") from None
    except OSError as exc:
        raise StoreError(f"writing to the store failed: {exc}") from None


class Loader:
    """One background thread that loads batches in order; an error surfaces at the writer's next call."""

    def __init__(self, store: ox.Store) -> None:
        self._store = store
        self._jobs: queue.Queue[Batch | None] = queue.Queue(maxsize=1)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="kg-store-loader", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (batch := self._jobs.get()) is not None:
            try:
                if self._error is None:
                    apply(self._store, batch)
            except BaseException as exc:  # handed to the writing thread, which raises it
                self._error = exc
            finally:
                self._jobs.task_done()
        self._jobs.task_done()

    def _check(self) -> None:
        if self._error is not None:
            error, self._error = self._error, None
            try:
                raise error
            finally:
                # The traceback holds this frame: without this, error and frame keep each other (and the store
                # the session wrote to) alive until the garbage collector runs, and the store stays locked.
                del error

    def submit(self, batch: Batch) -> None:
        self._check()
        self._jobs.put(batch)

    def drain(self) -> None:
        """Wait until every batch submitted so far is loaded and its documents marked complete."""
        self._jobs.join()
        self._check()

    def close(self) -> None:
        self._jobs.put(None)
        self._thread.join()
