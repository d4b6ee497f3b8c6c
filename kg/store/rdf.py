"""The embedded default store: an on-disk Oxigraph (pyoxigraph) RDF store, answering SPARQL 1.1.

Chosen by measurement (DESIGN.md, "Storage"): it bulk-loads hundreds of thousands of triples a second,
reopens in milliseconds and answers the usual questions in milliseconds; rdflib's in-memory graph needed
tens of seconds to reload and could not answer two-hop questions at scale.

Writes go in two steps (:mod:`kg.store.rdf_writing`): everything of a batch of documents, then each
document's completion mark. A run killed in between leaves documents without the mark, which the next run
clears and ingests again, so that finishing them adds nothing twice; readers skip them until then.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, BinaryIO

import pyoxigraph as ox

from kg.errors import QueryError, StoreError
from kg.model import Claim, Document, Entity, Resolution
from kg.store import rdf_resolution as rr
from kg.store import sparql
from kg.store.base import ClaimFilter, Counted, QueryResult, RetractResult, Stats, Store, WriteResult
from kg.store.lock import StoreLock
from kg.store.rdf_loading import Batch, apply
from kg.store.rdf_reading import claims_from_rows, document_from_row, entity_from_row, key_of
from kg.store.rdf_writing import WriteSession, now
from kg.vocab import KG, RDF, iri, vocabulary

__all__ = ["RdfStore"]

_INGESTED = ox.NamedNode(KG + "ingestedAt")
_TYPE = ox.NamedNode(RDF + "type")


class RdfStore(Store):
    """An Oxigraph store in a directory. Readers share it; a writer has it alone (see :mod:`kg.store.lock`)."""

    schemes = ("", "file")
    query_languages = frozenset({"sparql"})

    def __init__(self, path: str | os.PathLike[str], *, readonly: bool = False, wait: float = 0.0) -> None:
        self.path = Path(path)
        self.readonly = readonly
        if readonly and not (self.path / "CURRENT").exists():
            raise StoreError(f"no store at {self.path}: ingest some articles first (kg ingest PATH --store {path})")
        if self.path.exists() and not self.path.is_dir():
            raise StoreError(f"{self.path} is a file, not a store directory")
        self._session: WriteSession | None = None
        self._recorded: set[str] = set()
        self._lock = StoreLock(self.path, exclusive=not readonly, wait=wait)
        self._lock.acquire()
        try:
            self._store = ox.Store.read_only(str(self.path)) if readonly else ox.Store(str(self.path))
        except OSError as exc:
            self._lock.release()
            raise StoreError(f"cannot open the store at {self.path}: {exc}") from None

    @classmethod
    def open(cls, location: str, *, readonly: bool = False, wait: float = 0.0, **_options: Any) -> RdfStore:
        return cls(location.removeprefix("file://"), readonly=readonly, wait=wait)

    def close(self) -> None:
        if getattr(self, "_store", None) is not None:
            if not self.readonly:
                self._store.flush()
            del self._store
            self._store = None  # type: ignore[assignment]
        self._lock.release()

    # -- writing --------------------------------------------------------------------------------------

    def known_documents(self, ids: Iterable[str]) -> set[str]:
        return {i for i in ids if self._has(iri("doc", i), _INGESTED)}

    def _has(self, subject: str, predicate: ox.NamedNode) -> bool:
        return next(iter(self._store.quads_for_pattern(ox.NamedNode(subject), predicate, None)), None) is not None

    def write(self, documents: Sequence[Document], claims: Sequence[Claim]) -> WriteResult:
        return self.write_many([(documents, claims)])

    def write_many(
        self, batches: Iterable[tuple[Sequence[Document], Sequence[Claim]]], counted: Counted = None
    ) -> WriteResult:
        """Write batch after batch; each is prepared while the one before it is being loaded."""
        self._writable()
        if self._session is not None:  # a rewrite while a bulk write is under way joins it
            return self._session.write_all(batches, counted)
        try:
            with WriteSession(self._store, clear=self._delete) as session:
                self._session = session
                try:
                    return session.write_all(batches, counted)
                finally:
                    self._session = None
        except StoreError as exc:
            raise type(exc)(f"{self.path}: {exc}") from None

    def _writable(self) -> None:
        if self.readonly:
            raise StoreError("the store was opened read-only")

    def _update(self, update: str) -> None:
        try:
            self._store.update(update, prefixes=sparql.PREFIXES)
        except (OSError, SyntaxError) as exc:
            raise StoreError(f"updating {self.path} failed: {exc}") from None

    def _settle(self) -> None:
        """Wait for the batches handed to the loader: a read must see everything written before it."""
        if self._session is not None:
            self._session.settle()

    def _load_lines(self, lines: list[str]) -> None:
        if self._session is not None:
            self._session.submit(Batch(lines=lines))
            return
        try:
            apply(self._store, Batch(lines=lines))
        except StoreError as exc:
            raise type(exc)(f"{self.path}: {exc}") from None

    # -- reading ---------------------------------------------------------------------------------------

    def run_query(self, language: str, text: str, params: Mapping[str, object]) -> QueryResult:
        self._settle()
        try:
            answer = self._store.query(text, prefixes=sparql.PREFIXES, substitutions=sparql.substitutions(params))
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}") from None
        except (RuntimeError, ValueError, OSError) as exc:
            raise QueryError(str(exc)) from None
        return sparql.result_of(answer)

    def _select(self, text: str, **params: object) -> list[dict[str, Any]]:
        return self.run_query("sparql", text, params).records()

    def stats(self) -> Stats:
        counts = {name: int(self._select(q)[0]["n"]) for name, q in sparql.COUNT_OF.items()}
        counts["triples"] = len(self._store)
        per = {str(r["p"]).removeprefix(KG): int(r["n"]) for r in self._select(sparql.PER_PREDICATE)}
        return Stats(counts, per)

    def documents(self, ids: Iterable[str] | None = None) -> Iterator[Document]:
        chosen = "" if ids is None else sparql.values("doc", [iri("doc", i) for i in sorted(set(ids))])
        for row in self._select(sparql.DOCUMENTS.replace("{FILTER}", chosen)):
            yield document_from_row(row)

    def entities(self) -> Iterator[Entity]:
        return self._entities(None)

    def _entities(self, iris: Iterable[str] | None) -> Iterator[Entity]:
        """The entities of ``iris`` (all of them for None)."""
        chosen = "" if iris is None else sparql.values("e", sorted(set(iris)))
        for row in self._select(sparql.ENTITIES.replace("{FILTER}", chosen)):
            yield entity_from_row(row)

    def claims(self, where: ClaimFilter | None = None) -> Iterator[Claim]:
        where = where or ClaimFilter()
        rows = self._select(sparql.EVIDENCE.replace("{FILTER}", self._filter(where)))
        if where.limit is not None:
            keep = list(dict.fromkeys(r["c"] for r in rows))[: where.limit]
            wanted = set(keep)
            rows = [r for r in rows if r["c"] in wanted]
        docs = {d.id: d for d in self.documents(key_of(r["doc"], "doc") for r in rows)}
        # Only the entities these claims name: reading all of them made every filtered call cost the whole
        # store. For all claims, one unfiltered read is cheaper than a VALUES block of every entity.
        named = None if where == ClaimFilter() else _entities_named(rows)
        entities = {e.id: e for e in self._entities(named)}
        yield from claims_from_rows(rows, docs, entities)

    @staticmethod
    def _filter(where: ClaimFilter) -> str:
        parts = []
        if where.document is not None:
            parts.append(sparql.values("doc", [iri("doc", where.document)]))
        if where.predicates is not None:
            parts.append(sparql.values("p", [KG + p for p in sorted(where.predicates)]))
        if where.entities is not None:
            ents = sparql.values("x", [iri("entity", e) for e in sorted(where.entities)])
            parts.append(f"{{ {ents} ?c rdf:subject ?x }} UNION {{ {ents} ?c rdf:object ?x }}")
        return "\n  ".join(parts)

    def find_documents(self, source: str) -> list[str]:
        rows = self._select(sparql.FIND_DOCUMENTS, source=source)
        return sorted({str(r["id"]) for r in rows})

    def retract(self, document_ids: Sequence[str]) -> RetractResult:
        self._writable()
        if not document_ids:
            return RetractResult()
        before = self.stats().counts
        self._delete(document_ids)
        after = self.stats().counts
        return RetractResult(
            documents=before["documents"] - after["documents"],
            claims_removed=before["claims"] - after["claims"],
            evidence_removed=before["evidence"] - after["evidence"],
            entities_removed=before["entities"] - after["entities"],
        )

    def _delete(self, document_ids: Iterable[str]) -> None:
        """Remove documents, complete or not, with everything only they support, in one transaction."""
        docs = [iri("doc", i) for i in sorted(set(document_ids))]
        if docs:
            found = self._select(sparql.RETRACT_CANDIDATES.replace("{FILTER}", sparql.values("doc", docs)))
            update = sparql.RETRACT.replace("{DOCS}", sparql.values("doc", docs))
            self._update(sparql.unsupported_update(update, {str(r["c"]) for r in found}, {str(r["x"]) for r in found}))

    # -- entity resolution ------------------------------------------------------------------------------------

    def replace_claims(self, removed: Sequence[str], added: Sequence[Claim]) -> WriteResult:
        self._writable()
        self._settle()
        claims = {iri("claim", i) for i in removed}
        if claims:
            chosen = sparql.values("c", sorted(claims))
            entities = {str(r["x"]) for r in self._select(rr.CLAIM_ENTITIES.replace("{CLAIMS}", chosen))}
            self._update(sparql.unsupported_update(rr.REMOVE_CLAIM_EVIDENCE + sparql.UNSUPPORTED, claims, entities))
            if self._session is not None:
                self._session.forget()
        return self.write([], added)

    def record_resolution(self, resolution: Resolution) -> None:
        self._writable()
        # Remembered as well as looked up: one recorded during a bulk write may not be loaded yet.
        if resolution.id not in self._recorded and not self._has(iri("resolution", resolution.id), _TYPE):
            self._recorded.add(resolution.id)
            self._load_lines(rr.resolution_lines(resolution, now()))

    def resolutions(self) -> list[Resolution]:
        return [rr.resolution_from_row(row) for row in self._select(rr.RESOLUTIONS)]

    def dump(self, output: BinaryIO, format: ox.RdfFormat) -> None:
        """Serialise the whole store natively (Turtle, TriG, N-Quads, N-Triples, JSON-LD, RDF/XML)."""
        graph = None if format.supports_datasets else ox.DefaultGraph()
        self._settle()
        try:
            self._store.dump(output, format, from_graph=graph, prefixes=sparql.PREFIXES)
        except BrokenPipeError:
            raise  # the reader went away: not a failure of the store
        except (OSError, ValueError) as exc:
            raise StoreError(f"export failed: {exc}") from None


def _entities_named(rows: Iterable[Mapping[str, Any]]) -> set[str]:
    """The IRIs of the entities that evidence rows name: subjects, objects of relations, addressees."""
    named: set[str] = set()
    for row in rows:
        named.add(row["s"])
        if not vocabulary()[row["p"][len(KG) :]].is_quote:
            named.add(row["o"])
        if row.get("addressee"):
            named.add(row["addressee"])
    return named
