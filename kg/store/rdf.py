"""The embedded default store: an on-disk Oxigraph (pyoxigraph) RDF store, answering SPARQL 1.1.

Chosen by measurement (DESIGN.md, "Storage"): it bulk-loads hundreds of thousands of triples a second,
reopens in milliseconds and answers the usual questions in milliseconds; rdflib's in-memory graph needed
tens of seconds to reload and could not answer two-hop questions at scale.

A document counts as stored once it has its completion mark (``kg:ingestedAt``), written in the same
transaction as everything else of its batch, or after it when a batch is too big for one transaction. A
run killed before the mark leaves a document that the next run clears and writes again (see
:meth:`RdfStore.write`), so an interrupted ingestion is completed without duplicates.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

import pyoxigraph as ox

from kg.errors import QueryError, StoreError, StoreRejected
from kg.model import Claim, Document, Entity, EntityType, ExtractorInfo, Resolution
from kg.store import rdf_mapping as rm
from kg.store import rdf_resolution as rr
from kg.store import sparql
from kg.store.base import ClaimFilter, QueryResult, RetractResult, Stats, Store, WriteResult
from kg.store.lock import StoreLock
from kg.store.rdf_reading import claims_from_rows, document_from_row, entity_from_row, key_of
from kg.vocab import ENTITY_CLASSES, KG, PROV, RDF, SCHEMA, iri

__all__ = ["RdfStore"]

#: Above this many lines a write uses the bulk loader (fast, not atomic) instead of a transaction.
BULK_LINES = 200_000

_TYPE = ox.NamedNode(RDF + "type")
_PREDICATE = ox.NamedNode(RDF + "predicate")
_SUPPORTS = ox.NamedNode(KG + "supports")
_INGESTED = ox.NamedNode(KG + "ingestedAt")
_IDENTIFIER = ox.NamedNode(SCHEMA + "identifier")
_USED = ox.NamedNode(PROV + "used")
_THING = ox.NamedNode(ENTITY_CLASSES[EntityType.THING])
_CLASSES = {ox.NamedNode(c) for c in ENTITY_CLASSES.values()}


class _LineStream(io.RawIOBase):
    """N-Triples lines as a readable binary stream, encoded as they are read."""

    def __init__(self, lines: Iterable[str]) -> None:
        self._lines = iter(lines)
        self._pending = bytearray()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        want = len(buffer)
        while len(self._pending) < want:
            line = next(self._lines, None)
            if line is None:
                break
            self._pending += line.encode("utf-8")
            self._pending += b"\n"
        size = min(want, len(self._pending))
        buffer[:size] = self._pending[:size]
        del self._pending[:size]
        return size


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


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

    def _has(self, subject: str, predicate: ox.NamedNode) -> bool:
        return next(iter(self._store.quads_for_pattern(ox.NamedNode(subject), predicate, None)), None) is not None

    def known_documents(self, ids: Iterable[str]) -> set[str]:
        return {i for i in ids if self._has(iri("doc", i), _INGESTED)}

    def _started(self, document: str) -> bool:
        """True if anything of ``document`` is stored: its node, or an extraction activity that used it."""
        node = ox.NamedNode(iri("doc", document))
        return self._has(node.value, _IDENTIFIER) or any(True for _ in self._store.quads_for_pattern(None, _USED, node))

    def _entity_lines(self, entity: Entity, result: WriteResult, retype: dict[ox.NamedNode, ox.NamedNode]) -> list[str]:
        """An entity keeps the first specific type it was given; a vague type (Thing) yields to a specific one."""
        node = ox.NamedNode(iri("entity", entity.id))
        found = self._store.quads_for_pattern(node, _TYPE, None)
        classes = {q.object for q in found if isinstance(q.object, ox.NamedNode)} & _CLASSES
        new_class = ox.NamedNode(ENTITY_CLASSES[entity.type])
        if not classes:
            result.entities_added += 1
            return rm.entity_lines(entity)
        if _THING in classes and (len(classes) > 1 or new_class != _THING):
            # Replaced in one update of its own (see _retype): an entity never ends up with no class.
            retype[node] = next(iter(classes - {_THING}), new_class)
        return rm.entity_lines(entity, with_type=False)

    def write(self, documents: Sequence[Document], claims: Sequence[Claim]) -> WriteResult:
        """Store a batch in steps that each leave a consistent store, so that ``kill -9`` at any point is safe.

        Documents already complete are skipped. Remains of an interrupted earlier write of a document are
        removed first, so finishing it adds nothing twice (not even a second extraction time). Everything
        else, with the completion marks, goes in one transaction; a batch too big for one goes through the
        bulk loader first and gets its marks after, which the next run treats as interrupted if it dies.
        """
        self._writable()
        done = self.known_documents({d.id for d in documents})
        fresh = list({d.id: d for d in documents if d.id not in done}.values())
        self._delete([d.id for d in fresh if self._started(d.id)])
        when = _now()
        result = WriteResult(documents=len(fresh))
        lines = [line for doc in fresh for line in rm.document_lines(doc)]
        retype: dict[ox.NamedNode, ox.NamedNode] = {}
        entities: dict[str, Entity] = {}
        lines += self._claim_lines(claims, done, when, result, entities)
        for entity in entities.values():
            lines += self._entity_lines(entity, result, retype)
        self._retype(retype)
        marks = [rm.completion_line(doc, when) for doc in fresh]
        if len(lines) + len(marks) <= BULK_LINES:
            self._load(lines + marks)
            return result
        try:
            self._load(lines, bulk=True)
        except StoreRejected:
            self._delete(d.id for d in fresh)  # what the bulk loader wrote before it stopped
            raise
        self._load(marks)
        return result

    def _claim_lines(
        self, claims: Sequence[Claim], done: set[str], when: str, result: WriteResult, entities: dict[str, Entity]
    ) -> list[str]:
        """Lines of new claims and of evidence from documents not yet complete; counts what is new."""
        lines: list[str] = []
        seen_claims: set[str] = set()
        seen_evidence: set[str] = set()
        activities: set[tuple[str, ExtractorInfo]] = set()
        for claim in claims:
            evidence = [ev for ev in claim.evidence if ev.document not in done]
            if not evidence:
                continue
            if claim.id not in seen_claims and not self._has(iri("claim", claim.id), _PREDICATE):
                result.claims_added += 1
                lines += rm.claim_lines(claim)
            seen_claims.add(claim.id)
            for entity in claim.entities():
                if entity.id not in entities or entities[entity.id].type is EntityType.THING:
                    entities[entity.id] = entity
            for ev in evidence:
                if (ev.document, ev.extractor) not in activities:
                    activities.add((ev.document, ev.extractor))
                    if not self._has(rm.activity_iri(ev.document, ev.extractor).strip("<>"), _USED):
                        lines += rm.activity_lines(ev.document, ev.extractor, when)
                key = claim.evidence_id(ev)
                if key not in seen_evidence and not self._has(iri("evidence", key), _SUPPORTS):
                    result.evidence_added += 1
                seen_evidence.add(key)
                lines += rm.evidence_lines(claim, ev)
        return lines

    def _writable(self) -> None:
        if self.readonly:
            raise StoreError("the store was opened read-only")

    def _retype(self, retype: dict[ox.NamedNode, ox.NamedNode]) -> None:
        """Replace the vague class of entities by a specific one, atomically."""
        if retype:
            gone = " ".join(f"{node} {_TYPE} {_THING} ." for node in retype)
            added = " ".join(f"{node} {_TYPE} {cls} ." for node, cls in retype.items())
            self._update(f"DELETE DATA {{ {gone} }} ; INSERT DATA {{ {added} }}")

    def _update(self, update: str) -> None:
        try:
            self._store.update(update, prefixes=sparql.PREFIXES)
        except (OSError, SyntaxError) as exc:
            raise StoreError(f"updating {self.path} failed: {exc}") from None

    def _load(self, lines: list[str], bulk: bool = False) -> None:
        if not lines:
            return
        # Streamed: joining and encoding a big batch at once would hold it in memory three times over.
        data = io.BufferedReader(_LineStream(lines), buffer_size=1 << 20)
        try:
            if bulk:
                self._store.bulk_load(input=data, format=ox.RdfFormat.N_TRIPLES)
            else:
                self._store.load(input=data, format=ox.RdfFormat.N_TRIPLES)
        except SyntaxError as exc:
            raise StoreRejected(f"the store refused the data: {exc}") from None
        except OSError as exc:
            raise StoreError(f"writing to {self.path} failed: {exc}") from None

    # -- reading ---------------------------------------------------------------------------------------

    def run_query(self, language: str, text: str, params: Mapping[str, object]) -> QueryResult:
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
        for row in self._select(sparql.ENTITIES):
            yield entity_from_row(row)

    def claims(self, where: ClaimFilter | None = None) -> Iterator[Claim]:
        where = where or ClaimFilter()
        rows = self._select(sparql.EVIDENCE.replace("{FILTER}", self._filter(where)))
        if where.limit is not None:
            keep = list(dict.fromkeys(r["c"] for r in rows))[: where.limit]
            wanted = set(keep)
            rows = [r for r in rows if r["c"] in wanted]
        docs = {d.id: d for d in self.documents(key_of(r["doc"], "doc") for r in rows)}
        entities = {e.id: e for e in self.entities()}
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
        claims = {iri("claim", i) for i in removed}
        if claims:
            chosen = sparql.values("c", sorted(claims))
            entities = {str(r["x"]) for r in self._select(rr.CLAIM_ENTITIES.replace("{CLAIMS}", chosen))}
            self._update(sparql.unsupported_update(rr.REMOVE_CLAIM_EVIDENCE + sparql.UNSUPPORTED, claims, entities))
        return self.write([], added)

    def record_resolution(self, resolution: Resolution) -> None:
        self._writable()
        if not self._has(iri("resolution", resolution.id), _TYPE):
            self._load(rr.resolution_lines(resolution, _now()))

    def resolutions(self) -> list[Resolution]:
        return [rr.resolution_from_row(row) for row in self._select(rr.RESOLUTIONS)]

    def dump(self, output: BinaryIO, format: ox.RdfFormat) -> None:
        """Serialise the whole store natively (Turtle, TriG, N-Quads, N-Triples, JSON-LD, RDF/XML)."""
        graph = None if format.supports_datasets else ox.DefaultGraph()
        try:
            self._store.dump(output, format, from_graph=graph, prefixes=sparql.PREFIXES)
        except BrokenPipeError:
            raise  # the reader went away: not a failure of the store
        except (OSError, ValueError) as exc:
            raise StoreError(f"export failed: {exc}") from None
