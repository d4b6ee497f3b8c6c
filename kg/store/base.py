"""The Store interface every backend implements, and the results it returns.

A store holds documents, entities, claims and their evidence. Writing is idempotent: a claim already held
gains the new evidence and nothing else; a document already held completely is not written again.
Reading back yields the same model objects that extraction produced, so exporters and the renderer work with
any backend.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, ClassVar, Self

from kg.errors import QueryError
from kg.model import Claim, Document, Entity, Resolution

__all__ = ["ClaimFilter", "Counted", "QueryResult", "RetractResult", "Stats", "Store", "WriteResult", "write_each"]


@dataclass(frozen=True)
class QueryResult:
    """Rows of a query answer: plain Python values (str, int, float, bool or None), one tuple per row."""

    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


@dataclass
class WriteResult:
    documents: int = 0
    claims_added: int = 0
    evidence_added: int = 0
    entities_added: int = 0

    def __iadd__(self, other: WriteResult) -> Self:
        self.documents += other.documents
        self.claims_added += other.claims_added
        self.evidence_added += other.evidence_added
        self.entities_added += other.entities_added
        return self


#: Told what each batch of :meth:`Store.write_many` adds.
Counted = Callable[[WriteResult], None] | None


def write_each(
    write: Callable[[Sequence[Document], Sequence[Claim]], WriteResult],
    batches: Iterable[tuple[Sequence[Document], Sequence[Claim]]],
    counted: Counted = None,
) -> WriteResult:
    """``write`` applied to batch after batch, ``counted`` told each result as it comes; their sum.

    >>> heard: list[WriteResult] = []
    >>> count = lambda docs, claims: WriteResult(documents=len(docs))
    >>> write_each(count, [(["a"], []), (["b", "c"], [])], heard.append).documents
    3
    >>> [r.documents for r in heard]
    [1, 2]
    """
    total = WriteResult()
    for documents, claims in batches:
        result = write(documents, claims)
        if counted is not None:
            counted(result)
        total += result
    return total


@dataclass
class RetractResult:
    documents: int = 0
    claims_removed: int = 0
    evidence_removed: int = 0
    entities_removed: int = 0


@dataclass(frozen=True)
class ClaimFilter:
    """Which claims to read back; every field left as None matches all."""

    document: str | None = None
    entities: frozenset[str] | None = None
    predicates: frozenset[str] | None = None
    limit: int | None = None


@dataclass
class Stats:
    counts: dict[str, int] = field(default_factory=dict)
    predicates: dict[str, int] = field(default_factory=dict)


class Store(ABC):
    """A place that holds the graph. Backends register under ``kg.stores`` and name the URI schemes they serve
    (an empty scheme is a local path: the embedded default)."""

    schemes: ClassVar[tuple[str, ...]] = ()
    #: Query languages the backend answers, e.g. ``{"sparql"}``.
    query_languages: ClassVar[frozenset[str]] = frozenset()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @classmethod
    @abstractmethod
    def open(cls, location: str, *, readonly: bool = False, wait: float = 0.0, **options: Any) -> Store:
        """Open the store at ``location``; ``readonly`` for queries, ``wait`` seconds for a busy store."""

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def known_documents(self, ids: Iterable[str]) -> set[str]:
        """Those of ``ids`` whose ingestion completed."""

    @abstractmethod
    def write(self, documents: Sequence[Document], claims: Sequence[Claim]) -> WriteResult:
        """Store documents and claims (with their evidence); idempotent."""

    def write_many(
        self, batches: Iterable[tuple[Sequence[Document], Sequence[Claim]]], counted: Counted = None
    ) -> WriteResult:
        """Store batch after batch, as :meth:`write` would; a backend may overlap preparing one batch with
        writing the one before. The way to bulk-load. ``counted``, if given, hears what each batch adds as
        soon as that is known, in order: a refused batch (:class:`kg.errors.StoreRejected`) can then be told
        from the ones before it."""
        return write_each(self.write, batches, counted)

    @abstractmethod
    def find_documents(self, source: str) -> list[str]:
        """Ids of the documents ``source`` names: a document id, the path or ``path:line`` it was read from, or
        its URL."""

    @abstractmethod
    def retract(self, document_ids: Sequence[str]) -> RetractResult:
        """Remove documents and their evidence, and every claim and entity no other document supports.

        A claim that other documents also support stays, with their evidence; an entity stays while any
        remaining claim or evidence refers to it. Retracting what is not there does nothing.
        """

    @abstractmethod
    def run_query(self, language: str, text: str, params: Mapping[str, object]) -> QueryResult:
        """Answer a query in one of :attr:`query_languages`, with ``params`` bound as parameters."""

    def query(self, text: str, language: str, params: Mapping[str, object] | None = None) -> QueryResult:
        if language not in self.query_languages:
            answers = ", ".join(sorted(self.query_languages)) or "no queries"
            raise QueryError(f"this store answers {answers}, not {language}")
        return self.run_query(language, text, params or {})

    @abstractmethod
    def stats(self) -> Stats:
        """Counts of documents, entities, claims and evidence, and claims per predicate."""

    @abstractmethod
    def documents(self, ids: Iterable[str] | None = None) -> Iterator[Document]:
        """Completely ingested documents (those of ``ids`` only, if given)."""

    @abstractmethod
    def entities(self) -> Iterator[Entity]: ...

    @abstractmethod
    def claims(self, where: ClaimFilter | None = None) -> Iterator[Claim]:
        """Claims with all their evidence, as model objects."""

    # -- entity resolution: corrections of who is who ----------------------------------------------------

    @abstractmethod
    def replace_claims(self, removed: Sequence[str], added: Sequence[Claim]) -> WriteResult:
        """Remove the claims whose ids are ``removed``, then write ``added``; in one call, so that a merge or
        a split of entities moves claims from one entity to another.

        Removing a claim removes its claim node, its plain triple (and the parent property's triple, such as
        ``kg:said`` for ``kg:wrote``, unless another claim still states it) and all its evidence. Entities
        that no remaining claim or evidence refers to are removed too. ``added`` is written as :meth:`write`
        writes claims: the documents of its evidence must already be stored, and extraction activities that
        exist keep their time. Ids in ``removed`` that are not stored are ignored.
        """

    @abstractmethod
    def record_resolution(self, resolution: Resolution) -> None:
        """Keep ``resolution`` (a merge, split or ambiguity) with its agent and time; recording the same
        resolution twice (same :attr:`Resolution.id`) keeps one."""

    @abstractmethod
    def resolutions(self) -> list[Resolution]:
        """Every recorded resolution, oldest first."""
